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

// Reads what a verdict needs in one visit to the history thread.
template <typename Rules>
Rules readRules(HistoryBackend &b, const QString &userId, const QString &runId)
{
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

TeamFourEyes::TeamFourEyes(HistoryService *history, ActionPolicy defaults, QObject *parent)
    : FourEyes(parent), m_history(history), m_defaults(std::move(defaults))
{
}

void TeamFourEyes::learn(const Rules &rules)
{
    if (!rules.reach.ok())
        return;
    m_rules = rules.byEnvironment;
    m_bulkLimits = rules.bulkLimits;
}

bool TeamFourEyes::needsSecondOfficer(ActionKind action, Environment environment) const
{
    if (!m_rules)
        return m_defaults.rule(action, environment).needsApproval;
    return m_rules->value(environmentName(environment)).contains(ActionInfo::cliName(action));
}

void TeamFourEyes::verdict(const ActionRequest &request, QObject *context, Done<ActionVerdict> done)
{
    m_history->run<Rules>(
        [userId = request.userId.trimmed()](HistoryBackend &b) { return readRules<Rules>(b, userId, QString()); }, this,
        [this, request, context = QPointer<QObject>(context), done](const Rules &rules) {
        learn(rules);
        ActionVerdict v;
        v.conflicts = rules.conflicts;
        const QString name = ActionInfo::displayName(request.action);
        if (!needsSecondOfficer(request.action, request.profile.environment)) {
            v.verdict = FourEyesVerdict::Free;
        } else if (!rules.reach.ok()) {
            v.verdict = FourEyesVerdict::Held;
            v.why = tr("%1 here needs a second officer's approval, and the team database cannot be reached to ask "
                       "for it; nothing was sent.")
                        .arg(name);
            v.problem = rules.reach.message();
        } else {
            v.verdict = FourEyesVerdict::NeedsSecondOfficer;
            v.why = tr("%1 in %2 needs a second officer's approval under the team's policy.")
                        .arg(name, environmentDisplayName(request.profile.environment));
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
        learn(rules);
        RunVerdict v;
        const Environment env = record.profile.environment;
        const QString environment = environmentName(env);
        const bool tooMany = m_bulkLimits.contains(environment)
            && record.validCount() > m_bulkLimits.value(environment);
        if (needsSecondOfficer(record.action, env) || tooMany) {
            v.why = tooMany ? tr("A bulk run of more than %n row(s) in %1 needs a second officer's approval under the "
                                 "team's policy.",
                                 nullptr, m_bulkLimits.value(environment))
                                  .arg(environmentDisplayName(env))
                            : tr("%1 in %2 needs a second officer's approval under the team's policy.")
                                  .arg(ActionInfo::displayName(record.action), environmentDisplayName(env));
            if (rules.reach.ok()) {
                v.verdict = FourEyesVerdict::NeedsSecondOfficer;
                v.existing = rules.existing;
            } else {
                v.verdict = FourEyesVerdict::Held;
                v.problem = rules.reach.message();
                v.why += QLatin1Char(' ')
                    + tr("The team database cannot be reached to ask for it: %1 Nothing was sent.")
                          .arg(rules.reach.message());
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
            const Result<QList<qint64>> ids = write();
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
