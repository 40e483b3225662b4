#pragma once

#include "history/HistoryChain.h"
#include "team/TeamCheckpoint.h"
#include "team/TeamConsoles.h"
#include "team/TeamTrail.h"

#include <QString>

// The chain walk over the team trail one record at a time, holding only the walk's state (the hash
// expected next, the breaks found), so a trail of millions of records is checked in bounded memory and
// in batches: records are handed in number order from #1, and finish() compares the end with this
// console's checkpoint. What it reports is what TeamTrail::check says of the same records.
class TeamTrailWalk
{
public:
    // `keys` must outlive the walk.
    TeamTrailWalk(const TeamConsoles::Keys &keys, TeamCheckpoint::State checkpoint);

    void add(const TeamRecord &r);
    ChainReport finish();
    // The number of the last record handed in, 0 for none.
    qint64 last() const { return m_last; }

private:
    void addBreak(qint64 seq, const QString &problem);

    const TeamConsoles::Keys &m_keys;
    const TeamCheckpoint::State m_checkpoint;
    ChainReport m_report;
    qint64 m_expected = 1;
    QString m_previous;
    qint64 m_last = 0;
    // The hash of the record the checkpoint names, as walked (empty: not met).
    QString m_checkpointHash;
    bool m_checkpointMet = false;
};
