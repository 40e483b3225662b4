#pragma once

#include "history/HistoryBackend.h"
#include "history/local/HistoryShard.h"

#include <QHash>
#include <QStringList>

#include <functional>

// The entries of the local history newest first, one shard at a time, each merged with its answer: an
// answer is always recorded after its begin, so walking back from the newest shard meets it first and
// keeps it only until its begin goes by. What is held is one shard and the answers whose begins lie in
// older shards (those of the actions still under way when the walk's shard was written), never the
// whole history. What a read would say of damaged files and records is said the same, in the same order.
class NewestFirstWalk
{
public:
    // `settle` gives a pending entry its final outcome before it is visited (unknown when its process is gone).
    using Settle = std::function<void(HistoryEntry &entry)>;
    NewestFirstWalk(QStringList shards, Settle settle);

    // Visits every entry until `visit` returns false; returns the problems, oldest file first.
    QStringList run(const HistoryBackend::EntryVisitor &visit);
    // The same walk a shard at a time, asking `giveWay` after each: false when it gave way with shards
    // left (call again and it goes on from the next shard, the answers held kept), true once done.
    bool step(const HistoryBackend::EntryVisitor &visit, const std::function<bool()> &giveWay);
    // The problems met so far, oldest file first.
    QStringList problems() const;

private:
    struct Answer {
        QJsonObject json;
        qint64 seq = 0;
        QString hash;
    };
    // Visits one shard's entries newest first; false when the visitor asked to stop.
    bool walkShard(const QList<HistoryShard::Record> &records, const HistoryBackend::EntryVisitor &visit,
                   QStringList *problems);

    QStringList m_shards;
    Settle m_settle;
    QHash<qint64, Answer> m_answers; // seen, their begins not yet
    qsizetype m_next = -1;           // the next shard to read, walking back; -1 once done
    bool m_started = false;
    QStringList m_problems; // newest first, a file's own in reverse: turned round by problems()
};
