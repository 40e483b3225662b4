#include "SandboxServer.h"

#include "api/Signer.h"
#include "base/Clock.h"
#include "sandbox/EnrolleeEndpoint.h"
#include "sandbox/HttpAnswer.h"
#include "sandbox/SandboxConnection.h"
#include "sandbox/SandboxDelays.h"
#include "settings/Profile.h"

#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QMutex>
#include <QQueue>
#include <QTcpServer>
#include <QTcpSocket>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace {
// Generated once per process on first use, never stored: a private key committed to a repository is
// a private key published, even a demo one.
const Signer::RsaKeyPair &demoKeyPair()
{
    static const Signer::RsaKeyPair pair = Signer::generateRsaKeyPair(2048);
    return pair;
}

QByteArray publicPemFromPrivate(const QByteArray &privatePem)
{
    BIO *in = BIO_new_mem_buf(privatePem.constData(), int(privatePem.size()));
    EVP_PKEY *key = in ? PEM_read_bio_PrivateKey(in, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(in);
    if (!key)
        return {};
    QByteArray pem;
    if (BIO *out = BIO_new(BIO_s_mem())) {
        if (PEM_write_bio_PUBKEY(out, key) == 1) {
            char *data = nullptr;
            const long length = BIO_get_mem_data(out, &data);
            pem = QByteArray(data, int(length));
        }
        BIO_free(out);
    }
    EVP_PKEY_free(key);
    return pem;
}

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    default:
        return QStringLiteral("OTHER");
    }
}

// What goes back for one request under `fault`: the endpoint's own answer, or the misbehaviour asked for.
SandboxConnection::Delivery shapeDelivery(const FaultPlan &fault, const EnrolleeEndpoint::Answer &result)
{
    using Delivery = SandboxConnection::Delivery;
    Delivery delivery;
    switch (fault.kind) {
    case FaultPlan::Kind::None:
        delivery.answer = HttpAnswer::json(result.httpStatus, result.body);
        break;
    case FaultPlan::Kind::Drip:
        delivery.answer = HttpAnswer::json(result.httpStatus, result.body);
        delivery.dripIntervalMs = qMax(1, fault.dripIntervalMs);
        break;
    case FaultPlan::Kind::Interim: {
        const int interim = fault.httpStatus >= 100 && fault.httpStatus <= 199 ? fault.httpStatus : 102;
        delivery.answer = HttpAnswer::json(result.httpStatus, result.body);
        delivery.answer.interim = "HTTP/1.1 " + QByteArray::number(interim) + ' ' + HttpAnswer::reasonPhrase(interim)
            + "\r\n\r\n";
        break;
    }
    case FaultPlan::Kind::Body:
        delivery.answer.status = fault.httpStatus >= 100 && fault.httpStatus <= 599 ? fault.httpStatus : 200;
        delivery.answer.body = fault.body;
        break;
    case FaultPlan::Kind::BrokenChunked:
        // A well-formed first chunk, then a size line that is not hexadecimal, then the connection closes.
        delivery.answer.status = 200;
        delivery.answer.chunked = true;
        delivery.answer.body = QByteArrayLiteral("b\r\n{\"success\":\r\nzz\r\ntrue}\r\n0\r\n\r\n");
        delivery.closeAfter = true;
        break;
    case FaultPlan::Kind::HttpError: {
        const int status = fault.httpStatus >= 400 && fault.httpStatus <= 599 ? fault.httpStatus : 500;
        delivery.answer = HttpAnswer::json(
            status,
            {{QStringLiteral("success"), false},
             {QStringLiteral("error"), QString::fromLatin1(HttpAnswer::reasonPhrase(status))}});
        if (fault.retryAfterSeconds >= 0)
            delivery.answer.headers.append(
                {QByteArrayLiteral("Retry-After"), QByteArray::number(fault.retryAfterSeconds)});
        break;
    }
    case FaultPlan::Kind::Html:
        delivery.answer.status = 502;
        delivery.answer.contentType = QByteArrayLiteral("text/html; charset=utf-8");
        delivery.answer.body = QByteArrayLiteral(
            "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
            "<body><h1>502 Bad Gateway</h1><hr><p>upstream-proxy</p></body></html>\n");
        break;
    case FaultPlan::Kind::Empty:
        delivery.answer.status = 200;
        break;
    case FaultPlan::Kind::Truncated: {
        // The start of a success body, a Content-Length promising more, then the connection closes.
        delivery.answer.status = 200;
        delivery.answer.body = QByteArrayLiteral("{\"success\":true,\"user_id\":\"") + result.userId.toUtf8().left(16);
        delivery.answer.declaredLength = delivery.answer.body.size() + 512;
        delivery.closeAfter = true;
        break;
    }
    case FaultPlan::Kind::Reset:
        delivery.kind = Delivery::Kind::Reset;
        break;
    case FaultPlan::Kind::Hang:
        break;
    case FaultPlan::Kind::SystemError:
        delivery.answer = HttpAnswer::json(
            500, EnrolleeEndpoint::error(QStringLiteral("2201"), SandboxServer::tr("System error")).body);
        break;
    }
    return delivery;
}
} // namespace

