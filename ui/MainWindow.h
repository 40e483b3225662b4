#pragma once

#include "action/Action.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QVariantMap>

#include <functional>
#include <memory>

class ActionController;
class ActionFeedback;
class ActionPanel;
class BulkPanel;
class BulkTab;
class AppContext;
class LanguageSwitch;
class LookupPanel;
class ProductionBanner;
class ProfileBar;
class ProfileController;
class QAction;
class PromptService;
class QSplitter;
class QTabWidget;
class DesktopNotifier;
class FollowUpBar;
class HistoryFeed;
class HistoryTab;
class SandboxLink;
class WindowNotices;
class ActionReadiness;
class HistoryTableModel;
struct ActionOutcome;
struct ActionRequest;
class TeamController;
class WindowMenus;
class QLabel;
struct Profile;

// The console window: a thin coordinator that builds the panels, wires their signals to the
// controllers and restores its layout. It holds no business logic: profiles live in
// ProfileController, actions in ActionController (over the core's ActionRunner), prompts in
// PromptService; what an action shows in ActionFeedback, why actions are not offered in
// ActionReadiness, the bars above the tabs in WindowNotices, the sandbox's side in SandboxLink and
// the History, Bulk and team tabs in HistoryTab, BulkTab and TeamController. Slow start-up work
// (sandbox, keychain, history) begins after the first frame.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(AppContext *context, PromptService *prompts, QWidget *parent = nullptr);
    ~MainWindow() override;

    AppContext *context() const { return m_context; }
    ProfileController *profiles() const { return m_profiles; }
    ActionController *actions() const { return m_actions; }
    PromptService *prompts() const { return m_prompts; }

    // Another language. Every string here is set as the window is built, so WindowHost builds a new
    // window over the same context when languageSwitch() asks: handOver() saves the layout and returns
    // what the officer had typed and not sent and the last result, takeOver() puts it back.
    LanguageSwitch *languageSwitch() const { return m_language; }
    struct Handover {
        QString userId;
        QString reason;
        QVariantMap bulkDraft; // an unstarted bulk list, action, reason, column and rate
        std::shared_ptr<const ActionOutcome> lastOutcome;
    };
    Handover handOver();
    void takeOver(const Handover &state);

signals:
    // The first frame is on screen (or the platform never exposed the window within 500 ms): what is
    // not part of the first frame may be done now. Emitted once, as the services start.
    void firstFrameShown();

public slots:
    void showProfiles(bool startNew = false);
    void showAbout();

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    // The menu bar and the status bar's labels (WindowMenus), and when a chosen language applies.
    void buildMenus();
    // A language chosen while an action or bulk run was in flight applies once none is.
    void applyPendingLanguage();
    // The splitter, tabs and bars; profile and keychain signals; action signals.
    void buildLayout();
    void connectProfiles();
    void connectActions();
    void startServices();
    void finishBulk(); // the Bulk tab's panel, after the first frame
    // Profiles stay put while an action or a bulk run is in flight: its answers belong to the profile.
    void updateSwitching(bool actionBusy);
    void onProfileChanged(const Profile &profile);
    // One target per action: locks, in-flight labels, known-deleted users.
    void connectTargetSafety();
    void restoreLayout();
    void saveLayout();

    AppContext *m_context;
    PromptService *m_prompts;
    ProfileController *m_profiles;
    ActionController *m_actions;
    HistoryTableModel *m_historyModel = nullptr;
    HistoryFeed *m_historyFeed = nullptr;
    HistoryTab *m_historyTab = nullptr; // the History tab: a placeholder, then the panel
    ProductionBanner *m_banner;
    ProfileBar *m_profileBar;
    WindowNotices *m_notices; // the bars above the tabs
    LookupPanel *m_lookup;
    ActionPanel *m_actionPanel;
    ActionReadiness *m_readiness;         // whether, and why not, the actions are offered
    ActionFeedback *m_feedback = nullptr; // the result view, follow-up bar and status line for one action
    BulkTab *m_bulkTab = nullptr;
    BulkPanel *m_bulk = nullptr;      // once the Bulk tab is built
    TeamController *m_team = nullptr; // the team's status line, Approvals tab and four-eyes gate
    QAction *m_manageProfiles = nullptr;
    FollowUpBar *m_followUp = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    WindowMenus *m_menus = nullptr;
    LanguageSwitch *m_language = nullptr;
    SandboxLink *m_sandbox = nullptr; // the built-in sandbox's demo enrollees and status line
    QVariantMap m_carriedBulk;        // from the window this one replaces, until the Bulk tab is built
    QSplitter *m_splitter;
    QTabWidget *m_tabs;
    bool m_servicesStarted = false;
    bool m_waitingForFrame = false;
    bool m_closeConfirmed = false;
};
