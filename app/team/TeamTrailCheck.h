#pragma once

#include "base/Status.h"
#include "history/HistoryChain.h"
#include "team/TeamCheckpoint.h"
#include "team/TeamConsoles.h"
#include "team/TeamTrailWalk.h"

#include <QSqlDatabase>

#include <functional>

// A check of the team trail read and walked a batch of records at a time (TeamTrailWalk), so that at a
// million records it holds one batch in memory, not the trail, and can stop every hundred records for the
// pages and lookups asked meanwhile, going on from there (a batch's signatures take about 60 ms to check,
// a lookup should take less). Records appended between batches are walked too: the trail only grows at
// its end.
class TeamTrailCheck
{
public:
    // `local`: the check of this console's own copy, whose breaks the report names as well.
    TeamTrailCheck(ChainReport local, TeamConsoles::Keys keys, TeamCheckpoint::State checkpoint);

    // Walks on until the trail ends (true) or `giveWay`, asked every hundred records, says to stop
    // (false); a read that failed is its status.
    Result<bool> walk(QSqlDatabase &db, const std::function<bool()> &giveWay);
    ChainReport finish() { return m_walk.finish(); }
    const ChainReport &local() const { return m_local; }

    // Records read at a time (1,000: their signatures take about 60 ms to check); tests make it small,
    // so that a check crosses batches.
    static void setBatch(int records);
    // Records walked between two looks at `giveWay` (100); tests make it small.
    static void setGiveWayEvery(int records);

private:
    ChainReport m_local;
    TeamConsoles::Keys m_keys; // before the walk, which refers to it
    TeamTrailWalk m_walk;
    QList<TeamRecord> m_batch; // read, walked up to m_next
    qsizetype m_next = 0;
    bool m_lastBatch = false; // m_batch was shorter than a batch: the trail ends there
};
