#pragma once

#include "history/HistoryBackend.h"
#include "team/TeamTrail.h"

#include <QHash>
#include <QList>
#include <QString>

// The team trail's records as the history's entries, the way back of TeamForwarder::outgoing(): a begin
// and its completion joined into one entry, each naming its database role and machine.
namespace TeamEntries {
// Records from #`from` on; `file` is where a record is said to be kept (the database's address).
HistoryRead of(const QList<TeamRecord> &records, qint64 from, const QString &file);
// What a read says of records this console has not verified in the chain yet (past `verifiedThrough`,
// its checkpoint): each one that fails on its own (TeamTrail::recordProblem) is named, so a record
// written by hand is never shown as if it were genuine. `previous` holds, by record number, the hash of
// the record before it.
QStringList unverified(const QList<TeamRecord> &records, const QHash<qint64, QString> &previous,
                       const TeamConsoles::Keys &keys, qint64 verifiedThrough);
} // namespace TeamEntries
