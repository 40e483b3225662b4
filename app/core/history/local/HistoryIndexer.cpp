#include "HistoryIndexer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QStorageInfo>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
// Shards indexed per transaction while rebuilding: a crash keeps what was done, memory stays small.
constexpr qsizetype kShardsPerCommit = 200;
// The index is never written on a disk with less free than this: the last room belongs to the record
// of truth (an intent must always find room before its request is sent), not to what is derived from it.
constexpr qint64 kReserveBytes = 32 * 1024 * 1024;
} // namespace

HistoryIndexer::HistoryIndexer(QString directory, HistoryIndex *index)
    : m_directory(std::move(directory)), m_index(index),
      m_changes(m_directory, [](const QString &name) { return HistoryShard::firstSeq(name) >= 0; })
{
}

bool HistoryIndexer::knownInStep()
{
    const bool quiet = m_changes.quiet();
    if (!quiet || !m_inStep) {
        m_inStep = false;
        return false;
    }
    // Another process may have written the index (an append's rows, a rebuild): every write there
    // removes the digest until it is in step again, so finding ours still there is enough.
    const Result<QByteArray> stored = m_index->stampsDigest();
    m_inStep = stored.ok() && stored.value() == m_digest;
    return m_inStep;
}

HistoryIndex::Shard HistoryIndexer::stamp(const QString &path)
{
    HistoryIndex::Shard shard;
    shard.name = path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) == 0) {
        shard.size = qint64(info.st_size);
        shard.modifiedNs = qint64(info.st_mtim.tv_sec) * 1000000000 + qint64(info.st_mtim.tv_nsec);
        shard.inode = qint64(info.st_ino);
    }
    return shard;
}

QList<HistoryIndex::Row> HistoryIndexer::rowsOf(const QList<HistoryShard::Record> &records)
{
    using Kind = HistoryIndex::Kind;
    QList<HistoryIndex::Row> rows;
    rows.reserve(records.size());
    for (const HistoryShard::Record &r : records) {
        HistoryIndex::Row row;
        row.seq = r.seq;
        row.entry = r.seq;
        if (!r.parsed) {
            row.kind = Kind::Damaged;
        } else {
            const QString type = r.json.value(QLatin1String("type")).toString();
            if (type == QLatin1String("begin")) {
                HistoryEntry e;
                row.kind = HistoryShard::entryFromBegin(r, &e) ? Kind::Begin : Kind::Unknown;
                row.userId = e.userId;
                row.runId = e.runId;
                row.time = e.time;
                row.action = int(e.action);
                row.pid = e.pid;
                row.search = HistoryQuery::searchText(e);
            } else if (type == QLatin1String("complete")) {
                row.kind = Kind::Complete;
                row.entry = qint64(r.json.value(QLatin1String("ref")).toDouble());
                // What a read takes from it, folded as the merged entry's search text folds it.
                HistoryEntry answer;
                HistoryShard::applyCompletion(answer, r.json);
                row.outcome = int(answer.outcome);
                row.search = HistoryQuery::searchText(answer);
            } else if (type == QLatin1String("epoch")) {
                row.kind = Kind::Epoch;
            }
        }
        rows.append(row);
    }
    return rows;
}

bool HistoryIndexer::roomToSpare() const
{
    return QStorageInfo(m_directory).bytesAvailable() >= kReserveBytes;
}

Status HistoryIndexer::index(const QStringList &paths, const QStringList &gone)
{
    if (!roomToSpare())
        return Status::failure(QStringLiteral("too little free disk to keep the index"), Status::Kind::DiskFull);
    QList<HistoryIndex::Shard> shards;
    QList<QList<HistoryIndex::Row>> rows;
    QStringList forget = gone;
    const auto flush = [&]() -> Status {
        Status stored = m_index->store(shards, rows, forget);
        shards.clear();
        rows.clear();
        forget.clear();
        return stored;
    };
    for (const QString &path : paths) {
        // Stamped before reading: a change while it is read leaves a stamp that no longer matches.
        HistoryIndex::Shard shard = stamp(path);
        shard.firstSeq = HistoryShard::firstSeq(shard.name);
        QList<HistoryShard::Record> records;
        shard.readable = HistoryShard::read(path, &records, nullptr);
        shards.append(shard);
        rows.append(shard.readable ? rowsOf(records) : QList<HistoryIndex::Row>());
        if (shards.size() >= kShardsPerCommit) {
            if (Status stored = flush(); !stored.ok())
                return stored;
        }
    }
    if (shards.isEmpty() && forget.isEmpty())
        return Status::success();
    return flush();
}

