#include "MainWindow.h"

#include "AboutDialog.h"
#include "AppContext.h"
#include "DesktopNotifier.h"
#include "LanguageSwitch.h"
#include "PromptService.h"
#include "WindowMenus.h"
#include "action/ActionRunner.h"
#include "actions/ActionController.h"
#include "actions/ActionPanel.h"
#include "actions/FollowUpBar.h"
#include "actions/ResultView.h"
#include "bulk/BulkPanel.h"
#include "bulk/BulkTab.h"
#include "history/HistoryFeed.h"
#include "history/HistoryPanel.h"
#include "history/HistoryTableModel.h"
#include "lookup/LookupPanel.h"
#include "profiles/ProductionBanner.h"
#include "profiles/ProfileBar.h"
#include "profiles/ProfileController.h"
#include "profiles/ProfileDialog.h"
#include "sandbox/SandboxServer.h"
#include "settings/AppSettings.h"
#include "settings/CredentialStore.h"
#include "team/TeamController.h"
#include "team/TeamStatusBar.h"
#include "widgets/Glyphs.h"
#include "widgets/InfoBar.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QWindow>

MainWindow::MainWindow(AppContext *context, PromptService *prompts, QWidget *parent)
    : QMainWindow(parent), m_context(context), m_prompts(prompts),
      m_profiles(new ProfileController(context->settings(), context->credentials(), this)),
      m_actions(new ActionController(context->runner(), m_profiles, prompts, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_actions->setDialogParent(this);

    m_sessionStart = QDateTime::currentDateTimeUtc();
    m_banner = new ProductionBanner(this);
    m_profileBar = new ProfileBar(m_profiles, this);
    m_firstRunBar = new InfoBar(QStringLiteral("firstRunBar"), this);
    m_firstRunBar->setText(tr("You are on the built-in local sandbox: try every action on the demo enrollees. "
                              "When you are ready, add your Smile ID profile."));
    m_firstRunBar->setActionText(tr("Add a Smile ID profile…"));
    m_keychainBar = new InfoBar(QStringLiteral("keychainBar"), this);
    m_keychainBar->hide();
    // A settings file that could not be read was moved aside by AppSettings: say where, once.
    m_settingsBar = new InfoBar(QStringLiteral("settingsProblemBar"), this);
    m_settingsBar->setText(context->settings()->problem());
    m_settingsBar->setVisible(!context->settings()->problem().isEmpty());
    m_lookup = new LookupPanel(this);
    m_actionPanel = new ActionPanel(context->runner()->policy(), this);
    // One model of the trail for every view, kept current by the feed (the service reads the files).
    m_historyModel = new HistoryTableModel(this);
    m_historyFeed = new HistoryFeed(context->history(), m_historyModel, this);
    m_lookup->setHistoryFeed(m_historyFeed);

    buildLayout();

    connectProfiles();
    connectActions();

    m_firstRunBar->setVisible(!m_profiles->hasSavedProfiles()
                              && !context->settings()->uiValue(QStringLiteral("first_run_dismissed")).toBool());
    m_profiles->activateInitial();
    restoreLayout();
    // Keyboard order follows the work: user ID, reason, the actions, then browsing and profile switching.
    QList<QWidget *> chain{m_lookup->userIdEdit()};
    chain << m_actionPanel->focusChain() << m_lookup->browseChain() << m_profileBar->profileCombo() << m_tabs->tabBar();
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
    m_lookup->focusUserId();
}

MainWindow::~MainWindow() = default;

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
    m_bulkTab = new BulkTab(m_context, m_profiles, m_prompts, m_tabs, this);

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
    buildMenus();
    if (m_context->core()->hasTeam()) {
        m_team = new TeamController(
            m_context, m_prompts,
            {this, m_tabs, m_actions, m_actionPanel->resultView(), m_profiles, [this] { return m_bulkTab->page(); }},
            this);
        // Under the profile bar, where the officer looks before acting.
        layout->insertWidget(layout->indexOf(m_profileBar) + 1, m_team->statusBar());
    }
}

