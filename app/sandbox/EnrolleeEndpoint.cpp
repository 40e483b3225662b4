#include "EnrolleeEndpoint.h"

#include "api/Signer.h"
#include "sandbox/EnrolleeRegistry.h"
#include "sandbox/SandboxServer.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <QList>
#include <QPair>

#include <cmath>

namespace {
const QString kUserId = QStringLiteral("user_id");
const QString kPartnerId = QStringLiteral("partner_id");
const QString kEmail = QStringLiteral("email");
const QString kEnvironment = QStringLiteral("environment");
const QString kTimestamp = QStringLiteral("timestamp");
const QString kSignature = QStringLiteral("signature");
const QString kSecKey = QStringLiteral("sec_key");

// Both names of the re-enrolment flag are accepted in either scheme: a client that mixes them up still
// gets the action rather than a puzzling 2213.
const QStringList &actionFlags()
{
    static const QStringList flags{QStringLiteral("allow_new_enroll"), QStringLiteral("allow_re_enroll"),
                                   QStringLiteral("active"), QStringLiteral("is_fraudulent"), QStringLiteral("delete")};
    return flags;
}

bool present(const QJsonObject &o, const QString &key)
{
    return o.contains(key) && !o.value(key).isNull() && !o.value(key).isUndefined();
}

bool isInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.0e15;
}
} // namespace

EnrolleeEndpoint::EnrolleeEndpoint(const SandboxConfig &config, EnrolleeRegistry *registry,
                                   std::function<QByteArray()> privateKeyPem)
    : m_config(config), m_registry(registry), m_privateKeyPem(std::move(privateKeyPem))
{
}

EnrolleeEndpoint::Answer EnrolleeEndpoint::error(const QString &code, const QString &message, int httpStatus)
{
    Answer answer;
    answer.httpStatus = httpStatus;
    answer.code = code;
    // Smile ID's documented error shape; code as a string, as the current API sends it.
    answer.body = QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("error"), message}};
    return answer;
}

EnrolleeEndpoint::Answer EnrolleeEndpoint::handle(const QByteArray &body, const QDateTime &now, bool dryRun) const
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return error(QStringLiteral("2203"),
                     tr("Invalid JSON: %1 at byte %2.").arg(parseError.errorString()).arg(parseError.offset));
    if (!doc.isObject())
        return error(QStringLiteral("2203"), tr("Invalid JSON: the body must be a JSON object."));
    const QJsonObject o = doc.object();

    // Which scheme the client used decides what type `timestamp` must have.
    const bool legacy = present(o, kSecKey);
    auto wrongType = [](const QString &field, const QString &expected) {
        return error(QStringLiteral("2204"), tr("Parameter %1 must be %2.").arg(field, expected));
    };
    for (const QString &field : {kUserId, kPartnerId, kEmail, kEnvironment, kSignature, kSecKey}) {
        if (present(o, field) && !o.value(field).isString())
            return wrongType(field, tr("a string"));
    }
    for (const QString &flag : actionFlags()) {
        if (present(o, flag) && !o.value(flag).isBool())
            return wrongType(flag, tr("a boolean (true or false)"));
    }
    if (present(o, kTimestamp)) {
        if (legacy && !isInteger(o.value(kTimestamp)))
            return wrongType(kTimestamp, tr("an integer (unix seconds) with sec_key"));
        if (!legacy && !o.value(kTimestamp).isString())
            return wrongType(kTimestamp, tr("an ISO 8601 string with signature"));
    }

    Answer answer;
    answer.userId = o.value(kUserId).toString();
    QStringList missing;
    for (const QString &field : {kUserId, kPartnerId, kTimestamp, kEmail, kEnvironment}) {
        if (!present(o, field) || (o.value(field).isString() && o.value(field).toString().isEmpty()))
            missing.append(field);
    }
    if (!legacy && (!present(o, kSignature) || o.value(kSignature).toString().isEmpty()))
        missing.append(tr("signature (or sec_key)"));
    if (!missing.isEmpty()) {
        answer = error(QStringLiteral("2213"), tr("Missing parameter: %1.").arg(missing.join(QStringLiteral(", "))));
        answer.userId = o.value(kUserId).toString();
        return answer;
    }

    QList<QPair<QString, bool>> flags;
    for (const QString &flag : actionFlags()) {
        if (present(o, flag))
            flags.append({flag, o.value(flag).toBool()});
    }
    const QString userId = o.value(kUserId).toString();
    auto refuse = [&userId](const QString &code, const QString &message) {
        Answer a = error(code, message);
        a.userId = userId;
        return a;
    };
    // None is a missing parameter; several is a request the API cannot interpret (one action per call).
    if (flags.isEmpty())
        return refuse(QStringLiteral("2213"),
                      tr("Missing parameter: one action flag (allow_new_enroll, active, is_fraudulent or delete)."));
    if (flags.size() > 1) {
        QStringList names;
        for (const auto &f : flags)
            names.append(f.first);
        return refuse(QStringLiteral("2204"),
                      tr("Only one action per request; this one has %1.").arg(names.join(QStringLiteral(", "))));
    }
    const QString flag = flags.first().first;
    const bool value = flags.first().second;
    ActionKind action = ActionKind::ReEnroll;
    if (flag == QLatin1String("active"))
        action = value ? ActionKind::Reactivate : ActionKind::Deactivate;
    else if (flag == QLatin1String("is_fraudulent"))
        action = value ? ActionKind::FlagFraud : ActionKind::UnflagFraud;
    else if (!value)
        return refuse(QStringLiteral("2204"), tr("Parameter %1 can only be true.").arg(flag));
    else
        action = flag == QLatin1String("delete") ? ActionKind::Delete : ActionKind::ReEnroll;
    const QString actionName = ActionInfo::cliName(action);

    const QString environment = o.value(kEnvironment).toString();
    if (environment == QLatin1String("production")) {
        answer = refuse(QStringLiteral("2220"),
                        tr("This is a local sandbox: it refuses production requests (environment \"production\"). "
                           "Nothing was changed. Use a profile whose environment is local or sandbox."));
        answer.action = actionName;
        return answer;
    }
    if (environment != QLatin1String("test")) {
        answer = refuse(QStringLiteral("2204"), tr("Parameter environment must be \"test\" or \"production\"."));
        answer.action = actionName;
        return answer;
    }

    answer = checkAuthorization(o, legacy, now);
    answer.userId = userId;
    answer.action = actionName;
    if (!answer.accepted())
        return answer;

    if (dryRun) {
        // A known user_id that is not contained any more was deleted.
        answer = m_registry->contains(userId)
            ? success(userId, action)
            : refuse(m_registry->state(userId).deleted ? QStringLiteral("2208") : QStringLiteral("2210"), {});
    } else if (const QString code = m_registry->apply(userId, action); !code.isEmpty()) {
        answer = refuse(code,
                        code == QLatin1String("2208") ? tr("Enrolled user %1 has been deleted.").arg(userId)
                                                      : tr("No enrolled user found with user_id %1.").arg(userId));
    } else {
        answer = success(userId, action);
    }
    answer.action = actionName;
    return answer;
}

