#pragma once

#include "CoreContext.h"

#include <QObject>
#include <QString>
#include <QUrl>

class ActionRunner;
class AppSettings;
class CredentialStore;
class HistoryService;
class SandboxServer;
class QTimer;

// What the window runs on: the core's composition root (CoreContext: settings, clock, network,
// client, credentials, history service, runner) plus the embedded local sandbox the window offers a
// new officer. Construction is cheap and touches nothing slow; start() — called once the window is
// on screen — starts the sandbox and opens the history (the chain key from the keychain), and
// ready() says when actions may be sent.
class AppContext : public QObject
{
    Q_OBJECT
public:
    explicit AppContext(CoreConfig config = CoreConfig::standard(), QObject *parent = nullptr);
    ~AppContext() override;

    void start();
    bool isReady() const { return m_core.isHistoryReady(); }
    bool isStarted() const { return m_started; }

    CoreContext *core() { return &m_core; }
    AppSettings *settings() const { return m_core.settings(); }
    CredentialStore *credentials() const { return m_core.credentials(); }
    HistoryService *history() const { return m_core.history(); }
    ActionRunner *runner() const { return m_core.runner(); }
    const Clock *clock() const { return m_core.clock(); }
    // The embedded local sandbox; null until start(), and when it could not listen.
    SandboxServer *sandbox() const { return m_sandbox; }
    QString sandboxError() const { return m_sandboxError; }
    QString auditKeyLocation() const { return m_core.chainKeyLocation(); }
    // Where the built-in sandbox keeps its enrollees' state between runs (beside the history folder).
    QString sandboxStateFile() const;

signals:
    void sandboxStarted(const QUrl &origin);
    void sandboxFailed(const QString &error);
    // The history's chain key is set: actions may be recorded from now on.
    void ready();

private:
    void restoreSandboxState();
    void saveSandboxState();

    CoreContext m_core;
    QTimer *m_saveSandbox = nullptr;
    SandboxServer *m_sandbox = nullptr;
    QString m_sandboxError;
    bool m_started = false;
};
