#include "LocalHistoryBackend.h"

#include "base/Clock.h"
#include "history/ChainWalk.h"
#include "history/HistoryRecords.h"
#include "history/HistoryRetention.h"
#include "history/local/FileBatch.h"
#include "history/local/FolderWatch.h"
#include "history/local/HistoryLock.h"
#include "history/local/HistoryShard.h"
#include "history/local/HistoryShardWriter.h"
#include "history/local/KeyEpochPlan.h"
#include "history/local/LocalHistoryQueries.h"
#include "history/local/NewestFirstWalk.h"
#include "history/local/RunRecordsWalk.h"
#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSettings>

#include <memory>

LocalHistoryBackend::LocalHistoryBackend(const QString &directory, const Clock *clock, QObject *parent)
    : HistoryBackend(parent), m_directory(directory), m_clock(clock), m_tail(directory, m_chain),
      m_watch(new FolderWatch(directory, this))
{
    connect(m_watch, &FolderWatch::changed, this, &HistoryBackend::changed);
}

LocalHistoryBackend::~LocalHistoryBackend() = default;

QString LocalHistoryBackend::location() const
{
    return QCoreApplication::translate("HistoryStore", "the history in %1").arg(QDir::toNativeSeparators(m_directory));
}

QDateTime LocalHistoryBackend::now() const
{
    return m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
}

Status LocalHistoryBackend::ensureFolder() const
{
    return PrivateFiles::ensureFolder(m_directory);
}

Status LocalHistoryBackend::append(const QList<QJsonObject> &records, QList<qint64> *numbers)
{
    if (!m_refusal.ok())
        return m_refusal;
    if (Status folder = ensureFolder(); !folder.ok())
        return folder;
    const HistoryLock lock(m_directory, m_lockTimeoutMs);
    if (Status locked = lock.status(); !locked.ok())
        return locked;
    Result<Tail> read = m_tail.read(now());
    if (!read.ok())
        return read.status();
    Tail tail = read.value();
    const AnchorState anchor = m_anchor.read();
    if (Status anchored = HistoryAnchor::admits(anchor, QDir::toNativeSeparators(m_anchor.path()), tail.seq, tail.hash,
                                                m_chain);
        !anchored.ok())
        return anchored;
    if (Status anchored = HistoryAnchor::admits(m_keychainAnchor,
                                                QCoreApplication::translate("HistoryStore", "in the keychain"),
                                                tail.seq, tail.hash, m_chain);
        !anchored.ok())
        return anchored;
    return writeRecords(tail, records, numbers, HistoryAnchor::authentic(anchor, m_chain));
}

