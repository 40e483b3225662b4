#pragma once

#include "action/Action.h"
#include "approvals/FourEyes.h"
#include "settings/Profile.h"
#include "team/TeamPolicyCache.h"

#include <QMap>
#include <QStringList>

#include <optional>

class HistoryService;

// Four eyes over the team trail: the team's policy (which actions need a second officer in which
// environment, and above how many rows a bulk run does), its requests and their claims, all read and
// written on the history thread through the TeamHistoryBackend's connection. Every read of the policy is
// kept in the settings folder (TeamPolicyCache), so a process started while the database is away knows
// it too: whatever the policy last read gives to two officers is then Held, and when no trusted copy
// exists (never read, edited, or keyed differently) every action and run is Held. Going offline never
// skips a second officer.
class TeamFourEyes : public FourEyes
{
    Q_OBJECT
public:
    explicit TeamFourEyes(HistoryService *history, QObject *parent = nullptr);

    bool hasTeam() const override { return true; }
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
    struct Rules {
        Status reach; // failed: the team database cannot be reached, nothing below but `kept` was read
        std::optional<TeamPolicyCache::Policy> policy; // as read now
        TeamPolicyCache::State kept;                   // the kept copy, when the database cannot be reached
        QStringList conflicts;
        std::optional<Result<ApprovalRequest>> existing;
    };
    // The policy to judge by: as read now, else the newest this process read or the kept copy holds;
    // none when it is unknown.
    std::optional<TeamPolicyCache::Policy> learn(const Rules &rules);
    static bool needsSecondOfficer(const TeamPolicyCache::Policy &policy, ActionKind action, Environment environment);
    static QString heldWhy(const Rules &rules, const std::optional<TeamPolicyCache::Policy> &policy,
                           const QString &named);

    HistoryService *m_history;
    std::optional<TeamPolicyCache::Policy> m_policy; // the team's policy as this process last read it
};
