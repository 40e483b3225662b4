// BulkSession's four-eyes step (issue 11): the core's BulkApprovalGate decides; this maps its verdict
// to the CLI's exit codes (7 awaiting approval, 6 refused, 5 changed or unwritable, 4 unreachable).
#include "BulkSession.h"
#include "CoreContext.h"
#include "ExitCode.h"
#include "team/BulkApprovalGate.h"

void BulkSession::fourEyes()
{
    auto *gate = new BulkApprovalGate(m_core, this);
    gate->check(m_record, m_options.isNew, [this, gate](const BulkApprovalGate::Verdict &verdict) {
        gate->deleteLater();
        using Kind = BulkApprovalGate::Verdict::Kind;
        switch (verdict.kind) {
        case Kind::Free:
            return afterFourEyes();
        case Kind::Approved:
            m_approvalId = verdict.requestId;
            return afterFourEyes();
        case Kind::Requested:
        case Kind::Waiting:
            return end(ExitCode::kAwaitingApproval, verdict.message);
        case Kind::Refused:
            return end(ExitCode::kNotConfirmed, verdict.message);
        case Kind::Unreachable:
            return end(ExitCode::kNetwork, verdict.message);
        case Kind::Changed:
        case Kind::Failed:
            return end(ExitCode::kStorage, verdict.message);
        }
    });
}

void BulkSession::afterFourEyes()
{
    if (m_options.isNew)
        return noteHistory();
    run();
}
