#pragma once

#include "history/HistoryBackend.h"
#include "history/local/NewestFirstWalk.h"

#include <functional>
#include <optional>

// The local history's walk of bulk runs' records in slices (HistoryBackend::walkRunsInSlices): a
// NewestFirstWalk kept in the RunWalk between calls, a shard at a time, keeping the entries of the runs
// asked for.
class RunRecordsWalk : public RunWalk::Cursor
{
public:
    // Goes on with `walk` (begun with the walk `start` makes when it has no cursor yet): nothing while it
    // gave way, the runs' entries oldest first once done.
    static std::optional<Result<HistoryRead>> step(RunWalk &walk, const std::function<NewestFirstWalk()> &start);
    explicit RunRecordsWalk(NewestFirstWalk walk) : m_walk(std::move(walk)) {}

private:
    NewestFirstWalk m_walk;
};
