#include "TeamFourEyes.h"

#include "action/ActionRunner.h"
#include "bulk/BulkRecord.h"
#include "history/HistoryService.h"
#include "team/TeamApprovals.h"
#include "team/TeamHistoryBackend.h"
#include "team/TeamTrail.h"

#include <QPointer>
#include <QSqlError>

namespace {
constexpr int kConflictMinutes = 60; // a colleague's act on the same user this recent is warned of

// Runs `work(db)` on the history thread and hands its result to `done` on the caller's thread.
template <typename T, typename Work>
void onDatabase(HistoryService *history, QObject *context, const FourEyes::Done<T> &done, Work work)
{
    history->run<T>([work](HistoryBackend &b) -> T { return TeamHistoryBackend::withDatabase(b, work); }, context,
                    done);
}

// Reads what a verdict needs in one visit to the history thread. A policy read from the database is
// kept for the next process; when the database cannot be reached, the kept copy is read instead.
template <typename Rules>
Rules readRules(HistoryBackend &b, const QString &userId, const QString &runId)
{
    Rules rules;
    TeamHistoryBackend *team = TeamHistoryBackend::teamOf(b);
    QSqlDatabase *db = TeamHistoryBackend::databaseOf(b, &rules.reach);
    if (db) {
        const Result<QMap<QString, QStringList>> read = TeamApprovals::policy(*db);
        const Result<QMap<QString, int>> limits = TeamApprovals::bulkPolicy(*db);
        if (read.ok() && limits.ok()) {
            rules.policy = TeamPolicyCache::Policy{read.value(), limits.value(), QDateTime::currentDateTimeUtc()};
            if (team)
                (void)team->keepPolicy(*rules.policy); // not kept: the next process offline holds everything
        } else {
            rules.reach = read.ok() ? limits.status() : read.status();
        }
    }
    if (!rules.policy) {
        if (team)
            rules.kept = team->keptPolicy();
        return rules;
    }
    if (!userId.isEmpty()) {
        const Result<QStringList> conflicts = TeamTrail::recentByOthers(*db, userId, kConflictMinutes);
        if (conflicts.ok())
            rules.conflicts = conflicts.value();
    }
    if (!runId.isEmpty())
        rules.existing = TeamApprovals::forRun(*db, runId);
    return rules;
}
} // namespace

TeamFourEyes::TeamFourEyes(HistoryService *history, QObject *parent) : FourEyes(parent), m_history(history)
{
}

std::optional<TeamPolicyCache::Policy> TeamFourEyes::learn(const Rules &rules)
{
    if (rules.policy) {
        m_policy = rules.policy;
        return m_policy;
    }
    // Offline: the newest of what this process read and what the kept copy says (another process of
    // this console may have read the policy later).
    const std::optional<TeamPolicyCache::Policy> &kept = rules.kept.policy;
    if (kept && (!m_policy || kept->readAt > m_policy->readAt))
        return kept;
    return m_policy;
}

bool TeamFourEyes::needsSecondOfficer(const TeamPolicyCache::Policy &policy, ActionKind action, Environment environment)
{
    return policy.actions.value(environmentName(environment)).contains(ActionInfo::cliName(action));
}

