#include "AppContext.h"

#include "SandboxServer.h"

#include <QHostAddress>

AppContext::AppContext(CoreConfig config, QObject *parent) : QObject(parent), m_core(std::move(config))
{
    connect(&m_core, &CoreContext::historyReady, this, &AppContext::ready);
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
    m_core.openHistory();
}
