#include "LocalHistoryQueries.h"

#include "history/HistoryRecords.h"
#include "history/local/HistoryIndexer.h"

#include <QCoreApplication>
#include <QDir>
#include <QSet>

#include <algorithm>

namespace {
// Shards kept parsed while one answer is put together: candidates lie close together in number order,
// so the few last read are the ones asked again, and memory stays bounded however far a page reaches.
constexpr qsizetype kShardsKept = 16;

Status disagrees()
{
    return Status::failure(QStringLiteral("the index disagrees with the shards"), Status::Kind::Invalid);
}

// True when `e` is turned down only because it was settled pending where the query asks for unknown
// entries, or the other way round.
bool settledApart(const HistoryQuery &query, const HistoryEntry &e)
{
    using Outcome = HistoryEntry::Outcome;
    const auto unsettled = [](Outcome o) { return o == Outcome::Pending || o == Outcome::Unknown; };
    if (!query.outcome || !unsettled(*query.outcome) || !unsettled(e.outcome))
        return false;
    HistoryEntry other = e;
    other.outcome = *query.outcome;
    return query.matches(other);
}

void addCounted(HistoryCounts &counts, HistoryEntry::Outcome outcome, qint64 n)
{
    counts.total += n;
    switch (outcome) {
    case HistoryEntry::Outcome::Success:
        counts.success += n;
        break;
    case HistoryEntry::Outcome::Failure:
        counts.failure += n;
        break;
    case HistoryEntry::Outcome::Pending:
        counts.pending += n;
        break;
    case HistoryEntry::Outcome::Unknown:
        counts.unknown += n;
        break;
    }
}
} // namespace

LocalHistoryQueries::LocalHistoryQueries(const QString &directory, std::unique_ptr<HistoryIndex> index,
                                         ShardFiles shardFiles, const InFlightActions &inFlight)
    : m_directory(directory), m_index(std::move(index)),
      m_indexer(std::make_unique<HistoryIndexer>(directory, m_index.get())), m_shardFiles(std::move(shardFiles)),
      m_inFlight(inFlight)
{
}

LocalHistoryQueries::~LocalHistoryQueries() = default;

void LocalHistoryQueries::written(const QStringList &paths)
{
    m_indexer->refreshWritten(paths);
}

qint64 LocalHistoryQueries::epochHint()
{
    return m_indexer->epochHint();
}

const HistoryShard::Record *LocalHistoryQueries::record(ShardCache &read, const QString &name, qint64 seq) const
{
    auto it = read.find(name);
    if (it == read.end()) {
        if (read.size() >= kShardsKept)
            read.clear();
        QList<HistoryShard::Record> records;
        if (!HistoryShard::read(QDir(m_directory).filePath(name), &records, nullptr))
            return nullptr;
        it = read.insert(name, records);
    }
    // A shard's records come in number order.
    const auto found = std::lower_bound(it->cbegin(), it->cend(), seq,
                                        [](const HistoryShard::Record &r, qint64 s) { return r.seq < s; });
    return found != it->cend() && found->seq == seq ? &*found : nullptr;
}

template <typename T>
std::optional<Result<T>> LocalHistoryQueries::answer(const std::function<Result<T>()> &ask)
{
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (!m_indexer->knownInStep() && !m_indexer->refresh(m_shardFiles()).ok())
            return std::nullopt;
        Result<T> found = ask();
        // Stopped for requests waiting behind it: not a failure of the index, and asked again later.
        if (found.ok() || found.status().kind() == Status::Kind::GaveWay)
            return found;
        m_indexer->forgetStep();
        if (found.status().kind() != Status::Kind::Invalid || (attempt == 1 && !m_index->clear().ok()))
            break;
    }
    return std::nullopt;
}

std::optional<Result<HistoryRead>> LocalHistoryQueries::readUser(const QString &userId)
{
    return answer<HistoryRead>([&] { return userFromIndex(userId); });
}

std::optional<Result<HistoryPage>> LocalHistoryQueries::page(const HistoryQuery &query, qint64 after, int limit)
{
    return answer<HistoryPage>([&] { return pageFromIndex(query, after, limit); });
}

std::optional<Result<HistoryCounts>> LocalHistoryQueries::count(const HistoryQuery &query)
{
    return answer<HistoryCounts>([&] { return countFromIndex(query); });
}

