#pragma once

#include "history/HistoryBackend.h"
#include "team/TeamTrail.h"

#include <QList>
#include <QString>

// The team trail's records as the history's entries, the way back of TeamForwarder::outgoing(): a begin
// and its completion joined into one entry, each naming its database role and machine.
namespace TeamEntries {
// Records from #`from` on; `file` is where a record is said to be kept (the database's address).
HistoryRead of(const QList<TeamRecord> &records, qint64 from, const QString &file);
} // namespace TeamEntries