struct SandboxServer::Private {
    SystemClock systemClock;
    const Clock *clock = &systemClock;
    FaultPlan plan;
    QTcpServer *tcp = nullptr;
    std::unique_ptr<EnrolleeEndpoint> endpoint;
    int rateLimit = 0;
    QQueue<qint64> recent;           // times (ms since epoch) of the requests let through in the last second
    SandboxDelays *delays = nullptr; // answers held for the fault plan's latency; a child of the server
};

QStringList SandboxConfig::defaultEnrollees()
{
    return {QStringLiteral("demo-user-001"), QStringLiteral("demo-user-002"), QStringLiteral("demo-user-003"),
            QStringLiteral("demo-user-004"), QStringLiteral("demo-user-005")};
}

EnrolleeRegistry::State SandboxConfig::initialState(const QString &userId)
{
    EnrolleeRegistry::State state;
    if (userId == QLatin1String("demo-user-004"))
        state.active = false;
    else if (userId == QLatin1String("demo-user-005"))
        state.fraudulent = true;
    return state;
}

SandboxServer::SandboxServer(const SandboxConfig &config, QObject *parent)
    : QAbstractHttpServer(parent), d(std::make_unique<Private>()), m_config(config)
{
    d->delays = new SandboxDelays(this);
    for (const QString &userId : m_config.enrollees)
        m_registry.add(userId, SandboxConfig::initialState(userId));
    d->endpoint = std::make_unique<EnrolleeEndpoint>(m_config, &m_registry, [this] {
        return m_config.rsaPrivateKeyPem.isEmpty() ? demoPrivateKeyPem() : m_config.rsaPrivateKeyPem;
    });
}

SandboxServer::~SandboxServer() = default;

Status SandboxServer::listen(const QHostAddress &address, quint16 port)
{
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(address, port)) {
        // Callers name the address and port in their own words.
        Status failed = Status::failure(tcp->errorString(), Status::Kind::Network);
        delete tcp;
        return failed;
    }
    bind(tcp);
    d->tcp = tcp;
    return Status::success();
}

quint16 SandboxServer::port() const
{
    return d->tcp ? d->tcp->serverPort() : 0;
}

QUrl SandboxServer::origin() const
{
    if (!d->tcp)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    const QHostAddress address = d->tcp->serverAddress();
    // Listening on "any" is reachable through loopback, and clients refuse plain HTTP to other hosts.
    // NOLINTNEXTLINE(misc-redundant-expression): clang-tidy 14 false positive for operator== (llvm #54011)
    url.setHost(address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ? QStringLiteral("127.0.0.1")
                    : address == QHostAddress::AnyIPv6                           ? QStringLiteral("::1")
                                                                                 : address.toString());
    url.setPort(port());
    return url;
}

QByteArray SandboxServer::secKeyApiKey() const
{
    if (m_config.rsaPrivateKeyPem.isEmpty())
        return demoPublicKeyPem().toBase64();
    return publicPemFromPrivate(m_config.rsaPrivateKeyPem).toBase64();
}

QByteArray SandboxServer::demoPublicKeyPem()
{
    return demoKeyPair().publicKeyPem;
}

QByteArray SandboxServer::demoPrivateKeyPem()
{
    return demoKeyPair().privateKeyPem;
}

void SandboxServer::setFaultPlan(const FaultPlan &plan)
{
    d->plan = plan;
}

FaultPlan SandboxServer::faultPlan() const
{
    return d->plan;
}

void SandboxServer::setClock(const Clock *clock)
{
    d->clock = clock ? clock : &d->systemClock;
}

FaultPlan SandboxServer::takeFault()
{
    FaultPlan &plan = d->plan;
    if (plan.remaining == 0)
        return {};
    FaultPlan applied = plan;
    if (plan.remaining > 0 && --plan.remaining == 0) {
        plan = FaultPlan{}; // spent: behave from now on
        plan.remaining = 0;
    }
    return applied;
}

bool SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const qint64 arrivedNs = SandboxDelays::nowNs(); // a latency counts from here
    ++m_requests;
    SandboxConnection *connection = SandboxConnection::of(socket);
    const quint64 slot = connection->reserve();
    const bool closeAfter = request.value("connection").trimmed().toLower() == "close";
    const QString path = request.url().path();
    if (path != QLatin1String(Defaults::kEndpointPath)) {
        answerNotFound(request, connection, slot);
        return true;
    }
    if (request.method() != QHttpServerRequest::Method::Post) {
        HttpAnswer answer = HttpAnswer::json(405,
                                             {{QStringLiteral("error"), tr("Only POST is allowed on %1.").arg(path)}});
        answer.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("POST")});
        answer.closeAfter = closeAfter;
        connection->deliver(slot, {SandboxConnection::Delivery::Kind::Write, answer, d->clock->now(), false});
        qInfo().noquote() << "sandbox:" << methodName(request.method()) << path << "-> 405";
        emit requestHandled({}, {}, 405, {});
        return true;
    }
    if (overRateLimit()) {
        answerTooMany(request, connection, slot);
        return true;
    }
    answerEndpoint(request, socket, slot, closeAfter, arrivedNs);
    return true;
}

