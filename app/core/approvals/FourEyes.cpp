#include "FourEyes.h"

Status FourEyes::sameAsApproved(const ApprovalRequest &approved, const ApprovalRequest &sent)
{
    const std::pair<const char *, bool> fields[] = {
        {"action", approved.action == sent.action},
        {"user_id", approved.userId == sent.userId},
        {"partner_id", approved.partnerId == sent.partnerId},
        {"base_url", approved.host == sent.host},
        {"environment", approved.environment == sent.environment},
        {"reason", approved.reason == sent.reason},
        {"run_id", approved.runId == sent.runId},
        {"run_digest", approved.runDigest == sent.runDigest},
    };
    QStringList differ;
    for (const auto &[name, same] : fields) {
        if (!same)
            differ.append(QLatin1String(name));
    }
    if (differ.isEmpty())
        return Status::success();
    return Status::failure(tr("Request #%1 was approved for something other than what would be sent now (%2 "
                              "differs); nothing was sent.")
                               .arg(approved.id)
                               .arg(differ.join(QStringLiteral(", "))),
                           Status::Kind::NotConfirmed);
}
