#include "BulkApprovalGate.h"

#include "CoreContext.h"
#include "action/ActionRunner.h"
#include "base/Clock.h"
#include "bulk/BulkStore.h"
#include "history/HistoryService.h"
#include "team/TeamHistoryBackend.h"

namespace {
QString oneLine(QString text)
{
    return text.replace(QLatin1Char('\n'), QLatin1Char(' ')).simplified();
}
} // namespace

BulkApprovalGate::BulkApprovalGate(CoreContext *core, QObject *parent) : QObject(parent), m_core(core)
{
}

void BulkApprovalGate::check(const BulkRecord &record, bool isNew, std::function<void(const Verdict &)> done)
{
    m_record = record;
    m_isNew = isNew;
    m_done = std::move(done);
    if (!m_core->hasTeam())
        return finish(Verdict::Kind::Free, {});
    const QString runId = isNew ? QString() : record.id;
    m_core->history()->run<Rules>(
        [runId](HistoryBackend &b) {
        Rules rules;
        QSqlDatabase *db = TeamHistoryBackend::databaseOf(b, &rules.reach);
        if (!db)
            return rules;
        const Result<QMap<QString, QStringList>> read = TeamApprovals::policy(*db);
        const Result<QMap<QString, int>> limits = TeamApprovals::bulkPolicy(*db);
        if (!read.ok() || !limits.ok()) {
            rules.reach = read.ok() ? limits.status() : read.status();
            return rules;
        }
        rules.byEnvironment = read.value();
        rules.bulkLimits = limits.value();
        if (!runId.isEmpty())
            rules.existing = TeamApprovals::forRun(*db, runId);
        return rules;
        },
        this, [this](const Rules &rules) { onRules(rules); });
}

void BulkApprovalGate::onRules(const Rules &rules)
{
    ActionRunner *runner = m_core->runner();
    const QString environment = environmentName(m_record.profile.environment);
    // Offline the runner keeps its default (delete in production): going offline skips no one.
    if (rules.reach.ok())
        runner->setNeedsApproval(m_record.action, m_record.profile.environment,
                                 rules.byEnvironment.value(environment).contains(ActionInfo::cliName(m_record.action)));
    const bool tooMany = rules.bulkLimits.contains(environment)
        && m_record.validCount() > rules.bulkLimits.value(environment);
    if (!runner->policy().rule(m_record.action, m_record.profile.environment).needsApproval && !tooMany)
        return finish(Verdict::Kind::Free, {});
    const QString why = tooMany
        ? tr("A bulk run of more than %n row(s) in %1 needs a second officer's approval under the team's policy.",
             nullptr, rules.bulkLimits.value(environment))
              .arg(environmentDisplayName(m_record.profile.environment))
        : tr("%1 in %2 needs a second officer's approval under the team's policy.")
              .arg(ActionInfo::displayName(m_record.action), environmentDisplayName(m_record.profile.environment));
    if (!rules.reach.ok())
        return finish(Verdict::Kind::Unreachable,
                      why + QLatin1Char(' ')
                          + tr("The team database cannot be reached to ask for it: %1 Nothing was sent.")
                                .arg(rules.reach.message()));
    const std::optional<Result<ApprovalRequest>> &existing = rules.existing;
    if (!existing || (!existing->ok() && existing->kind() == Status::Kind::Invalid))
        return request(why);
    if (!existing->ok())
        return finish(Verdict::Kind::Failed, tr("Nothing was sent: %1").arg(existing->message()));
    useApproval(existing->value());
}

