// MainWindow's layout, menus and status bar, and the wiring of its panels to the controllers, apart from
// the constructor.
#include "AppContext.h"
#include "DesktopNotifier.h"
#include "HelpMenu.h"
#include "MainWindow.h"
#include "PromptService.h"
#include "action/ActionRunner.h"
#include "actions/ActionController.h"
#include "actions/ActionPanel.h"
#include "actions/FollowUpBar.h"
#include "actions/ResultView.h"
#include "bulk/BulkPanel.h"
#include "lookup/LookupPanel.h"
#include "profiles/ProductionBanner.h"
#include "profiles/ProfileBar.h"
#include "profiles/ProfileController.h"
#include "settings/AppSettings.h"
#include "settings/CredentialStore.h"
#include "team/TeamController.h"
#include "team/TeamStatusBar.h"
#include "widgets/InfoBar.h"

#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

void MainWindow::buildLayout()
{
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setAccessibleName(tr("Lookup and actions"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_lookup);
    // Retry and the undo hint sit under the result they follow.
    m_followUp = new FollowUpBar(this);
    m_notifier = new DesktopNotifier(this);
    auto *actionColumn = new QWidget(this);
    actionColumn->setObjectName(QStringLiteral("actionColumn"));
    auto *actionLayout = new QVBoxLayout(actionColumn);
    actionLayout->setContentsMargins(0, 0, 0, 0);
    actionLayout->addWidget(m_actionPanel, 1);
    actionLayout->addWidget(m_followUp);
    m_splitter->addWidget(actionColumn);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setAccessibleName(tr("Views"));
    m_tabs->addTab(m_splitter, tr("&Lookup and actions"));
    // The history view is built right after the first frame (it is the costliest part of the
    // window and not visible at start); until then its tab holds a placeholder.
    auto *placeholder = new QLabel(tr("Opening history…"), this);
    placeholder->setObjectName(QStringLiteral("historyPlaceholder"));
    placeholder->setAlignment(Qt::AlignCenter);
    m_tabs->addTab(placeholder, tr("&History"));
    buildBulk();

    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralWidget"));
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    layout->addWidget(m_profileBar);
    layout->addWidget(m_firstRunBar);
    layout->addWidget(m_keychainBar);
    layout->addWidget(m_settingsBar);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    buildStatusBar();
    buildMenus();
    if (m_context->core()->hasTeam()) {
        m_team = new TeamController(m_context, m_prompts,
                                    {this, m_tabs, m_actions, m_actionPanel->resultView(), m_profiles, m_bulk}, this);
        // Under the profile bar, where the officer looks before acting.
        layout->insertWidget(layout->indexOf(m_profileBar) + 1, m_team->statusBar());
    }
}

void MainWindow::connectProfiles()
{
    connect(m_profiles, &ProfileController::activeChanged, this, &MainWindow::onProfileChanged);
    connect(m_profiles, &ProfileController::keyStateChanged, this, &MainWindow::updateReadiness);
    connect(m_context->credentials(), &CredentialStore::waitingLongChanged, this, &MainWindow::updateReadiness);
    connect(m_profiles, &ProfileController::profilesChanged, this, [this] {
        if (m_profiles->hasSavedProfiles())
            m_firstRunBar->hide();
    });
    connect(m_profileBar, &ProfileBar::manageRequested, this, [this] { showProfiles(false); });
    connect(m_firstRunBar, &InfoBar::actionTriggered, this, [this] { showProfiles(true); });
    connect(m_firstRunBar, &InfoBar::dismissed, this,
            [this] { m_context->settings()->setUiValue(QStringLiteral("first_run_dismissed"), true); });
    connect(m_context->credentials(), &CredentialStore::availabilityChanged, this,
            [this](bool available, const QString &why) {
        // Plain words once; the system's own error only on request.
        m_keychainBar->setText(tr("No keychain is available on this desktop. API keys you enter are kept in memory "
                                  "for this session only; nothing secret is written to disk."));
        m_keychainBar->setActionText(tr("Details…"));
        m_keychainDetails = why;
        m_keychainBar->setVisible(!available);
    });
    connect(m_keychainBar, &InfoBar::actionTriggered, this, [this] {
        m_prompts->information(this, tr("Why no keychain is available"),
                               tr("The system's keychain service answered:\n\n%1").arg(m_keychainDetails));
    });
}

void MainWindow::connectActions()
{
    connect(m_followUp, &FollowUpBar::followUpRequested, this,
            [this](ActionKind kind, const QString &userId, const QString &reason) {
        m_lookup->userIdEdit()->setText(userId); // the field names the user the action goes to
        m_actions->request(kind, userId, reason);
    });
    connect(m_actions, &ActionController::submitted, m_followUp, &FollowUpBar::clear);
    connect(m_context->runner(), &ActionRunner::actionStarted, m_followUp,
            [this](quint64 ticket, const HistoryEntry &entry) {
        if (entry.runId.isEmpty()) // a bulk run's rows have the Bulk tab's own controls
            m_followUp->showWaiting(ticket);
    });
    connect(m_followUp, &FollowUpBar::cancelRequested, m_context->runner(), &ActionRunner::cancel);
    connect(m_lookup, &LookupPanel::userIdChanged, m_followUp, &FollowUpBar::clear);
    connect(m_lookup, &LookupPanel::userIdChanged, this, [this](const QString &userId, bool valid) {
        m_actionPanel->setTarget(valid ? userId : QString());
        updateReadiness();
    });
    connect(m_actionPanel, &ActionPanel::actionRequested, this,
            [this](ActionKind kind) { m_actions->request(kind, m_lookup->userId(), m_actionPanel->reason()); });
    connect(m_actions, &ActionController::busyChanged, m_actionPanel, &ActionPanel::setBusy);
    connectTargetSafety();
    // The profile stays put while an action is asked about or in flight: its answer belongs to it.
    connect(m_actions, &ActionController::busyChanged, this, [this](bool busy) { updateSwitching(busy); });
    connect(m_actions, &ActionController::submitted, this, [this](ActionKind kind, const QString &userId) {
        m_actionPanel->resultView()->showMessage(
            tr("Sending %1 for \"%2\"…").arg(ActionInfo::displayName(kind), userId));
    });
    connect(m_actions, &ActionController::refused, this, [this](ActionKind kind, const QString &reason) {
        m_actionPanel->resultView()->showMessage(tr("%1 was not sent.").arg(ActionInfo::displayName(kind)), reason,
                                                 true);
    });
    connect(m_actions, &ActionController::cancelled, this, [this](ActionKind kind, const QString &userId) {
        m_actionPanel->resultView()->showMessage(
            tr("%1 of \"%2\" cancelled; nothing was sent.").arg(ActionInfo::displayName(kind), userId));
    });
    connect(m_actions, &ActionController::finished, this, &MainWindow::onOutcome);
    connect(m_context, &AppContext::sandboxStarted, this, &MainWindow::onSandboxStarted);
    connect(m_context, &AppContext::sandboxFailed, this, [this](const QString &error) {
        statusBar()->showMessage(tr("The local sandbox could not start: %1").arg(error));
    });
    connect(m_context, &AppContext::ready, this, &MainWindow::updateReadiness);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    m_manageProfiles = file->addAction(tr("&Profiles…"), this, [this] { showProfiles(false); });
    m_manageProfiles->setObjectName(QStringLiteral("manageProfilesAction"));
    m_manageProfiles->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu *actions = menuBar()->addMenu(tr("&Actions"));
    actions->setObjectName(QStringLiteral("actionsMenu"));
    const ActionPolicy &policy = m_context->runner()->policy();
    for (ActionKind kind : ActionInfo::all()) {
        if (policy.rule(kind, Environment::Production).irreversible)
            actions->addSeparator(); // keep the irreversible ones apart
        actions->addAction(m_actionPanel->action(kind));
    }

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction *focus = view->addAction(tr("Go to &user ID"), this, [this] {
        m_tabs->setCurrentIndex(0);
        m_lookup->focusUserId();
        m_lookup->userIdEdit()->selectAll();
    });
    focus->setObjectName(QStringLiteral("focusUserIdAction"));
    focus->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *history = view->addAction(tr("&History"), this, [this] { m_tabs->setCurrentIndex(1); });
    history->setObjectName(QStringLiteral("showHistoryAction"));
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    QAction *bulk = view->addAction(tr("&Bulk runs"), this, [this] { m_tabs->setCurrentIndex(2); });
    bulk->setObjectName(QStringLiteral("showBulkAction"));
    bulk->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));

    view->addSeparator();
    buildLanguageMenu(view);

    auto *help = new HelpMenu(QFileInfo(m_context->core()->config().historyDir).absolutePath(), this);
    menuBar()->addMenu(help);
    connect(help, &HelpMenu::aboutRequested, this, &MainWindow::showAbout);
}

void MainWindow::buildStatusBar()
{
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    m_sandboxStatus = new QLabel(this);
    m_sandboxStatus->setObjectName(QStringLiteral("sandboxStatus"));
    m_sandboxStatus->hide();
    m_languageNotice = new QLabel(this);
    m_languageNotice->setObjectName(QStringLiteral("languageNotice"));
    m_languageNotice->hide();
    statusBar()->addPermanentWidget(m_languageNotice);
    statusBar()->addPermanentWidget(m_sandboxStatus);
}