void SandboxServer::setRateLimit(int perSecond)
{
    d->rateLimit = qMax(0, perSecond);
    d->recent.clear();
}

int SandboxServer::rateLimit() const
{
    return d->rateLimit;
}

bool SandboxServer::overRateLimit()
{
    if (d->rateLimit <= 0)
        return false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    while (!d->recent.isEmpty() && d->recent.head() <= now - 1000)
        d->recent.dequeue();
    if (d->recent.size() >= d->rateLimit)
        return true;
    d->recent.enqueue(now);
    return false;
}

void SandboxServer::answerTooMany(const QHttpServerRequest &request, SandboxConnection *connection, quint64 slot)
{
    const QString userId = QJsonDocument::fromJson(request.body()).object().value(QLatin1String("user_id")).toString();
    HttpAnswer answer = HttpAnswer::json(
        429, EnrolleeEndpoint::error(QStringLiteral("2222"), tr("Too many requests; try again later.")).body);
    answer.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")});
    answer.closeAfter = request.value("connection").trimmed().toLower() == "close";
    connection->deliver(slot, {SandboxConnection::Delivery::Kind::Write, answer, d->clock->now(), false});
    qInfo().noquote() << "sandbox: POST" << QLatin1String(Defaults::kEndpointPath) << "user" << userId.left(64)
                      << "-> 429 code 2222 [rate limit]";
    emit requestHandled(userId, {}, 429, QStringLiteral("2222"));
}

void SandboxServer::answerEndpoint(const QHttpServerRequest &request, QTcpSocket *socket, quint64 slot, bool closeAfter,
                                   qint64 arrivedNs)
{
    using Delivery = SandboxConnection::Delivery;
    SandboxConnection *connection = SandboxConnection::of(socket);
    const FaultPlan fault = takeFault();
    const QDateTime now = d->clock->now();
    const bool faulty = fault.kind != FaultPlan::Kind::None;
    const EnrolleeEndpoint::Answer result = d->endpoint->handle(request.body(), now, !fault.acts());

    Delivery delivery = shapeDelivery(fault, result);
    delivery.date = now.addMSecs(fault.latencyMs);
    delivery.closeAfter = delivery.closeAfter || closeAfter;
    delivery.answer.closeAfter = closeAfter;

    const int status = fault.kind == FaultPlan::Kind::Reset || fault.kind == FaultPlan::Kind::Hang
        ? 0
        : delivery.answer.status;
    const QString code = fault.acts()                ? result.code
        : fault.kind == FaultPlan::Kind::SystemError ? QStringLiteral("2201")
                                                     : QString();
    // One line per request; never the signature, the sec_key or any key.
    QString line = QStringLiteral("sandbox: POST %1 user %2 action %3 -> %4")
                       .arg(QLatin1String(Defaults::kEndpointPath),
                            result.userId.isEmpty() ? QStringLiteral("-") : result.userId.left(64),
                            result.action.isEmpty() ? QStringLiteral("-") : result.action,
                            status ? QString::number(status) : FaultPlan::kindName(fault.kind));
    if (!code.isEmpty())
        line += QStringLiteral(" code ") + code;
    if (faulty)
        line += QStringLiteral(" [fault %1]").arg(FaultPlan::kindName(fault.kind));
    if (fault.latencyMs > 0)
        line += QStringLiteral(" [+%1 ms]").arg(fault.latencyMs);
    qInfo().noquote() << line;
    emit requestHandled(result.userId, result.action, status, code);

    if (fault.kind == FaultPlan::Kind::Hang)
        return; // the slot is never filled: this connection answers nothing more, like a wedged server
    if (fault.latencyMs > 0) {
        d->delays->at(arrivedNs + qint64(fault.latencyMs) * 1000000, connection,
                      [connection, slot, delivery] { connection->deliver(slot, delivery); });
    } else {
        connection->deliver(slot, delivery);
    }
}

void SandboxServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    SandboxConnection *connection = SandboxConnection::of(socket);
    answerNotFound(request, connection, connection->reserve());
}

void SandboxServer::answerNotFound(const QHttpServerRequest &request, SandboxConnection *connection, quint64 slot)
{
    const QString path = request.url().path();
    HttpAnswer answer = HttpAnswer::json(404,
                                         {{QStringLiteral("error"),
                                           tr("No such endpoint: %1. This sandbox serves POST %2.")
                                               .arg(path.left(200), QLatin1String(Defaults::kEndpointPath))}});
    answer.closeAfter = request.value("connection").trimmed().toLower() == "close";
    connection->deliver(slot, {SandboxConnection::Delivery::Kind::Write, answer, d->clock->now(), false});
    qInfo().noquote() << "sandbox:" << methodName(request.method()) << path.left(200) << "-> 404";
    emit requestHandled({}, {}, 404, {});
}