void BulkApprovalGate::request(const QString &why)
{
    m_record.state = BulkRecord::State::Paused;
    m_record.pauseReason = tr("Awaiting a second officer's approval of the run as a whole.");
    m_record.updated = m_core->clock()->now();
    ApprovalRequest what = ApprovalRequest::of(m_record.profile, m_record.action, QString(), m_record.reason);
    what.runId = m_record.id;
    what.runDigest = m_record.digest();
    what.rowCount = m_record.validCount();
    struct Asked {
        Status saved;
        Result<qint64> id = qint64(0);
    };
    // Off the GUI thread, like BulkRun's own saves (a header holds every row, and the save fsyncs). The
    // run file first: a request never names a run that is not on disk.
    const BulkStore *store = m_core->bulkStore();
    m_core->history()->run<Asked>(
        [what, store, record = m_record](HistoryBackend &b) mutable {
        Asked asked{store->save(record)};
        if (!asked.saved.ok())
            return asked;
        QSqlDatabase *db = TeamHistoryBackend::databaseOf(b, &asked.saved);
        asked.id = db ? TeamApprovals::request(*db, what) : Result<qint64>(asked.saved);
        asked.saved = Status::success();
        if (asked.id.ok()) { // the id is a convenience; the request names the run
            record.pauseReason = tr("Awaiting a second officer's approval of request #%1.").arg(asked.id.value());
            (void)store->save(record);
        }
        return asked;
        },
        this,
        [this, why, rows = what.rowCount](const Asked &asked) {
        if (!asked.saved.ok())
            return finish(Verdict::Kind::Failed, tr("Nothing was sent: %1").arg(asked.saved.message()));
        if (!asked.id.ok())
            return finish(
                Verdict::Kind::Failed,
                tr("The approval request could not be recorded; nothing was sent: %1").arg(asked.id.message()));
        finish(Verdict::Kind::Requested,
               why + QLatin1Char(' ')
                   + tr("Run %1 (%n row(s)) is recorded as request #%2, awaiting approval (enrollee-cli approvals "
                        "approve %2); once approved, send it with enrollee-cli approvals run %2. Nothing was sent.",
                        nullptr, rows)
                         .arg(m_record.id)
                         .arg(asked.id.value()),
               asked.id.value());
    });
}

void BulkApprovalGate::useApproval(const ApprovalRequest &request)
{
    const QString nothing = tr("Nothing was sent.");
    if (request.runDigest != m_record.digest())
        return finish(Verdict::Kind::Changed,
                      tr("The run file of %1 changed after request #%2 was made: it no "
                         "longer matches what was approved. %3")
                          .arg(m_record.id)
                          .arg(request.id)
                          .arg(nothing));
    if (request.status == QLatin1String("run")) // claimed by this officer before: an interrupted run goes on
        return finish(Verdict::Kind::Approved, {}, request.id);
    if (request.status == QLatin1String("pending"))
        return finish(Verdict::Kind::Waiting,
                      tr("Request #%1 for run %2 still awaits a second officer's approval. %3")
                          .arg(request.id)
                          .arg(m_record.id, nothing));
    if (request.status != QLatin1String("approved"))
        return finish(
            Verdict::Kind::Refused,
            tr("Request #%1 for run %2 was %3 by %4 (%5). %6")
                .arg(request.id)
                .arg(m_record.id, request.status, request.decidedBy, oneLine(request.decisionReason), nothing));
    const qint64 id = request.id;
    m_core->history()->run<Result<ApprovalRequest>>(
        [id](HistoryBackend &b) -> Result<ApprovalRequest> {
            // Once: the database refuses a second claim.
            return TeamHistoryBackend::withDatabase(b,
                                                    [=](QSqlDatabase &db) { return TeamApprovals::claimRun(db, id); });
        },
        this,
        [this, id, nothing](const Result<ApprovalRequest> &claimed) {
        if (!claimed.ok())
            return finish(Verdict::Kind::Refused,
                          tr("Request #%1 could not be claimed: %2 %3").arg(id).arg(claimed.message(), nothing));
        finish(Verdict::Kind::Approved, {}, id);
        });
}

void BulkApprovalGate::finish(Verdict::Kind kind, const QString &message, qint64 id)
{
    if (m_done)
        m_done(Verdict{kind, id, message});
}
