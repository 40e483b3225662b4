#include "HistoryStore.h"

#include "Clock.h"
#include "HistoryShard.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QLockFile>
#include <QMutex>
#include <QSaveFile>
#include <QSettings>

#include <algorithm>
#include <cerrno>
#include <csignal>

namespace {
constexpr int kLockTimeoutMs = 10000;
constexpr qint64 kPendingGraceSecs = 2 * 3600;

QMutex &inFlightMutex()
{
    static QMutex mutex;
    return mutex;
}

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (pid == QCoreApplication::applicationPid())
        return true;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

// Reads a shard's records in sequence order. Returns false when the file cannot be parsed at all.

} // namespace

HistoryStore::HistoryStore(const QString &directory, QObject *parent)
    : QObject(parent), m_directory(directory)
{
    qRegisterMetaType<HistoryEntry>();
    QDir().mkpath(m_directory);
}

QDateTime HistoryStore::now() const
{
    return m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
}

QStringList HistoryStore::shardFiles() const
{
    const QStringList names = QDir(m_directory).entryList({QStringLiteral("h-*.ini")}, QDir::Files);
    QList<QPair<qint64, QString>> shards;
    for (const QString &name : names) {
        const qint64 first = HistoryShard::firstSeq(name);
        if (first > 0)
            shards.append({first, QDir(m_directory).filePath(name)});
    }
    std::sort(shards.begin(), shards.end());
    QStringList paths;
    for (const auto &s : shards)
        paths.append(s.second);
    return paths;
}

bool HistoryStore::readShardTail(const QString &path, Tail *tail) const
{
    QSettings settings(path, QSettings::IniFormat);
    settings.sync(); // another process may have appended since this process last read it
    settings.beginGroup(QStringLiteral("records"));
    const QStringList keys = settings.childKeys();
    settings.endGroup();
    if (keys.isEmpty())
        return false;
    qint64 last = 0;
    for (const QString &k : keys)
        last = std::max(last, k.toLongLong());
    tail->shard = path;
    tail->seq = last;
    tail->hash = settings.value(QStringLiteral("hashes/") + HistoryShard::seqKey(last)).toString();
    tail->count = int(keys.size());
    tail->month = settings.value(QStringLiteral("meta/month")).toString();
    return true;
}

bool HistoryStore::readTail(Tail *tail, QString *error) const
{
    tail->seq = 0;
    tail->hash = genesisHash();
    const HistoryShard::Head head = HistoryShard::readHead(m_directory);
    const bool headValid = head.seq > 0 && head.mac == m_chain.headMac(head.seq, head.hash);
    // The head names the newest shard, so an append reads one small file instead of listing the folder
    // (which grows by a file per hundred records). Without a usable head, list and walk back past shards
    // that hold no readable record (a crash while creating one, or damage).
    const QString named = headValid && !head.shard.isEmpty() ? QDir(m_directory).filePath(head.shard) : QString();
    // A crash between writing a new shard and the head leaves a shard the head does not name: look for it.
    auto startsAfter = [this](const Tail &t) {
        for (const QString &month : {t.month, now().toUTC().toString(QStringLiteral("yyyy-MM"))}) {
            if (QFileInfo::exists(QDir(m_directory).filePath(QStringLiteral("h-%1-%2.ini").arg(month, HistoryShard::seqKey(t.seq + 1)))))
                return true;
        }
        return false;
    };
    if (named.isEmpty() || !QFileInfo::exists(named) || !readShardTail(named, tail) || tail->seq < head.seq
        || startsAfter(*tail)) {
        *tail = Tail();
        tail->hash = genesisHash();
        const QStringList shards = shardFiles();
        for (qsizetype i = shards.size() - 1; i >= 0; --i) {
            if (readShardTail(shards[i], tail))
                break;
        }
    }
    // The head remembers the newest record even when its shard was quarantined, so numbering never
    // reuses a number and the gap stays visible to verify().
    if (headValid && head.seq > tail->seq) {
        tail->seq = head.seq;
        tail->hash = head.hash;
        tail->shard.clear();
    }
    if (tail->hash.size() != 64) {
        if (error)
            *error = QCoreApplication::translate("HistoryStore", "The newest history record has no valid hash; run the history check.");
        return false;
    }
    return true;
}

