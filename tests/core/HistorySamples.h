#pragma once

// Entries the history suites record: one shape, so a field added to HistoryEntry is filled in one place.
#include "history/HistoryEntry.h"

namespace HistorySamples {
inline HistoryEntry entry(const QString &user, ActionKind action = ActionKind::Deactivate)
{
    HistoryEntry e;
    e.operatorEmail = QStringLiteral("officer@example.com");
    e.profileName = QStringLiteral("Test");
    e.environment = Environment::Local;
    e.partnerId = QStringLiteral("001");
    e.host = QStringLiteral("127.0.0.1:8787");
    e.userId = user;
    e.action = action;
    e.reason = QStringLiteral("case-%1").arg(user);
    e.face = QStringLiteral("test");
    return e;
}
} // namespace HistorySamples
