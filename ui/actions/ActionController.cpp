#include "ActionController.h"

#include "PromptService.h"
#include "actions/DeleteConfirmDialog.h"
#include "profiles/ProfileController.h"

#include <QWidget>

ActionController::ActionController(ActionRunner *runner, ProfileController *profiles, PromptService *prompts,
                                   QObject *parent)
    : QObject(parent), m_runner(runner), m_profiles(profiles), m_prompts(prompts)
{
    connect(runner, &ActionRunner::actionFinished, this, &ActionController::onFinished);
}

void ActionController::request(ActionKind kind, const QString &userId, const QString &reason)
{
    if (isBusy())
        return;
    ActionRequest req;
    req.action = kind;
    req.userId = userId;
    req.reason = reason;
    req.profile = m_profiles->active();
    req.apiKey = m_profiles->apiKey();
    req.face = QStringLiteral("console");
    if ((!req.apiKey || req.apiKey->isEmpty()) && !m_profiles->keyProblem().isEmpty()) {
        emit refused(kind, m_profiles->keyProblem());
        return;
    }
    if (const Status invalid = m_runner->validate(req); !invalid.ok()) {
        emit refused(kind, invalid.message());
        return;
    }
    if (!m_gate)
        return confirmAndSubmit(req);
    setPrompting(true);
    QPointer<ActionController> self(this);
    m_gate(req, [self, req](bool proceed, FourEyesVerdict verdict) mutable {
        if (!self)
            return;
        self->setPrompting(false);
        if (!proceed) {
            req.apiKey.reset();
            return;
        }
        req.fourEyes = verdict;
        self->confirmAndSubmit(req);
    });
}

void ActionController::requestApproved(ActionKind kind, const QString &userId, const QString &reason, qint64 approvalId)
{
    if (isBusy())
        return;
    ActionRequest req;
    req.action = kind;
    req.userId = userId;
    req.reason = reason;
    req.profile = m_profiles->active();
    req.apiKey = m_profiles->apiKey();
    req.approvalId = approvalId;
    if (const Status invalid = m_runner->validate(req); !invalid.ok()) {
        emit refused(kind, invalid.message());
        return;
    }
    confirmAndSubmit(req);
}

void ActionController::confirmAndSubmit(ActionRequest req)
{
    const ActionKind kind = req.action;
    // The core's policy says what this action needs here; the window only decides how to ask.
    const Confirmation needed = m_runner->rule(req).confirmation;
    if (needed == Confirmation::None) {
        submit(req);
        return;
    }
    setPrompting(true);
    emit awaitingConfirmation(kind, req.userId.trimmed());
    QPointer<ActionController> self(this);
    auto answered = [self, req, needed](bool accepted) mutable {
        if (!self)
            return;
        self->setPrompting(false);
        if (!accepted) {
            req.apiKey.reset();
            emit self->cancelled(req.action, req.userId.trimmed());
            return;
        }
        req.confirmed = needed;
        self->submit(req);
    };
    if (needed == Confirmation::TypedUserId) {
        m_prompts->confirmDelete(m_dialogParent, DeleteConfirmation{req.userId.trimmed(), req.profile, req.reason},
                                 answered);
    } else {
        const QString action = ActionInfo::displayName(kind);
        m_prompts->confirm(m_dialogParent, tr("%1 in production?").arg(action), confirmationText(req), action,
                           answered);
    }
}

QString ActionController::confirmationText(const ActionRequest &request)
{
    const QString user = request.userId.trimmed();
    QString what;
    switch (request.action) {
    case ActionKind::ReEnroll:
        what = tr("You are about to allow user \"%1\" to re-enroll").arg(user);
        break;
    case ActionKind::Deactivate:
        what = tr("You are about to deactivate user \"%1\"").arg(user);
        break;
    case ActionKind::Reactivate:
        what = tr("You are about to reactivate user \"%1\"").arg(user);
        break;
    case ActionKind::FlagFraud:
        what = tr("You are about to flag user \"%1\" as fraudulent").arg(user);
        break;
    case ActionKind::UnflagFraud:
        what = tr("You are about to lift the fraud flag on user \"%1\"").arg(user);
        break;
    case ActionKind::Delete:
        what = tr("You are about to delete user \"%1\" permanently").arg(user);
        break;
    }
    const QString reason = request.reason.trimmed().isEmpty() ? tr("(none given)") : request.reason.trimmed();
    return tr("%1 in PRODUCTION (profile \"%2\", partner %3). This affects a real person.\n\nReason: %4\n\n"
              "Continue?")
        .arg(what, request.profile.name, request.profile.partnerId, reason);
}

void ActionController::submit(const ActionRequest &request)
{
    const Result<quint64> ticket = m_runner->submit(request);
    if (!ticket.ok()) {
        emit refused(request.action, ticket.message());
        return;
    }
    m_ticket = ticket.value();
    emit busyChanged(true);
    emit inFlightChanged(true);
    emit submitted(request.action, request.userId.trimmed());
}

void ActionController::setPrompting(bool prompting)
{
    if (m_prompting == prompting)
        return;
    const bool wasBusy = isBusy();
    m_prompting = prompting;
    if (wasBusy != isBusy())
        emit busyChanged(isBusy());
}

void ActionController::onFinished(const ActionOutcome &outcome)
{
    if (outcome.ticket != m_ticket)
        return; // another face's action on the shared runner
    m_ticket = 0;
    emit inFlightChanged(false);
    emit busyChanged(false);
    emit finished(outcome);
}
