#pragma once

#include "action/Action.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMainWindow>
#include <QVariantMap>

#include <functional>
#include <memory>

class ActionController;
class ActionPanel;
class BulkPanel;
class BulkTab;
class AppContext;
class InfoBar;
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
class HistoryPanel;
class HistoryTableModel;
struct ActionOutcome;
struct ActionRequest;
class TeamController;
class WindowMenus;
struct ChainReport;
class QLabel;
struct Profile;

// The console window: a thin coordinator that builds the panels, wires their signals to the
// controllers and restores its layout. It holds no business logic: profiles live in
// ProfileController, actions in ActionController (over the core's ActionRunner), prompts in
// PromptService. Slow start-up work (sandbox, keychain, history) begins after the first frame.
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
    void updateSandboxStatus();
    void updateHistoryTab(const ChainReport &report);
    void startServices();
    void buildHistory();
    void finishBulk(); // the Bulk tab's panel, after the first frame
    // Profiles stay put while an action or a bulk run is in flight: its answers belong to the profile.
    void updateSwitching(bool actionBusy);
    void loadHistory();
    void onSandboxStarted();
    void onProfileChanged(const Profile &profile);
    void onOutcome(const ActionOutcome &outcome);
    // One target per action: locks, in-flight labels, known-deleted users.
    void connectTargetSafety();
    void updateReadiness();
    void restoreLayout();
    void saveLayout();

    AppContext *m_context;
    PromptService *m_prompts;
    ProfileController *m_profiles;
    ActionController *m_actions;
    HistoryTableModel *m_historyModel = nullptr;
    HistoryFeed *m_historyFeed = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    ProductionBanner *m_banner;
    ProfileBar *m_profileBar;
    InfoBar *m_firstRunBar;
    InfoBar *m_keychainBar;
    InfoBar *m_settingsBar;
    LookupPanel *m_lookup;
    ActionPanel *m_actionPanel;
    BulkTab *m_bulkTab = nullptr;
    BulkPanel *m_bulk = nullptr;      // once the Bulk tab is built
    TeamController *m_team = nullptr; // the team's status line, Approvals tab and four-eyes gate
    QAction *m_manageProfiles = nullptr;
    FollowUpBar *m_followUp = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    WindowMenus *m_menus = nullptr;
    LanguageSwitch *m_language = nullptr;
    QVariantMap m_carriedBulk; // from the window this one replaces, until the Bulk tab is built
    std::shared_ptr<const ActionOutcome> m_lastOutcome; // on screen in the result view, for a handover
    QSplitter *m_splitter;
    QTabWidget *m_tabs;
    QDateTime m_sessionStart;
    QStringList m_demoUsers;   // what the lookup's demo list shows
    QString m_keychainDetails; // the keychain's own error, shown on request
    bool m_servicesStarted = false;
    bool m_waitingForFrame = false;
    bool m_closeConfirmed = false;
};