void MainWindow::buildMenus()
{
    m_menus = new WindowMenus(this, m_context->runner()->policy(), m_actionPanel, m_context->settings(),
                              QFileInfo(m_context->core()->config().historyDir).absolutePath());
    m_manageProfiles = m_menus->manageProfilesAction();
    connect(m_menus, &WindowMenus::profilesRequested, this, [this] { showProfiles(false); });
    connect(m_menus, &WindowMenus::userIdFocusRequested, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_lookup->focusUserId();
        m_lookup->userIdEdit()->selectAll();
    });
    connect(m_menus, &WindowMenus::tabRequested, m_tabs, &QTabWidget::setCurrentIndex);
    connect(m_menus, &WindowMenus::aboutRequested, this, &MainWindow::showAbout);

    m_language = new LanguageSwitch(
        m_menus->languageNotice(), [this] { return m_actions->isBusy() || (m_bulk && m_bulk->isRunning()); }, this);
    connect(m_menus, &WindowMenus::languageChosen, m_language, &LanguageSwitch::choose);
    // A choice made while something was in flight applies as soon as it lands.
    connect(m_actions, &ActionController::busyChanged, m_language, [this](bool busy) {
        if (!busy)
            applyPendingLanguage();
    });
}

void MainWindow::applyPendingLanguage()
{
    m_language->applyPending();
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

MainWindow::Handover MainWindow::handOver()
{
    saveLayout(); // geometry, splitter, tab and the history view's columns: the new window reads them
    Handover state{m_lookup->userIdEdit()->text(), m_actionPanel->reason(), m_carriedBulk, m_lastOutcome};
    if (m_bulk && !m_bulk->isRunning())
        state.bulkDraft = m_bulk->draft();
    return state;
}

void MainWindow::takeOver(const Handover &state)
{
    m_lookup->userIdEdit()->setText(state.userId);
    m_actionPanel->setReason(state.reason);
    if (state.lastOutcome) {
        // Said again in this window's language.
        ActionOutcome outcome = *state.lastOutcome;
        ActionRunner::describe(outcome);
        m_lastOutcome = std::make_shared<const ActionOutcome>(outcome);
        m_actionPanel->resultView()->showOutcome(outcome);
        m_followUp->showFor(outcome);
    }
    m_carriedBulk = state.bulkDraft;
    if (m_bulk) {
        m_bulk->restoreDraft(m_carriedBulk);
        m_carriedBulk.clear();
    }
}

void MainWindow::connectTargetSafety()
{
    // While a prompt is open or a request is in flight, the target cannot change under it.
    connect(m_actions, &ActionController::busyChanged, m_lookup, &LookupPanel::setLocked);
    connect(m_actions, &ActionController::inFlightChanged, m_actionPanel, &ActionPanel::setInFlight);
    connect(m_actions, &ActionController::awaitingConfirmation, this, [this](ActionKind kind, const QString &user) {
        m_actionPanel->resultView()->showMessage(tr("Waiting for your confirmation of %1 for \"%2\"; nothing is "
                                                    "sent until you answer.")
                                                     .arg(ActionInfo::displayName(kind), user));
    });
    connect(m_lookup, &LookupPanel::knownStateChanged, this,
            [this](const QString &userId, bool deleted, const QDateTime &asOf) {
        m_actionPanel->setTargetDeleted(
            deleted,
            tr("This console's history says user \"%1\" was deleted (%2). Smile ID refuses every action "
               "on a deleted user ID (code 2208), so none is offered. The ID is free for a new enrollment.")
                .arg(userId, QLocale().toString(asOf.toLocalTime(), QLocale::ShortFormat)));
    });
}

// The local sandbox's address matters only while the active profile talks to it.
void MainWindow::updateSandboxStatus()
{
    SandboxServer *sandbox = m_context->sandbox();
    const bool local = sandbox && m_profiles->active().environment == Environment::Local;
    if (sandbox)
        m_menus->sandboxStatus()->setText(tr("Local sandbox listening on %1").arg(sandbox->origin().toString()));
    m_menus->sandboxStatus()->setVisible(local);
}

// The History tab says when the last check found the trail altered, so nobody needs to open it to know.
void MainWindow::updateHistoryTab(const ChainReport &report)
{
    const int index = m_tabs->indexOf(m_historyPanel);
    if (index < 0)
        return;
    const bool failed = HistoryPanel::checkFailed(report);
    m_tabs->setTabText(index, failed ? tr("&History — check failed") : tr("&History"));
    m_tabs->setTabIcon(index, report.ok ? QIcon() : Glyphs::icon(Glyph::Warning));
    m_tabs->setTabToolTip(index, report.ok ? QString() : report.problem);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_servicesStarted || m_waitingForFrame)
        return;
    // Nothing slow may stand between launch and a visible window: start the sandbox, keychain and
    // history once the first frame is on screen (the expose event), or shortly after showing if the
    // platform never exposes the window (minimised, some headless set-ups).
    m_waitingForFrame = true;
    if (QWindow *handle = windowHandle())
        handle->installEventFilter(this);
    QTimer::singleShot(500, this, &MainWindow::startServices);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Expose && watched == windowHandle() && windowHandle()->isExposed()) {
        windowHandle()->removeEventFilter(this);
        QTimer::singleShot(0, this, &MainWindow::startServices);
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::startServices()
{
    if (m_servicesStarted)
        return;
    m_servicesStarted = true;
    emit firstFrameShown();
    // A second window over the same context (tests, a future "new window") finds it already running.
    buildHistory();
    finishBulk();
    connect(m_historyPanel, &HistoryPanel::verificationFinished, m_lookup, [this](const ChainReport &report) {
        m_lookup->setIntegrityProblem(report.ok ? QString() : report.problem);
    });
    const bool alreadyStarted = m_context->isStarted();
    m_context->start();
    if (alreadyStarted && m_context->sandbox())
        onSandboxStarted();
    m_profiles->enableKeys();
    // The history is read once its chain key is known, so the panel can verify what it loads.
    if (m_context->isReady())
        loadHistory();
    else
        connect(m_context, &AppContext::ready, this, &MainWindow::loadHistory, Qt::SingleShotConnection);
}

void MainWindow::finishBulk()
{
    if (m_bulk)
        return;
    m_bulk = m_bulkTab->build(m_carriedBulk); // a list carried over from the window this one replaced
    m_carriedBulk.clear();
    connect(m_bulk, &BulkPanel::runningChanged, this, [this](bool running) {
        updateSwitching(m_actions->isBusy());
        if (!running)
            applyPendingLanguage();
    });
}

void MainWindow::updateSwitching(bool actionBusy)
{
    const bool locked = actionBusy || (m_bulk && m_bulk->isRunning());
    m_profiles->setSwitchingLocked(locked);
    if (m_manageProfiles)
        m_manageProfiles->setEnabled(!locked);
}

void MainWindow::buildHistory()
{
    m_historyPanel = new HistoryPanel(m_historyFeed, this);
    m_historyPanel->setObjectName(QStringLiteral("historyPanel"));
    m_historyPanel->setAccessibleName(tr("History"));
    m_historyPanel->setSessionStart(m_sessionStart);
    // Export asks for a file through the same seam as every other prompt.
    m_historyPanel->setSaveFileNameProvider(
        [this](const QString &title, const QString &filter, const QString &suggested) {
        return m_prompts->saveFileName(this, title, filter, suggested);
    });
    m_historyPanel->restoreState(m_context->settings()->uiValue(QStringLiteral("history_panel")).toByteArray());
    const int current = m_tabs->currentIndex();
    QWidget *placeholder = m_tabs->widget(1);
    m_tabs->removeTab(1);
    placeholder->deleteLater();
    m_tabs->insertTab(1, m_historyPanel, tr("&History"));
    m_tabs->setCurrentIndex(current);
    connect(m_historyPanel, &HistoryPanel::verificationFinished, this, &MainWindow::updateHistoryTab);
    connect(m_historyPanel, &HistoryPanel::openUserRequested, this, [this](const QString &userId) {
        m_tabs->setCurrentIndex(0);
        m_lookup->userIdEdit()->setText(userId);
        m_lookup->focusUserId();
    });
}

void MainWindow::loadHistory()
{
    m_historyPanel->setChainKeyInKeychain(m_context->core()->chainKeyInKeychain());
    m_historyPanel->reload();
}

void MainWindow::onSandboxStarted()
{
    SandboxServer *sandbox = m_context->sandbox();
    m_profiles->setLocalSandbox(sandbox->origin());
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
    updateSandboxStatus();
}

void MainWindow::onProfileChanged(const Profile &profile)
{
    // The built-in profile is named after its environment: say it once.
    const QString environment = environmentDisplayName(profile.environment);
    const bool builtIn = profile.name == ProfileController::localProfileName() || profile.name == environment;
    const QString base = builtIn ? tr("Enrollee Console — %1").arg(environment)
                                 : tr("Enrollee Console — %1 (%2)").arg(profile.name, environment);
    setWindowTitle(profile.isProduction() ? tr("[PRODUCTION] %1").arg(base) : base);
    m_banner->setProfile(profile);
    updateSandboxStatus();
    m_followUp->clear();
    m_lastOutcome.reset();
    m_lookup->setProfile(profile);
    // Another profile starts with no target, reason or result from the previous one.
    if (m_actionPanel->setProfile(profile))
        m_lookup->userIdEdit()->clear();
    updateReadiness();
}

void MainWindow::onOutcome(const ActionOutcome &outcome)
{
    m_lastOutcome = std::make_shared<const ActionOutcome>(outcome);
    m_actionPanel->resultView()->showOutcome(outcome);
    m_followUp->showFor(outcome);
    m_notifier->actionEnded(outcome.result.elapsedMs, isActiveWindow(), tr("Enrollee Console"), outcome.headline);
    if (outcome.ok())
        m_actionPanel->clearReason();
    statusBar()->showMessage(outcome.headline, 10000);
}

void MainWindow::updateReadiness()
{
    QString whyNot;
    if (!m_context->isReady() && m_context->credentials()->isWaitingLong())
        whyNot = tr("Waiting for the keyring to be unlocked… (your desktop may be asking for the keyring's "
                    "password)");
    else if (!m_context->isReady())
        whyNot = tr("Starting: opening the audit trail…");
    else if (!m_profiles->canSend())
        whyNot = m_profiles->keyProblem();
    else if (!m_lookup->isValid())
        whyNot = tr("Enter a valid user ID to enable the actions.");
    m_actionPanel->setReady(whyNot.isEmpty(), whyNot);
}

void MainWindow::showProfiles(bool startNew)
{
    if (m_profiles->isSwitchingLocked()) {
        statusBar()->showMessage(tr("Profiles can be changed once the action in flight has finished."), 10000);
        return;
    }
    auto *dialog = new ProfileDialog(m_profiles, m_context->credentials(), m_prompts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (startNew)
        dialog->startNew();
    dialog->open();
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::restoreLayout()
{
    AppSettings *s = m_context->settings();
    if (!restoreGeometry(s->uiValue(QStringLiteral("geometry")).toByteArray()))
        resize(1100, 700);
    m_splitter->restoreState(s->uiValue(QStringLiteral("splitter")).toByteArray());
    m_tabs->setCurrentIndex(qBound(0, s->uiValue(QStringLiteral("tab"), 0).toInt(), m_tabs->count() - 1));
}

void MainWindow::saveLayout()
{
    AppSettings *s = m_context->settings();
    s->setUiValue(QStringLiteral("geometry"), saveGeometry());
    s->setUiValue(QStringLiteral("splitter"), m_splitter->saveState());
    s->setUiValue(QStringLiteral("tab"), m_tabs->currentIndex());
    if (m_historyPanel)
        s->setUiValue(QStringLiteral("history_panel"), m_historyPanel->saveState());
    s->sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_bulkTab->allowClose(event))
        return;
    if (m_actions->isInFlight() && !m_closeConfirmed && !m_bulkTab->closeConfirmed()) {
        // Quitting now would leave the request's outcome unrecorded: the server may still act on it.
        event->ignore();
        QPointer<MainWindow> self(this);
        m_prompts->confirm(this, tr("Quit while a request is in flight?"),
                           tr("An action is waiting for Smile ID's answer. If you quit now, the server may still "
                              "carry it out, but this console will record its outcome as unknown."),
                           tr("Quit anyway"), [self](bool quit) {
                               if (!self || !quit)
                                   return;
                               self->m_closeConfirmed = true;
                               self->close();
                           });
        return;
    }
    saveLayout();
    event->accept();
}
