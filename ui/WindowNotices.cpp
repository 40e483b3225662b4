#include "WindowNotices.h"

#include "AppContext.h"
#include "PromptService.h"
#include "profiles/ProfileController.h"
#include "settings/AppSettings.h"
#include "settings/CredentialStore.h"
#include "widgets/InfoBar.h"

#include <QVBoxLayout>

WindowNotices::WindowNotices(AppContext *context, ProfileController *profiles, PromptService *prompts, QWidget *window)
    : QObject(window), m_context(context), m_prompts(prompts), m_window(window)
{
    m_firstRunBar = new InfoBar(QStringLiteral("firstRunBar"), window);
    m_firstRunBar->setText(tr("You are on the built-in local sandbox: try every action on the demo enrollees. "
                              "When you are ready, add your Smile ID profile."));
    m_firstRunBar->setActionText(tr("Add a Smile ID profile…"));
    m_keychainBar = new InfoBar(QStringLiteral("keychainBar"), window);
    m_keychainBar->hide();
    // A settings file that could not be read was moved aside by AppSettings: say where, once.
    m_settingsBar = new InfoBar(QStringLiteral("settingsProblemBar"), window);
    m_settingsBar->setText(context->settings()->problem());
    m_settingsBar->setVisible(!context->settings()->problem().isEmpty());

    connect(profiles, &ProfileController::profilesChanged, this, [this, profiles] {
        if (profiles->hasSavedProfiles())
            m_firstRunBar->hide();
    });
    connect(m_firstRunBar, &InfoBar::actionTriggered, this, &WindowNotices::newProfileRequested);
    connect(m_firstRunBar, &InfoBar::dismissed, this,
            [this] { m_context->settings()->setUiValue(QStringLiteral("first_run_dismissed"), true); });
    connect(context->credentials(), &CredentialStore::availabilityChanged, this, &WindowNotices::showKeychainState);
    connect(m_keychainBar, &InfoBar::actionTriggered, this, [this] {
        m_prompts->information(m_window, tr("Why no keychain is available"),
                               tr("The system's keychain service answered:\n\n%1").arg(m_keychainDetails));
    });
    m_firstRunBar->setVisible(!profiles->hasSavedProfiles()
                              && !context->settings()->uiValue(QStringLiteral("first_run_dismissed")).toBool());
}

void WindowNotices::addTo(QVBoxLayout *layout)
{
    layout->addWidget(m_firstRunBar);
    layout->addWidget(m_keychainBar);
    layout->addWidget(m_settingsBar);
}

void WindowNotices::showKeychainState(bool available, const QString &why)
{
    // Plain words once; the system's own error only on request.
    m_keychainBar->setText(tr("No keychain is available on this desktop. API keys you enter are kept in memory "
                              "for this session only; nothing secret is written to disk."));
    m_keychainBar->setActionText(tr("Details…"));
    m_keychainDetails = why;
    m_keychainBar->setVisible(!available);
}