std::optional<Result<HistoryEntry>> LocalHistoryQueries::readEntry(qint64 id)
{
    const std::optional<Result<std::optional<HistoryEntry>>> found = answer<std::optional<HistoryEntry>>(
        [&] { return entryFromIndex(id); });
    if (!found)
        return std::nullopt;
    if (!found->ok())
        return found->status();
    if (!found->value())
        return Status::failure(QCoreApplication::translate("HistoryStore", "Entry #%1 is not in the history.").arg(id),
                               Status::Kind::Error);
    return *found->value();
}

Result<HistoryEntry> LocalHistoryQueries::entryAt(const HistoryIndex::EntryAt &at, ShardCache &shards,
                                                  const QDateTime &current) const
{
    // The index only said where to look: what it pointed at must be what it said.
    const HistoryShard::Record *begin = record(shards, at.shard, at.seq);
    HistoryEntry e;
    if (!begin || !begin->parsed || begin->json.value(QLatin1String("type")) != QLatin1String("begin")
        || !HistoryShard::entryFromBegin(*begin, &e))
        return disagrees();
    e.recordHash = begin->hash;
    if (at.answerSeq > 0) {
        const HistoryShard::Record *answer = record(shards, at.answerShard, at.answerSeq);
        if (!answer || !answer->parsed || answer->json.value(QLatin1String("type")) != QLatin1String("complete")
            || qint64(answer->json.value(QLatin1String("ref")).toDouble()) != at.seq)
            return disagrees();
        HistoryShard::applyCompletion(e, answer->json);
        e.completionRecord = answer->seq;
        e.completionHash = answer->hash;
    }
    m_inFlight.settle(e, current);
    return e;
}

Result<HistoryPage> LocalHistoryQueries::pageFromIndex(const HistoryQuery &query, qint64 after, int limit)
{
    const QDateTime current = QDateTime::currentDateTimeUtc();
    ShardCache shards;
    HistoryPage page;
    // One more than asked, to know whether more follow. The index narrows; matches() decides, so
    // candidates it turns down (an unanswered entry whose process still runs, asked for the unknown
    // ones) are made up for by asking on from the last one seen.
    const qsizetype wanted = qsizetype(limit) + 1;
    qint64 cursor = after;
    while (page.entries.size() < wanted) {
        const int ask = int(wanted - page.entries.size());
        const Result<QList<HistoryIndex::EntryAt>> found = m_index->entries(query, cursor, ask);
        if (!found.ok())
            return found.status();
        for (const HistoryIndex::EntryAt &at : found.value()) {
            Result<HistoryEntry> e = entryAt(at, shards, current);
            if (!e.ok())
                return e.status();
            if (!query.matches(e.value())) {
                // The index narrows exactly but for pending against unknown; any other candidate
                // turned down means a row no longer says what its shard says (an edit that put the
                // file's size and time back), and the index is made again.
                if (!settledApart(query, e.value()))
                    return disagrees();
                continue;
            }
            if (page.entries.size() < wanted)
                page.entries.append(std::move(e.value()));
        }
        if (found.value().size() < ask)
            break;
        cursor = found.value().constLast().seq;
    }
    page.more = page.entries.size() > limit;
    if (page.more)
        page.entries.removeLast();
    if (!page.entries.isEmpty())
        page.next = page.entries.constLast().id;
    Result<QStringList> problems = this->problems();
    if (!problems.ok())
        return problems.status();
    page.problems = std::move(problems.value());
    return page;
}

Result<HistoryCounts> LocalHistoryQueries::countFromIndex(const HistoryQuery &query)
{
    HistoryCounts counts;
    const Result<QList<HistoryIndex::Tally>> answered = m_index->answered(query);
    if (!answered.ok())
        return answered.status();
    for (const HistoryIndex::Tally &t : answered.value())
        addCounted(counts, HistoryEntry::Outcome(t.outcome), t.count);
    // Pending or unknown is decided as a read decides it, by the entry's process and age.
    const Result<QList<HistoryIndex::Unanswered>> unanswered = m_index->unanswered(query);
    if (!unanswered.ok())
        return unanswered.status();
    const QDateTime current = QDateTime::currentDateTimeUtc();
    for (const HistoryIndex::Unanswered &u : unanswered.value()) {
        HistoryEntry e;
        e.id = u.seq;
        e.pid = u.pid;
        e.time = u.time;
        e.outcome = HistoryEntry::Outcome::Pending;
        m_inFlight.settle(e, current);
        if (!query.outcome || *query.outcome == e.outcome)
            counts.add(e.outcome);
    }
    return counts;
}

