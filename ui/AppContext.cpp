#include "AppContext.h"

#include "ActionRunner.h"
#include "AppPaths.h"
#include "AppSettings.h"
#include "AuditKey.h"
#include "CredentialStore.h"
#include "EnrolleeClient.h"
#include "HistoryStore.h"
#include "SandboxServer.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QPointer>

AppContext::AppContext(QObject *parent)
    : QObject(parent),
      m_settings(std::make_unique<AppSettings>(AppPaths::settingsFile())),
      m_network(new QNetworkAccessManager(this)),
      m_client(new EnrolleeClient(m_network, this)),
      m_history(new HistoryStore(AppPaths::historyDir(), this)),
      m_credentials(new CredentialStore(AppPaths::keychainService(), this)),
      m_runner(new ActionRunner(m_client, m_history, &m_clock, this))
{
    m_client->setTimeoutMs(m_settings->timeoutSeconds() * 1000);
    RetryPolicy policy = m_runner->retryPolicy();
    policy.maxAttempts = m_settings->maxAttempts();
    m_runner->setRetryPolicy(policy);
}

AppContext::~AppContext() = default;

void AppContext::start()
{
    if (m_started)
        return;
    m_started = true;

    // Random loopback port: a second console, or enrollee-cli sandbox on 8787, must not collide.
    m_sandbox = new SandboxServer(SandboxConfig{}, this);
    if (const Status s = m_sandbox->listen(QHostAddress::LocalHost, 0); !s.ok()) {
        m_sandboxError = s.message();
        delete m_sandbox;
        m_sandbox = nullptr;
        emit sandboxFailed(m_sandboxError);
    } else {
        emit sandboxStarted(m_sandbox->origin());
    }

    QPointer<AppContext> self(this);
    AuditKey::obtain(m_credentials, AppPaths::historyDir(), [self](const AuditKey::Found &found) {
        if (!self)
            return;
        self->m_history->setChainKey(found.key);
        self->m_auditKeyWhere = found.where;
        self->m_ready = true;
        emit self->ready();
    });
}