EnrolleeEndpoint::Answer EnrolleeEndpoint::checkAuthorization(const QJsonObject &o, bool legacy,
                                                              const QDateTime &now) const
{
    const QString notAuthorized = tr("You are not authorized to do that");
    const QString partnerId = o.value(kPartnerId).toString();
    // The legacy hash reads the partner ID as a number, so "1" and "001" are the same partner there.
    const bool samePartner = partnerId == m_config.partnerId
        || (legacy && partnerId.toULongLong() != 0 && partnerId.toULongLong() == m_config.partnerId.toULongLong());
    if (!samePartner)
        return error(QStringLiteral("2205"),
                     notAuthorized + tr(": partner_id %1 is not this sandbox's partner.").arg(partnerId.left(40)));

    qint64 sentSeconds = 0;
    if (legacy) {
        sentSeconds = qint64(o.value(kTimestamp).toDouble());
        if (const Status s = Signer::verifySecKey(m_privateKeyPem(), o.value(kSecKey).toString(), partnerId,
                                                  sentSeconds);
            !s.ok()) {
            qInfo().noquote() << "sandbox: sec_key refused:" << s.message();
            return error(QStringLiteral("2205"),
                         notAuthorized + tr(": the sec_key does not match this partner's key."));
        }
    } else {
        const QString timestamp = o.value(kTimestamp).toString();
        const QDateTime sent = QDateTime::fromString(timestamp, Qt::ISODateWithMs);
        if (!sent.isValid())
            return error(QStringLiteral("2204"), tr("Parameter timestamp must be an ISO 8601 date and time."));
        if (!Signer::verifySignature(m_config.apiKey, partnerId, timestamp, o.value(kSignature).toString()))
            return error(QStringLiteral("2205"),
                         notAuthorized + tr(": the signature does not match this partner's API key."));
        sentSeconds = sent.toSecsSinceEpoch();
    }
    const qint64 skew = sentSeconds - now.toSecsSinceEpoch();
    if (qAbs(skew) > m_config.maxClockSkewSeconds)
        return error(QStringLiteral("2205"),
                     notAuthorized
                         + (skew < 0
                                ? tr(": the timestamp is %1 seconds behind the server's clock (at most %2 allowed).")
                                : tr(": the timestamp is %1 seconds ahead of the server's clock (at most %2 allowed)."))
                               .arg(qAbs(skew))
                               .arg(m_config.maxClockSkewSeconds));
    return {};
}

EnrolleeEndpoint::Answer EnrolleeEndpoint::success(const QString &userId, ActionKind action) const
{
    const EnrolleeRegistry::State state = m_registry->state(userId);
    Answer answer;
    answer.userId = userId;
    answer.action = ActionInfo::cliName(action);
    answer.body = QJsonObject{
        {QStringLiteral("success"), true},
        {QStringLiteral("user_id"), userId},
        {QStringLiteral("action"), answer.action},
        {QStringLiteral("message"), tr("User %1 %2.").arg(userId, ActionInfo::pastTense(action))},
        {QStringLiteral("state"),
         QJsonObject{
             {QStringLiteral("active"), state.active},
             {QStringLiteral("is_fraudulent"), state.fraudulent},
             {QStringLiteral("allow_new_enroll"), state.reEnrollAllowed},
             {QStringLiteral("deleted"), state.deleted},
         }},
    };
    return answer;
}