Status LocalHistoryBackend::writeRecords(Tail tail, const QList<QJsonObject> &records, QList<qint64> *numbers,
                                         bool anchorInPlace)
{
    HistoryShardWriter writer;
    QStringList touched;
    QList<qint64> assigned;
    const QString month = HistoryShard::monthOf(now());
    for (const QJsonObject &record : records) {
        const qint64 seq = tail.seq + 1;
        if (tail.shard.isEmpty() || tail.count >= m_shardCapacity || tail.month != month) {
            const QString fresh = QDir(m_directory)
                                      .filePath(QStringLiteral("h-%1-%2.ini").arg(month, HistoryShard::seqKey(seq)));
            // Never write over a file that is there: it may be the evidence of damage.
            if (QFileInfo::exists(fresh))
                return Status::failure(QCoreApplication::translate(
                                           "HistoryStore",
                                           "The history file %1 already exists although the history ends before it; "
                                           "run the history check. Nothing was sent.")
                                           .arg(fresh),
                                       Status::Kind::Storage);
            writer.set(fresh, QStringLiteral("meta/format"), QString::number(HistoryShard::kFormat));
            writer.set(fresh, QStringLiteral("meta/month"), month);
            tail.shard = fresh;
            tail.count = 0;
            tail.month = month;
        }
        const QString text = QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact));
        const QString hash = m_chain.recordHash(tail.hash, seq, text);
        if (touched.isEmpty() || touched.last() != tail.shard)
            touched.append(tail.shard);
        writer.set(tail.shard, QStringLiteral("records/") + HistoryShard::seqKey(seq), text);
        writer.set(tail.shard, QStringLiteral("hashes/") + HistoryShard::seqKey(seq), hash);
        tail.seq = seq;
        tail.hash = hash;
        ++tail.count;
        assigned.append(seq);
    }
    // The shards and HEAD are written and synced before any of them replaces its file, so a full disk
    // leaves the history exactly as it was. HEAD says the anchor was in place only when it already is
    // (written by an earlier append), so a crash before this append's anchor is never a missing anchor.
    FileBatch batch;
    if (Status staged = writer.stage(batch); !staged.ok())
        return staged;
    m_tail.stageHead(batch, tail.seq, tail.hash, tail.shard, anchorInPlace && m_anchor.enabled());
    if (Status written = batch.commit(); !written.ok())
        return written;
    numbers->append(assigned);
    // The index follows at once, still under the lock, for the few shards written: its cost does not grow
    // with the history. One that could not follow is stale, which the next query sees by the shards'
    // stamps and repairs; the append stands either way.
    if (m_queries)
        m_queries->written(touched);
    m_watch->follow(); // the folder may not have existed when watching began
    // After HEAD: a crash in between leaves the anchor one append behind, which the next append and
    // every check accept. The records are durable by now, so the append stands (a begin that failed
    // here would read "nothing sent" while its record says otherwise): an anchor that could not be
    // written lags, weaker until the next append writes it, and the failure is logged.
    if (Status anchored = m_anchor.write(tail.seq, tail.hash, m_chain); !anchored.ok())
        qWarning("%s",
                 qPrintable(QCoreApplication::translate("HistoryStore", "The history's anchor could not be updated: %1")
                                .arg(anchored.message())));
    // The keychain's copy is written by the service's owner (the keychain answers on its thread);
    // until then this process holds it as written, so its own next append is not refused.
    const QByteArray line = HistoryAnchor::format(tail.seq, tail.hash, m_chain);
    if (m_keychainInUse)
        m_keychainAnchor = HistoryAnchor::parse(line);
    emit anchorWritten(line);
    return Status::success();
}

Result<QList<qint64>> LocalHistoryBackend::begin(const QList<HistoryEntry> &entries)
{
    QList<QJsonObject> records;
    records.reserve(entries.size());
    for (const HistoryEntry &entry : entries)
        records.append(HistoryRecords::begin(entry, now()));
    QList<qint64> ids;
    if (Status written = append(records, &ids); !written.ok())
        return written;
    for (qint64 id : std::as_const(ids))
        m_inFlight.begun(id);
    return ids;
}

Status LocalHistoryBackend::complete(const QList<HistoryEntry> &completions)
{
    QList<QJsonObject> records;
    records.reserve(completions.size());
    for (const HistoryEntry &result : completions)
        records.append(HistoryRecords::completion(result, now()));
    QList<qint64> numbers;
    Status written = append(records, &numbers);
    // Only a written completion ends the in-flight state; one that could not be written is retried
    // by the service, and until then the entry must not read as "unknown".
    if (written.ok()) {
        for (const HistoryEntry &result : completions)
            m_inFlight.answered(result.id);
    }
    return written;
}

Result<HistoryRead> LocalHistoryBackend::read(qint64 from)
{
    HistoryRead result;
    result.newestRecord = qMax<qint64>(0, from - 1);
    const QStringList shards = m_tail.shardFiles();
    QHash<qint64, qsizetype> index;
    QHash<qint64, qsizetype> earlier; // completions of entries begun before `from`
    for (qsizetype i = 0; i < shards.size(); ++i) {
        // A shard holds the records up to the next shard's first: skip those wholly before `from`.
        if (i + 1 < shards.size() && HistoryShard::firstSeq(QFileInfo(shards[i + 1]).fileName()) <= from)
            continue;
        QList<HistoryShard::Record> records;
        if (!HistoryShard::read(shards[i], &records, nullptr)) {
            result.problems.append(QCoreApplication::translate(
                                       "HistoryStore",
                                       "The history file %1 cannot be read; it was left where it is and its entries "
                                       "are missing from this view.")
                                       .arg(QFileInfo(shards[i]).fileName()));
            continue;
        }
        HistoryRecords::collect(records, from, &result, &index, &earlier);
    }
    const QDateTime current = QDateTime::currentDateTimeUtc();
    for (HistoryEntry &e : result.entries)
        m_inFlight.settle(e, current);
    return result;
}

