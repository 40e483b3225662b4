#pragma once

#include "approvals/ApprovalRequest.h"
#include "base/Status.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// The team's four-eyes rules and requests in the database. Every change goes through SECURITY
// DEFINER functions (officers cannot UPDATE the requests table), which check session_user: the
// requester cannot approve or deny, only the requester may run, and only once, before it expires.
namespace TeamApprovals {
inline constexpr int kDefaultTtlSeconds = 24 * 3600;
Result<qint64> request(QSqlDatabase &db, const ApprovalRequest &what, int ttlSeconds = kDefaultTtlSeconds);
Result<QString> decide(QSqlDatabase &db, qint64 id, bool approve, const QString &reason);
// Marks an approved request as run and returns it; refused when it is not this role's, not
// approved, expired, or already run.
Result<ApprovalRequest> claimRun(QSqlDatabase &db, qint64 id);
Result<QList<ApprovalRequest>> pending(QSqlDatabase &db);
Result<ApprovalRequest> find(QSqlDatabase &db, qint64 id);
// environment -> actions needing a second officer there.
Result<QMap<QString, QStringList>> policy(QSqlDatabase &db);
Status setPolicy(QSqlDatabase &db, const QString &environment, const QStringList &actions);
// environment -> rows above which any bulk run there needs a second officer (absent: no limit).
Result<QMap<QString, int>> bulkPolicy(QSqlDatabase &db);
// A negative `maxRows` removes the limit for `environment`.
Status setBulkLimit(QSqlDatabase &db, const QString &environment, int maxRows);
// The newest request this role made for bulk run `runId`; a failure with Kind::Invalid when there is none.
Result<ApprovalRequest> forRun(QSqlDatabase &db, const QString &runId);
} // namespace TeamApprovals
