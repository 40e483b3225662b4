#pragma once

#include "action/Action.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;
struct ActionOutcome;

// What may come next, under the action panel: "Cancel" during a long wait for an answer, "Retry" after a server error
// (5xx) or no usable answer, and the undo hint after Deactivate (Reactivate) or Flag as fraud (Unflag). It belongs to
// one user and one profile: the window hides it when either changes. It only asks; the window sends through the same
// ActionController as every button.
class FollowUpBar : public QWidget
{
    Q_OBJECT
public:
    explicit FollowUpBar(QWidget *parent = nullptr);

    void showFor(const ActionOutcome &outcome);
    // An action is waiting for its answer: after a second, offer Cancel (a long wait, not a normal one).
    void showWaiting(quint64 ticket);
    void clear();

    // The action that undoes `kind` where one exists (Deactivate -> Reactivate, Flag -> Unflag).
    static bool undoOf(ActionKind kind, ActionKind *undo);

signals:
    void followUpRequested(ActionKind kind, const QString &userId, const QString &reason);
    void cancelRequested(quint64 ticket);

private:
    QLabel *m_label;
    QPushButton *m_retry;
    QPushButton *m_undo;
    QPushButton *m_cancel;
    QTimer *m_waitTimer;
    quint64 m_waitingTicket = 0;
    ActionKind m_kind = ActionKind::ReEnroll;
    ActionKind m_undoKind = ActionKind::ReEnroll;
    QString m_userId;
    QString m_reason;
};