bool HistoryStore::writeHead(qint64 seq, const QString &hash, const QString &shard, QString *error) const
{
    QSaveFile file(QDir(m_directory).filePath(HistoryShard::kHeadFile));
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(QByteArray::number(seq) + ' ' + hash.toLatin1() + ' ' + m_chain.headMac(seq, hash).toLatin1() + ' '
               + QFileInfo(shard).fileName().toUtf8() + '\n');
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

qint64 HistoryStore::appendRecord(const QJsonObject &record, QString *error)
{
    if (!QDir().mkpath(m_directory)) {
        if (error)
            *error = QCoreApplication::translate("HistoryStore", "Cannot create the history folder %1.").arg(m_directory);
        return 0;
    }
    QLockFile lock(QDir(m_directory).filePath(QStringLiteral(".lock")));
    lock.setStaleLockTime(30000);
    if (!lock.tryLock(kLockTimeoutMs)) {
        if (error)
            *error = QCoreApplication::translate("HistoryStore", "The history is locked by another program (%1); nothing was sent.").arg(lock.error());
        return 0;
    }
    Tail tail;
    if (!readTail(&tail, error))
        return 0;
    const qint64 seq = tail.seq + 1;
    const QString month = now().toUTC().toString(QStringLiteral("yyyy-MM"));
    QString shard = tail.shard;
    const bool fresh = shard.isEmpty() || tail.count >= m_shardCapacity || tail.month != month;
    if (fresh)
        shard = QDir(m_directory).filePath(QStringLiteral("h-%1-%2.ini").arg(month, HistoryShard::seqKey(seq)));

    const QString text = QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact));
    const QString hash = m_chain.recordHash(tail.hash, seq, text);
    QSettings settings(shard, QSettings::IniFormat);
    if (fresh) {
        settings.setValue(QStringLiteral("meta/format"), HistoryShard::kFormat);
        settings.setValue(QStringLiteral("meta/month"), month);
    }
    settings.setValue(QStringLiteral("records/") + HistoryShard::seqKey(seq), text);
    settings.setValue(QStringLiteral("hashes/") + HistoryShard::seqKey(seq), hash);
    settings.sync(); // QSettings writes through QSaveFile: complete file, fsync, atomic rename
    if (settings.status() != QSettings::NoError || !QFileInfo::exists(shard)) {
        if (error)
            *error = QCoreApplication::translate("HistoryStore", "Could not write the history file %1; nothing was sent.").arg(shard);
        return 0;
    }
    QString headError;
    if (!writeHead(seq, hash, shard, &headError)) {
        if (error)
            *error = QCoreApplication::translate("HistoryStore", "Could not write the history head: %1").arg(headError);
        return 0;
    }
    return seq;
}

qint64 HistoryStore::begin(const HistoryEntry &entry, QString *error)
{
    const QJsonObject record{
        {QStringLiteral("type"), QStringLiteral("begin")},
        {QStringLiteral("time"), HistoryShard::timeText(entry.time.isValid() ? entry.time : now())},
        {QStringLiteral("operator"), entry.operatorEmail},
        {QStringLiteral("profile"), entry.profileName},
        {QStringLiteral("environment"), environmentName(entry.environment)},
        {QStringLiteral("partner_id"), entry.partnerId},
        {QStringLiteral("host"), entry.host},
        {QStringLiteral("user_id"), entry.userId},
        {QStringLiteral("action"), ActionInfo::cliName(entry.action)},
        {QStringLiteral("reason"), entry.reason},
        {QStringLiteral("face"), entry.face},
        {QStringLiteral("pid"), QCoreApplication::applicationPid()},
    };
    const qint64 id = appendRecord(record, error);
    if (id > 0) {
        {
            QMutexLocker locker(&inFlightMutex());
            m_inFlight.insert(id);
        }
        HistoryEntry stored = entry;
        stored.id = id;
        stored.time = HistoryShard::parseTime(record.value(QLatin1String("time")));
        stored.pid = QCoreApplication::applicationPid();
        stored.outcome = HistoryEntry::Outcome::Pending;
        emit entryBegun(stored);
    }
    return id;
}

bool HistoryStore::complete(qint64 id, const HistoryEntry &result, QString *error)
{
    QString response = result.response;
    if (response.size() > 16 * 1024)
        response = response.left(16 * 1024) + QStringLiteral("\n[... truncated]");
    const QJsonObject record{
        {QStringLiteral("type"), QStringLiteral("complete")},
        {QStringLiteral("ref"), id},
        {QStringLiteral("time"), HistoryShard::timeText(result.completedAt.isValid() ? result.completedAt : now())},
        {QStringLiteral("outcome"), HistoryEntry::outcomeName(result.outcome)},
        {QStringLiteral("http_status"), result.httpStatus},
        {QStringLiteral("code"), result.code},
        {QStringLiteral("message"), result.message.left(2000)},
        {QStringLiteral("response"), response},
        {QStringLiteral("elapsed_ms"), result.elapsedMs},
        {QStringLiteral("attempts"), result.attempts},
    };
    const qint64 seq = appendRecord(record, error);
    {
        QMutexLocker locker(&inFlightMutex());
        m_inFlight.remove(id);
    }
    if (seq == 0)
        return false;
    HistoryEntry stored = result;
    stored.id = id;
    HistoryShard::applyCompletion(stored, record);
    emit entryCompleted(stored);
    return true;
}

