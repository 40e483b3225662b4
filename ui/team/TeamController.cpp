#include "TeamController.h"

#include "AppContext.h"
#include "PromptService.h"
#include "actions/ResultView.h"
#include "approvals/FourEyes.h"
#include "history/HistoryService.h"
#include "profiles/ProfileController.h"
#include "team/ApprovalsPanel.h"
#include "team/TeamStatusBar.h"

#include <QTabWidget>

namespace {
constexpr int kTeamRecheckMs = 60000; // a full check of the team trail at least this often
} // namespace

TeamController::TeamController(AppContext *context, PromptService *prompts, const Window &window, QObject *parent)
    : QObject(parent), m_context(context), m_prompts(prompts), m_window(window),
      m_status(new TeamStatusBar(window.window)),
      m_approvals(new ApprovalsPanel(context->core()->fourEyes(), prompts, window.window))
{
    m_approvals->setObjectName(QStringLiteral("approvalsPanel"));
    m_approvals->setAccessibleName(tr("Approvals"));
    m_approvals->setSender([this](const ApprovalRequest &request) { sendApproved(request); });
    m_window.tabs->addTab(m_approvals, tr("Approvals"));
    connect(context->core(), &CoreContext::teamStatusChanged, this, &TeamController::onTeamStatus);
    m_window.actions->setGate(
        [this](const ActionRequest &request, const ActionController::Proceed &proceed) { gate(request, proceed); });
    connect(m_window.actions, &ActionController::finished, this, &TeamController::onFinished);
    connect(m_window.actions, &ActionController::submitted, this, [this] {
        if (m_sending > 0)
            m_approvals->showMessage(tr("Request #%1 is being sent.").arg(m_sending), false);
    });
    for (auto signal : {&ActionController::cancelled, &ActionController::refused})
        connect(m_window.actions, signal, this, [this] { m_sending = 0; });
}

void TeamController::onTeamStatus(const TeamStatus &status)
{
    m_status->setStatus(status);
    const int index = m_window.tabs->indexOf(m_approvals);
    m_window.tabs->setTabText(
        index, status.pendingApprovals > 0 ? tr("Approvals (%n)", nullptr, status.pendingApprovals) : tr("Approvals"));
    m_approvals->setOwnRole(status.role);
    if (!status.connected)
        return;
    m_approvals->refresh();
    // The team trail grew (or this is the first look, or a minute passed: a rewrite adds nothing):
    // check it against this console's checkpoint, as `history --verify` does, on the history thread.
    if (status.newestSeq == m_verifiedSeq && m_verifiedAt.isValid() && m_verifiedAt.elapsed() < kTeamRecheckMs)
        return;
    // Not before the history is open: opening it holds the history's lock across several steps on its
    // thread, and a check queued between them would wait on that lock there (10 s at a million records).
    // The next status, two seconds on, asks again.
    if (!m_context->isReady())
        return;
    m_verifiedSeq = status.newestSeq;
    m_verifiedAt.start();
    m_context->history()->verify(this, [this](const ChainReport &report) {
        // A check that could not reach the database found nothing: the line says "behind" instead.
        if (!report.unreachable)
            m_status->setIntegrity(report);
    });
}

void TeamController::gate(const ActionRequest &request, const ActionController::Proceed &proceed)
{
    m_context->core()->fourEyes()->verdict(request, this, [this, request, proceed](const ActionVerdict &verdict) {
        const QString name = ActionInfo::displayName(request.action);
        if (verdict.verdict == FourEyesVerdict::Held) {
            m_window.result->showMessage(verdict.why, verdict.problem, true);
            return proceed(false, verdict.verdict);
        }
        auto go = [this, request, verdict, proceed] {
            if (verdict.verdict != FourEyesVerdict::NeedsSecondOfficer)
                return proceed(true, verdict.verdict);
            recordForApproval(request);
            proceed(false, verdict.verdict);
        };
        if (verdict.conflicts.isEmpty())
            return go();
        m_prompts->confirm(m_window.window, tr("Another officer acted on this user"),
                           tr("Another officer acted on user \"%1\" in the last hour:\n%2\n\n%3 anyway?")
                               .arg(request.userId.trimmed(), verdict.conflicts.join(QLatin1Char('\n')), name),
                           tr("%1 anyway").arg(name),
                           [this, request, verdict, go, proceed](bool accepted) {
            if (accepted)
                return go();
            m_window.result->showMessage(tr("%1 of \"%2\" cancelled; nothing was sent.")
                                             .arg(ActionInfo::displayName(request.action), request.userId.trimmed()));
            proceed(false, verdict.verdict);
        });
    });
}

void TeamController::recordForApproval(const ActionRequest &request)
{
    const ApprovalRequest what = ApprovalRequest::of(request.profile, request.action, request.userId, request.reason);
    m_context->core()->fourEyes()->request(what, this, [this, what](const Result<qint64> &id) {
        if (!id.ok()) {
            m_window.result->showMessage(tr("The approval request could not be recorded; nothing was sent."),
                                         id.message(), true);
            return;
        }
        m_window.result->showMessage(
            tr("Recorded, awaiting approval by a second officer; nothing was sent."),
            tr("Request #%1: %2 of \"%3\". Once another officer approves it, send it from the Approvals tab.")
                .arg(id.value())
                .arg(what.action, what.userId));
        m_approvals->refresh();
    });
}

// "Send now": the requester's own approved request through the normal action path, exactly once —
// the runner claims it together with its intent, and the database refuses a second claim.
void TeamController::sendApproved(const ApprovalRequest &request)
{
    if (request.isRun()) {
        // A run approved as a whole is sent from the Bulk tab: the run reads the history first, and
        // the gate claims the request before its first row leaves.
        if (m_window.bulk && m_window.bulk())
            m_window.tabs->setCurrentWidget(m_window.bulk());
        return m_approvals->showMessage(tr("Request #%1 is bulk run %2: select it in the Bulk tab's stored runs "
                                           "and click Resume.")
                                            .arg(request.id)
                                            .arg(request.runId),
                                        false);
    }
    ActionKind kind = ActionKind::ReEnroll;
    if (!ActionInfo::fromCliName(request.action, &kind))
        return m_approvals->showMessage(tr("Request #%1 names an unknown action.").arg(request.id), true);
    // What this window would send now, checked as the runner will check it after the claim, so a
    // profile switched since the request is named before anything is asked.
    ApprovalRequest now = ApprovalRequest::of(m_window.profiles->active(), kind, request.userId, request.reason);
    now.id = request.id;
    if (!FourEyes::sameAsApproved(request, now).ok())
        return m_approvals->showMessage(tr("Request #%1 was made with profile \"%2\": switch to it to send it; "
                                           "nothing was sent.")
                                            .arg(request.id)
                                            .arg(request.profile),
                                        true);
    m_sending = request.id;
    m_window.actions->requestApproved(kind, request.userId, request.reason, request.id);
}

void TeamController::onFinished(const ActionOutcome &outcome)
{
    m_approvals->refresh();
    const qint64 id = std::exchange(m_sending, 0);
    if (id <= 0)
        return;
    if (!outcome.sent())
        m_approvals->showMessage(
            tr("Request #%1 cannot be sent; nothing was sent: %2").arg(id).arg(outcome.recording.message()), true);
}
