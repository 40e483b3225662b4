#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

// How one request ended. Success is judged by the HTTP status alone (the success body is not
// documented); everything else keeps enough detail to explain the failure to a person.
struct ApiResult {
    enum class Outcome {
        Success,      // 2xx
        ServerError,  // a non-2xx status, or a 2xx whose body says it failed ("success": false, or code + error)
        NetworkError, // no usable answer: refused, reset, DNS, proxy, a 2xx whose body broke off...
        Timeout,      // no progress within the inactivity timeout, or no whole answer by the deadline
        TlsError,     // certificate or handshake failure; never ignored
        NotSent,      // refused before sending (e.g. plain HTTP to a remote host)
        Cancelled,
    };

    Outcome outcome = Outcome::NetworkError;
    int httpStatus = 0;
    QString code;        // Smile ID's code, string or integer in the body, as text (SafeText::line)
    QString message;     // the server's "error" / "message", or our description of the failure (SafeText::line)
    QByteArray body;     // raw response, capped; never shown raw (SafeText::line first)
    qint64 bodySize = 0; // bytes received in total (may exceed body.size())
    bool bodyTruncated = false;
    QString bodyProblem; // empty, or why the body is not the JSON we expected
    QJsonObject json;    // the parsed body when it was a JSON object
    QString contentType;
    int retryAfterSeconds = -1;
    bool requestSent = false; // whether any of the request may have reached the server
    qint64 elapsedMs = 0;
    // Server Date header minus local time, when the server sent one: a refused signature with a large
    // skew means this computer's clock is wrong, not the key.
    bool hasClockSkew = false;
    qint64 clockSkewSeconds = 0;
    QString url; // where it went (no secrets: the key is never in a URL)

    bool ok() const { return outcome == Outcome::Success; }
    // Whether a retry cannot cause the action to happen twice and may help: a connection that failed
    // before the request left, 429, 503, and Smile ID's system errors.
    bool isRetryable() const;
    // One line for a status bar or the CLI: "HTTP 400, code 2205: You are not authorized to do that".
    QString summary() const;
    // What the person can do next, translated; empty when there is nothing useful to add.
    QString advice() const;
    // A stable word for logs and history ("success", "http-error", "timeout", ...).
    QString outcomeName() const;
};

Q_DECLARE_METATYPE(ApiResult)

// Plain words for Smile ID's documented codes.
namespace ErrorCodes {
QString describe(const QString &code);
QString advice(const QString &code);
bool isSystemError(const QString &code);
} // namespace ErrorCodes
