#pragma once

#include "base/Status.h"
#include "bulk/BulkRecord.h"
#include "history/HistoryEntry.h"
#include "history/HistoryQuery.h"

#include <QList>
#include <QStringList>

#include <functional>

class HistoryBackend;
class HistoryService;
class QObject;

// What bulk planning needs from the history, asked with bounded queries rather than by reading every
// entry: the entries of some runs (from the record itself, see HistoryBackend::walkRuns), and for each
// user of a record the newest entry of the record's action that succeeded. The latter is whichever is
// cheaper: a walk of the entries the index finds for that action and outcome, a page at a time, keeping
// one entry per user of the record (a record of 10,000 users costs no round trip per user), or, when those
// entries outnumber the record's users many times over (a million-entry history, a run of a thousand
// users), one query per user. Memory is bounded by the record's users, never by the history. Together
// they are every entry BulkPlan::standing() and BulkPlan::alreadyDone() look at for that record, so those
// answer as they would over the whole history.
class BulkHistory
{
public:
    using Done = std::function<void(const Result<QList<HistoryEntry>> &)>;

    // The entries of the runs `runIds` and the newest success of `record`'s action on each user of its
    // valid rows, oldest first, each once; one request on the history thread.
    // Fails when a page of either cannot be read.
    static void read(HistoryService *history, const QStringList &runIds, const BulkRecord &record, QObject *context,
                     const Done &done);
    // What the history already knows of `record`'s users (BulkPlan::alreadyDoneNote), as both faces say it
    // before a run: empty when nothing, or when the history cannot be read (the note is advice only).
    static void noteAlreadyDone(HistoryService *history, const BulkRecord &record, QObject *context,
                                const std::function<void(const QString &note)> &done);
    // The same on the history thread, for a backend at hand.
    static Result<QList<HistoryEntry>> readFrom(HistoryBackend &backend, const QStringList &runIds,
                                                const BulkRecord &record);

private:
    // A query for one user costs about as much as walking this many entries found by the index: at a
    // million entries 1.3 ms per user against 57 us per entry walked (each read from its shard either way),
    // so this leans to the walk.
    static constexpr qint64 kEntriesPerUserQuery = 16;
    // True when asking for each of `users` costs less than walking what `matching` finds.
    static bool askEachUser(HistoryBackend &backend, const HistoryQuery &matching, qsizetype users);
};
