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
    // Appends `records` as `writer`, signed by `signer`, after `checkpoint`, then moves the mark to
    // `newestLocal`. Before the first record on a connection, `signer`'s key is registered under the
    // writer's name, or the loud reason the trail will not take this console's records is returned
    // (Kind::PermissionDenied; Kind::Storage when the database could not be asked).
    Status send(QSqlDatabase &db, const TeamRecord &writer, const QList<TeamOutgoing> &records, qint64 newestLocal,
                const TeamCheckpoint::State &checkpoint, const TeamSigner &signer);
    // A new connection or a new key: register again before the next record.
    void forgetRegistration() { m_registered = false; }

private:
    qint64 mark() const;
    void setMark(qint64 seq) const;

    LocalHistoryBackend *m_local;
    QString m_markFile;
    QString m_stateDir;
    bool m_registered = false; // this console's key is registered, as far as this connection saw
};
