#pragma once

// Shared by the sandbox suites: a real SandboxServer on 127.0.0.1:<free port>, profiles that point at
// it, and a way to wait for one ClientCall without blocking on anything but the event loop.

#include "ApiResult.h"
#include "EnrolleeClient.h"
#include "Profile.h"
#include "RequestBuilder.h"
#include "SandboxServer.h"

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace SandboxTest {

inline void isolate(const char *suite)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QLatin1String(suite));
    QCoreApplication::setOrganizationName(QStringLiteral("enrollee-console-tests"));
}

inline std::unique_ptr<SandboxServer> start(const SandboxConfig &config = {})
{
    auto server = std::make_unique<SandboxServer>(config);
    QString error;
    if (!server->listen(QHostAddress::LocalHost, 0, &error)) {
        qWarning().noquote() << "sandbox did not start:" << error;
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
inline bool wait(ClientCall *call, ApiResult *result, int timeoutMs = 5000)
{
    bool done = false;
    const QMetaObject::Connection connection =
        QObject::connect(call, &ClientCall::finished, call, [&done, result](const ApiResult &r) {
            *result = r;
            done = true;
        });
    const bool finished = QTest::qWaitFor([&done] { return done; }, timeoutMs);
    QObject::disconnect(connection); // `done` and `result` live on this stack frame only
    return finished;
}

inline QByteArray compact(const QJsonObject &body)
{
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace SandboxTest
