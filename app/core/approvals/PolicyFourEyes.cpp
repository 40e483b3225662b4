#include "PolicyFourEyes.h"

#include "action/ActionRunner.h"
#include "bulk/BulkRecord.h"

#include <QPointer>
#include <QTimer>

PolicyFourEyes::PolicyFourEyes(ActionPolicy policy, QObject *parent) : FourEyes(parent), m_policy(std::move(policy))
{
}

template <typename T>
void PolicyFourEyes::answer(QObject *context, Done<T> done, T value)
{
    QTimer::singleShot(0, this, [context = QPointer<QObject>(context), done, value] {
        if (context && done)
            done(value);
    });
}

Status PolicyFourEyes::noTeam() const
{
    return Status::failure(tr("No team trail is connected: there is no second officer to ask."),
                           Status::Kind::NotConfirmed);
}

void PolicyFourEyes::verdict(const ActionRequest &request, QObject *context, Done<ActionVerdict> done)
{
    ActionVerdict v;
    if (m_policy.rule(request.action, request.profile.environment).needsApproval) {
        v.verdict = FourEyesVerdict::NeedsSecondOfficer;
        v.why = tr("%1 in %2 needs a second officer's approval.")
                    .arg(ActionInfo::displayName(request.action), environmentDisplayName(request.profile.environment));
    }
    answer(context, std::move(done), v);
}

void PolicyFourEyes::runVerdict(const BulkRecord &record, bool, QObject *context, Done<RunVerdict> done)
{
    RunVerdict v;
    if (m_policy.rule(record.action, record.profile.environment).needsApproval) {
        v.verdict = FourEyesVerdict::NeedsSecondOfficer;
        v.why = tr("%1 in %2 needs a second officer's approval.")
                    .arg(ActionInfo::displayName(record.action), environmentDisplayName(record.profile.environment));
    }
    answer(context, std::move(done), v);
}

void PolicyFourEyes::request(const ApprovalRequest &, QObject *context, Done<Result<qint64>> done)
{
    answer(context, std::move(done), Result<qint64>(noTeam()));
}

void PolicyFourEyes::pending(QObject *context, Done<Result<QList<ApprovalRequest>>> done)
{
    answer(context, std::move(done), Result<QList<ApprovalRequest>>(QList<ApprovalRequest>()));
}

void PolicyFourEyes::decide(qint64, bool, const QString &, QObject *context, Done<Result<QString>> done)
{
    answer(context, std::move(done), Result<QString>(noTeam()));
}

void PolicyFourEyes::find(qint64 id, QObject *context, Done<Result<ApprovalRequest>> done)
{
    answer(context, std::move(done),
           Result<ApprovalRequest>(Status::failure(tr("There is no request #%1.").arg(id), Status::Kind::Invalid)));
}

void PolicyFourEyes::claimRun(qint64, QObject *context, Done<Result<ApprovalRequest>> done)
{
    answer(context, std::move(done), Result<ApprovalRequest>(noTeam()));
}

void PolicyFourEyes::claim(const ApprovalRequest &, const HistoryEntry &, QObject *context,
                           Done<Result<QList<HistoryEntry>>> done)
{
    answer(context, std::move(done), Result<QList<HistoryEntry>>(noTeam()));
}
