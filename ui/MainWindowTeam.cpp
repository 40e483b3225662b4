// MainWindow's team side (issue 11): the team trail's status line, the Approvals tab with its badge,
// and the four-eyes gate before an action (a request recorded instead of sent; conflicts warned of).
#include "AppContext.h"
#include "MainWindow.h"
#include "PromptService.h"
#include "actions/ActionController.h"
#include "actions/ActionPanel.h"
#include "actions/ResultView.h"
#include "bulk/BulkPanel.h"
#include "history/HistoryService.h"
#include "profiles/ProfileBar.h"
#include "profiles/ProfileController.h"
#include "team/ApprovalsPanel.h"
#include "team/TeamHistoryBackend.h"
#include "team/TeamStatusBar.h"

#include <QBoxLayout>
#include <QTabWidget>
#include <QTimer>

namespace {
constexpr int kTeamRecheckMs = 60000; // a full check of the team trail at least this often

// What the team says of one action before it is asked for: the rules, and colleagues' recent acts.
struct TeamGateAnswer {
    Status reach; // failed: the team database cannot be reached
    QMap<QString, QStringList> rules;
    QStringList conflicts;
};

} // namespace

void MainWindow::buildTeam()
{
    CoreContext *core = m_context->core();
    if (!core->hasTeam())
        return; // no team store: no status line, no Approvals tab, no gate
    m_teamStatus = new TeamStatusBar(this);
    // Under the profile bar, where the officer looks before acting.
    if (auto *layout = qobject_cast<QBoxLayout *>(centralWidget()->layout()))
        layout->insertWidget(layout->indexOf(m_profileBar) + 1, m_teamStatus);
    m_approvals = new ApprovalsPanel(m_context->history(), m_prompts, this);
    m_approvals->setObjectName(QStringLiteral("approvalsPanel"));
    m_approvals->setAccessibleName(tr("Approvals"));
    m_approvals->setSender([this](const ApprovalRequest &request) { sendApproved(request); });
    m_tabs->addTab(m_approvals, tr("Approvals"));
    connect(core, &CoreContext::teamStatusChanged, this, &MainWindow::onTeamStatus);
    m_actions->setGate(
        [this](const ActionRequest &request, const std::function<void(bool)> &proceed) { teamGate(request, proceed); });
    connect(m_actions, &ActionController::finished, m_approvals, &ApprovalsPanel::refresh);
}

void MainWindow::onTeamStatus(const TeamStatus &status)
{
    m_teamStatus->setStatus(status);
    const int index = m_tabs->indexOf(m_approvals);
    m_tabs->setTabText(
        index, status.pendingApprovals > 0 ? tr("Approvals (%n)", nullptr, status.pendingApprovals) : tr("Approvals"));
    m_approvals->setOwnRole(status.role);
    if (!status.connected)
        return;
    m_approvals->refresh();
    // The team trail grew (or this is the first look, or a minute passed: a rewrite adds nothing):
    // check it against this console's checkpoint, as `history --verify` does, on the history thread.
    if (status.newestSeq == m_teamVerifiedSeq && m_teamVerifiedAt.isValid()
        && m_teamVerifiedAt.elapsed() < kTeamRecheckMs)
        return;
    m_teamVerifiedSeq = status.newestSeq;
    m_teamVerifiedAt.start();
    using Checked = std::pair<ChainReport, bool>;
    m_context->history()->run<Checked>(
        [](HistoryBackend &b) {
        const ChainReport report = b.verify();
        Status reach;
        return Checked{report, TeamHistoryBackend::databaseOf(b, &reach) != nullptr};
        },
        this,
        [this](const Checked &checked) {
        // A check that could not reach the database found nothing: the line says "behind" instead.
        if (checked.second)
            m_teamStatus->setIntegrity(checked.first);
    });
}