// Why something is held: what the policy as last read names (`named`), or that it is not known at all.
QString TeamFourEyes::heldWhy(const Rules &rules, const std::optional<TeamPolicyCache::Policy> &policy,
                              const QString &named)
{
    if (policy)
        return tr("Held: the team's policy cannot be checked. %1 (as this console last read the policy, at %2 UTC) "
                  "The team database cannot be reached to ask for the approval; nothing was sent.")
            .arg(named, policy->readAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    return tr("Held: the team's policy cannot be checked. The team database cannot be reached and %1, so anything "
              "might need a second officer's approval; nothing was sent.")
        .arg(rules.kept.problem);
}

void TeamFourEyes::verdict(const ActionRequest &request, QObject *context, Done<ActionVerdict> done)
{
    m_history->run<Rules>(
        [userId = request.userId.trimmed()](HistoryBackend &b) { return readRules<Rules>(b, userId, QString()); }, this,
        [this, request, context = QPointer<QObject>(context), done](const Rules &rules) {
        const std::optional<TeamPolicyCache::Policy> policy = learn(rules);
        ActionVerdict v;
        v.conflicts = rules.conflicts;
        const Environment env = request.profile.environment;
        const QString named = tr("%1 in %2 needs a second officer's approval under the team's policy.")
                                  .arg(ActionInfo::displayName(request.action), environmentDisplayName(env));
        if (policy && !needsSecondOfficer(*policy, request.action, env)) {
            v.verdict = FourEyesVerdict::Free;
        } else if (!rules.reach.ok()) {
            v.verdict = FourEyesVerdict::Held;
            v.why = heldWhy(rules, policy, named);
            v.problem = rules.reach.message();
        } else {
            v.verdict = FourEyesVerdict::NeedsSecondOfficer;
            v.why = named;
        }
        if (context && done)
            done(v);
        });
}

void TeamFourEyes::runVerdict(const BulkRecord &record, bool isNew, QObject *context, Done<RunVerdict> done)
{
    m_history->run<Rules>(
        [runId = isNew ? QString() : record.id](HistoryBackend &b) { return readRules<Rules>(b, QString(), runId); },
        this,
        [this, record, context = QPointer<QObject>(context), done](const Rules &rules) {
        const std::optional<TeamPolicyCache::Policy> policy = learn(rules);
        RunVerdict v;
        const Environment env = record.profile.environment;
        const QString environment = environmentName(env);
        const bool tooMany = policy && policy->bulkLimits.contains(environment)
            && record.validCount() > policy->bulkLimits.value(environment);
        if (!policy || needsSecondOfficer(*policy, record.action, env) || tooMany) {
            const QString named = tooMany
                ? tr("A bulk run of more than %n row(s) in %1 needs a second officer's approval under the team's "
                     "policy.",
                     nullptr, policy->bulkLimits.value(environment))
                      .arg(environmentDisplayName(env))
                : tr("%1 in %2 needs a second officer's approval under the team's policy.")
                      .arg(ActionInfo::displayName(record.action), environmentDisplayName(env));
            if (rules.reach.ok()) {
                v.verdict = FourEyesVerdict::NeedsSecondOfficer;
                v.why = named;
                v.existing = rules.existing;
            } else {
                v.verdict = FourEyesVerdict::Held;
                v.problem = rules.reach.message();
                v.why = heldWhy(rules, policy, named) + QLatin1Char(' ') + rules.reach.message();
            }
        }
        if (context && done)
            done(v);
        });
}

void TeamFourEyes::request(const ApprovalRequest &what, QObject *context, Done<Result<qint64>> done)
{
    onDatabase<Result<qint64>>(m_history, context, done,
                               [what](QSqlDatabase &db) { return TeamApprovals::request(db, what); });
}

void TeamFourEyes::pending(QObject *context, Done<Result<QList<ApprovalRequest>>> done)
{
    onDatabase<Result<QList<ApprovalRequest>>>(m_history, context, done,
                                               [](QSqlDatabase &db) { return TeamApprovals::pending(db); });
}

void TeamFourEyes::decide(qint64 id, bool approve, const QString &reason, QObject *context, Done<Result<QString>> done)
{
    onDatabase<Result<QString>>(m_history, context, done, [id, approve, reason](QSqlDatabase &db) {
        return TeamApprovals::decide(db, id, approve, reason);
    });
}

void TeamFourEyes::find(qint64 id, QObject *context, Done<Result<ApprovalRequest>> done)
{
    onDatabase<Result<ApprovalRequest>>(m_history, context, done,
                                        [id](QSqlDatabase &db) { return TeamApprovals::find(db, id); });
}

void TeamFourEyes::claimRun(qint64 id, QObject *context, Done<Result<ApprovalRequest>> done)
{
    onDatabase<Result<ApprovalRequest>>(m_history, context, done,
                                        [id](QSqlDatabase &db) { return TeamApprovals::claimRun(db, id); });
}

// The claim and the intent in one step on the history thread: a transaction on the team connection
// claims the request (the database refuses a second claim, a claim by someone else, an expired or
// unapproved request), the claimed request is checked against what will be sent, and only then is the
// intent written to the local trail. The transaction commits only once the intent is durable; if the
// intent cannot be written, it rolls back and the request stays approved, to be sent later. Should the
// commit itself fail after the intent was written, the intent is completed as a failure (nothing was
// sent) so the trail never shows an action in flight that never left.
void TeamFourEyes::claim(const ApprovalRequest &sent, const HistoryEntry &intent, QObject *context,
                         Done<Result<QList<HistoryEntry>>> done)
{
    const auto refused = [id = sent.id](const QString &why) {
        return Status::failure(tr("Request #%1 cannot be run: %2").arg(id).arg(why), Status::Kind::NotConfirmed);
    };
    m_history->beginGuarded(
        {intent},
        [sent, refused](HistoryBackend &b, const QList<HistoryEntry> &entries,
                        const HistoryService::IntentWrite &write) -> Result<QList<qint64>> {
            Status reach;
            QSqlDatabase *db = TeamHistoryBackend::databaseOf(b, &reach);
            if (!db)
                return refused(reach.message());
            if (!db->transaction())
                return refused(db->lastError().text());
            const Result<ApprovalRequest> claimed = TeamApprovals::claimRun(*db, sent.id);
            if (!claimed.ok()) {
                db->rollback();
                return refused(claimed.message());
            }
            if (Status same = FourEyes::sameAsApproved(claimed.value(), sent); !same.ok()) {
                db->rollback();
                return same;
            }
            Result<QList<qint64>> ids = write();
            if (!ids.ok()) {
                db->rollback(); // never committed: the request is still approved
                return ids;
            }
            if (!db->commit()) {
                const QString why = db->lastError().text();
                db->rollback();
                QList<HistoryEntry> closed = entries;
                for (qsizetype i = 0; i < closed.size(); ++i) {
                    closed[i].id = ids.value().at(i);
                    closed[i].outcome = HistoryEntry::Outcome::Failure;
                    closed[i].completedAt = QDateTime::currentDateTimeUtc();
                    closed[i].message = tr("not sent: the claim of request #%1 could not be committed").arg(sent.id);
                }
                (void)b.complete(closed);
                return refused(why);
            }
            return ids;
        },
        context, done);
}
