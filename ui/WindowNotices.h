#pragma once

#include <QObject>
#include <QString>

class AppContext;
class InfoBar;
class ProfileController;
class PromptService;
class QVBoxLayout;
class QWidget;

// The bars above the tabs that say something about the console itself rather than about an action: the
// first-run hint towards a Smile ID profile (until one is saved or the hint is dismissed), that no keychain
// is available (with the system's own error on request), and that a settings file could not be read and
// was moved aside.
class WindowNotices : public QObject
{
    Q_OBJECT
public:
    WindowNotices(AppContext *context, ProfileController *profiles, PromptService *prompts, QWidget *window);

    // Adds the bars, in their order, to `layout`.
    void addTo(QVBoxLayout *layout);

signals:
    // The first-run hint's button: the officer wants to add a profile.
    void newProfileRequested();

private:
    void showKeychainState(bool available, const QString &why);

    AppContext *m_context;
    PromptService *m_prompts;
    QWidget *m_window;
    InfoBar *m_firstRunBar;
    InfoBar *m_keychainBar;
    InfoBar *m_settingsBar;
    QString m_keychainDetails; // the keychain's own error, shown on request
};
