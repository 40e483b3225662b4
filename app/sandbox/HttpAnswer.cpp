#include "HttpAnswer.h"

#include <QJsonDocument>
#include <QLocale>
#include <QTimeZone>

HttpAnswer HttpAnswer::json(int status, const QJsonObject &body)
{
    HttpAnswer answer;
    answer.status = status;
    answer.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return answer;
}

QByteArray HttpAnswer::httpDate(const QDateTime &time)
{
    // The C locale: day and month names must be English whatever the machine's language.
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

QByteArray HttpAnswer::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 102:
        return QByteArrayLiteral("Processing");
    case 103:
        return QByteArrayLiteral("Early Hints");
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return status >= 500 ? QByteArrayLiteral("Server Error")
            : status >= 400  ? QByteArrayLiteral("Client Error")
                             : QByteArrayLiteral("Status");
    }
}

QByteArray HttpAnswer::serialize(const QDateTime &now) const
{
    return head(now) + body;
}

QByteArray HttpAnswer::head(const QDateTime &now) const
{
    QByteArray out = interim;
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    out += "Date: " + httpDate(now) + "\r\n";
    out += "Server: enrollee-sandbox\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    if (chunked)
        out += "Transfer-Encoding: chunked\r\n";
    else
        out += "Content-Length: " + QByteArray::number(declaredLength >= 0 ? declaredLength : body.size()) + "\r\n";
    out += closeAfter ? QByteArrayLiteral("Connection: close\r\n") : QByteArrayLiteral("Connection: keep-alive\r\n");
    for (const auto &header : headers)
        out += header.first + ": " + header.second + "\r\n";
    out += "\r\n";
    return out;
}
