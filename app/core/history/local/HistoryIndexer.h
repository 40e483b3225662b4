#pragma once

#include "history/local/HistoryIndex.h"
#include "history/local/HistoryShard.h"

#include <QStringList>

// Keeps a HistoryIndex in step with the shards (LocalHistoryQueries answers from it). The shards are the record of
// truth: each shard's rows are stored with the file's size, modification time and inode, and a shard that changed in
// any of them (another process appended, an editor touched it, retention removed it) has its rows made again from the
// file; one never indexed is indexed. So a missing index is rebuilt and a stale one repaired. Nothing here is trusted
// for integrity: checks walk the shards.
class HistoryIndexer
{
public:
    // `index` must outlive the indexer (LocalHistoryQueries owns both).
    HistoryIndexer(QString directory, HistoryIndex *index);

    // Brings the index up to date with `shardFiles` (every shard, in record order).
    Status refresh(const QStringList &shardFiles);
    // After an append: indexes again the shards it wrote (the rest is left for the next refresh).
    Status refreshWritten(const QStringList &paths);
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
