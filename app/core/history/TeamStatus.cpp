#include "TeamStatus.h"

QJsonObject TeamStatus::toJson() const
{
    return QJsonObject{
        {QStringLiteral("configured"), configured},
        {QStringLiteral("connected"), connected},
        {QStringLiteral("role"), role},
        {QStringLiteral("database"), address},
        {QStringLiteral("problem"), problem},
        {QStringLiteral("waiting"), waiting},
        {QStringLiteral("refused"), refused},
        {QStringLiteral("checkpoint_record"), checkpointSeq},
        {QStringLiteral("checkpoint_hash"), checkpointHash},
        {QStringLiteral("newest_record"), newestSeq},
        {QStringLiteral("tls_weakened"), tlsWeakened},
        {QStringLiteral("pending_approvals"), pendingApprovals},
    };
}
