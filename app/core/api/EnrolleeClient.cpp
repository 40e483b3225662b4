#include "EnrolleeClient.h"

#include "action/Validation.h"
#include "api/ResponseParser.h"
#include "base/Clock.h"
#include "base/SafeText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QSslError>
#include <QTimeZone>

namespace {
// The request body as a one-way stream. Qt's HTTP layer silently re-sends a request whose connection
// closed before any answer, if it can rewind the body; a POST the server may already have acted on
// must not go out twice behind the officer's back, so the body cannot be rewound and Qt reports
// ContentReSendError instead.
class OneShotBody : public QIODevice
{
public:
    // Not a QBuffer: Qt reads a QBuffer's bytes directly and could still rewind them.
    OneShotBody(const QByteArray &data, QObject *parent) : QIODevice(parent), m_data(data)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override { return m_data.size() - m_read + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_read >= m_data.size() && QIODevice::bytesAvailable() == 0; }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = qMin(max, qint64(m_data.size()) - m_read);
        if (n <= 0)
            return m_read >= m_data.size() ? -1 : 0;
        memcpy(out, m_data.constData() + m_read, size_t(n));
        m_read += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_read = 0;
};

// Errors where Qt could not connect at all: the request cannot have reached the server.
bool isConnectError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::NetworkSessionFailedError:
        return true;
    default:
        return false;
    }
}

QDateTime parseHttpDate(const QByteArray &value)
{
    // RFC 7231 IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
    QDateTime date = QLocale::c().toDateTime(QString::fromLatin1(value).trimmed(),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    date.setTimeZone(QTimeZone::utc());
    return date;
}
} // namespace

ClientCall::ClientCall(QNetworkReply *reply, const QUrl &url, int timeoutMs, int deadlineMs, qint64 maxBody,
                       const Clock *clock, QObject *parent)
    : QObject(parent), m_reply(reply), m_url(url), m_maxBody(maxBody), m_clock(clock)
{
    m_elapsed.start();
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        if (m_reply)
            m_reply->abort();
    });
    m_deadline.setSingleShot(true);
    m_deadline.setInterval(deadlineMs);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        m_pastDeadline = true;
        if (m_reply)
            m_reply->abort();
    });
    if (!reply)
        return;
    reply->setParent(this);
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64) {
        if (sent > 0)
            m_sentSomething = true;
        onProgress();
    });
    connect(reply, &QNetworkReply::downloadProgress, this, &ClientCall::onProgress);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] {
        m_sentSomething = true;
        onProgress();
    });
    connect(reply, &QNetworkReply::readyRead, this, &ClientCall::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &ClientCall::onFinished);
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Certificate errors are never ignored: remember why, and let the reply fail.
        for (const QSslError &e : errors)
            m_tlsErrors.append(e.errorString());
    });
    m_timeout.start();
    m_deadline.start();
}

void ClientCall::abort()
{
    m_cancelled = true;
    if (m_reply)
        m_reply->abort();
}

void ClientCall::onProgress()
{
    if (!m_done)
        m_timeout.start();
}

void ClientCall::onReadyRead()
{
    onProgress();
    const QByteArray chunk = m_reply->readAll();
    m_received += chunk.size();
    if (m_body.size() < m_maxBody)
        m_body.append(chunk.left(m_maxBody - m_body.size()));
    // Past ten times the cap there is nothing more worth reading: stop the transfer.
    if (m_received > m_maxBody * 10)
        m_reply->abort();
}

void ClientCall::onFinished()
{
    if (m_reply->bytesAvailable() > 0)
        onReadyRead();
    ApiResult result;
    result.url = m_url.toString();
    result.elapsedMs = m_elapsed.elapsed();
    readHeaders(result);
    result.body = m_body;
    result.bodySize = m_received;
    result.bodyTruncated = m_received > m_body.size();
    result.requestSent = m_sentSomething || result.httpStatus != 0;
    classify(result);
    finish(result);
}

void ClientCall::readHeaders(ApiResult &result) const
{
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    result.httpStatus = status.isValid() ? status.toInt() : 0;
    result.contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toString();
    if (m_reply->hasRawHeader("Retry-After")) {
        bool ok = false;
        const int seconds = m_reply->rawHeader("Retry-After").trimmed().toInt(&ok);
        if (ok && seconds >= 0)
            result.retryAfterSeconds = seconds;
    }
    if (m_reply->hasRawHeader("Date")) {
        const QDateTime serverDate = parseHttpDate(m_reply->rawHeader("Date"));
        if (serverDate.isValid()) {
            result.hasClockSkew = true;
            const QDateTime local = m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
            // Rounded, not truncated: the Date header has whole seconds, the local clock does not.
            result.clockSkewSeconds = qRound64(local.msecsTo(serverDate) / 1000.0);
        }
    }
}

