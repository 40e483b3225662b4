#pragma once

#include "Action.h"
#include "Status.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

struct Profile;

// A four-eyes request: exactly what will be sent once another officer approves it.
struct ApprovalRequest {
    qint64 id = 0;
    QString requester; // the database role that asked (session_user, set by the server)
    QString profile;
    QString partnerId;
    QString host;        // the base URL the request goes to
    QString email;       // the requester's operator email, recorded with the action
    QString environment; // cli name: sandbox / production
    QString action;      // cli name
    QString userId;      // empty for a bulk run
    QString reason;
    // A bulk run approved as a whole (schema version 2): the run, the SHA-256 of its header with every
    // row (BulkRecord::digest), and how many rows it sends.
    QString runId;
    QString runDigest;
    int rowCount = 0;
    bool isRun() const { return !runId.isEmpty(); }
    QDateTime createdAt;
    QDateTime expiresAt;
    QString status; // pending, approved, denied, run
    QString decidedBy;
    QString decisionReason;
    // `approvals list --json`: id, action, user_id, requester, reason, expiry (and the rest).
    QJsonObject toJson() const;
    // What `action` on `userId` (empty for a bulk run) under `profile` asks for: the profile's partner,
    // host, email and environment, the action's CLI name, the user ID and reason trimmed.
    static ApprovalRequest of(const Profile &profile, ActionKind action, const QString &userId, const QString &reason);
};

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
