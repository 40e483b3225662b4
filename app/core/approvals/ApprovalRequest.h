#pragma once

#include "action/Action.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

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
    QString status;    // pending, approved, denied, run
    QString decidedBy; // the database role of the officer who approved or denied it
    QDateTime decidedAt;
    QString decisionReason;
    // `approvals list --json`: id, action, user_id, requester, reason, expiry (and the rest).
    QJsonObject toJson() const;
    // An action's approval as `history --json` shows it: request, approved_by, approved_at, reason.
    QJsonObject approvalJson() const;
    // What `action` on `userId` (empty for a bulk run) under `profile` asks for: the profile's partner,
    // host, email and environment, the action's CLI name, the user ID and reason trimmed.
    static ApprovalRequest of(const Profile &profile, ActionKind action, const QString &userId, const QString &reason);
};
