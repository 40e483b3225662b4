#pragma once

#include "base/Status.h"
#include "history/HistoryBackend.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

// Which shards a retention run removes, and whether the clock can be trusted to say which months
// are old. Only a leading run of whole months before the cutoff goes, never the newest shard, so
// the chain stays one unbroken line; and a clock behind the newest record, or far ahead of it, is
// refused rather than believed (five years ahead would remove the real current month).
namespace HistoryRetention {
inline constexpr qint64 kMaxAheadDays = 31;
inline constexpr qint64 kBehindToleranceSecs = 600;

struct Plan {
    PruneReport report; // what would go: files, months, entries
    QStringList doomed; // full paths, oldest first
    qint64 removedFrom = 0;
    qint64 removedThrough = 0;
    QString anchorHash; // the hash of the last removed record: the chain goes on from it
};

// `shards` in record order.
Plan plan(const QStringList &shards, const QDate &keepFrom);
// The time of the newest record in the newest readable shard; invalid when there is none.
QDateTime newestRecordTime(const QStringList &shards);
Status checkClock(const QDateTime &now, const QDateTime &newestRecord);
} // namespace HistoryRetention
