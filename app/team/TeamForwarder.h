#pragma once

#include "base/Status.h"
#include "team/TeamCheckpoint.h"

#include <QList>
#include <QString>

class LocalHistoryBackend;
class QSqlDatabase;
class TeamSigner;
struct TeamOutgoing;
struct TeamRecord;

// Carries this console's own trail to the team trail: what the local trail holds that the team trail
// has not yet received (from the mark kept beside the checkpoint), and sending it exactly once — a record
// already there in this console's name and number, as this console wrote it, is skipped, so losing the
// mark only costs a resend; one there with other content stops the send loudly. Used on the history
// thread by TeamHistoryBackend.
class TeamForwarder
{
public:
    TeamForwarder(LocalHistoryBackend *local, QString markFile, QString stateDir);

    // The records not yet forwarded, in order; `newestLocal` gets the newest local record they reach.
    Result<QList<TeamOutgoing>> outgoing(qint64 *newestLocal) const;
    // Appends `records` as `writer`, signed by `signer`, after `checkpoint`, then moves the mark to `newestLocal`.
    Status send(QSqlDatabase &db, const TeamRecord &writer, const QList<TeamOutgoing> &records, qint64 newestLocal,
                const TeamCheckpoint::State &checkpoint, const TeamSigner &signer) const;

private:
    qint64 mark() const;
    void setMark(qint64 seq) const;

    LocalHistoryBackend *m_local;
    QString m_markFile;
    QString m_stateDir;
};
