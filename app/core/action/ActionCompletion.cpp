#include "ActionCompletion.h"

#include "action/Action.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace {
// The code of a withdrawn request's completion: no Smile ID code looks like it.
const QLatin1String kWithdrawnCode("withdrawn");

QString responseText(const ApiResult &result)
{
    if (result.body.isEmpty())
        return {};
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(result.body);
    if (decoder.hasError())
        return QCoreApplication::translate("ActionRunner", "[%1 bytes that are not UTF-8 text]").arg(result.bodySize);
    return result.bodyTruncated
        ? text + QCoreApplication::translate("ActionRunner", "\n[... %1 bytes in all]").arg(result.bodySize)
        : text;
}
} // namespace

HistoryEntry ActionCompletion::answered(const HistoryEntry &begin, const ApiResult &result, const QDateTime &at,
                                        const QJsonArray &attempts)
{
    HistoryEntry e = begin;
    // A request that may have reached the server but got no usable answer may have been carried out:
    // "failure" would tell an auditor nothing happened.
    // So may one the officer stopped waiting for.
    const bool cancelled = result.outcome == ApiResult::Outcome::Cancelled;
    const bool unanswered = !result.ok() && result.requestSent
        && (result.outcome == ApiResult::Outcome::Timeout || result.outcome == ApiResult::Outcome::NetworkError
            || cancelled);
    e.outcome = result.ok() ? HistoryEntry::Outcome::Success
        : unanswered        ? HistoryEntry::Outcome::Unknown
                            : HistoryEntry::Outcome::Failure;
    e.completedAt = at;
    e.httpStatus = result.httpStatus;
    e.code = result.code;
    e.message = result.ok() ? result.message : result.summary();
    e.response = responseText(result);
    e.elapsedMs = result.elapsedMs;
    e.attempts = attempts;
    return e;
}

QJsonObject ActionCompletion::attempt(int number, const QDateTime &at, const ApiResult &result)
{
    return QJsonObject{
        {QStringLiteral("attempt"), number},
        {QStringLiteral("time"), at.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("outcome"), result.outcomeName()},
        {QStringLiteral("http_status"), result.httpStatus},
        {QStringLiteral("code"), result.code},
        {QStringLiteral("message"), result.ok() ? QString() : result.summary()},
        {QStringLiteral("elapsed_ms"), result.elapsedMs},
    };
}

ApiResult ActionCompletion::withdrawnResult()
{
    ApiResult unsent;
    unsent.outcome = ApiResult::Outcome::NotSent;
    unsent.code = kWithdrawnCode;
    unsent.message = tr("withdrawn before it was sent");
    return unsent;
}

HistoryEntry ActionCompletion::withdrawal(const HistoryEntry &begin, const QDateTime &at)
{
    HistoryEntry e = begin;
    e.outcome = HistoryEntry::Outcome::Failure;
    e.completedAt = at;
    e.httpStatus = 0;
    e.code = kWithdrawnCode;
    e.message = tr("withdrawn before it was sent");
    e.response.clear();
    e.elapsedMs = 0;
    e.attempts = QJsonArray();
    return e;
}

bool ActionCompletion::withdrawn(const HistoryEntry &entry)
{
    return entry.outcome == HistoryEntry::Outcome::Failure && entry.code == kWithdrawnCode && entry.httpStatus == 0
        && entry.attempts.isEmpty();
}

void ActionCompletion::describe(ActionOutcome &outcome)
{
    const HistoryEntry &e = outcome.entry;
    const ApiResult &result = outcome.result;
    const QString action = ActionInfo::displayName(e.action);
    outcome.advice.clear();
    if (!outcome.sent()) {
        outcome.headline = tr("%1 of \"%2\" was not sent: %3").arg(action, e.userId, outcome.recording.message());
    } else if (withdrawn(e)) {
        outcome.headline = tr("%1 of \"%2\" was not sent: it was withdrawn before its turn.").arg(action, e.userId);
    } else if (result.ok()) {
        // Plain words in the headline; the HTTP status and code are in the details and the trail.
        outcome.headline = tr("User \"%1\" %2.").arg(e.userId, ActionInfo::pastTense(e.action));
    } else if (result.outcome == ApiResult::Outcome::Cancelled) {
        outcome.headline = e.outcome == HistoryEntry::Outcome::Unknown
            ? tr("%1 of \"%2\" cancelled while waiting for the answer: the request had been sent, so whether it "
                 "was applied is unknown.")
                  .arg(action, e.userId)
            : tr("%1 of \"%2\" cancelled before it was sent.").arg(action, e.userId);
    } else {
        outcome.headline = e.outcome == HistoryEntry::Outcome::Unknown
            ? tr("%1 of \"%2\": outcome unknown, no usable answer came back (%3).")
                  .arg(action, e.userId, result.summary())
            : tr("%1 of \"%2\" failed: %3").arg(action, e.userId, result.summary());
        if (outcome.attempts > 1)
            outcome.headline += tr(" (after %1 attempts)").arg(outcome.attempts);
        outcome.advice = result.advice();
    }
}

void ActionCompletion::unrecorded(ActionOutcome &outcome, const Status &why)
{
    outcome.result.outcome = ApiResult::Outcome::NotSent;
    outcome.result.message = why.message();
    outcome.recording = why;
    describe(outcome);
}

void ActionCompletion::unwritten(ActionOutcome &outcome, const Status &why)
{
    outcome.historyError = why.message();
    outcome.advice += (outcome.advice.isEmpty() ? QString() : QStringLiteral(" "))
        + tr("The outcome could not be written to the history yet (%1); it will be written when the "
             "history can be written again.")
              .arg(why.message());
}
