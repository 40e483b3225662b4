#pragma once

#include "history/HistoryBackend.h"
#include "history/local/HistoryShard.h"

#include <QHash>
#include <QJsonObject>

// The records of the trail as JSON, the same for every backend: what a begin, a completion and a
// prune record hold, and how read records merge back into entries.
namespace HistoryRecords {
QJsonObject begin(const HistoryEntry &entry, const QDateTime &now);
QJsonObject completion(const HistoryEntry &result, const QDateTime &now);
QJsonObject prune(const QDateTime &now, const QString &operatorEmail, const QString &keepFrom, qint64 removedFrom,
                  qint64 removedThrough, qint64 removedEntries, const QString &anchorHash, const QStringList &files);
// A new key epoch: the key that chained records up to `storedThrough` (whose hash was `previousHash`)
// was given up for good; `claimedThrough` is the newest number HEAD or an anchor claimed, unverified.
QJsonObject epoch(const QDateTime &now, const QString &operatorEmail, const QString &reason, qint64 storedThrough,
                  const QString &previousHash, qint64 claimedThrough);
// Merges `records` (one shard's, in order) into `read`: begins at or after `from` become entries,
// completions join their entry, or go to read->completions when it was begun before `from`.
void collect(const QList<HistoryShard::Record> &records, qint64 from, HistoryRead *read,
             QHash<qint64, qsizetype> *index, QHash<qint64, qsizetype> *earlier);
} // namespace HistoryRecords
