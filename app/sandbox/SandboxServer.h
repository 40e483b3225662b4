#pragma once

#include "base/Status.h"
#include "sandbox/EnrolleeRegistry.h"
#include "sandbox/FaultPlan.h"

#include <QAbstractHttpServer>
#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QStringList>
#include <QUrl>

#include <memory>

class Clock;
class SandboxConnection;

// Who the sandbox pretends to be: one partner with its keys, and the enrollees it starts with.
struct SandboxConfig {
    QString partnerId = QStringLiteral("001");
    QByteArray apiKey = QByteArrayLiteral("sandbox-demo-key"); // HMAC key (signature scheme)
    // PEM private key for the legacy sec_key scheme; empty = the built-in demo key pair.
    QByteArray rsaPrivateKeyPem;
    QStringList enrollees = defaultEnrollees();
    qint64 maxClockSkewSeconds = 300; // timestamps further off are refused as 2205
    // "demo-user-001" .. "demo-user-005". Most start active; so the demo shows every state, the server
    // starts "demo-user-004" deactivated and "demo-user-005" flagged as fraudulent (initialState()).
    static QStringList defaultEnrollees();
    static EnrolleeRegistry::State initialState(const QString &userId);
};

// A real HTTP server (Qt HttpServer) that emulates POST /api/v2/partner/enrollee for one partner: it
// verifies the signature or sec_key and the timestamp, keeps each enrollee's state, answers Smile ID's
// documented error codes, refuses production bodies, and misbehaves on request (FaultPlan) so the
// client's failure handling can be tested. A library class: the console embeds it, enrollee-cli
// serves it, every network test talks to it.
class SandboxServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit SandboxServer(const SandboxConfig &config = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Listens on address:port (0 = any free port). A failure's message is the socket's reason
    // ("The address is already in use"); the caller adds which address and port.
    Status listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    QUrl origin() const; // e.g. http://127.0.0.1:43817

    const SandboxConfig &config() const { return m_config; }
    EnrolleeRegistry &registry() { return m_registry; }
    // The API key a legacy (sec_key) client uses with this sandbox: base64 of the public PEM.
    QByteArray secKeyApiKey() const;
    // The built-in demo key pair is generated on first use, once per process (an RSA-2048 generation:
    // 0.1 to 1 s). Thread-safe, so a GUI that embeds the sandbox can warm it up on a worker thread, e.g.
    // QtConcurrent::run(&SandboxServer::demoPublicKeyPem), instead of paying for it on its event thread.
    static QByteArray demoPublicKeyPem();
    static QByteArray demoPrivateKeyPem();

    void setFaultPlan(const FaultPlan &plan);
    FaultPlan faultPlan() const;
    int requestCount() const { return m_requests; }
    // Above `perSecond` enrollee requests in any one second, answer 429 (code 2222) with Retry-After: 1
    // and act on nothing, as a rate-limited API would. 0 = no limit.
    void setRateLimit(int perSecond);
    int rateLimit() const;

    // Where the sandbox's "now" comes from: the Date header and the timestamp check. Tests skew it to
    // play a server whose clock disagrees with this computer's. Not owned; null = the system clock.
    void setClock(const Clock *clock);

signals:
    // After every request: what was asked and answered (never the signature or key).
    void requestHandled(const QString &userId, const QString &action, int httpStatus, const QString &code);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    FaultPlan takeFault();
    bool overRateLimit();
    void answerTooMany(const QHttpServerRequest &request, SandboxConnection *connection, quint64 slot);
    void answerEndpoint(const QHttpServerRequest &request, QTcpSocket *socket, quint64 slot, bool closeAfter,
                        qint64 arrivedNs);
    void answerNotFound(const QHttpServerRequest &request, SandboxConnection *connection, quint64 slot);

    struct Private;
    std::unique_ptr<Private> d;
    SandboxConfig m_config;
    EnrolleeRegistry m_registry;
    int m_requests = 0;
};
