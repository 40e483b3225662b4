#include "ApiResult.h"

#include <QCoreApplication>

namespace {
} // namespace

namespace ErrorCodes {

bool isSystemError(const QString &code)
{
    return code == QLatin1String("2201") || code == QLatin1String("2301") || code == QLatin1String("2401");
}

QString describe(const QString &code)
{
    if (isSystemError(code))
        return QCoreApplication::translate("ApiResult", "Smile ID system error");
    static const struct {
        const char *code;
        const char *text;
    } kCodes[] = {
        {"2203", QT_TRANSLATE_NOOP("ApiResult", "invalid JSON")},
        {"2204", QT_TRANSLATE_NOOP("ApiResult", "a parameter has the wrong type")},
        {"2205", QT_TRANSLATE_NOOP("ApiResult", "not authorized")},
        {"2405", QT_TRANSLATE_NOOP("ApiResult", "not authorized")},
        {"2207", QT_TRANSLATE_NOOP("ApiResult", "the enrolled user is disabled")},
        {"2208", QT_TRANSLATE_NOOP("ApiResult", "the enrolled user is deleted")},
        {"2209", QT_TRANSLATE_NOOP("ApiResult", "already enrolled with that user ID")},
        {"2210", QT_TRANSLATE_NOOP("ApiResult", "no enrolled user with that user ID")},
        {"2211", QT_TRANSLATE_NOOP("ApiResult", "the user must complete re-enrollment")},
        {"2213", QT_TRANSLATE_NOOP("ApiResult", "a required parameter is missing")},
        {"2413", QT_TRANSLATE_NOOP("ApiResult", "a required parameter is missing")},
        {"2220", QT_TRANSLATE_NOOP("ApiResult", "production is not enabled for this partner")},
    };
    for (const auto &c : kCodes) {
        if (code == QLatin1String(c.code))
            return QCoreApplication::translate("ApiResult", c.text);
    }
    return {};
}

QString advice(const QString &code)
{
    if (isSystemError(code))
        return QCoreApplication::translate("ApiResult",
                                           "This is a fault on Smile ID's side; try again in a few minutes.");
    if (code == QLatin1String("2205") || code == QLatin1String("2405"))
        return QCoreApplication::translate(
            "ApiResult",
            "Check the API key, the partner ID and that the profile's environment matches the key "
            "(sandbox keys do not work in production). If all are right, check this computer's clock.");
    if (code == QLatin1String("2204"))
        return QCoreApplication::translate(
            "ApiResult",
            "Check that the API key belongs to this environment; Smile ID also answers 2204 for a key from "
            "the other environment.");
    if (code == QLatin1String("2210"))
        return QCoreApplication::translate(
            "ApiResult", "Check the user ID: Smile ID has no enrolled user with it in this environment.");
    if (code == QLatin1String("2208"))
        return QCoreApplication::translate("ApiResult",
                                           "The user was deleted; nothing more can be done to this user ID.");
    if (code == QLatin1String("2207"))
        return QCoreApplication::translate("ApiResult", "Reactivate the user first.");
    if (code == QLatin1String("2220"))
        return QCoreApplication::translate(
            "ApiResult", "Ask Smile ID to enable production for your partner account, or use the sandbox.");
    if (code == QLatin1String("2203") || code == QLatin1String("2213") || code == QLatin1String("2413"))
        return QCoreApplication::translate("ApiResult",
                                           "The request was malformed; please report this with the details below.");
    return {};
}

} // namespace ErrorCodes

bool ApiResult::isRetryable() const
{
    switch (outcome) {
    case Outcome::NetworkError:
        return !requestSent;
    case Outcome::ServerError:
        return httpStatus == 429 || httpStatus == 503 || ErrorCodes::isSystemError(code);
    case Outcome::Success:
    case Outcome::Timeout: // the server may have acted on it: never repeat silently
    case Outcome::TlsError:
    case Outcome::NotSent:
    case Outcome::Cancelled:
        return false;
    }
    return false;
}