Result<std::optional<HistoryEntry>> LocalHistoryQueries::entryFromIndex(qint64 id)
{
    const Result<QList<HistoryIndex::EntryAt>> found = m_index->entry(id);
    if (!found.ok())
        return found.status();
    if (found.value().isEmpty())
        return std::optional<HistoryEntry>();
    ShardCache shards;
    const Result<HistoryEntry> e = entryAt(found.value().constFirst(), shards, QDateTime::currentDateTimeUtc());
    if (!e.ok())
        return e.status();
    return std::optional<HistoryEntry>(e.value());
}

Result<HistoryRead> LocalHistoryQueries::userFromIndex(const QString &userId)
{
    const Result<QList<HistoryIndex::Location>> found = m_index->userRecords(userId);
    if (!found.ok())
        return found.status();
    // Each shard named is read once; its records are taken in number order.
    QHash<QString, QSet<qint64>> wanted;
    QStringList order;
    for (const HistoryIndex::Location &l : found.value()) {
        if (!wanted.contains(l.shard))
            order.append(l.shard);
        wanted[l.shard].insert(l.seq);
    }
    std::sort(order.begin(), order.end(),
              [](const QString &a, const QString &b) { return HistoryShard::firstSeq(a) < HistoryShard::firstSeq(b); });
    QList<HistoryShard::Record> records;
    for (const QString &name : std::as_const(order)) {
        QList<HistoryShard::Record> all;
        if (!HistoryShard::read(QDir(m_directory).filePath(name), &all, nullptr))
            return Status::failure(QStringLiteral("a shard changed while the index was read"), Status::Kind::Invalid);
        const QSet<qint64> &seqs = wanted.value(name);
        for (HistoryShard::Record &r : all) {
            if (seqs.contains(r.seq))
                records.append(std::move(r));
        }
    }
    // The index only said where to look: what it pointed at must be what it said.
    for (const HistoryShard::Record &r : std::as_const(records)) {
        const bool begin = r.json.value(QLatin1String("type")) == QLatin1String("begin");
        if (!r.parsed || (begin && r.json.value(QLatin1String("user_id")).toString() != userId))
            return disagrees();
    }
    HistoryRead read;
    QHash<qint64, qsizetype> at;
    QHash<qint64, qsizetype> earlier;
    HistoryRecords::collect(records, 1, &read, &at, &earlier);
    read.newestRecord = 0;
    read.completions.clear();
    const QDateTime current = QDateTime::currentDateTimeUtc();
    for (HistoryEntry &e : read.entries)
        m_inFlight.settle(e, current);
    Result<QStringList> problems = this->problems();
    if (!problems.ok())
        return problems.status();
    read.problems = std::move(problems.value());
    return read;
}

Result<QStringList> LocalHistoryQueries::problems()
{
    struct Problem {
        qint64 shardSeq;
        qint64 seq;
        QString text;
    };
    QList<Problem> problems;
    const Result<QList<HistoryIndex::Shard>> unreadable = m_index->unreadableShards();
    if (!unreadable.ok())
        return unreadable.status();
    for (const HistoryIndex::Shard &s : unreadable.value())
        problems.append({s.firstSeq, -1,
                         QCoreApplication::translate("HistoryStore",
                                                     "The history file %1 cannot be read; it was left where "
                                                     "it is and its entries are missing from this view.")
                             .arg(s.name)});
    const Result<QList<HistoryIndex::Location>> damaged = m_index->problemRecords();
    if (!damaged.ok())
        return damaged.status();
    for (const HistoryIndex::Location &l : damaged.value()) {
        const QString text = l.kind == HistoryIndex::Kind::Damaged
            ? QCoreApplication::translate("HistoryStore", "History record #%1 in %2 is damaged and was skipped.")
                  .arg(l.seq)
                  .arg(l.shard)
            : QCoreApplication::translate("HistoryStore", "History record #%1 has an unknown action or environment.")
                  .arg(l.seq);
        problems.append({HistoryShard::firstSeq(l.shard), l.seq, text});
    }
    std::stable_sort(problems.begin(), problems.end(), [](const Problem &a, const Problem &b) {
        return a.shardSeq != b.shardSeq ? a.shardSeq < b.shardSeq : a.seq < b.seq;
    });
    QStringList texts;
    for (const Problem &p : std::as_const(problems))
        texts.append(p.text);
    return texts;
}
