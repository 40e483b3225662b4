#pragma once

#include "base/Status.h"
#include "team/TeamTrail.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class HistoryChain;
class QSqlDatabase;
class TeamCheckpoint;

// This console's checkpoint kept in step with the team trail: moved over the records that extend it
// (each checked in the chain and against its console's key) a batch at a time, the checkpoint written
// after each, and what a read says of the records past it. A console far behind (new, or without an
// authentic checkpoint) never reads the whole trail at once: an advance holds one batch and goes at
// most 20,000 records forward, the next one going on from there. Errors are the database's: the
// backend decides what an outage does to its connection.
class TeamCheckpointKeeper
{
public:
    // Records read at a time (1,000), walked by one advance at most (20,000) and checked between two
    // looks at `giveWay` (100): tests make them small.
    static void setBounds(int batch, qint64 most, int checkEvery = 100);

    TeamCheckpointKeeper(const TeamCheckpoint &checkpoint, const HistoryChain &chain);

    struct Advance {
        QList<TeamRecord> records; // the records walked numbered from `keepFrom` on
        QString problem;           // why the checkpoint stayed where it was (verify() names it in full)
        qint64 first = 0;          // the first record walked (the checkpoint's own)
        qint64 head = 0;           // the newest record walked
        bool end = false;          // the walk reached the trail's end
    };
    // At most 20,000 records are walked, one batch in memory besides those kept (0: none); every hundred
    // records the walk stops when `giveWay` says other work is waiting (the next advance goes on).
    Result<Advance> advance(QSqlDatabase &db, qint64 keepFrom = 0, const std::function<bool()> &giveWay = {}) const;
    // The problems of `records` past the checkpoint (see TeamEntries::unverified).
    Result<QStringList> unverified(QSqlDatabase &db, const QList<TeamRecord> &records) const;

private:
    const TeamCheckpoint &m_checkpoint;
    const HistoryChain &m_chain;
};
