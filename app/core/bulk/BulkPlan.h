#pragma once

#include "action/Action.h"
#include "bulk/BulkInput.h"
#include "bulk/BulkRecord.h"
#include "history/HistoryEntry.h"
#include "settings/Profile.h"

#include <QList>
#include <QString>
#include <QStringList>

class ActionPolicy;
class BulkStore;
class Clock;

// How a bulk run is planned, the same for every face: from a checked input, the action, the reason, the
// profile and the policy to a run's header; from a run and its rows' outcomes to a retry linked to it;
// and what the history already knows of the rows. Nothing here reads or writes a file or the network.
class BulkPlan
{
public:
    struct Options {
        ActionKind action = ActionKind::Deactivate;
        QString reason; // the run's reason (a row's own reason, from the input, overrides it)
        Profile profile;
        double rate = 5; // requests per second; 0 = unlimited
        int concurrency = 4;
        int canary = -1; // rows sent first before the run waits; -1 = the default (5 in production, else none)
    };

    // A new run without an id: every row of `input`, in input order, those the policy refuses in the
    // profile's environment carrying its message as their problem.
    static BulkRecord newRun(const BulkInput &input, const Options &options, const ActionPolicy &policy);

    struct Retry {
        bool withUnknown = false; // also the rows sent without a usable answer (they may have been done)
        QStringList codes;        // only the failures refused with one of these codes; empty = every failure
    };
    // A new run without an id, linked to `parent`, of the rows of `results` (the parent's outcomes) that
    // `retry` asks for; no rows when there is nothing to retry. No canary: the parent was the test.
    static BulkRecord retryOf(const BulkRecord &parent, const QList<BulkRowResult> &results, const Retry &retry);

    // The rows of `parent` as they stand now, for retryOf(): a row a later retry of it (any run in `runs`
    // descended from it) began stands as that retry's row does; a row a retry that has not ended holds
    // without having begun it is left out (not sent: that run sends it when resumed); a row whose user
    // the history shows this action done for after the row was begun stands as done. Fails when a retry's
    // rows file cannot be read.
    static Result<QList<BulkRowResult>> standing(const BulkStore &store, const BulkRecord &parent,
                                                 const QList<BulkRecord> &runs, const QList<HistoryEntry> &history);

    // The runs in `runs` descended from `parent` (its retries, and theirs), oldest first.
    static QList<BulkRecord> retriesOf(const BulkRecord &parent, const QList<BulkRecord> &runs);
    // Whether `entry` did `record`'s action to its user for the same partner and environment, and it
    // succeeded: what "already done" and "done since" count.
    static bool doneFor(const BulkRecord &record, const HistoryEntry &entry);
    // The first run `run` descends from (following parentId through `runs`), itself when it is no retry:
    // the run whose family lock (BulkRunLock::acquireFamily) every retry of the family takes.
    static QString rootOf(const BulkRecord &run, const QList<BulkRecord> &runs);
    // The ids of `parent` and of its retries: the runs whose entries standing() looks at.
    static QStringList familyOf(const BulkRecord &parent, const QList<BulkRecord> &runs);
    // Why `parent` cannot be retried now, or empty: a run of its family (itself or a retry, or a retry of
    // one) is being sent by a live process, whose rows in flight would read as unknown to the retry and
    // go twice.
    static QString retryRefusal(const BulkRecord &parent, const QList<BulkRecord> &runs);

    // Gives a run its id, creation time and results file (`resultsPath`, or the store's default).
    static void identify(BulkRecord *record, const BulkStore &store, const Clock &clock,
                         const QString &resultsPath = {});

    // The valid rows of a run's `rows` never begun: what resuming the run would send.
    static int rowsLeft(const QList<BulkRowResult> &rows);

    // The valid rows whose user the history shows this action already succeeded for.
    static int alreadyDone(const BulkRecord &record, const QList<HistoryEntry> &history);
    // Says alreadyDone() in a sentence (translated); empty when it is none.
    static QString alreadyDoneNote(const BulkRecord &record, const QList<HistoryEntry> &history);
};
