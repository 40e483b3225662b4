#include "TeamTrailCheck.h"

#include "team/TeamTrail.h"

namespace {
int batchSize = 1000;
} // namespace

void TeamTrailCheck::setBatch(int records)
{
    batchSize = records;
}

TeamTrailCheck::TeamTrailCheck(ChainReport local, TeamConsoles::Keys keys, TeamCheckpoint::State checkpoint)
    : m_local(std::move(local)), m_keys(std::move(keys)), m_walk(m_keys, std::move(checkpoint))
{
}

Result<bool> TeamTrailCheck::walk(QSqlDatabase &db, const std::function<bool()> &giveWay)
{
    for (;;) {
        const Result<QList<TeamRecord>> batch = TeamTrail::readAfter(db, m_walk.last(), batchSize);
        if (!batch.ok())
            return batch.status();
        for (const TeamRecord &r : batch.value())
            m_walk.add(r);
        if (batch.value().size() < batchSize)
            return true;
        if (giveWay && giveWay())
            return false;
    }
}
