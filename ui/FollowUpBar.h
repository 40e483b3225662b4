#pragma once

#include "Action.h"

#include <QWidget>

class QLabel;
class QPushButton;
struct ActionOutcome;

// What may come next after an answer, under the action panel: "Retry" after a server error (5xx) or
// no usable answer, and the undo hint after Deactivate (Reactivate) or Flag as fraud (Unflag). It
// belongs to one user and one profile: the window hides it when either changes. It only asks; the
// window sends through the same ActionController as every button.
class FollowUpBar : public QWidget
{
    Q_OBJECT
public:
    explicit FollowUpBar(QWidget *parent = nullptr);

    void showFor(const ActionOutcome &outcome);
    void clear();

    // The action that undoes `kind` where one exists (Deactivate -> Reactivate, Flag -> Unflag).
    static bool undoOf(ActionKind kind, ActionKind *undo);

signals:
    void followUpRequested(ActionKind kind, const QString &userId, const QString &reason);

private:
    QLabel *m_label;
    QPushButton *m_retry;
    QPushButton *m_undo;
    ActionKind m_kind = ActionKind::ReEnroll;
    ActionKind m_undoKind = ActionKind::ReEnroll;
    QString m_userId;
    QString m_reason;
};
