#include "ActionFeedback.h"

#include "DesktopNotifier.h"
#include "action/ActionRunner.h"
#include "actions/ActionController.h"
#include "actions/ActionPanel.h"
#include "actions/FollowUpBar.h"
#include "actions/ResultView.h"

#include <QMainWindow>
#include <QStatusBar>

ActionFeedback::ActionFeedback(ActionController *actions, ActionRunner *runner, ActionPanel *panel,
                               FollowUpBar *followUp, DesktopNotifier *notifier, QMainWindow *window)
    : QObject(window), m_panel(panel), m_followUp(followUp), m_notifier(notifier), m_window(window)
{
    connect(actions, &ActionController::submitted, m_followUp, &FollowUpBar::clear);
    connect(runner, &ActionRunner::actionStarted, m_followUp, [this](quint64 ticket, const HistoryEntry &entry) {
        if (entry.runId.isEmpty()) // a bulk run's rows have the Bulk tab's own controls
            m_followUp->showWaiting(ticket);
    });
    connect(m_followUp, &FollowUpBar::cancelRequested, runner, &ActionRunner::cancel);
    connect(actions, &ActionController::awaitingConfirmation, this, [this](ActionKind kind, const QString &user) {
        m_panel->resultView()->showMessage(tr("Waiting for your confirmation of %1 for \"%2\"; nothing is "
                                              "sent until you answer.")
                                               .arg(ActionInfo::displayName(kind), user));
    });
    connect(actions, &ActionController::submitted, this, [this](ActionKind kind, const QString &userId) {
        m_panel->resultView()->showMessage(tr("Sending %1 for \"%2\"…").arg(ActionInfo::displayName(kind), userId));
    });
    connect(actions, &ActionController::refused, this, [this](ActionKind kind, const QString &reason) {
        m_panel->resultView()->showMessage(tr("%1 was not sent.").arg(ActionInfo::displayName(kind)), reason, true);
        // Refused for want of a reason: what the officer types next belongs in the reason field.
        m_panel->askForReason(kind);
    });
    connect(actions, &ActionController::cancelled, this, [this](ActionKind kind, const QString &userId) {
        m_panel->resultView()->showMessage(
            tr("%1 of \"%2\" cancelled; nothing was sent.").arg(ActionInfo::displayName(kind), userId));
    });
    connect(actions, &ActionController::finished, this, [this](const ActionOutcome &outcome) {
        showOutcome(outcome);
        m_notifier->actionEnded(outcome.result.elapsedMs, m_window->isActiveWindow(), tr("Enrollee Console"),
                                outcome.headline);
        if (outcome.ok())
            m_panel->clearReason();
        m_window->statusBar()->showMessage(outcome.headline, 10000);
    });
}

void ActionFeedback::showAgain(const ActionOutcome &outcome)
{
    ActionOutcome described = outcome;
    ActionRunner::describe(described);
    showOutcome(described);
}

void ActionFeedback::forget()
{
    m_followUp->clear();
    m_lastOutcome.reset();
}

void ActionFeedback::showOutcome(const ActionOutcome &outcome)
{
    m_lastOutcome = std::make_shared<const ActionOutcome>(outcome);
    m_panel->resultView()->showOutcome(outcome);
    m_followUp->showFor(outcome);
}
