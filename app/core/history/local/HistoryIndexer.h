#pragma once

#include "history/local/FolderChanges.h"
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

    // True when the index is known to be in step with the shards without looking at them: it was after
    // the last refresh, no file in the folder changed since, and no other process changed the index.
    // Ask before listing the shards for refresh(): a change from then on is noticed the next time.
    bool knownInStep();
    // Brings the index up to date with `shardFiles` (every shard, in record order).
    Status refresh(const QStringList &shardFiles);
    // The index was found out of step with the shards (and cleared): nothing is known of it any more.
    void forgetStep() { m_inStep = false; }
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
    FolderChanges m_changes;
    bool m_inStep = false;
    QByteArray m_digest; // the stamps' digest the index was last found or made in step with
};
