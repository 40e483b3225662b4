#pragma once

#include <QObject>
#include <QStringList>

class AppContext;
class LookupPanel;
class ProfileController;
class QLabel;
class QMainWindow;

// The window's side of the built-in local sandbox: once it listens, the profiles learn its address and
// the lookup offers its demo enrollees (and drops the ones deleted since); the status bar says where it
// listens while the active profile talks to it, and says so when it could not start.
class SandboxLink : public QObject
{
    Q_OBJECT
public:
    // `status` is the status bar's sandbox label.
    SandboxLink(AppContext *context, ProfileController *profiles, LookupPanel *lookup, QLabel *status,
                QMainWindow *window);

    // The context's sandbox is listening (called by the context's signal, or by a window that finds the
    // sandbox already started by the window before it).
    void sandboxStarted();

private:
    void updateStatus();

    AppContext *m_context;
    ProfileController *m_profiles;
    LookupPanel *m_lookup;
    QLabel *m_status;
    QMainWindow *m_window;
    QStringList m_demoUsers; // what the lookup's demo list shows
};
