#pragma once

#include <QObject>
#include <QVariantMap>

class AppContext;
class BulkPanel;
class ProfileController;
class PromptService;
class QCloseEvent;
class QMainWindow;
class QSystemTrayIcon;
class QTabWidget;
class QWidget;

// The window's side of bulk runs: the Bulk tab (a placeholder until the first frame, then the panel, which
// reads the stored runs), a question before the window closes during a run (the run is paused while it is
// asked; closing keeps it paused once the rows in flight are answered, keeping the window resumes it), and
// a desktop notification when a long run ends while the window is elsewhere.
class BulkTab : public QObject
{
    Q_OBJECT
public:
    // Adds the tab, holding a placeholder, to `tabs`.
    BulkTab(AppContext *context, ProfileController *profiles, PromptService *prompts, QTabWidget *tabs,
            QMainWindow *window);

    // Puts the panel in the placeholder's place, with `draft` (a list carried over from a window in another
    // language) restored. Once only; later calls return the same panel.
    BulkPanel *build(const QVariantMap &draft);
    BulkPanel *panel() const { return m_panel; }
    // The tab's page: the placeholder, then the panel.
    QWidget *page() const;
    // False, with the close ignored, the run paused and the officer asked, while a run is sending; once
    // they agreed, the window is closed again when the run has paused.
    bool allowClose(QCloseEvent *event);
    // The officer agreed to close during a run (nothing else needs to ask again).
    bool closeConfirmed() const { return m_closeConfirmed; }

private:
    void notifyDesktop(const QString &title, const QString &text);

    AppContext *m_context;
    ProfileController *m_profiles;
    PromptService *m_prompts;
    QTabWidget *m_tabs;
    QMainWindow *m_window;
    int m_index = -1;
    BulkPanel *m_panel = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    bool m_closeConfirmed = false;
};
