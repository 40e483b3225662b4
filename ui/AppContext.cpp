#include "AppContext.h"

#include "sandbox/SandboxServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>

AppContext::AppContext(CoreConfig config, QObject *parent) : QObject(parent), m_core(std::move(config))
{
    connect(&m_core, &CoreContext::historyReady, this, &AppContext::ready);
}

AppContext::~AppContext()
{
    if (m_saveSandbox && m_saveSandbox->isActive())
        saveSandboxState(); // the last action's state is not lost to a quick quit
}

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
        restoreSandboxState();
        // A burst of requests costs one small write, shortly after the last of them.
        m_saveSandbox = new QTimer(this);
        m_saveSandbox->setSingleShot(true);
        m_saveSandbox->setInterval(200);
        connect(m_saveSandbox, &QTimer::timeout, this, &AppContext::saveSandboxState);
        connect(m_sandbox, &SandboxServer::requestHandled, m_saveSandbox, qOverload<>(&QTimer::start));
        emit sandboxStarted(m_sandbox->origin());
    }
    m_core.openHistory();
}

QString AppContext::sandboxStateFile() const
{
    return QFileInfo(m_core.config().historyDir).absoluteDir().filePath(QStringLiteral("sandbox-state.json"));
}

// A file of a few hundred bytes, read once when the sandbox starts (after the first frame).
void AppContext::restoreSandboxState()
{
    QFile file(sandboxStateFile());
    if (!file.open(QIODevice::ReadOnly))
        return; // first run: the demo enrollees as shipped
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(1 << 20));
    if (doc.isObject())
        m_sandbox->registry().restore(doc.object());
}

// Demo data, not an audit record: written without fsync; a crash leaves the old file or the new one.
void AppContext::saveSandboxState()
{
    if (!m_sandbox)
        return;
    const QString path = sandboxStateFile();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path + QStringLiteral(".tmp"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    file.write(QJsonDocument(m_sandbox->registry().toJson()).toJson(QJsonDocument::Compact));
    file.close();
    // rename(2) replaces the old file in one step: a reader sees the old state or the new, never none.
    if (std::rename(QFile::encodeName(file.fileName()).constData(), QFile::encodeName(path).constData()) != 0)
        QFile::remove(file.fileName());
}
