#pragma once

#include "history/HistoryBackend.h"
#include "history/local/HistoryIndex.h"
#include "history/local/HistoryShard.h"
#include "history/local/InFlightActions.h"

#include <QHash>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class HistoryIndexer;

// The local history's questions answered from its index (see HistoryIndex): one user's entries, a page
// of the entries a query matches, their counts, one entry whole. The index is brought in step with the
// shards before each answer (cheap when nothing changed), so another process's appends are seen; it
// only narrows the candidates, and every entry given is read from the shards it names and confirmed
// with HistoryQuery::matches(), so an answer is what a walk of the shards gives. An answer of nullopt
// means the index could not be used (no driver, a full disk, a damaged file, one that keeps
// disagreeing with the shards): the backend then walks the shards, slower but as exact.
class LocalHistoryQueries
{
public:
    using ShardFiles = std::function<QStringList()>;
    // `inFlight` (the backend's) settles entries read without an answer; it must outlive this.
    LocalHistoryQueries(const QString &directory, std::unique_ptr<HistoryIndex> index, ShardFiles shardFiles,
                        const InFlightActions &inFlight);
    ~LocalHistoryQueries();
    LocalHistoryQueries(const LocalHistoryQueries &) = delete;
    LocalHistoryQueries &operator=(const LocalHistoryQueries &) = delete;

    // After an append: indexes again the shards it wrote.
    void written(const QStringList &paths);
    // The newest key epoch as indexed (a hint for the chain walk, which finds out if it is wrong).
    qint64 epochHint();

    std::optional<Result<HistoryRead>> readUser(const QString &userId);
    // Its problems are every problem of the history (a walk names those it passed on its way), so a
    // damaged record far back is named on the first page too.
    std::optional<Result<HistoryPage>> page(const HistoryQuery &query, qint64 after, int limit);
    std::optional<Result<HistoryCounts>> count(const HistoryQuery &query);
    std::optional<Result<HistoryEntry>> readEntry(qint64 id);

private:
    // Shards read for one answer, each parsed once (a few are kept: candidates lie close together).
    using ShardCache = QHash<QString, QList<HistoryShard::Record>>;
    // The record `seq` of shard `name`, null when the shard or the record is not there.
    const HistoryShard::Record *record(ShardCache &read, const QString &name, qint64 seq) const;

    // Runs `answer` over an index in step with the shards. An index that disagrees with a shard it
    // points at is asked again (a writer may have been between its look and the read, which the
    // shards' stamps then show), then made again from the shards; nullopt when it cannot be used.
    template <typename T>
    std::optional<Result<T>> answer(const std::function<Result<T>()> &ask);
    Result<HistoryRead> userFromIndex(const QString &userId);
    Result<HistoryPage> pageFromIndex(const HistoryQuery &query, qint64 after, int limit);
    Result<HistoryCounts> countFromIndex(const HistoryQuery &query);
    Result<std::optional<HistoryEntry>> entryFromIndex(qint64 id); // nullopt: no such entry
    // The entry at `at` as a read merges it, or Kind::Invalid when the shards say otherwise.
    Result<HistoryEntry> entryAt(const HistoryIndex::EntryAt &at, ShardCache &shards, const QDateTime &current) const;
    // What a whole read would warn of: unreadable files and damaged or unknown records, oldest first.
    Result<QStringList> problems();

    QString m_directory;
    std::unique_ptr<HistoryIndex> m_index;
    std::unique_ptr<HistoryIndexer> m_indexer; // over m_index
    ShardFiles m_shardFiles;
    const InFlightActions &m_inFlight;
};
