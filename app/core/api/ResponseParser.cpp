#include "ResponseParser.h"

#include "base/SafeText.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonValue>
#include <QStringDecoder>

#include <cmath>

namespace {
QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double d = value.toDouble();
        // Whole numbers print as integers ("code": 2205.0 is code 2205). The range test comes first:
        // converting a double beyond qint64 (a body with "code": 1e300) is undefined behaviour.
        if (std::abs(d) < 9.0e18 && d == std::trunc(d))
            return QString::number(qint64(d));
        return QString::number(d);
    }
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        return {};
    }
}

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}
} // namespace

namespace ResponseParser {

void parse(ApiResult &result)
{
    const QByteArray &body = result.body;
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty()) {
        result.bodyProblem = QCoreApplication::translate("ResponseParser", "the server sent an empty body");
        return;
    }
    if (result.bodyTruncated) {
        result.bodyProblem = QCoreApplication::translate(
                                 "ResponseParser",
                                 "the body was %1 bytes, more than expected; only the first %2 are kept")
                                 .arg(result.bodySize)
                                 .arg(body.size());
    }
    if (!isValidUtf8(body)) {
        result.bodyProblem = QCoreApplication::translate("ResponseParser", "the body is not UTF-8 text");
        return;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &error);
    if (error.error != QJsonParseError::NoError) {
        const bool looksHtml = trimmed.startsWith('<')
            || result.contentType.contains(QLatin1String("html"), Qt::CaseInsensitive);
        if (result.bodyProblem.isEmpty()) {
            result.bodyProblem = looksHtml
                ? QCoreApplication::translate("ResponseParser",
                                              "the server sent a web page instead of JSON (a proxy or an outage page?)")
                : QCoreApplication::translate("ResponseParser", "the body is not valid JSON (%1 at byte %2)")
                      .arg(error.errorString())
                      .arg(error.offset);
        }
        return;
    }
    if (!doc.isObject()) {
        if (result.bodyProblem.isEmpty())
            result.bodyProblem = QCoreApplication::translate("ResponseParser", "the JSON body is not an object");
        return;
    }
    result.json = doc.object();
    // Server text is made safe once, here, so every face that shows code or message shows it inert.
    result.code = SafeText::line(scalarText(result.json.value(QLatin1String("code")))).left(64);
    for (const char *key : {"error", "message", "ResultText", "detail"}) {
        const QString text = SafeText::line(scalarText(result.json.value(QLatin1String(key))));
        if (!text.isEmpty()) {
            result.message = text.left(1000);
            break;
        }
    }
    // A 2xx that says it failed is a failure, whatever the status claims: "success": false, or Smile ID's
    // error shape (a code together with an error text), which some gateways send with 200.
    const bool saysFailed = result.json.value(QLatin1String("success")) == QJsonValue(false);
    const bool errorShape = !result.code.isEmpty()
        && !SafeText::line(scalarText(result.json.value(QLatin1String("error")))).isEmpty();
    if (result.outcome == ApiResult::Outcome::Success && (saysFailed || errorShape))
        result.outcome = ApiResult::Outcome::ServerError;
}

bool looksCutOff(const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    const bool opened = trimmed.startsWith('{') || trimmed.startsWith('[');
    const bool closed = trimmed.endsWith('}') || trimmed.endsWith(']');
    if (!opened || closed)
        return false;
    QJsonParseError error{};
    QJsonDocument::fromJson(trimmed, &error);
    return error.error != QJsonParseError::NoError;
}

ApiResult parseBody(int httpStatus, const QByteArray &body, const QString &contentType)
{
    ApiResult result;
    result.httpStatus = httpStatus;
    result.outcome = (httpStatus >= 200 && httpStatus < 300) ? ApiResult::Outcome::Success
                                                             : ApiResult::Outcome::ServerError;
    result.bodySize = body.size();
    result.bodyTruncated = body.size() > kMaxKeptBody;
    result.body = body.left(kMaxKeptBody);
    result.contentType = contentType;
    parse(result);
    return result;
}

void checkSubject(ApiResult &result, const QString &userId)
{
    if (!result.ok())
        return;
    const QJsonValue named = result.json.value(QLatin1String("user_id"));
    if (named.isUndefined() || named.isNull())
        return; // the success body is not documented: most name no one
    const QString answeredFor = named.isString() ? named.toString()
        : named.isDouble()                       ? QString::number(named.toDouble(), 'g', 17)
                                                 : QStringLiteral("?");
    if (answeredFor.trimmed() == userId.trimmed())
        return;
    result.outcome = ApiResult::Outcome::NetworkError;
    result.requestSent = true;
    result.message = QCoreApplication::translate("ResponseParser",
                                                 "the server answered for user_id \"%1\", not \"%2\"; whether the "
                                                 "action was applied to \"%2\" is unknown")
                         .arg(SafeText::line(answeredFor.left(120)), SafeText::line(userId));
}

} // namespace ResponseParser
