#include "ApprovalRequest.h"

#include "settings/Profile.h"

QJsonObject ApprovalRequest::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("action"), action},
        {QStringLiteral("user_id"), userId},
        {QStringLiteral("requester"), requester},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("expiry"), expiresAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("environment"), environment},
        {QStringLiteral("partner_id"), partnerId},
        {QStringLiteral("profile"), profile},
        {QStringLiteral("status"), status},
        {QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("decided_by"), decidedBy},
        {QStringLiteral("base_url"), host},
        {QStringLiteral("email"), email},
        {QStringLiteral("run_id"), runId},
        {QStringLiteral("run_digest"), runDigest},
        {QStringLiteral("rows"), rowCount},
    };
}

QJsonObject ApprovalRequest::approvalJson() const
{
    return QJsonObject{
        {QStringLiteral("request"), id},
        {QStringLiteral("approved_by"), decidedBy},
        {QStringLiteral("approved_at"),
         decidedAt.isValid() ? QJsonValue(decidedAt.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue()},
        {QStringLiteral("reason"), decisionReason},
    };
}

ApprovalRequest ApprovalRequest::of(const Profile &profile, ActionKind action, const QString &userId,
                                    const QString &reason)
{
    ApprovalRequest what;
    what.profile = profile.name;
    what.partnerId = profile.partnerId;
    what.host = profile.origin().toString();
    what.email = profile.email;
    what.environment = environmentName(profile.environment);
    what.action = ActionInfo::cliName(action);
    what.userId = userId.trimmed();
    what.reason = reason.trimmed();
    return what;
}
