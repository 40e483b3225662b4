#include "MainWindow.h"

#include "AboutDialog.h"
#include "AppContext.h"
#include "DesktopNotifier.h"
#include "LanguageSwitch.h"
#include "PromptService.h"
#include "SandboxLink.h"
#include "WindowMenus.h"
#include "WindowNotices.h"
#include "action/ActionRunner.h"
#include "actions/ActionController.h"
#include "actions/ActionFeedback.h"
#include "actions/ActionPanel.h"
#include "actions/ActionReadiness.h"
#include "actions/FollowUpBar.h"
#include "bulk/BulkPanel.h"
#include "bulk/BulkTab.h"
#include "history/HistoryFeed.h"
#include "history/HistoryPanel.h"
#include "history/HistoryTab.h"
#include "history/HistoryTableModel.h"
#include "lookup/LookupPanel.h"
#include "profiles/ProductionBanner.h"
#include "profiles/ProfileBar.h"
#include "profiles/ProfileController.h"
#include "profiles/ProfileDialog.h"
#include "settings/AppSettings.h"
#include "team/ApprovalsPanel.h"
#include "team/TeamController.h"
#include "team/TeamStatusBar.h"
#include "widgets/TimeText.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QFileInfo>
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

    m_banner = new ProductionBanner(this);
    m_profileBar = new ProfileBar(m_profiles, this);
    m_notices = new WindowNotices(context, m_profiles, prompts, this);
    m_lookup = new LookupPanel(this);
    m_actionPanel = new ActionPanel(context->runner()->policy(), this);
    m_readiness = new ActionReadiness(context, m_profiles, m_lookup, m_actionPanel, this);
    // One model of the trail for every view, kept current by the feed (the service reads the files).
    m_historyModel = new HistoryTableModel(context->history(), this);
    m_historyFeed = new HistoryFeed(context->history(), m_historyModel, this);
    m_lookup->setHistoryFeed(m_historyFeed);

    buildLayout();

    connectProfiles();
    connectActions();
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
    m_historyTab = new HistoryTab(m_context, m_historyFeed, m_prompts, m_tabs, this);
    m_bulkTab = new BulkTab(m_context, m_profiles, m_prompts, m_tabs, this);

    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralWidget"));
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(m_banner);
    layout->addWidget(m_profileBar);
    m_notices->addTo(layout);
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
        m_menus->showApprovalsAction()->setVisible(true);
        connect(m_menus, &WindowMenus::approvalsRequested, this,
                [this] { m_tabs->setCurrentWidget(m_team->approvals()); });
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
    connect(m_profileBar, &ProfileBar::manageRequested, this, [this] { showProfiles(false); });
    connect(m_notices, &WindowNotices::newProfileRequested, this, [this] { showProfiles(true); });
}

void MainWindow::connectActions()
{
    connect(m_followUp, &FollowUpBar::followUpRequested, this,
            [this](ActionKind kind, const QString &userId, const QString &reason) {
        m_lookup->userIdEdit()->setText(userId); // the field names the user the action goes to
        m_actions->request(kind, userId, reason);
    });
    m_feedback = new ActionFeedback(m_actions, m_context->runner(), m_actionPanel, m_followUp, m_notifier, this);
    connect(m_lookup, &LookupPanel::userIdChanged, m_followUp, &FollowUpBar::clear);
    connect(m_lookup, &LookupPanel::userIdChanged, this, [this](const QString &userId, bool valid) {
        m_actionPanel->setTarget(valid ? userId : QString());
        m_readiness->update();
    });
    connect(m_actionPanel, &ActionPanel::actionRequested, this,
            [this](ActionKind kind) { m_actions->request(kind, m_lookup->userId(), m_actionPanel->reason()); });
    // Several pasted user IDs go to the Bulk tab as its list, unless a run is sending there.
    connect(m_lookup, &LookupPanel::bulkRequested, this, [this](const QString &userIds) {
        if (!m_bulk || !m_bulk->isRunning()) {
            QVariantMap draft = m_bulk ? m_bulk->draft() : m_carriedBulk;
            draft.remove(QStringLiteral("file"));
            draft.insert(QStringLiteral("text"), userIds);
            if (m_bulk)
                m_bulk->restoreDraft(draft);
            else
                m_carriedBulk = draft;
            m_lookup->userIdEdit()->clear();
        }
        m_tabs->setCurrentWidget(m_bulkTab->page());
    });
    connect(m_actions, &ActionController::busyChanged, m_actionPanel, &ActionPanel::setBusy);
    connectTargetSafety();
    // The profile stays put while an action is asked about or in flight: its answer belongs to it.
    connect(m_actions, &ActionController::busyChanged, this, [this](bool busy) { updateSwitching(busy); });
    m_sandbox = new SandboxLink(m_context, m_profiles, m_lookup, m_menus->sandboxStatus(), this);
}

MainWindow::Handover MainWindow::handOver()
{
    saveLayout(); // geometry, splitter, tab and the history view's columns: the new window reads them
    Handover state{m_lookup->userIdEdit()->text(), m_actionPanel->reason(), m_carriedBulk, m_feedback->lastOutcome()};
    if (m_bulk && !m_bulk->isRunning())
        state.bulkDraft = m_bulk->draft();
    return state;
}

void MainWindow::takeOver(const Handover &state)
{
    m_lookup->userIdEdit()->setText(state.userId);
    m_actionPanel->setReason(state.reason);
    if (state.lastOutcome)
        m_feedback->showAgain(*state.lastOutcome);
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
    connect(m_lookup, &LookupPanel::knownStateChanged, this,
            [this](const QString &userId, bool deleted, const QDateTime &asOf) {
        m_actionPanel->setTargetDeleted(
            deleted,
            tr("This console's history says user \"%1\" was deleted (%2). Smile ID refuses every action "
               "on a deleted user ID (code 2208), so none is offered. The ID is free for a new enrollment.")
                .arg(userId, TimeText::display(asOf)));
    });
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
    HistoryPanel *history = m_historyTab->build();
    connect(history, &HistoryPanel::openUserRequested, this, [this](const QString &userId) {
        m_tabs->setCurrentIndex(0);
        m_lookup->userIdEdit()->setText(userId);
        m_lookup->focusUserId();
    });
    finishBulk();
    connect(history, &HistoryPanel::verificationFinished, m_lookup, [this](const ChainReport &report) {
        // A database out of reach is not a break: the History tab says it cannot check now, in amber.
        m_lookup->setIntegrityProblem(HistoryPanel::checkFailed(report) ? report.problem : QString());
    });
    const bool alreadyStarted = m_context->isStarted();
    m_context->start();
    if (alreadyStarted && m_context->sandbox())
        m_sandbox->sandboxStarted();
    m_profiles->enableKeys();
    m_historyTab->loadWhenReady();
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

void MainWindow::onProfileChanged(const Profile &profile)
{
    // The built-in profile is named after its environment: say it once.
    const QString environment = environmentDisplayName(profile.environment);
    const bool builtIn = profile.name == ProfileController::localProfileName() || profile.name == environment;
    const QString base = builtIn ? tr("Enrollee Console — %1").arg(environment)
                                 : tr("Enrollee Console — %1 (%2)").arg(profile.name, environment);
    setWindowTitle(profile.isProduction() ? tr("[PRODUCTION] %1").arg(base) : base);
    m_banner->setProfile(profile);
    m_feedback->forget();
    m_lookup->setProfile(profile);
    // Another profile starts with no target, reason or result from the previous one.
    if (m_actionPanel->setProfile(profile))
        m_lookup->userIdEdit()->clear();
    m_readiness->update();
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
    m_historyTab->saveState();
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
