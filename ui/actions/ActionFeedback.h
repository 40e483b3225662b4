#pragma once

#include <QObject>

#include <memory>

class ActionController;
class ActionPanel;
class ActionRunner;
class DesktopNotifier;
class FollowUpBar;
class QMainWindow;
struct ActionOutcome;

// What the window says about a single action as it goes: in the result view while it waits for the
// officer's confirmation, is sent, refused or cancelled; then its outcome there, with the follow-up bar
// under it (cancel while waiting, retry, the undo hint), on the status bar and, for a long action that
// ended while the officer was elsewhere, as a desktop notification. Keeps the last outcome, so a window
// in another language can say it again.
class ActionFeedback : public QObject
{
    Q_OBJECT
public:
    ActionFeedback(ActionController *actions, ActionRunner *runner, ActionPanel *panel, FollowUpBar *followUp,
                   DesktopNotifier *notifier, QMainWindow *window);

    // The outcome on screen, if any.
    std::shared_ptr<const ActionOutcome> lastOutcome() const { return m_lastOutcome; }
    // Shows an outcome carried over from the window this one replaced, described in this window's language.
    void showAgain(const ActionOutcome &outcome);
    // Another profile: nothing of the previous profile's result is followed up or carried over.
    void forget();

private:
    void showOutcome(const ActionOutcome &outcome);

    ActionPanel *m_panel;
    FollowUpBar *m_followUp;
    DesktopNotifier *m_notifier;
    QMainWindow *m_window;
    std::shared_ptr<const ActionOutcome> m_lastOutcome;
};
