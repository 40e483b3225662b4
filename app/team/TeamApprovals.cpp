#include "TeamApprovals.h"

#include "settings/Profile.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("TeamApprovals", text);
}

Status failed(const QSqlError &error)
{
    const QString text = error.databaseText().trimmed();
    QString why = text;
    if (text.contains(QLatin1String("self-approval refused")))
        why = tr("The database refused: you made this request, and another officer must approve or deny it (%1).")
                  .arg(text);
    else if (text.contains(QLatin1String("permission denied")))
        why = tr("The database refused: your role may not do this (%1).").arg(text);
    return Status::failure(why.isEmpty() ? error.text() : why, Status::Kind::Invalid);
}

constexpr const char *kColumns = "id, requester, profile, partner_id, host, environment, action, user_id, reason, "
                                 "created_at, expires_at, status, coalesce(decided_by, ''), "
                                 "coalesce(decision_reason, ''), email, run_id, run_digest, row_count, decided_at";

ApprovalRequest fromRow(const QSqlQuery &q)
{
    ApprovalRequest r;
    r.id = q.value(0).toLongLong();
    r.requester = q.value(1).toString();
    r.profile = q.value(2).toString();
    r.partnerId = q.value(3).toString();
    r.host = q.value(4).toString();
    r.environment = q.value(5).toString();
    r.action = q.value(6).toString();
    r.userId = q.value(7).toString();
    r.reason = q.value(8).toString();
    r.createdAt = q.value(9).toDateTime().toUTC();
    r.expiresAt = q.value(10).toDateTime().toUTC();
    r.status = q.value(11).toString();
    r.decidedBy = q.value(12).toString();
    r.decisionReason = q.value(13).toString();
    r.email = q.value(14).toString();
    r.runId = q.value(15).toString();
    r.runDigest = q.value(16).toString();
    r.rowCount = q.value(17).toInt();
    if (!q.value(18).isNull())
        r.decidedAt = q.value(18).toDateTime().toUTC();
    return r;
}
} // namespace

namespace TeamApprovals {

Result<qint64> request(QSqlDatabase &db, const ApprovalRequest &what, int ttlSeconds)
{
    // A null QString binds as SQL NULL; every column here is text that may be empty.
    const auto text = [](const QString &s) { return QVariant(s.isNull() ? QStringLiteral("") : s); };
    QSqlQuery q(db);
    if (what.isRun()) {
        q.prepare(QStringLiteral("SELECT enrollee.request_run_approval(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &v : {text(what.profile), text(what.partnerId), text(what.host), text(what.email),
                                  text(what.environment), text(what.action), text(what.runId), text(what.runDigest),
                                  QVariant(what.rowCount), text(what.reason), QVariant(ttlSeconds)})
            q.addBindValue(v);
    } else {
        q.prepare(QStringLiteral("SELECT enrollee.request_approval(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &v :
             {text(what.profile), text(what.partnerId), text(what.host), text(what.email), text(what.environment),
              text(what.action), text(what.userId), text(what.reason), QVariant(ttlSeconds)})
            q.addBindValue(v);
    }
    if (!q.exec() || !q.next())
        return failed(q.lastError());
    return q.value(0).toLongLong();
}

Result<QString> decide(QSqlDatabase &db, qint64 id, bool approve, const QString &reason)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT enrollee.decide(?, ?, ?)"));
    q.addBindValue(id);
    q.addBindValue(approve);
    q.addBindValue(reason);
    if (!q.exec() || !q.next())
        return failed(q.lastError());
    return q.value(0).toString();
}

Result<ApprovalRequest> claimRun(QSqlDatabase &db, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM enrollee.claim_run(?)").arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return failed(q.lastError());
    return fromRow(q);
}

Result<QList<ApprovalRequest>> pending(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM enrollee.requests WHERE status IN ('pending', 'approved') AND "
                               "expires_at > now() ORDER BY id")
                    .arg(QLatin1String(kColumns))))
        return failed(q.lastError());
    QList<ApprovalRequest> list;
    while (q.next())
        list.append(fromRow(q));
    return list;
}

Result<ApprovalRequest> find(QSqlDatabase &db, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM enrollee.requests WHERE id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (!q.exec())
        return failed(q.lastError());
    if (!q.next())
        return Status::failure(tr("There is no request #%1.").arg(id), Status::Kind::Invalid);
    return fromRow(q);
}

Result<QMap<QString, QStringList>> policy(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT environment, action FROM enrollee.policy ORDER BY environment, action")))
        return failed(q.lastError());
    QMap<QString, QStringList> rules;
    while (q.next())
        rules[q.value(0).toString()].append(q.value(1).toString());
    return rules;
}

Status setPolicy(QSqlDatabase &db, const QString &environment, const QStringList &actions)
{
    if (!db.transaction())
        return failed(db.lastError());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM enrollee.policy WHERE environment = ?"));
    q.addBindValue(environment);
    if (!q.exec()) {
        Status why = failed(q.lastError());
        db.rollback();
        return why;
    }
    q.prepare(QStringLiteral("INSERT INTO enrollee.policy VALUES (?, ?)"));
    for (const QString &action : actions) {
        q.addBindValue(environment);
        q.addBindValue(action);
        if (!q.exec()) {
            Status why = failed(q.lastError());
            db.rollback();
            return why;
        }
    }
    if (!db.commit())
        return failed(db.lastError());
    return Status::success();
}

Result<QMap<QString, int>> bulkPolicy(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT environment, max_rows FROM enrollee.bulk_policy ORDER BY environment")))
        return failed(q.lastError());
    QMap<QString, int> limits;
    while (q.next())
        limits.insert(q.value(0).toString(), q.value(1).toInt());
    return limits;
}

Status setBulkLimit(QSqlDatabase &db, const QString &environment, int maxRows)
{
    QSqlQuery q(db);
    if (maxRows < 0) {
        q.prepare(QStringLiteral("DELETE FROM enrollee.bulk_policy WHERE environment = ?"));
        q.addBindValue(environment);
    } else {
        q.prepare(QStringLiteral("INSERT INTO enrollee.bulk_policy VALUES (?, ?) "
                                 "ON CONFLICT (environment) DO UPDATE SET max_rows = excluded.max_rows"));
        q.addBindValue(environment);
        q.addBindValue(maxRows);
    }
    return q.exec() ? Status::success() : failed(q.lastError());
}

Result<ApprovalRequest> forRun(QSqlDatabase &db, const QString &runId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM enrollee.requests WHERE run_id = ? AND requester = session_user "
                             "ORDER BY id DESC LIMIT 1")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(runId);
    if (!q.exec())
        return failed(q.lastError());
    if (!q.next())
        return Status::failure(tr("No request for run %1 was made by you.").arg(runId), Status::Kind::Invalid);
    return fromRow(q);
}

} // namespace TeamApprovals
