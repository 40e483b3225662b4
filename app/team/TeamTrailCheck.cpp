#include "TeamTrailCheck.h"

#include "team/TeamTrail.h"

namespace {
int batchSize = 1000;
int giveWayEvery = 100;
} // namespace

void TeamTrailCheck::setBatch(int records)
{
    batchSize = records;
}

void TeamTrailCheck::setGiveWayEvery(int records)
{
    giveWayEvery = qMax(1, records);
}

TeamTrailCheck::TeamTrailCheck(ChainReport local, TeamConsoles::Keys keys, TeamCheckpoint::State checkpoint)
    : m_local(std::move(local)), m_keys(std::move(keys)), m_walk(m_keys, std::move(checkpoint))
{
}

Result<bool> TeamTrailCheck::walk(QSqlDatabase &db, const std::function<bool()> &giveWay)
{
    for (;;) {
        if (m_next == m_batch.size()) {
            Result<QList<TeamRecord>> batch = TeamTrail::readAfter(db, m_walk.last(), batchSize);
            if (!batch.ok())
                return batch.status();
            m_batch = std::move(batch.value());
            m_next = 0;
            m_lastBatch = m_batch.size() < batchSize;
        }
        while (m_next < m_batch.size()) {
            m_walk.add(m_batch.at(m_next++));
            if (m_next % giveWayEvery == 0 && m_next < m_batch.size() && giveWay && giveWay())
                return false;
        }
        if (m_lastBatch)
            return true;
        if (giveWay && giveWay())
            return false;
    }
}
