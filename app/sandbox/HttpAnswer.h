#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>

// One HTTP/1.1 response as raw bytes. The sandbox writes its answers itself (rather than through
// QHttpServerResponder) because several faults need what a well-behaved responder cannot do: announce a
// Content-Length it then does not send, or send nothing at all.
struct HttpAnswer {
    int status = 200;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers (Retry-After, Allow...)
    qint64 declaredLength = -1;                   // Content-Length to announce; -1 = body.size()
    bool closeAfter = false;                      // "Connection: close" and close once written
    // `body` is already chunk-framed: announce "Transfer-Encoding: chunked" instead of a Content-Length.
    bool chunked = false;
    // Raw interim (1xx) responses written before the status line, e.g. "HTTP/1.1 102 Processing\r\n\r\n".
    QByteArray interim;

    static HttpAnswer json(int status, const QJsonObject &body);
    // The status line, Date, Server, Content-Type, Content-Length, Connection, extras, blank line, body.
    QByteArray serialize(const QDateTime &now) const;
    // serialize() without the body, so a fault can send the body on its own schedule.
    QByteArray head(const QDateTime &now) const;

    // RFC 7231 IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"); the client reads it to detect clock skew.
    static QByteArray httpDate(const QDateTime &time);
    static QByteArray reasonPhrase(int status);
};
