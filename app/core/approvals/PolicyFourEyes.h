#pragma once

#include "action/ActionPolicy.h"
#include "approvals/FourEyes.h"

// Four eyes for a console without a team: the action policy's own rules, always known (never Held).
// There is no second officer to ask, so requests, decisions and claims are refused.
class PolicyFourEyes : public FourEyes
{
    Q_OBJECT
public:
    explicit PolicyFourEyes(ActionPolicy policy, QObject *parent = nullptr);

    bool hasTeam() const override { return false; }
    void verdict(const ActionRequest &request, QObject *context, Done<ActionVerdict> done) override;
    void runVerdict(const BulkRecord &record, bool isNew, QObject *context, Done<RunVerdict> done) override;
    void request(const ApprovalRequest &what, QObject *context, Done<Result<qint64>> done) override;
    void pending(QObject *context, Done<Result<QList<ApprovalRequest>>> done) override;
    void decide(qint64 id, bool approve, const QString &reason, QObject *context, Done<Result<QString>> done) override;
    void find(qint64 id, QObject *context, Done<Result<ApprovalRequest>> done) override;
    void claimRun(qint64 id, QObject *context, Done<Result<ApprovalRequest>> done) override;
    void claim(const ApprovalRequest &sent, const HistoryEntry &intent, QObject *context,
               Done<Result<QList<HistoryEntry>>> done) override;

private:
    // Answers like the team's: later, on the caller's thread, never inside the call.
    template <typename T>
    void answer(QObject *context, Done<T> done, T value);
    Status noTeam() const;

    ActionPolicy m_policy;
};
