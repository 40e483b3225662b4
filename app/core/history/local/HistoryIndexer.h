#pragma once

#include "history/HistoryBackend.h"
#include "history/local/HistoryIndex.h"
#include "history/local/HistoryShard.h"

#include <QStringList>

#include <functional>

// Keeps a HistoryIndex in step with the shards and answers from it. The shards are the record of truth:
// each shard's rows are stored with the file's size, modification time and inode, and a shard that
// changed in any of them (another process appended, an editor touched it, retention removed it) has
// its rows made again from the file; one never indexed is indexed. So a missing index is rebuilt, a
// stale one repaired, and an answer is read from the shards the index points at, the index only
// saying where to look. Nothing here is trusted for integrity: checks walk the shards.
class HistoryIndexer
{
public:
    // `index` must outlive the indexer (the backend owns both).
    HistoryIndexer(QString directory, HistoryIndex *index);

    // Brings the index up to date with `shardFiles` (every shard, in record order).
    Status refresh(const QStringList &shardFiles);
    // After an append: indexes again the shards it wrote (the rest is left for the next refresh).
    Status refreshWritten(const QStringList &paths);
    // The entries on `userId`, oldest first, read from the shards the index names, with the problems a
    // read of the whole history would report, in its order. `settle` gives pending entries their outcome.
    // Fails when the index cannot be used (the caller then walks the shards), with Kind::Invalid when it
    // disagrees with a shard it points at (asking again, or rebuilding it, may then help).
    Result<HistoryRead> readUser(const QString &userId, const QStringList &shardFiles,
                                 const std::function<void(QList<HistoryEntry> &)> &settle);
    // The newest key epoch as indexed (a hint for the chain walk, which finds out if it is wrong).
    qint64 epochHint();

    static HistoryIndex::Shard stamp(const QString &path);
    static QList<HistoryIndex::Row> rowsOf(const QList<HistoryShard::Record> &records);

private:
    // Writes the rows of `paths` and forgets `gone`; refused on a disk nearly full (see kReserveBytes),
    // when answers walk the shards instead.
    Status index(const QStringList &paths, const QStringList &gone);
    bool roomToSpare() const;

    QString m_directory;
    HistoryIndex *m_index;
};
