#include "HistoryEntry.h"

#include <QCoreApplication>

QString HistoryEntry::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pending:
        return QStringLiteral("pending");
    case Outcome::Success:
        return QStringLiteral("success");
    case Outcome::Failure:
        return QStringLiteral("failure");
    case Outcome::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

bool HistoryEntry::outcomeFromName(const QString &name, Outcome *outcome)
{
    for (Outcome o : {Outcome::Pending, Outcome::Success, Outcome::Failure, Outcome::Unknown}) {
        if (outcomeName(o) == name) {
            *outcome = o;
            return true;
        }
    }
    return false;
}

QString HistoryEntry::outcomeDisplayName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Pending:
        return QCoreApplication::translate("HistoryEntry", "Pending");
    case Outcome::Success:
        return QCoreApplication::translate("HistoryEntry", "Success");
    case Outcome::Failure:
        return QCoreApplication::translate("HistoryEntry", "Failure");
    case Outcome::Unknown:
        return QCoreApplication::translate("HistoryEntry", "Unknown");
    }
    return {};
}

void HistoryEntry::takeOutcome(const HistoryEntry &completion)
{
    outcome = completion.outcome;
    completedAt = completion.completedAt;
    httpStatus = completion.httpStatus;
    code = completion.code;
    message = completion.message;
    response = completion.response;
    elapsedMs = completion.elapsedMs;
    attempts = completion.attempts;
}

QJsonObject HistoryEntry::toJson() const
{
    QJsonObject json{
        {QStringLiteral("id"), id},
        {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("operator"), operatorEmail},
        {QStringLiteral("profile"), profileName},
        {QStringLiteral("environment"), environmentName(environment)},
        {QStringLiteral("partner_id"), partnerId},
        {QStringLiteral("host"), host},
        {QStringLiteral("user_id"), userId},
        {QStringLiteral("action"), ActionInfo::cliName(action)},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("face"), face},
        {QStringLiteral("outcome"), outcomeName(outcome)},
        {QStringLiteral("completed_at"),
         completedAt.isValid() ? QJsonValue(completedAt.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue()},
        {QStringLiteral("http_status"), httpStatus},
        {QStringLiteral("code"), code},
        {QStringLiteral("message"), message},
        {QStringLiteral("elapsed_ms"), elapsedMs},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("response"), response},
        {QStringLiteral("record_hash"), recordHash},
        {QStringLiteral("completion_record"), completionRecord},
        {QStringLiteral("completion_hash"), completionHash},
        {QStringLiteral("run_id"), runId.isEmpty() ? QJsonValue() : QJsonValue(runId)},
        {QStringLiteral("run_line"), runId.isEmpty() ? QJsonValue() : QJsonValue(runLine)},
        {QStringLiteral("run_digest"), runId.isEmpty() ? QJsonValue() : QJsonValue(runDigest)},
    };
    if (!dbRole.isEmpty()) {
        json.insert(QStringLiteral("db_role"), dbRole);
        json.insert(QStringLiteral("machine"), machine);
    }
    if (approvalId > 0)
        json.insert(QStringLiteral("approval"), QJsonObject{{QStringLiteral("request"), approvalId}});
    return json;
}
