// BulkSession's four-eyes check (issue 11): the team policy applies to bulk runs too.
#include "ActionRunner.h"
#include "BulkSession.h"
#include "CoreContext.h"
#include "ExitCode.h"
#include "HistoryService.h"
#include "team/TeamApprovals.h"
#include "team/TeamHistoryBackend.h"

namespace {
struct Rules {
    Status reach;
    QMap<QString, QStringList> byEnvironment;
};
} // namespace

void BulkSession::fourEyes()
{
    if (!m_core->hasTeam())
        return afterFourEyes();
    m_core->history()->run<Rules>(
        [](HistoryBackend &b) {
        Rules rules;
        auto *team = qobject_cast<TeamHistoryBackend *>(&b);
        QSqlDatabase *db = team ? team->database(&rules.reach) : nullptr;
        if (!db)
            return rules;
        const Result<QMap<QString, QStringList>> read = TeamApprovals::policy(*db);
        if (read.ok())
            rules.byEnvironment = read.value();
        else
            rules.reach = read.status();
        return rules;
        },
        this,
        [this](const Rules &rules) {
        ActionRunner *runner = m_core->runner();
        const QString environment = environmentName(m_record.profile.environment);
        // Offline the runner keeps its default (delete in production): going offline skips no one.
        if (rules.reach.ok())
            runner->setNeedsApproval(
                m_record.action, m_record.profile.environment,
                rules.byEnvironment.value(environment).contains(ActionInfo::cliName(m_record.action)));
        if (runner->policy().rule(m_record.action, m_record.profile.environment).needsApproval) {
            m_key.reset();
            return end(ExitCode::kNotConfirmed,
                       tr("%1 in %2 needs a second officer's approval under the team's policy, and a bulk run "
                          "cannot be approved as a whole yet: run these users one by one (each becomes a request "
                          "for approval). Nothing was sent.")
                           .arg(ActionInfo::displayName(m_record.action),
                                environmentDisplayName(m_record.profile.environment)));
        }
        afterFourEyes();
    });
}

void BulkSession::afterFourEyes()
{
    if (m_options.isNew)
        return noteHistory();
    run();
}
