#pragma once

#include "action/Action.h"
#include "settings/Profile.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

// One action as officers see it in the audit trail: who did what to whom, when, why, and what the
// server answered. On disk it is two chained records (begin, completion), merged here.
struct HistoryEntry {
    enum class Outcome {
        Pending, // recorded, answer not yet in
        Success,
        Failure,
        Unknown, // the process that sent it ended before the answer was recorded
    };

    qint64 id = 0; // sequence number of the begin record; unique and increasing
    QDateTime time;
    QString operatorEmail;
    QString profileName;
    Environment environment = Environment::Sandbox;
    QString partnerId;
    QString host;
    QString userId;
    ActionKind action = ActionKind::ReEnroll;
    QString reason;
    QString face; // "console", "cli", ...
    qint64 pid = 0;

    Outcome outcome = Outcome::Pending;
    QDateTime completedAt;
    int httpStatus = 0;
    QString code;
    QString message;
    QString response; // raw body, capped; the details view shows it
    qint64 elapsedMs = 0;
    QJsonArray attempts; // one object per attempt: time, http_status, code, outcome, elapsed_ms, message

    // Where the entry sits in the hash chain, filled when the trail is read: its begin record's hash
    // and its completion record's number and hash. Exports carry them so an auditor can match an
    // exported entry against the store's records.
    QString recordHash;
    qint64 completionRecord = 0;
    QString completionHash;

    // With a team trail: the database role that wrote the entry (stamped by the server from
    // session_user and covered by the team record's hash) and the machine it came from. Empty locally.
    QString dbRole;
    QString machine;
    // Set when the action is one row of a bulk run: the run's id and the row's line in its input.
    // Part of the begin record, so they are hashed with it.
    QString runId;
    int runLine = 0;
    QString runDigest; // SHA-256 of the run's header as started (BulkRecord::digest): binds the header to the chain
    // The four-eyes request a second officer approved for this action (a bulk row: its run's request), 0 for
    // none. Part of the begin record when set; records written before it was kept simply have none. Who
    // approved it, when and why are read from the team's requests when shown (FourEyes::find).
    qint64 approvalId = 0;

    static QString outcomeName(Outcome outcome); // pending / success / failure / unknown
    static bool outcomeFromName(const QString &name, Outcome *outcome);
    static QString outcomeDisplayName(Outcome outcome); // translated

    // Takes what the answer brought (outcome, completedAt, httpStatus, code, message, response, elapsedMs,
    // attempts) from a completion, keeping who/what/when: the begin record never changes.
    void takeOutcome(const HistoryEntry &completion);

    // The shape `enrollee-cli history --json` and exports use. HistoryEntryJson writes the same without
    // building it: a field added here is added there too (tst_history_json compares them). An approved action carries
    // "approval": {"request": N}; the CLI completes it with the approver (ApprovalRequest::approvalJson).
    QJsonObject toJson() const;
};

Q_DECLARE_METATYPE(HistoryEntry)
