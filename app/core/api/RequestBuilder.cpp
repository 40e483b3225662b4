#include "RequestBuilder.h"

#include "action/Validation.h"
#include "api/Signer.h"

#include <QJsonDocument>

namespace RequestBuilder {

SignedRequest build(const Profile &profile, ActionKind action, const QString &userId, const QByteArray &apiKey,
                    const QDateTime &now)
{
    SignedRequest request;
    if (const Status s = Validation::checkUserId(userId); !s.ok()) {
        request.error = s.message();
        return request;
    }
    QJsonObject body{
        {QStringLiteral("user_id"), Validation::normalizedUserId(userId)},
        {QStringLiteral("partner_id"), profile.partnerId},
        {QStringLiteral("email"), profile.email},
        {QStringLiteral("environment"), profile.bodyEnvironment()},
        {ActionInfo::bodyFlag(action, profile.scheme), ActionInfo::bodyFlagValue(action)},
    };
    if (profile.scheme == SigningScheme::Signature) {
        const QString timestamp = Signer::formatTimestamp(now);
        const Signer::Result signature = Signer::signature(apiKey, profile.partnerId, timestamp);
        if (!signature.ok()) {
            request.error = signature.error;
            return request;
        }
        body.insert(QStringLiteral("timestamp"), timestamp);
        body.insert(QStringLiteral("signature"), signature.value);
        request.timestamp = timestamp;
    } else {
        const qint64 seconds = now.toSecsSinceEpoch();
        const Signer::Result secKey = Signer::secKey(apiKey, profile.partnerId, seconds);
        if (!secKey.ok()) {
            request.error = secKey.error;
            return request;
        }
        body.insert(QStringLiteral("timestamp"), seconds);
        body.insert(QStringLiteral("sec_key"), secKey.value);
        request.timestamp = QString::number(seconds);
    }
    request.body = body;
    request.json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

} // namespace RequestBuilder
