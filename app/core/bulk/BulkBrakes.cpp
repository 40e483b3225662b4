#include "BulkBrakes.h"

#include "api/ApiResult.h"
#include "bulk/BulkRecord.h"

namespace {
// Refusals that every other row of the run would meet too (the partner's access, the key, the action).
bool isHopelessRefusal(const QString &code)
{
    return code == QLatin1String("2205") || code == QLatin1String("2405") || code == QLatin1String("2220");
}
} // namespace

void BulkBrakes::start(int canary, int begun)
{
    m_streak = 0;
    m_canaryLeft = canary > begun ? canary - begun : -1;
}

void BulkBrakes::resumed()
{
    m_streak = 0;
    m_canaryLeft = -1;
}

void BulkBrakes::sent(int n)
{
    if (m_canaryLeft > 0)
        m_canaryLeft -= n;
}

std::optional<BulkBrakes::Stop> BulkBrakes::after(const BulkRowResult &row, const ApiResult &result, const QUrl &origin,
                                                  bool more)
{
    if (row.status == BulkRowStatus::Failed && isHopelessRefusal(row.entry.code))
        ++m_streak;
    else if (row.status == BulkRowStatus::Succeeded || row.status == BulkRowStatus::Already)
        m_streak = 0;
    if (m_streak >= m_streakLimit)
        return Stop{
            BulkRun::PauseCause::Refusals,
            tr("%n rows in a row were refused with %1 (%2); the rest would fail the same way.", nullptr, m_streak)
                .arg(row.entry.code, row.entry.message)};
    // Nothing listens at the run's address (connection refused, host not found): every other row would
    // fail the same way, slowly, through the runner's retries. The run stops and says where it tried.
    if (row.status == BulkRowStatus::Failed && !result.requestSent && result.outcome == ApiResult::Outcome::NetworkError
        && more)
        return Stop{BulkRun::PauseCause::Unreachable,
                    tr("Nothing answers at %1 (%2). The run is paused; resume it once the server can be reached.")
                        .arg(origin.toString(), result.message)};
    if (m_canaryLeft == 0 && more)
        return Stop{BulkRun::PauseCause::Canary, tr("The canary rows are done.")};
    return std::nullopt;
}
