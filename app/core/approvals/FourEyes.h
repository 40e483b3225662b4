#pragma once

#include "approvals/ApprovalRequest.h"
#include "approvals/FourEyesVerdict.h"
#include "base/Status.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

struct ActionRequest;
struct BulkRecord;
struct HistoryEntry;

// The verdict on one action, and what the officer should know before sending it anyway.
struct ActionVerdict {
    FourEyesVerdict verdict = FourEyesVerdict::Free;
    QString why;           // translated: why a second officer is needed, or why it is held
    QString problem;       // Held: why the policy cannot be known now (the database's own words)
    QStringList conflicts; // translated: colleagues' recent actions on the same user, newest first
};

// The verdict on a bulk run as a whole.
struct RunVerdict {
    FourEyesVerdict verdict = FourEyesVerdict::Free;
    QString why;     // translated, as for an action (Held: with the reason the database cannot be reached)
    QString problem; // Held: why the policy cannot be known now
    // For a run that is resumed: this officer's newest request for it, or why there is none (failed with
    // Status::Kind::Invalid when none was made). Unset for a new run, or when no approval is needed.
    std::optional<Result<ApprovalRequest>> existing;
};

// Four eyes, the one service every face asks: whether an action or a bulk run may go now, needs a
// second officer, or is held because the policy cannot be known (never sent then: fail closed);
// recording a request, listing, deciding and finding requests; and claiming an approved request, once.
// Every answer comes on the caller's thread through a callback bound to `context` (dropped when the
// context is gone); database work runs on the history thread. Nothing here names SQL: a face cannot
// reach the team database through it.
class FourEyes : public QObject
{
    Q_OBJECT
public:
    template <typename T>
    using Done = std::function<void(const T &)>;
    using QObject::QObject;

    // Whether requests can be recorded and decided here (a team trail is configured).
    virtual bool hasTeam() const = 0;
    virtual void verdict(const ActionRequest &request, QObject *context, Done<ActionVerdict> done) = 0;
    // `record` as the face has it; `isNew`: not yet saved or sent (a resumed run looks for its request).
    virtual void runVerdict(const BulkRecord &record, bool isNew, QObject *context, Done<RunVerdict> done) = 0;
    // Records `what` for a second officer; the request's id.
    virtual void request(const ApprovalRequest &what, QObject *context, Done<Result<qint64>> done) = 0;
    // Pending and approved requests not yet run, oldest first.
    virtual void pending(QObject *context, Done<Result<QList<ApprovalRequest>>> done) = 0;
    // The database's word ("approved", "denied"); refused for the requester, an expired or a decided request.
    virtual void decide(qint64 id, bool approve, const QString &reason, QObject *context,
                        Done<Result<QString>> done) = 0;
    virtual void find(qint64 id, QObject *context, Done<Result<ApprovalRequest>> done) = 0;
    // Claims a bulk run approved as a whole before its first row leaves. A run's claim may be taken up
    // again by its requester (an interrupted run goes on), so it needs no intent of its own.
    virtual void claimRun(qint64 id, QObject *context, Done<Result<ApprovalRequest>> done) = 0;
    // Claims single-action request `sent.id` and records `intent` in one step: the claim counts only
    // when the intent is durable, so a failure after the claim never uses the request up. Refused
    // (Status::Kind::NotConfirmed, nothing recorded) when the request is not this officer's, not
    // approved, expired, already run, or not exactly `sent`. `done` gets the intent as stored.
    virtual void claim(const ApprovalRequest &sent, const HistoryEntry &intent, QObject *context,
                       Done<Result<QList<HistoryEntry>>> done) = 0;

    // The one check both faces rely on: what will be sent is exactly what was approved (action, user,
    // partner, host, environment, reason, and for a run its id and digest). Names what differs.
    static Status sameAsApproved(const ApprovalRequest &approved, const ApprovalRequest &sent);
};
