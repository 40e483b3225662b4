#pragma once

#include "base/Status.h"
#include "history/HistoryQuery.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

// Where the local history's index is kept: a store of small rows derived from the INI shards (the
// record of truth), one row per record, grouped by the shard that holds it. It answers "which records
// belong to this user" and "which entries may match this query" without reading the history (a begin's
// row also carries what its answer says, kept in step whichever of the two shards is indexed again or
// removed); it is deletable, rebuilt from the shards, and never
// trusted for integrity (checks walk the shards). HistoryIndexer decides what to store; an
// implementation only keeps it (SqliteHistoryIndex, in enrollee_index, is injected by CoreContext so
// that core itself never links a database driver). Used from the history thread only.
class HistoryIndex
{
public:
    // A shard file as it was when its rows were stored: any change to these means its rows are stale.
    struct Shard {
        QString name; // file name, e.g. "h-2026-01-0000000001.ini"
        qint64 firstSeq = 0;
        qint64 size = -1;
        qint64 modifiedNs = 0;
        qint64 inode = 0;
        bool readable = true; // false: the file could not be parsed, it has no rows
        bool operator==(const Shard &o) const
        {
            return name == o.name && size == o.size && modifiedNs == o.modifiedNs && inode == o.inode;
        }
    };
    enum class Kind : char {
        Begin = 'b',    // an action's begin: userId and runId set
        Complete = 'c', // an answer: entry names the begin, outcome set
        Damaged = 'd',  // not valid JSON
        Unknown = 'u',  // a begin whose action or environment this release does not know
        Other = 'o',    // prune, key epoch
        Epoch = 'e',    // a key epoch began here
    };
    struct Row {
        qint64 seq = 0;
        Kind kind = Kind::Other;
        qint64 entry = 0; // the begin a completion answers; the record itself otherwise
        QString userId;
        QString runId;
        // A begin's time (invalid: none), action and process; a completion's outcome as a read takes it.
        QDateTime time;
        int action = -1;
        qint64 pid = 0;
        int outcome = -1; // HistoryEntry::Outcome, completions only
        // Folded as HistoryQuery::searchText folds: a begin's fields (its answer's left empty), or a
        // completion's message and code. A needle never holds the separator, so it is in the merged
        // entry's text exactly when it is in one of the two.
        QString search;
    };
    // Where a record lies: its number and the shard that holds it.
    struct Location {
        qint64 seq = 0;
        QString shard;
        Kind kind = Kind::Other;
    };

    // Where an entry lies: its begin and the answer a read merges into it (answerSeq 0: none yet).
    struct EntryAt {
        qint64 seq = 0;
        QString shard;
        qint64 answerSeq = 0;
        QString answerShard;
    };
    // An entry not answered yet, which the reader settles as pending or unknown by its process.
    struct Unanswered {
        qint64 seq = 0;
        qint64 pid = 0;
        QDateTime time;
    };
    // How many entries have this outcome (HistoryEntry::Outcome).
    struct Tally {
        int outcome = 0;
        qint64 count = 0;
    };

    virtual ~HistoryIndex() = default;
    // Translated, for warnings: where the index lives.
    virtual QString location() const = 0;
    virtual Result<QList<Shard>> shards() = 0;
    // A digest of every shard's stamp as last found all in step (empty: none yet): when the folder's
    // stamps digest the same, nothing changed and the rows need not be compared one by one.
    virtual Result<QByteArray> stampsDigest() = 0;
    virtual Status setStampsDigest(const QByteArray &digest) = 0;
    // Replaces the rows of these shards (one transaction) and removes the shards named in `gone`.
    virtual Status store(const QList<Shard> &shards, const QList<QList<Row>> &rows, const QStringList &gone) = 0;
    // Begins on `userId` and the completions that answer them, in number order.
    virtual Result<QList<Location>> userRecords(const QString &userId) = 0;
    // The damaged and unknown records, in no particular order (a read names them as problems).
    virtual Result<QList<Location>> problemRecords() = 0;
    // The newest key epoch record, 0 for none.
    virtual Result<qint64> newestEpoch() = 0;
    // Forgets everything (the next refresh rebuilds it).
    virtual Status clear() = 0;

    // The queries below only narrow: every entry `query` matches is among the answers (in its order,
    // after `after`, at most `limit`), and the reader confirms each with HistoryQuery::matches() on the
    // records themselves. Pending and unknown entries are both among the unanswered ones. An index that
    // cannot answer says so, and the reader walks the shards.
    virtual Result<QList<EntryAt>> entries(const HistoryQuery &query, qint64 after, int limit)
    {
        Q_UNUSED(query)
        Q_UNUSED(after)
        Q_UNUSED(limit)
        return unsupported();
    }
    // The entry begun by record `seq`, none when no such begin is indexed.
    virtual Result<QList<EntryAt>> entry(qint64 seq)
    {
        Q_UNUSED(seq)
        return unsupported();
    }
    // For counting, exact rather than narrowed (the index is in step with the shards when asked): the
    // answered entries `query` matches, by outcome, and the unanswered ones it may match (no answer, or
    // one that says pending), which the reader settles as pending or unknown and filters itself.
    virtual Result<QList<Tally>> answered(const HistoryQuery &query)
    {
        Q_UNUSED(query)
        return unsupported();
    }
    virtual Result<QList<Unanswered>> unanswered(const HistoryQuery &query)
    {
        Q_UNUSED(query)
        return unsupported();
    }
    // The shards that could not be parsed when they were indexed.
    virtual Result<QList<Shard>> unreadableShards()
    {
        const Result<QList<Shard>> all = shards();
        if (!all.ok())
            return all.status();
        QList<Shard> unreadable;
        for (const Shard &s : all.value()) {
            if (!s.readable)
                unreadable.append(s);
        }
        return unreadable;
    }

    // Asked between the slices of a long count (see HistoryBackend::setGiveWay).
    void setGiveWay(std::function<bool()> giveWay) { m_giveWay = std::move(giveWay); }

protected:
    bool mustGiveWay() const { return m_giveWay && m_giveWay(); }

private:
    std::function<bool()> m_giveWay;

    static Status unsupported()
    {
        return Status::failure(QStringLiteral("not kept by this index"), Status::Kind::Error);
    }
};