void MainWindow::teamGate(const ActionRequest &request, const std::function<void(bool)> &proceed)
{
    const QString action = ActionInfo::cliName(request.action);
    const QString environment = environmentName(request.profile.environment);
    m_context->history()->run<TeamGateAnswer>(
        [userId = request.userId.trimmed()](HistoryBackend &b) {
        TeamGateAnswer answer;
        QSqlDatabase *db = TeamHistoryBackend::databaseOf(b, &answer.reach);
        if (!db)
            return answer;
        const Result<QMap<QString, QStringList>> rules = TeamApprovals::policy(*db);
        if (rules.ok())
            answer.rules = rules.value();
        else
            answer.reach = rules.status();
        const Result<QStringList> conflicts = TeamTrail::recentByOthers(*db, userId, 60);
        if (conflicts.ok())
            answer.conflicts = conflicts.value();
        return answer;
        },
        this,
        [this, request, action, environment, proceed](const TeamGateAnswer &answer) {
        ActionRunner *runner = m_context->runner();
        // Offline the runner keeps its rule (delete in production by default): four eyes are never
        // skipped by going offline.
        if (answer.reach.ok())
            runner->setNeedsApproval(request.action, request.profile.environment,
                                     answer.rules.value(environment).contains(action));
        const bool needed = runner->rule(request).needsApproval;
        const QString name = ActionInfo::displayName(request.action);
        if (needed && !answer.reach.ok()) {
            m_actionPanel->resultView()->showMessage(
                tr("%1 here needs a second officer's approval, and the team database cannot be reached to ask "
                   "for it; nothing was sent.")
                    .arg(name),
                answer.reach.message(), true);
            return proceed(false);
        }
        auto go = [this, request, needed, proceed] {
            if (!needed)
                return proceed(true);
            recordForApproval(request);
            proceed(false);
        };
        if (answer.conflicts.isEmpty())
            return go();
        m_prompts->confirm(this, tr("Another officer acted on this user"),
                           tr("Another officer acted on user \"%1\" in the last hour:\n%2\n\n%3 anyway?")
                               .arg(request.userId.trimmed(), answer.conflicts.join(QLatin1Char('\n')), name),
                           tr("%1 anyway").arg(name), [this, request, go, proceed](bool accepted) {
                               if (accepted)
                                   return go();
                               m_actionPanel->resultView()->showMessage(
                                   tr("%1 of \"%2\" cancelled; nothing was sent.")
                                       .arg(ActionInfo::displayName(request.action), request.userId.trimmed()));
                               proceed(false);
                           });
    });
}

void MainWindow::recordForApproval(const ActionRequest &request)
{
    const ApprovalRequest what = ApprovalRequest::of(request.profile, request.action, request.userId, request.reason);
    m_context->history()->run<Result<qint64>>(
        [what](HistoryBackend &b) {
        return TeamHistoryBackend::withDatabase(b,
                                                [&what](QSqlDatabase &db) { return TeamApprovals::request(db, what); });
        },
        this,
        [this, what](const Result<qint64> &id) {
        if (!id.ok()) {
            m_actionPanel->resultView()->showMessage(
                tr("The approval request could not be recorded; nothing was sent."), id.message(), true);
            return;
        }
        m_actionPanel->resultView()->showMessage(
            tr("Recorded, awaiting approval by a second officer; nothing was sent."),
            tr("Request #%1: %2 of \"%3\". Once another officer approves it, send it from the Approvals tab.")
                .arg(id.value())
                .arg(what.action, what.userId));
        m_approvals->refresh();
    });
}

// "Send now": the requester's own approved request through the normal action path, exactly once —
// the database marks it run just before it is sent, and refuses a second time.
void MainWindow::sendApproved(const ApprovalRequest &request)
{
    if (request.isRun()) {
        // A run approved as a whole is sent from the Bulk tab: the run reads the history first, and
        // the gate claims the request before its first row leaves.
        if (m_bulk)
            m_tabs->setCurrentWidget(m_bulk);
        return m_approvals->showMessage(tr("Request #%1 is bulk run %2: select it in the Bulk tab's stored runs "
                                           "and click Resume.")
                                            .arg(request.id)
                                            .arg(request.runId),
                                        false);
    }
    ActionKind kind = ActionKind::ReEnroll;
    if (!ActionInfo::fromCliName(request.action, &kind))
        return m_approvals->showMessage(tr("Request #%1 names an unknown action.").arg(request.id), true);
    const Profile profile = m_profiles->active();
    if (profile.partnerId != request.partnerId || profile.origin().toString() != request.host
        || environmentName(profile.environment) != request.environment)
        return m_approvals->showMessage(tr("Request #%1 was made with profile \"%2\": switch to it to send it; "
                                           "nothing was sent.")
                                            .arg(request.id)
                                            .arg(request.profile),
                                        true);
    const qint64 id = request.id;
    auto claim = [this, request](const ActionRequest &, const std::function<void(bool)> &proceed) {
        m_context->history()->run<Result<ApprovalRequest>>(
            [id = request.id](HistoryBackend &b) -> Result<ApprovalRequest> {
                return TeamHistoryBackend::withDatabase(
                    b, [=](QSqlDatabase &db) { return TeamApprovals::claimRun(db, id); });
            },
            this,
            [this, request, proceed](const Result<ApprovalRequest> &claimed) {
            const bool same = claimed.ok() && claimed.value().action == request.action
                && claimed.value().userId == request.userId && claimed.value().reason == request.reason
                && claimed.value().host == request.host && claimed.value().partnerId == request.partnerId;
            if (!claimed.ok())
                m_approvals->showMessage(
                    tr("Request #%1 cannot be sent; nothing was sent: %2").arg(request.id).arg(claimed.message()),
                    true);
            else if (!same)
                m_approvals->showMessage(tr("Request #%1 was approved for something other than what would be sent "
                                            "now; nothing was sent.")
                                             .arg(request.id),
                                         true);
            else
                m_approvals->showMessage(tr("Request #%1 is being sent.").arg(request.id), false);
            proceed(same);
            });
    };
    m_actions->requestApproved(kind, request.userId, request.reason, id, claim);
}
