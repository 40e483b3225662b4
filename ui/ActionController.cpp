#include "ActionController.h"

#include "ProfileController.h"
#include "PromptService.h"

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
    // The core's policy says what this action needs here; the window only decides how to ask.
    const Confirmation needed = m_runner->rule(req).confirmation;
    if (needed == Confirmation::None) {
        submit(req);
        return;
    }
    setPrompting(true);
    QPointer<ActionController> self(this);
    auto answered = [self, req, needed](bool accepted) mutable {
        if (!self)
            return;
        self->setPrompting(false);
        if (!accepted) {
            req.apiKey.reset();
            emit self->cancelled(req.action, req.userId);
            return;
        }
        req.confirmed = needed;
        self->submit(req);
    };
    if (needed == Confirmation::TypedUserId) {
        m_prompts->confirmDelete(m_dialogParent, req.userId.trimmed(), req.profile.isProduction(), answered);
    } else {
        const QString action = ActionInfo::displayName(kind);
        m_prompts->confirm(m_dialogParent, tr("%1 in production?").arg(action),
                           tr("You are about to %1 user \"%2\" in PRODUCTION (partner %3). This affects a real "
                              "person. Continue?")
                               .arg(action.toLower(), req.userId.trimmed(), req.profile.partnerId),
                           action, answered);
    }
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
    emit busyChanged(false);
    emit finished(outcome);
}