Result<QStringList> LocalHistoryBackend::walkEntries(const EntryVisitor &visit)
{
    const QDateTime current = QDateTime::currentDateTimeUtc();
    NewestFirstWalk walk(m_tail.shardFiles(), [this, current](HistoryEntry &e) { m_inFlight.settle(e, current); });
    return walk.run(visit);
}

std::optional<Result<HistoryRead>> LocalHistoryBackend::walkRunsInSlices(RunWalk &walk)
{
    return RunRecordsWalk::step(walk, [this] {
        // The shards as they are now: entries appended while the walk gives way are not this walk's.
        const QDateTime current = QDateTime::currentDateTimeUtc();
        return NewestFirstWalk(m_tail.shardFiles(),
                               [this, current](HistoryEntry &e) { m_inFlight.settle(e, current); });
    });
}

void LocalHistoryBackend::setIndex(std::unique_ptr<HistoryIndex> index)
{
    m_queries.reset();
    if (!index)
        return;
    index->setGiveWay([this] { return mustGiveWay(); });
    m_queries = std::make_unique<LocalHistoryQueries>(
        m_directory, std::move(index), [this] { return m_tail.shardFiles(); }, m_inFlight);
}

Result<HistoryRead> LocalHistoryBackend::readUser(const QString &userId)
{
    if (const auto found = m_queries ? m_queries->readUser(userId) : std::nullopt)
        return *found;
    // Without a usable index: every shard walked, only this user's entries kept.
    HistoryRead read;
    Result<QStringList> problems = walkEntries([&read, &userId](const HistoryEntry &e) {
        if (e.userId == userId)
            read.entries.prepend(e);
        return true;
    });
    read.problems = problems.valueOr({});
    return read;
}

// Without a usable index, the answers below are the base class's walks of the shards.
Result<HistoryPage> LocalHistoryBackend::page(const HistoryQuery &query, qint64 after, int limit)
{
    const auto found = m_queries && limit >= 0 ? m_queries->page(query, after, limit) : std::nullopt;
    return found ? *found : HistoryBackend::page(query, after, limit);
}

Result<QStringList> LocalHistoryBackend::walkRunEntries(const QStringList &runIds, const EntryVisitor &visit)
{
    // Through page(), which asks the index: a run's entries are found without reading the rest.
    return m_queries ? walkRunsMatching(runIds, visit) : walkRunRecords(runIds, visit);
}

Result<HistoryCounts> LocalHistoryBackend::count(const HistoryQuery &query)
{
    const auto found = m_queries ? m_queries->count(query) : std::nullopt;
    return found ? *found : HistoryBackend::count(query);
}

Result<HistoryEntry> LocalHistoryBackend::readEntry(qint64 id)
{
    const auto found = m_queries ? m_queries->readEntry(id) : std::nullopt;
    return found ? *found : HistoryBackend::readEntry(id);
}

LocalChainCheck::Snapshot LocalHistoryBackend::checkSnapshot()
{
    LocalChainCheck::Snapshot snapshot;
    // Under the lock: a writer between reading the shards and the head would look like a removal.
    const HistoryLock lock(m_directory, m_lockTimeoutMs);
    if (Status locked = lock.status(); !locked.ok() && QFileInfo(m_directory).isDir()) {
        snapshot.locked = locked;
        return snapshot;
    }
    snapshot.head = HistoryShard::readHead(m_directory);
    snapshot.anchor = m_anchor.read();
    snapshot.shards = m_tail.shardFiles();
    // The index knows where the newest key epoch began; the walk finds out if it does not.
    snapshot.epochHint = m_queries ? m_queries->epochHint() : 0;
    if (!snapshot.shards.isEmpty())
        snapshot.lastReadable = HistoryShard::read(snapshot.shards.constLast(), &snapshot.lastRecords, nullptr);
    return snapshot;
}

