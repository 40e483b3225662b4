#pragma once

// Shared by the sandbox suites: a real SandboxServer on 127.0.0.1:<free port>, profiles that point at
// it, and a way to wait for one ClientCall without blocking on anything but the event loop.

#include "CoreContext.h"
#include "action/ActionRunner.h"
#include "api/ApiResult.h"
#include "api/EnrolleeClient.h"
#include "api/RequestBuilder.h"
#include "history/HistoryService.h"
#include "sandbox/SandboxServer.h"
#include "settings/Profile.h"

#include <QJsonDocument>
#include <QSignalSpy>
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

// The core's graph, built through its one composition root, on files under `dir` and a fixed chain key.
inline std::unique_ptr<CoreContext> core(const QString &dir, const Clock *clock = nullptr)
{
    CoreConfig config;
    config.settingsFile = dir + QStringLiteral("/settings.ini");
    config.historyDir = dir + QStringLiteral("/history");
    config.keychainService = QStringLiteral("enrollee-console-test-unused");
    config.clock = clock;
    auto context = std::make_unique<CoreContext>(config);
    context->history()->setChainKey(QByteArrayLiteral("test-chain-key"));
    return context;
}

// The whole trail, read through the service (the event loop runs while it waits).
inline QList<HistoryEntry> readAll(HistoryService *history, QStringList *problems = nullptr)
{
    QList<HistoryEntry> entries;
    bool done = false;
    QObject context;
    history->read(1, &context, [&](const Result<HistoryRead> &read) {
        if (read.ok()) {
            entries = read.value().entries;
            if (problems)
                *problems = read.value().problems;
        }
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 10000))
        qWarning("the history service did not answer");
    return entries;
}

inline ChainReport verify(HistoryService *history)
{
    ChainReport report;
    report.ok = false;
    bool done = false;
    QObject context;
    history->verify(&context, [&](const ChainReport &r) {
        report = r;
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 10000))
        qWarning("the history service did not answer");
    return report;
}

inline std::shared_ptr<const SecretBytes> secret(const QByteArray &key)
{
    return std::make_shared<const SecretBytes>(key);
}

inline QByteArray compact(const QJsonObject &body)
{
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace SandboxTest
