#pragma once

#include "Clock.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class ActionRunner;
class AppSettings;
class CredentialStore;
class EnrolleeClient;
class HistoryStore;
class QNetworkAccessManager;
class SandboxServer;

// The composition root of the window: builds the object graph the panels are handed (network,
// client, history, credentials, settings, runner, the embedded sandbox). Construction is cheap and
// touches nothing slow; start() — called once the window is on screen — starts the sandbox and asks
// the keychain for the audit-chain key, and ready() says when actions may be sent.
class AppContext : public QObject
{
    Q_OBJECT
public:
    explicit AppContext(QObject *parent = nullptr);
    ~AppContext() override;

    void start();
    bool isReady() const { return m_ready; }
    bool isStarted() const { return m_started; }

    QNetworkAccessManager *network() const { return m_network; }
    EnrolleeClient *client() const { return m_client; }
    HistoryStore *history() const { return m_history; }
    CredentialStore *credentials() const { return m_credentials; }
    AppSettings *settings() const { return m_settings.get(); }
    ActionRunner *runner() const { return m_runner; }
    const Clock *clock() const { return &m_clock; }
    // The embedded local sandbox; null until start(), and when it could not listen.
    SandboxServer *sandbox() const { return m_sandbox; }
    QString sandboxError() const { return m_sandboxError; }
    QString auditKeyLocation() const { return m_auditKeyWhere; }

signals:
    void sandboxStarted(const QUrl &origin);
    void sandboxFailed(const QString &error);
    // The history's chain key is set: actions may be recorded from now on.
    void ready();

private:
    SystemClock m_clock;
    std::unique_ptr<AppSettings> m_settings;
    QNetworkAccessManager *m_network;
    EnrolleeClient *m_client;
    HistoryStore *m_history;
    CredentialStore *m_credentials;
    ActionRunner *m_runner;
    SandboxServer *m_sandbox = nullptr;
    QString m_sandboxError;
    QString m_auditKeyWhere;
    bool m_started = false;
    bool m_ready = false;
};
