#pragma once

#include "action/ActionPolicy.h"
#include "approvals/FourEyes.h"

#include <QMap>
#include <QStringList>

#include <optional>

class HistoryService;

// Four eyes over the team trail: the team's policy (which actions need a second officer in which
// environment, and above how many rows a bulk run does), its requests and their claims, all read and
// written on the history thread through the TeamHistoryBackend's connection. The policy last read is
// kept; when the database cannot be reached, whatever it (or, before the first read, the default
// policy) gives to two officers is Held: going offline never skips a second officer.
class TeamFourEyes : public FourEyes
{
    Q_OBJECT
public:
    // `defaults`: the runner's policy, whose needsApproval rules stand until the team's policy is read.
    TeamFourEyes(HistoryService *history, ActionPolicy defaults, QObject *parent = nullptr);

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
        Status reach; // failed: the team database cannot be reached, nothing below was read
        QMap<QString, QStringList> byEnvironment;
        QMap<QString, int> bulkLimits;
        QStringList conflicts;
        std::optional<Result<ApprovalRequest>> existing;
    };
    void learn(const Rules &rules);
    bool needsSecondOfficer(ActionKind action, Environment environment) const;

    HistoryService *m_history;
    ActionPolicy m_defaults;
    std::optional<QMap<QString, QStringList>> m_rules; // the team's policy as last read
    QMap<QString, int> m_bulkLimits;
};