HistoryLoad HistoryStore::load() const
{
    HistoryLoad load;
    QHash<qint64, qsizetype> index;
    for (const QString &path : shardFiles()) {
        QList<HistoryShard::Record> records;
        if (!HistoryShard::read(path, &records, nullptr)) {
            const QString moved = HistoryShard::quarantine(path);
            load.quarantined.append(moved.isEmpty() ? path : moved);
            load.problems.append(moved.isEmpty() ? QCoreApplication::translate("HistoryStore", "The history file %1 cannot be read.").arg(path)
                                                 : QCoreApplication::translate("HistoryStore", "The history file %1 could not be read and was moved to %2; "
                                                      "its entries are missing from this view.")
                                                       .arg(QFileInfo(path).fileName(), moved));
            continue;
        }
        for (const HistoryShard::Record &r : records) {
            if (!r.parsed) {
                load.problems.append(QCoreApplication::translate("HistoryStore", "History record #%1 in %2 is damaged and was skipped.")
                                         .arg(r.seq)
                                         .arg(QFileInfo(path).fileName()));
                continue;
            }
            const QString type = r.json.value(QLatin1String("type")).toString();
            if (type == QLatin1String("begin")) {
                HistoryEntry e;
                if (!HistoryShard::entryFromBegin(r, &e)) {
                    load.problems.append(QCoreApplication::translate("HistoryStore", "History record #%1 has an unknown action or environment.").arg(r.seq));
                    continue;
                }
                e.recordHash = r.hash;
                index.insert(e.id, load.entries.size());
                load.entries.append(e);
            } else if (type == QLatin1String("complete")) {
                const qint64 ref = qint64(r.json.value(QLatin1String("ref")).toDouble());
                const auto it = index.constFind(ref);
                if (it != index.constEnd()) {
                    HistoryEntry &e = load.entries[*it];
                    HistoryShard::applyCompletion(e, r.json);
                    e.completionRecord = r.seq;
                    e.completionHash = r.hash;
                }
            }
        }
    }
    // An action whose process is gone and never recorded an answer is "unknown": it may or may not
    // have reached Smile ID, and it must stay visible.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QMutexLocker locker(&inFlightMutex());
    for (HistoryEntry &e : load.entries) {
        if (e.outcome != HistoryEntry::Outcome::Pending)
            continue;
        const bool ours = e.pid == QCoreApplication::applicationPid();
        const bool alive = ours ? m_inFlight.contains(e.id) : processAlive(e.pid);
        if (!alive || e.time.secsTo(now) > kPendingGraceSecs)
            e.outcome = HistoryEntry::Outcome::Unknown;
    }
    return load;
}

ChainReport HistoryStore::verify() const
{
    QList<HistoryShard::Record> records;
    QStringList unreadable;
    for (const QString &path : shardFiles()) {
        if (!HistoryShard::read(path, &records, nullptr))
            unreadable.append(QFileInfo(path).fileName());
    }
    return m_chain.check(records, unreadable, HistoryShard::readHead(m_directory));
}

qint64 HistoryStore::prune(const QDate &keepFrom, const QString &operatorEmail, QString *error)
{
    const QString cutoff = keepFrom.toString(QStringLiteral("yyyy-MM"));
    const QStringList shards = shardFiles();
    QStringList doomed;
    qint64 removedThrough = 0;
    QString anchor;
    qint64 removedEntries = 0;
    // Only a leading run of old shards, and never the newest: the chain must stay one unbroken line.
    for (qsizetype i = 0; i + 1 < shards.size(); ++i) {
        QList<HistoryShard::Record> records;
        QString month;
        if (!HistoryShard::read(shards[i], &records, &month) || month >= cutoff || records.isEmpty())
            break;
        doomed.append(shards[i]);
        removedThrough = records.last().seq;
        anchor = records.last().hash;
        for (const HistoryShard::Record &r : records)
            removedEntries += r.json.value(QLatin1String("type")) == QLatin1String("begin") ? 1 : 0;
    }
    if (doomed.isEmpty())
        return 0;
    QStringList names;
    for (const QString &d : doomed)
        names.append(QFileInfo(d).fileName());
    // HistoryShard::Record the removal first: a crash after this leaves the files in place and the chain intact.
    const QJsonObject record{
        {QStringLiteral("type"), QStringLiteral("prune")},
        {QStringLiteral("time"), HistoryShard::timeText(now())},
        {QStringLiteral("operator"), operatorEmail},
        {QStringLiteral("keep_from"), cutoff},
        {QStringLiteral("removed_from"), HistoryShard::firstSeq(names.first())},
        {QStringLiteral("removed_through"), removedThrough},
        {QStringLiteral("removed_entries"), removedEntries},
        {QStringLiteral("anchor_hash"), anchor},
        {QStringLiteral("files"), QJsonArray::fromStringList(names)},
    };
    if (appendRecord(record, error) == 0)
        return -1;
    for (const QString &d : doomed) {
        if (!QFile::remove(d)) {
            if (error)
                *error = QCoreApplication::translate("HistoryStore", "Could not remove %1.").arg(d);
            return -1;
        }
    }
    return removedEntries;
}
