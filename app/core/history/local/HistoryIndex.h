#pragma once

#include "base/Status.h"

#include <QList>
#include <QString>

// Where the local history's index is kept: a store of small rows derived from the INI shards (the
// record of truth), one row per record, grouped by the shard that holds it. It answers "which records
// belong to this user" without reading the history; it is deletable, rebuilt from the shards, and never
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
        QString outcome;
    };
    // Where a record lies: its number and the shard that holds it.
    struct Location {
        qint64 seq = 0;
        QString shard;
        Kind kind = Kind::Other;
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
};