ChainReport LocalHistoryBackend::verify()
{
    // The lock is held only while the snapshot is taken: other programs' appends go on while the
    // shards are walked (15 s at 1,000,000 entries, longer than a writer waits for the lock).
    LocalChainCheck check(m_chain, m_keychainAnchor, [this] { return checkSnapshot(); });
    check.step();
    return check.report();
}

std::optional<ChainReport> LocalHistoryBackend::verifyInSlices()
{
    if (!m_check)
        m_check = std::make_unique<LocalChainCheck>(m_chain, m_keychainAnchor, [this] { return checkSnapshot(); });
    if (!m_check->step([this] { return mustGiveWay(); }))
        return std::nullopt;
    const ChainReport report = m_check->report();
    m_check.reset();
    return report;
}

Status LocalHistoryBackend::checkClock() const
{
    return HistoryRetention::checkClock(now(), HistoryRetention::newestRecordTime(m_tail.shardFiles()));
}

Result<PruneReport> LocalHistoryBackend::planPrune(const QDate &keepFrom)
{
    const HistoryLock lock(m_directory, m_lockTimeoutMs);
    if (Status locked = lock.status(); !locked.ok() && QFileInfo(m_directory).isDir())
        return locked;
    if (Status clock = checkClock(); !clock.ok())
        return clock;
    return HistoryRetention::plan(m_tail.shardFiles(), keepFrom).report;
}

Result<PruneReport> LocalHistoryBackend::prune(const QDate &keepFrom, const QString &operatorEmail)
{
    if (Status clock = checkClock(); !clock.ok())
        return clock;
    const HistoryRetention::Plan plan = HistoryRetention::plan(m_tail.shardFiles(), keepFrom);
    if (plan.doomed.isEmpty())
        return plan.report;
    // The removal is recorded first: a crash after this leaves the files in place and the chain intact.
    const QJsonObject record = HistoryRecords::prune(now(), operatorEmail, keepFrom.toString(QStringLiteral("yyyy-MM")),
                                                     plan.removedFrom, plan.removedThrough, plan.report.removedEntries,
                                                     plan.anchorHash, plan.report.removedFiles);
    QList<qint64> numbers;
    if (Status written = append({record}, &numbers); !written.ok())
        return written;
    for (const QString &d : plan.doomed) {
        if (!QFile::remove(d))
            return Status::failure(QCoreApplication::translate("HistoryStore", "Could not remove %1.").arg(d),
                                   Status::Kind::Storage);
    }
    return plan.report;
}

void LocalHistoryBackend::watch()
{
    m_watch->start();
}

void LocalHistoryBackend::setKeychainAnchor(const QByteArray &line)
{
    m_keychainInUse = true;
    m_keychainAnchor = line.trimmed().isEmpty() ? AnchorState() : HistoryAnchor::parse(line);
}

Result<qint64> LocalHistoryBackend::beginKeyEpoch(const QString &operatorEmail, const QString &reason)
{
    if (!m_chain.keyed())
        return Status::failure(QCoreApplication::translate("HistoryStore", "No new chain key is set."),
                               Status::Kind::Storage);
    if (Status folder = ensureFolder(); !folder.ok())
        return folder;
    const HistoryLock lock(m_directory, m_lockTimeoutMs);
    if (Status locked = lock.status(); !locked.ok())
        return locked;
    const KeyEpochPlan epoch(m_directory, m_chain, m_anchor.read(), m_keychainAnchor);
    const Result<KeyEpochPlan::Plan> planned = epoch.plan(m_tail, now(), operatorEmail, reason);
    if (!planned.ok())
        return planned.status();
    QList<qint64> numbers;
    const bool anchorInPlace = HistoryAnchor::authentic(m_anchor.read(), m_chain);
    if (Status written = writeRecords(planned.value().tail, {planned.value().record}, &numbers, anchorInPlace);
        !written.ok())
        return written;
    return numbers.value(0);
}
