#include "SandboxLink.h"

#include "AppContext.h"
#include "action/Action.h"
#include "lookup/LookupPanel.h"
#include "profiles/ProfileController.h"
#include "sandbox/SandboxServer.h"

#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>
#include <QTimer>

SandboxLink::SandboxLink(AppContext *context, ProfileController *profiles, LookupPanel *lookup, QLabel *status,
                         QMainWindow *window)
    : QObject(window), m_context(context), m_profiles(profiles), m_lookup(lookup), m_status(status), m_window(window)
{
    connect(context, &AppContext::sandboxStarted, this, &SandboxLink::sandboxStarted);
    connect(context, &AppContext::sandboxFailed, this, [this](const QString &error) {
        m_window->statusBar()->showMessage(tr("The local sandbox could not start: %1").arg(error));
    });
    connect(profiles, &ProfileController::activeChanged, this, &SandboxLink::updateStatus);
}

void SandboxLink::sandboxStarted()
{
    SandboxServer *sandbox = m_context->sandbox();
    m_profiles->setLocalSandbox(sandbox->origin());
    // Bulk runs made on the built-in sandbox in an earlier session go to this one.
    m_context->core()->setBuiltInSandbox(ProfileController::localProfileName(), sandbox->origin());
    m_lookup->setDemoEnrollees(sandbox->registry().userIds());

    // Deleted demo users disappear from the suggestions, as they would from the real service: looked at
    // at most four times a second, after deletes only, and rebuilt only when the list changed, so a bulk
    // run of thousands of requests on the sandbox does not rebuild it for every one.
    auto *refresh = new QTimer(this);
    refresh->setSingleShot(true);
    refresh->setInterval(250);
    connect(refresh, &QTimer::timeout, this, [this, sandbox] {
        const QStringList users = sandbox->registry().userIds();
        if (users != m_demoUsers)
            m_lookup->setDemoEnrollees(m_demoUsers = users);
    });
    m_demoUsers = sandbox->registry().userIds();
    // Only a delete takes a user off the list, so only a delete makes it look again.
    connect(sandbox, &SandboxServer::requestHandled, refresh, [refresh](const QString &, const QString &action) {
        if (action == ActionInfo::cliName(ActionKind::Delete) && !refresh->isActive())
            refresh->start();
    });
    updateStatus();
}

// The local sandbox's address matters only while the active profile talks to it.
void SandboxLink::updateStatus()
{
    SandboxServer *sandbox = m_context->sandbox();
    const bool local = sandbox && m_profiles->active().environment == Environment::Local;
    if (sandbox)
        m_status->setText(tr("Local sandbox listening on %1").arg(sandbox->origin().toString()));
    m_status->setVisible(local);
}
