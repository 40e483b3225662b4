#pragma once

#include "base/Status.h"
#include "team/TeamTrail.h"

#include <QList>
#include <QString>
#include <QStringList>

class HistoryChain;
class QSqlDatabase;
class TeamCheckpoint;

// This console's checkpoint kept in step with the team trail: moved over the records that extend it
// (each checked in the chain and against its console's key), and what a read says of the records past
// it. Errors are the database's: the backend decides what an outage does to its connection.
class TeamCheckpointKeeper
{
public:
    TeamCheckpointKeeper(const TeamCheckpoint &checkpoint, const HistoryChain &chain);

    struct Advance {
        QList<TeamRecord> records; // every record read from the checkpoint on
        QString problem;           // why the checkpoint stayed where it was (verify() names it in full)
        qint64 head = 0;           // the newest record read
    };
    Result<Advance> advance(QSqlDatabase &db) const;
    // The problems of `records` past the checkpoint (see TeamEntries::unverified).
    Result<QStringList> unverified(QSqlDatabase &db, const QList<TeamRecord> &records) const;

private:
    const TeamCheckpoint &m_checkpoint;
    const HistoryChain &m_chain;
};
