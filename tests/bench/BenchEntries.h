#pragma once

// The entries the history benches fill with, in one place so both fills (the store's and the CLI's)
// write the same records and their figures stay comparable.

#include "history/HistoryEntry.h"

namespace BenchEntries {

// Action number `i` as a face records it before it is sent.
inline HistoryEntry begun(qint64 i)
{
    HistoryEntry e;
    e.operatorEmail = QStringLiteral("officer@example.com");
    e.profileName = QStringLiteral("Bench");
    e.environment = Environment::Sandbox;
    e.partnerId = QStringLiteral("085");
    e.host = QStringLiteral("portal.smileidentity.com");
    e.userId = QStringLiteral("user-%1").arg(i, 8, 10, QLatin1Char('0'));
    e.action = ActionKind(i % 6);
    e.reason = QStringLiteral("CASE-%1 routine review").arg(i);
    e.face = QStringLiteral("bench");
    return e;
}

// Its answer: a success as the sandbox gives it.
inline HistoryEntry succeeded(const HistoryEntry &begun)
{
    HistoryEntry e = begun;
    e.outcome = HistoryEntry::Outcome::Success;
    e.httpStatus = 200;
    e.response = QStringLiteral("{\"success\":true,\"user_id\":\"%1\"}").arg(begun.userId);
    e.elapsedMs = 180;
    return e;
}

} // namespace BenchEntries
