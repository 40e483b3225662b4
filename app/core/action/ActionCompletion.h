#pragma once

#include "api/ApiResult.h"
#include "base/Status.h"
#include "history/HistoryEntry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QMetaType>

// How an action ended, for the face to show.
struct ActionOutcome {
    quint64 ticket = 0;
    HistoryEntry entry; // as recorded, with its outcome
    ApiResult result;   // the last attempt
    int attempts = 0;
    QString headline;     // translated, one line: "User X deactivated." / "Deactivate failed: HTTP 400 …"
    QString advice;       // translated, what to do next (may be empty)
    Status recording;     // failed when the intent could not be recorded: then nothing was sent
    QString historyError; // set when the answer could not be recorded yet
    bool ok() const { return result.ok(); }
    bool sent() const { return recording.ok(); }
};

Q_DECLARE_METATYPE(ActionOutcome)

// How an action ends, in the trail and in words: the completion recorded from its last answer (or for a
// request withdrawn before it was sent), each attempt as that completion lists it, and the headline and
// advice a face shows. ActionRunner decides when an action ends; this says what its end reads as, the same
// at the end and again when a window rebuilt in another language shows it. Its words are the runner's,
// translated under the runner's name.
class ActionCompletion
{
    Q_DECLARE_TR_FUNCTIONS(ActionRunner)
public:
    // The completion of `begin` from the last attempt's `result`, answered at `at`, listing `attempts`.
    static HistoryEntry answered(const HistoryEntry &begin, const ApiResult &result, const QDateTime &at,
                                 const QJsonArray &attempts);
    // Attempt `number`, answered at `at`, as the completion lists it.
    static QJsonObject attempt(int number, const QDateTime &at, const ApiResult &result);

    // The result of a held request withdrawn before it was sent.
    static ApiResult withdrawnResult();
    // The completion that closes `begin` as withdrawn at `at`.
    static HistoryEntry withdrawal(const HistoryEntry &begin, const QDateTime &at);
    // Whether `entry` was withdrawn before anything was sent.
    static bool withdrawn(const HistoryEntry &entry);

    // The translated headline and advice of an ended action, from its entry, result and attempts.
    static void describe(ActionOutcome &outcome);
    // `outcome` (its ticket and entry set) as an action whose intent could not be recorded: nothing was sent.
    static void unrecorded(ActionOutcome &outcome, const Status &why);
    // Adds to `outcome`'s advice that its answer is not in the history yet, and why.
    static void unwritten(ActionOutcome &outcome, const Status &why);
};
