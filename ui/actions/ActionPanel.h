#pragma once

#include "action/Action.h"
#include "action/ActionPolicy.h"
#include "settings/Profile.h"

#include <QHash>
#include <QList>
#include <QWidget>

class ElidedLabel;
class QAction;
class QLineEdit;
class QLabel;
class QProgressBar;
class ResultView;
struct ActionOutcome;

// The six actions as buttons (and as QActions with shortcuts the window puts in its menu), the
// reason / case-reference field, a busy indicator while a request is in flight, and the result.
// It only asks: actionRequested() goes to the ActionController, which decides and sends.
class ActionPanel : public QWidget
{
    Q_OBJECT
public:
    // `policy` says which actions need a reason (in the tooltips); the runner enforces it.
    explicit ActionPanel(const ActionPolicy &policy, QWidget *parent = nullptr);

    QList<QAction *> actions() const { return m_actionList; }
    QAction *action(ActionKind kind) const { return m_actions.value(int(kind)); }
    static QKeySequence shortcut(ActionKind kind);
    QString reason() const;
    void clearReason();
    void setReason(const QString &reason);
    // An action refused for want of a reason: when `kind` needs one and none is typed, the keyboard
    // focus goes to the reason field (so what the officer types next lands there) and the hint says
    // why. Returns whether it did.
    bool askForReason(ActionKind kind);
    ResultView *resultView() const { return m_result; }
    // Reason field, the six buttons, then the result's details, in keyboard order.
    QList<QWidget *> focusChain() const { return m_focusChain; }

    // Buttons enable only when there is a valid user, a usable profile and nothing in flight.
    void setReady(bool ready, const QString &whyNot = {});
    // A prompt is open or a request is in flight: no second action. When it ends, the keyboard focus
    // goes back to the button that was pressed (disabling it had moved the focus on).
    void setBusy(bool busy);
    // Only while a request is on the wire: the busy indicator.
    void setInFlight(bool inFlight);
    // This console's history says the target was deleted: Smile ID refuses every action on a deleted
    // user_id (code 2208), so none is offered, and `why` says so in the tooltips.
    void setTargetDeleted(bool deleted, const QString &why = {});
    // The menu text of an action, with its mnemonic ("De&lete…").
    static QString menuText(ActionKind kind);
    void setTarget(const QString &userId);
    // The active profile's environment: the rules shown follow it.
    void setEnvironment(Environment environment);
    // The active profile. When it is another one than before, the reason and the last result are
    // cleared: what was typed or shown for one environment never travels to another.
    // Returns whether it is another profile (the first one set is not).
    bool setProfile(const Profile &profile);

signals:
    void actionRequested(ActionKind kind);

protected:
    // Enter or Return on a focused action button presses it, as Space does.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateEnabled();
    void updateTips();
    void dropReason(const QString &why);

    ActionPolicy m_policy;
    Environment m_environment = Environment::Local;
    QHash<int, QAction *> m_actions;
    QList<QAction *> m_actionList;
    QList<QWidget *> m_focusChain;
    QLineEdit *m_reason;
    QLabel *m_reasonHint;
    ElidedLabel *m_target;
    QLabel *m_whyNot;
    QProgressBar *m_busy;
    ResultView *m_result;
    QString m_targetUser;  // the user the reason was typed for
    QString m_profileKey;  // which profile the reason and the result belong to
    QString m_defaultHint; // the reason hint when nothing was cleared
    bool m_ready = false;
    bool m_isBusy = false;
    bool m_targetDeleted = false;
    QString m_deletedWhy;
    QString m_notReadyWhy;
    QWidget *m_focusBeforeBusy = nullptr;
};
