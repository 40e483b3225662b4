// ActionCommand's four-eyes steps (issue 11), kept apart from the plain action flow.
#include "ActionCommand.h"
#include "Console.h"
#include "CoreContext.h"
#include "ExitCode.h"
#include "history/HistoryService.h"
#include "team/TeamApprovals.h"
#include "team/TeamHistoryBackend.h"

#include <QJsonObject>

namespace {
// What the team policy says of this action here: needs approval, or why the policy cannot be read.
struct Gate {
    Status reach; // failed: the team database cannot be reached
    QMap<QString, QStringList> rules;
    QStringList conflicts; // other officers' recent actions on this user
};
} // namespace

void ActionCommand::gate()
{
    if (!m_core->hasTeam())
        return submit();
    if (m_approvedRequest > 0)
        return claimApproved();
    const QString action = ActionInfo::cliName(m_action);
    const QString environment = environmentName(m_request.profile.environment);
    m_core->history()->run<Gate>(
        [action, environment, userId = m_request.userId](HistoryBackend &b) {
        Gate gate;
        QSqlDatabase *db = TeamHistoryBackend::databaseOf(b, &gate.reach);
        if (!db)
            return gate;
        const Result<QMap<QString, QStringList>> rules = TeamApprovals::policy(*db);
        if (!rules.ok())
            gate.reach = rules.status();
        else
            gate.rules = rules.value();
        const Result<QStringList> conflicts = TeamTrail::recentByOthers(*db, userId, 60);
        if (conflicts.ok())
            gate.conflicts = conflicts.value();
        return gate;
        },
        this,
        [this, action, environment](const Gate &gate) {
        // The runner holds the rule; offline it keeps the default (delete in production), so four eyes
        // are never skipped by going offline.
        for (const QString &conflict : gate.conflicts)
            Console::err(QStringLiteral("enrollee-cli: ") + tr("warning: %1.").arg(Console::oneLine(conflict)));
        ActionRunner *runner = m_core->runner();
        if (gate.reach.ok())
            runner->setNeedsApproval(m_action, m_request.profile.environment,
                                     gate.rules.value(environment).contains(action));
        const bool needed = runner->rule(m_request).needsApproval;
        if (!gate.reach.ok() && needed) {
            m_request.apiKey.reset();
            return fail(ExitCode::kNetwork,
                        tr("%1 here needs a second officer's approval, and the team database cannot be reached "
                           "to ask for it; nothing was sent: %2")
                            .arg(ActionInfo::cliName(m_action), gate.reach.message()));
        }
        if (needed)
            return requestApproval();
        submit();
    });
}

void ActionCommand::requestApproval()
{
    m_request.apiKey.reset(); // nothing is sent now
    const ApprovalRequest what = ApprovalRequest::of(m_request.profile, m_action, m_request.userId, m_request.reason);
    m_core->history()->run<Result<qint64>>(
        [what](HistoryBackend &b) {
        return TeamHistoryBackend::withDatabase(b,
                                                [&what](QSqlDatabase &db) { return TeamApprovals::request(db, what); });
        },
        this,
        [this, what](const Result<qint64> &id) {
        if (!id.ok())
            return fail(ExitCode::kStorage,
                        tr("The approval request could not be recorded; nothing was sent: %1").arg(id.message()));
        if (m_json) {
            QJsonObject object = what.toJson();
            object.insert(QStringLiteral("id"), id.value());
            object.insert(QStringLiteral("status"), QStringLiteral("pending"));
            object.insert(QStringLiteral("exit_code"), ExitCode::kAwaitingApproval);
            Console::json(object);
        }
        Console::err(QStringLiteral("enrollee-cli: ")
                     + tr("%1 of \"%2\" in %3 needs a second officer: request #%4 recorded, awaiting approval "
                          "(enrollee-cli approvals approve %4). Nothing was sent.")
                           .arg(what.action, what.userId, what.environment)
                           .arg(id.value()));
        end(ExitCode::kAwaitingApproval);
    });
}

void ActionCommand::claimApproved()
{
    const qint64 id = m_approvedRequest;
    m_core->history()->run<Result<ApprovalRequest>>(
        [id](HistoryBackend &b) -> Result<ApprovalRequest> {
            return TeamHistoryBackend::withDatabase(b,
                                                    [=](QSqlDatabase &db) { return TeamApprovals::claimRun(db, id); });
        },
        this,
        [this](const Result<ApprovalRequest> &claimed) {
        if (!claimed.ok()) {
            m_request.apiKey.reset();
            return fail(
                ExitCode::kNotConfirmed,
                tr("Request #%1 cannot be run; nothing was sent: %2").arg(m_approvedRequest).arg(claimed.message()));
        }
        const ApprovalRequest &r = claimed.value();
        // Exactly what was approved, or nothing.
        if (r.action != ActionInfo::cliName(m_action) || r.userId != m_request.userId
            || r.partnerId != m_request.profile.partnerId || r.host != m_request.profile.origin().toString()
            || r.environment != environmentName(m_request.profile.environment) || r.reason != m_request.reason) {
            m_request.apiKey.reset();
            return fail(ExitCode::kNotConfirmed,
                        tr("Request #%1 was approved for something other than what would be sent now "
                           "(profile changed?); nothing was sent.")
                            .arg(r.id));
        }
        m_request.approvalId = r.id;
        submit();
        });
}