void ClientCall::classify(ApiResult &result) const
{
    const QNetworkReply::NetworkError error = m_reply->error();
    const bool success = result.httpStatus >= 200 && result.httpStatus < 300;
    if (m_timedOut) {
        result.outcome = ApiResult::Outcome::Timeout;
        const QString why = m_pastDeadline
            ? tr("no complete answer within %1 seconds").arg(m_deadline.interval() / 1000.0, 0, 'g', 3)
            : tr("no progress for %1 seconds").arg(m_timeout.interval() / 1000.0, 0, 'g', 3);
        result.message = result.requestSent
            ? tr("%1; the request was sent, so whether it was applied is unknown").arg(why)
            : why;
    } else if (m_cancelled) {
        result.outcome = ApiResult::Outcome::Cancelled;
        result.message = tr("cancelled");
    } else if (!m_tlsErrors.isEmpty() || error == QNetworkReply::SslHandshakeFailedError) {
        result.outcome = ApiResult::Outcome::TlsError;
        result.message = m_tlsErrors.isEmpty() ? m_reply->errorString() : m_tlsErrors.join(QStringLiteral("; "));
        result.requestSent = false; // the request body is only written after a successful handshake
    } else if (result.httpStatus >= 100 && result.httpStatus < 200) {
        // Qt 6.4 skips only "100 Continue" (QHttpProtocolHandler::_q_receiveReply tests statusCode == 100);
        // any other interim answer (102 Processing, 103 Early Hints) it takes for the final, bodyless one
        // and drops the real answer behind it. Nothing here can recover that answer, and the server may
        // have acted: the honest report is "unknown".
        result.outcome = ApiResult::Outcome::NetworkError;
        result.requestSent = true;
        result
            .message = tr("the server sent only an interim answer (HTTP %1); whether the action was applied is unknown")
                           .arg(result.httpStatus);
    } else if (result.httpStatus != 0) {
        result.outcome = success ? ApiResult::Outcome::Success : ApiResult::Outcome::ServerError;
        // Qt derives errors from a 4xx/5xx status itself; for a 2xx every error means the transfer failed.
        const bool broke = (error != QNetworkReply::NoError
                            && (success
                                || !(error >= QNetworkReply::ContentAccessDenied
                                     && error <= QNetworkReply::UnknownServerError)))
            || (success && !result.bodyTruncated && ResponseParser::looksCutOff(result.body));
        if (broke)
            result.bodyProblem = tr("the transfer broke off: %1")
                                     .arg(error != QNetworkReply::NoError ? m_reply->errorString()
                                                                          : tr("the JSON body stops before its end"));
        ResponseParser::parse(result);
        if (broke && success) {
            // A 2xx whose body did not arrive whole is no answer: it may have gone on to say "refused".
            result.outcome = ApiResult::Outcome::NetworkError;
            result.requestSent = true;
            result.message =
                tr("the answer (HTTP %1) broke off before its end; whether the action was applied is unknown")
                    .arg(result.httpStatus);
        }
    } else {
        result.outcome = ApiResult::Outcome::NetworkError;
        // Qt words a connection that closed before any answer as "Unknown error" once it may not re-send.
        result.message = (error == QNetworkReply::ContentReSendError || error == QNetworkReply::RemoteHostClosedError)
            ? QCoreApplication::translate("EnrolleeClient", "the server closed the connection without answering")
            : m_reply->errorString();
        if (isConnectError(error))
            result.requestSent = false;
    }
}

void ClientCall::finish(ApiResult result)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    m_deadline.stop();
    // Qt's error strings can quote the server (a reason phrase, a certificate's names): made inert once here.
    result.message = SafeText::line(result.message);
    result.bodyProblem = SafeText::line(result.bodyProblem);
    emit finished(result);
    deleteLater();
}

EnrolleeClient::EnrolleeClient(QNetworkAccessManager *network, QObject *parent) : QObject(parent), m_network(network)
{
    qRegisterMetaType<ApiResult>();
}

QNetworkAccessManager *EnrolleeClient::managerForNext()
{
    // Qt's connection count per host and manager for HTTP/1.1 (not configurable before Qt 6.5).
    constexpr int kConnectionsPerManager = 6;
    if (m_calls.value(m_network) < kConnectionsPerManager)
        return m_network;
    for (QNetworkAccessManager *extra : std::as_const(m_overflow)) {
        if (m_calls.value(extra) < kConnectionsPerManager)
            return extra;
    }
    auto *extra = new QNetworkAccessManager(this);
    extra->setProxy(m_network->proxy());
    extra->setStrictTransportSecurityEnabled(m_network->isStrictTransportSecurityEnabled());
    m_overflow.append(extra);
    return extra;
}

ClientCall *EnrolleeClient::post(const QUrl &url, const QByteArray &json)
{
    const bool secure = url.scheme() == QLatin1String("https");
    const bool loopbackHttp = url.scheme() == QLatin1String("http") && Validation::isLoopbackHost(url.host());
    if (!secure && !loopbackHttp) {
        auto *call = new ClientCall(nullptr, url, m_timeoutMs, deadlineMs(), ResponseParser::kMaxKeptBody, m_clock,
                                    this);
        ApiResult refused;
        refused.outcome = ApiResult::Outcome::NotSent;
        refused.url = url.toString();
        refused.message = tr("plain HTTP is only allowed to this computer; %1 needs https://").arg(url.host());
        QTimer::singleShot(0, call, [call, refused] { call->finish(refused); });
        return call;
    }
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QStringLiteral("EnrolleeConsole/%1").arg(QCoreApplication::applicationVersion()));
    // A redirect could carry the signed body somewhere else, or downgrade to http: never follow one.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    // A fresh connection per action: with the body unrewindable (below), a kept-alive connection the
    // server had quietly closed would fail the action instead of being retried. Actions are paced by
    // people, so the extra handshake costs nothing that matters.
    request.setRawHeader("Connection", "close");
    request.setHeader(QNetworkRequest::ContentLengthHeader, json.size());
    request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
    auto *body = new OneShotBody(json, nullptr);
    QNetworkAccessManager *network = managerForNext();
    QNetworkReply *reply = network->post(request, body);
    body->setParent(reply); // lives exactly as long as the transfer
    ++m_calls[network];
    connect(reply, &QObject::destroyed, this, [this, network] { --m_calls[network]; });
    return new ClientCall(reply, url, m_timeoutMs, deadlineMs(), ResponseParser::kMaxKeptBody, m_clock, this);
}