Status HistoryIndexer::refresh(const QStringList &shardFiles)
{
    m_inStep = false;
    // Not even made, on a disk nearly full: answers then walk the shards.
    if (!roomToSpare())
        return Status::failure(QStringLiteral("too little free disk to keep the index"), Status::Kind::DiskFull);
    // Every shard's stamp, taken relative to the folder (no path walked per file), and their digest: when
    // it is the one stored after the last refresh, nothing changed since, and no row is compared.
    QList<HistoryIndex::Shard> now;
    now.reserve(shardFiles.size());
    QCryptographicHash digest(QCryptographicHash::Sha256);
    const int folder = ::open(QFile::encodeName(m_directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    for (const QString &path : shardFiles) {
        HistoryIndex::Shard shard;
        shard.name = path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
        struct stat info {};
        const bool found = folder >= 0 && ::fstatat(folder, QFile::encodeName(shard.name).constData(), &info, 0) == 0;
        if (found) {
            shard.size = qint64(info.st_size);
            shard.modifiedNs = qint64(info.st_mtim.tv_sec) * 1000000000 + qint64(info.st_mtim.tv_nsec);
            shard.inode = qint64(info.st_ino);
        }
        const qint64 stamp[3] = {shard.size, shard.modifiedNs, shard.inode};
        digest.addData(shard.name.toUtf8());
        digest.addData(QByteArrayView(reinterpret_cast<const char *>(stamp), sizeof stamp));
        now.append(shard);
    }
    if (folder >= 0)
        ::close(folder);
    const QByteArray stamps = digest.result();
    if (const Result<QByteArray> stored = m_index->stampsDigest(); stored.ok() && stored.value() == stamps) {
        m_inStep = true;
        m_digest = stamps;
        return Status::success();
    }

    const Result<QList<HistoryIndex::Shard>> known = m_index->shards();
    if (!known.ok())
        return known.status();
    QHash<QString, HistoryIndex::Shard> indexed;
    indexed.reserve(known.value().size());
    for (const HistoryIndex::Shard &s : known.value())
        indexed.insert(s.name, s);
    QStringList changed;
    QList<qsizetype> changedAt;
    for (qsizetype i = 0; i < now.size(); ++i) {
        const auto it = indexed.constFind(now.at(i).name);
        if (it == indexed.constEnd() || !(*it == now.at(i))) {
            changed.append(shardFiles.at(i));
            changedAt.append(i);
        }
        if (it != indexed.constEnd())
            indexed.erase(it);
    }
    // What is left was removed (retention) or renamed.
    if (Status indexedNow = index(changed, indexed.keys()); !indexedNow.ok())
        return indexedNow;
    // In step with the stamps taken above, unless a shard changed while it was read (its row then
    // keeps the stamp it was read with, and the next refresh sees the difference).
    for (const qsizetype at : std::as_const(changedAt)) {
        if (!(stamp(shardFiles.at(at)) == now.at(at)))
            return Status::success();
    }
    Status stored = m_index->setStampsDigest(stamps);
    m_inStep = stored.ok();
    m_digest = stamps;
    return stored;
}

Status HistoryIndexer::refreshWritten(const QStringList &paths)
{
    m_inStep = false;
    if (!roomToSpare())
        return Status::failure(QStringLiteral("too little free disk to keep the index"), Status::Kind::DiskFull);
    return index(paths, {});
}

qint64 HistoryIndexer::epochHint()
{
    return m_index->newestEpoch().valueOr(0);
}
