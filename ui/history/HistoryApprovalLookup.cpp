#include "HistoryApprovalLookup.h"

#include "approvals/FourEyes.h"

HistoryApprovalLookup::HistoryApprovalLookup(QObject *parent) : QObject(parent)
{
}

bool HistoryApprovalLookup::canAsk() const
{
    return m_fourEyes && m_fourEyes->hasTeam();
}

std::optional<Result<ApprovalRequest>> HistoryApprovalLookup::lookUp(qint64 id)
{
    if (const auto found = m_found.constFind(id); found != m_found.constEnd())
        return Result<ApprovalRequest>(*found);
    if (m_failed.contains(id))
        return Result<ApprovalRequest>(Status::failure(m_failed.take(id))); // shown once, then asked again
    if (!canAsk() || m_asking.contains(id))
        return std::nullopt;
    m_asking.insert(id);
    m_fourEyes->find(id, this, [this, id](const Result<ApprovalRequest> &answer) {
        m_asking.remove(id);
        if (answer.ok())
            m_found.insert(id, answer.value());
        else
            m_failed.insert(id, answer.message());
        emit answered(id);
    });
    return std::nullopt;
}
