#pragma once

#include "base/Status.h"
#include "history/HistoryBackend.h"
#include "team/TeamCheckpointKeeper.h"

#include <QString>

#include <functional>

class HistoryChain;
class QSqlDatabase;
class TeamCheckpoint;

// How a console catches up with the team trail: its checkpoint moved over the records that extend it
// (TeamCheckpointKeeper, a bounded walk), and a read from one record on that takes the records that
// walk read when they reach back far enough and on to the trail's end, so a catch-up reads each new
// record once, naming the problems of the records past the checkpoint. Errors are the database's: the
// backend decides what an outage does to its connection.
class TeamCatchUp
{
public:
    TeamCatchUp(const TeamCheckpoint &checkpoint, const HistoryChain &chain);

    struct Moved {
        qint64 head = 0; // the newest record read (0: none)
        QString problem; // why the checkpoint stayed where it was (verify() names it in full)
    };
    // Stops between batches when `giveWay` says other work is waiting.
    Result<Moved> advance(QSqlDatabase &db, const std::function<bool()> &giveWay) const;
    // The entries from record `from` on, as a read has them; `moved` says what the checkpoint did.
    Result<HistoryRead> read(QSqlDatabase &db, qint64 from, const QString &file, Moved *moved) const;

private:
    TeamCheckpointKeeper m_keeper;
};
