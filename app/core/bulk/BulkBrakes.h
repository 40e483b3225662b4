#pragma once

#include "bulk/BulkRun.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

struct ApiResult;
struct BulkRowResult;

// The stops a bulk run makes by itself, besides the officer's: once its canary rows are done, after a
// streak of refusals every other row would meet too, and when nothing answers at its address. It counts
// what it needs (the canary's rest, the streak) and says, after each answer, whether the run must pause.
class BulkBrakes
{
    Q_DECLARE_TR_FUNCTIONS(BulkBrakes)

public:
    struct Stop {
        BulkRun::PauseCause cause = BulkRun::PauseCause::Requested;
        QString reason; // translated
    };

    void setRefusalStreakLimit(int n) { m_streakLimit = qMax(1, n); }
    // A run starting with `begun` of its rows begun before (by a process that died, or before a pause):
    // those were its canary's first rows.
    void start(int canary, int begun);
    // After a resume the canary is over and the streak starts again.
    void resumed();
    // How many of `n` rows may leave now, and that they left.
    int allow(int n) const { return m_canaryLeft >= 0 ? qMin(n, m_canaryLeft) : n; }
    void sent(int n);
    // After `row`'s answer (`result`, sent to `origin`): the stop it calls for, if any; `more`: rows are
    // still waiting to be sent.
    std::optional<Stop> after(const BulkRowResult &row, const ApiResult &result, const QUrl &origin, bool more);

private:
    int m_streak = 0;
    int m_streakLimit = 5;
    int m_canaryLeft = -1; // -1: no canary (any more)
};
