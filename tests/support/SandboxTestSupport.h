#pragma once

// The sandbox suites' set-up: a real SandboxServer on 127.0.0.1:<free port>, profiles that point at it,
// and a way to wait for one ClientCall without blocking on anything but the event loop. The core's
// graph and the history reads come from CoreTestSupport (usable here unqualified).

#include "api/ApiResult.h"
#include "api/EnrolleeClient.h"
#include "api/RequestBuilder.h"
#include "sandbox/SandboxServer.h"
#include "settings/Profile.h"
#include "settings/SecretBytes.h"
#include "support/CoreTestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

#include <memory>

namespace SandboxTest {

using namespace CoreTest;

inline std::unique_ptr<SandboxServer> start(const SandboxConfig &config = {})
{
    auto server = std::make_unique<SandboxServer>(config);
    if (const Status s = server->listen(QHostAddress::LocalHost, 0); !s.ok()) {
        qWarning().noquote() << "sandbox did not start:" << s.message();
        return nullptr;
    }
    return server;
}

inline Profile profile(const SandboxServer &server, SigningScheme scheme = SigningScheme::Signature,
                       Environment environment = Environment::Local)
{
    Profile p;
    p.name = QStringLiteral("test-local");
    p.partnerId = server.config().partnerId;
    p.email = QStringLiteral("officer@example.com");
    p.environment = environment;
    p.scheme = scheme;
    p.baseUrl = server.origin();
    return p;
}

inline QByteArray keyFor(const SandboxServer &server, SigningScheme scheme)
{
    return scheme == SigningScheme::Signature ? server.config().apiKey : server.secKeyApiKey();
}

// Waits (event loop running) for the call's single finished() signal. Returns false on timeout.
// QSignalSpy::wait spins a real event loop; QTest::qWaitFor would sleep 10 ms between polls.
inline bool wait(ClientCall *call, ApiResult *result, int timeoutMs = 5000)
{
    QSignalSpy finished(call, &ClientCall::finished);
    if (!finished.wait(timeoutMs))
        return false;
    *result = finished.first().first().value<ApiResult>();
    return true;
}

// A key for a request, and a request body as it goes on the wire.
inline std::shared_ptr<const SecretBytes> secret(const QByteArray &key)
{
    return std::make_shared<const SecretBytes>(key);
}

inline QByteArray compact(const QJsonObject &body)
{
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace SandboxTest
