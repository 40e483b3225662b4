#pragma once

#include <QObject>
#include <QPointer>

class AppContext;
class MainWindow;
class PromptService;

// Owns the console's main window and rebuilds it when the officer picks another language. The window
// sets its strings as it is built (no .ui files to retranslate), so a new window over the same running
// context — core, history, keychain, sandbox and team trail untouched — is the one way to have every
// string, Qt's own included, in the new language without a restart. What the officer was looking at
// and had typed comes along (geometry, tab, user ID, reason, an unstarted bulk list); the window asks
// for the rebuild only when no action or bulk run is in flight.
class WindowHost : public QObject
{
    Q_OBJECT
public:
    WindowHost(AppContext *context, PromptService *prompts, QObject *parent = nullptr);
    ~WindowHost() override;

    MainWindow *window() const { return m_window; }
    void show();
    // Installs `language` ("" = the system's) and replaces the window with one built in it.
    void switchLanguage(const QString &language);

signals:
    void windowReplaced(MainWindow *window);

private:
    void adopt(MainWindow *window);

    AppContext *m_context;
    PromptService *m_prompts;
    QPointer<MainWindow> m_window;
};
