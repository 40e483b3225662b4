#pragma once

#include <QObject>
#include <QString>

class ActionPanel;
class ActionPolicy;
class AppSettings;
class QAction;
class QLabel;
class QMainWindow;

// The console window's menu bar (File, Actions, View with its Language menu, Help) and the standing
// labels of its status bar (where the local sandbox listens, a language change that waits). Entries
// that act on the window are signals: the window decides what they do.
class WindowMenus : public QObject
{
    Q_OBJECT
public:
    // `dataFolder` is what Help offers to open; the Actions menu holds `actions`' own QActions.
    WindowMenus(QMainWindow *window, const ActionPolicy &policy, ActionPanel *actions, AppSettings *settings,
                const QString &dataFolder);

    QAction *manageProfilesAction() const { return m_manageProfiles; }
    // View → Approvals, hidden until the window has an Approvals tab to show.
    QAction *showApprovalsAction() const { return m_showApprovals; }
    QLabel *sandboxStatus() const { return m_sandboxStatus; }
    QLabel *languageNotice() const { return m_languageNotice; }

signals:
    void profilesRequested();
    void userIdFocusRequested();
    void tabRequested(int index);
    void approvalsRequested();
    void aboutRequested();
    // See LanguageMenu::languageChosen.
    void languageChosen(const QString &code, const QString &nextStart);

private:
    void buildMenus(QMainWindow *window, const ActionPolicy &policy, ActionPanel *actionPanel, AppSettings *settings,
                    const QString &dataFolder);
    void buildStatusBar(QMainWindow *window);

    QAction *m_manageProfiles = nullptr;
    QAction *m_showApprovals = nullptr;
    QLabel *m_sandboxStatus = nullptr;
    QLabel *m_languageNotice = nullptr;
};
