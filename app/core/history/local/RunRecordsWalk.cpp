#include "RunRecordsWalk.h"

#include <algorithm>
#include <memory>

std::optional<Result<HistoryRead>> RunRecordsWalk::step(RunWalk &walk, const std::function<NewestFirstWalk()> &start)
{
    const QSet<QString> wanted = HistoryBackend::runsAsked(walk.runIds);
    if (wanted.isEmpty())
        return Result<HistoryRead>(HistoryRead()); // an empty run id asks for nothing, not for every entry
    if (!walk.cursor)
        walk.cursor = std::make_unique<RunRecordsWalk>(start());
    auto *cursor = dynamic_cast<RunRecordsWalk *>(walk.cursor.get());
    if (!cursor)
        return Result<HistoryRead>(Status::failure(QStringLiteral("a walk begun elsewhere"), Status::Kind::Error));
    QList<HistoryEntry> &found = walk.found.entries;
    const bool done = cursor->m_walk.step(
        [&found, &wanted](const HistoryEntry &e) {
        if (wanted.contains(e.runId))
            found.append(e);
        return true;
        },
        walk.giveWay);
    if (!done)
        return std::nullopt;
    walk.found.problems = cursor->m_walk.problems();
    std::reverse(found.begin(), found.end()); // newest first as walked: oldest first as read
    return Result<HistoryRead>(walk.found);
}