QString ApiResult::outcomeName() const
{
    switch (outcome) {
    case Outcome::Success:
        return QStringLiteral("success");
    case Outcome::ServerError:
        return QStringLiteral("http-error");
    case Outcome::NetworkError:
        return QStringLiteral("network-error");
    case Outcome::Timeout:
        return QStringLiteral("timeout");
    case Outcome::TlsError:
        return QStringLiteral("tls-error");
    case Outcome::NotSent:
        return QStringLiteral("not-sent");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

QString ApiResult::summary() const
{
    switch (outcome) {
    case Outcome::Success:
        // Accepted by status, but say so when the body was not what a healthy answer looks like.
        return bodyProblem.isEmpty()
            ? QCoreApplication::translate("ApiResult", "HTTP %1: accepted").arg(httpStatus)
            : QCoreApplication::translate("ApiResult", "HTTP %1: accepted, but %2").arg(httpStatus).arg(bodyProblem);
    case Outcome::ServerError: {
        QString text = QCoreApplication::translate("ApiResult", "HTTP %1").arg(httpStatus);
        if (!code.isEmpty()) {
            const QString meaning = ErrorCodes::describe(code);
            text += QCoreApplication::translate("ApiResult", ", code %1").arg(code)
                + (meaning.isEmpty() ? QString() : QStringLiteral(" (") + meaning + QLatin1Char(')'));
        }
        if (!message.isEmpty())
            text += QStringLiteral(": ") + message;
        else if (!bodyProblem.isEmpty())
            text += QStringLiteral(": ") + bodyProblem;
        return text;
    }
    case Outcome::Timeout:
        return QCoreApplication::translate("ApiResult", "No answer from the server: %1").arg(message);
    case Outcome::TlsError:
        return QCoreApplication::translate("ApiResult", "Secure connection failed: %1").arg(message);
    case Outcome::NetworkError:
        return QCoreApplication::translate("ApiResult", "Network error: %1").arg(message);
    case Outcome::NotSent:
        return QCoreApplication::translate("ApiResult", "Not sent: %1").arg(message);
    case Outcome::Cancelled:
        return QCoreApplication::translate("ApiResult", "Cancelled");
    }
    return {};
}

QString ApiResult::advice() const
{
    switch (outcome) {
    case Outcome::Success:
        return {};
    case Outcome::ServerError:
        if ((code == QLatin1String("2205") || code == QLatin1String("2405") || httpStatus == 401) && hasClockSkew
            && qAbs(clockSkewSeconds) >= 30)
            return (clockSkewSeconds > 0 ? QCoreApplication::translate(
                        "ApiResult", "This computer's clock is %1 seconds behind the server's")
                                         : QCoreApplication::translate(
                                             "ApiResult", "This computer's clock is %1 seconds ahead of the server's"))
                       .arg(qAbs(clockSkewSeconds))
                + QCoreApplication::translate(
                       "ApiResult",
                       ", and signatures carry the time: set the clock right (enable network time), then try again.");
        if (!ErrorCodes::advice(code).isEmpty())
            return ErrorCodes::advice(code);
        if (httpStatus == 429)
            return QCoreApplication::translate("ApiResult",
                                               "Smile ID is rate-limiting this account; wait a little and try again.");
        if (httpStatus >= 500)
            return QCoreApplication::translate("ApiResult", "The server had a problem; try again in a few minutes.");
        if (httpStatus == 401 || httpStatus == 403)
            return ErrorCodes::advice(QStringLiteral("2205"));
        if (httpStatus == 404)
            return QCoreApplication::translate("ApiResult",
                                               "Check the base URL: the server does not know this endpoint.");
        return {};
    case Outcome::Timeout:
        return QCoreApplication::translate(
            "ApiResult",
            "The action may or may not have been applied. Check your connection, then look the user up "
            "in the Smile ID portal before repeating it.");
    case Outcome::TlsError:
        return QCoreApplication::translate(
            "ApiResult",
            "The server's certificate could not be trusted, so nothing was sent. Check the base URL and "
            "any proxy that intercepts HTTPS; the console never ignores certificate errors.");
    case Outcome::NetworkError:
        return requestSent
            ? QCoreApplication::translate(
                "ApiResult",
                "The connection broke after the request was sent: the action may have been applied. "
                "Check before repeating it.")
            : QCoreApplication::translate("ApiResult",
                                          "Nothing reached the server. Check the network connection and the base URL.");
    case Outcome::NotSent:
    case Outcome::Cancelled:
        return {};
    }
    return {};
}
