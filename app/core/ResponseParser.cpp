#include "ResponseParser.h"

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
        result.bodyProblem = QCoreApplication::translate("ResponseParser", "the body was %1 bytes, more than expected; only the first %2 are kept")
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
        const bool looksHtml = trimmed.startsWith('<') || result.contentType.contains(QLatin1String("html"), Qt::CaseInsensitive);
        if (result.bodyProblem.isEmpty()) {
            result.bodyProblem = looksHtml ? QCoreApplication::translate("ResponseParser", "the server sent a web page instead of JSON (a proxy or an outage page?)")
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
    result.code = scalarText(result.json.value(QLatin1String("code"))).left(64);
    for (const char *key : {"error", "message", "ResultText", "detail"}) {
        const QString text = scalarText(result.json.value(QLatin1String(key)));
        if (!text.isEmpty()) {
            result.message = text.left(1000);
            break;
        }
    }
    // A 2xx that explicitly says it failed is a failure, whatever the status claims.
    if (result.outcome == ApiResult::Outcome::Success && result.json.value(QLatin1String("success")) == QJsonValue(false))
        result.outcome = ApiResult::Outcome::ServerError;
}

ApiResult parseBody(int httpStatus, const QByteArray &body, const QString &contentType)
{
    ApiResult result;
    result.httpStatus = httpStatus;
    result.outcome = (httpStatus >= 200 && httpStatus < 300) ? ApiResult::Outcome::Success : ApiResult::Outcome::ServerError;
    result.bodySize = body.size();
    result.bodyTruncated = body.size() > kMaxKeptBody;
    result.body = body.left(kMaxKeptBody);
    result.contentType = contentType;
    parse(result);
    return result;
}

} // namespace ResponseParser
