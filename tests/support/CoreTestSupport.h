#pragma once

// What every suite that builds the core shares, whichever face it then drives: a suite's own test-mode
// paths and application name, the core's graph over files in a temporary folder, and the history read
// back through the service while the event loop keeps running.

#include "CoreContext.h"
#include "history/HistoryService.h"

#include <QStandardPaths>
#include <QTest>

#include <memory>

namespace CoreTest {

// Keeps Qt's own standard paths (settings, caches, file dialogs) away from a developer's real folders.
inline void isolate(const char *suite)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QLatin1String(suite));
    QCoreApplication::setOrganizationName(QStringLiteral("enrollee-console-tests"));
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

} // namespace CoreTest
