#include "TeamCheckpointKeeper.h"

#include "team/TeamCheckpoint.h"
#include "team/TeamConsoles.h"
#include "team/TeamEntries.h"

#include <QHash>

namespace {
int g_batch = 1000;
qint64 g_most = 20000;
} // namespace

void TeamCheckpointKeeper::setBounds(int batch, qint64 most)
{
    g_batch = qMax(2, batch);
    g_most = qMax<qint64>(1, most);
}

TeamCheckpointKeeper::TeamCheckpointKeeper(const TeamCheckpoint &checkpoint, const HistoryChain &chain)
    : m_checkpoint(checkpoint), m_chain(chain)
{
}

Result<TeamCheckpointKeeper::Advance> TeamCheckpointKeeper::advance(QSqlDatabase &db, qint64 keepFrom,
                                                                    const std::function<bool()> &giveWay) const
{
    TeamCheckpoint::State cp = m_checkpoint.read(m_chain);
    const Result<TeamConsoles::Keys> keys = TeamConsoles::read(db);
    if (!keys.ok())
        return keys.status();
    Advance advance;
    advance.first = cp.authentic ? cp.seq : 1;
    for (qint64 walked = 0; !advance.end && walked < g_most;) {
        // Each batch but the first begins with the record the one before ended on, checked as the checkpoint.
        const Result<QList<TeamRecord>> records = TeamTrail::readAfter(db, (cp.authentic ? cp.seq : 1) - 1, g_batch);
        if (!records.ok())
            return records.status();
        if (!TeamTrail::extends(records.value(), cp, keys.value(), &advance.problem))
            return advance;
        advance.end = records.value().size() < g_batch;
        if (records.value().isEmpty())
            break;
        for (const TeamRecord &r : records.value()) {
            if (keepFrom > 0 && r.seq >= keepFrom && (advance.records.isEmpty() || r.seq > advance.records.last().seq))
                advance.records.append(r);
        }
        const TeamRecord &last = records.value().last();
        advance.head = last.seq;
        // Without the chain key no checkpoint is kept: only a read that keeps records walks on.
        const bool kept = last.seq == cp.seq || m_checkpoint.write(last.seq, last.hash, m_chain).ok();
        if (!kept && keepFrom == 0)
            break;
        cp = {true, true, last.seq, last.hash};
        walked += records.value().size();
        if (giveWay && giveWay())
            break;
    }
    return advance;
}

Result<QStringList> TeamCheckpointKeeper::unverified(QSqlDatabase &db, const QList<TeamRecord> &records) const
{
    const TeamCheckpoint::State cp = m_checkpoint.read(m_chain);
    const qint64 verifiedThrough = cp.authentic ? cp.seq : 0;
    if (records.isEmpty() || records.last().seq <= verifiedThrough)
        return QStringList();
    const Result<TeamConsoles::Keys> keys = TeamConsoles::read(db);
    if (!keys.ok())
        return keys.status();
    QHash<qint64, QString> previous;
    for (qsizetype i = 1; i < records.size(); ++i)
        previous.insert(records.at(i).seq, records.at(i - 1).hash);
    // The first record's predecessor was not read with it.
    if (const TeamRecord &first = records.first(); first.seq > 1 && first.seq > verifiedThrough) {
        const Result<QList<TeamRecord>> before = TeamTrail::readAfter(db, first.seq - 2, 1);
        if (!before.ok())
            return before.status();
        if (!before.value().isEmpty() && before.value().first().seq == first.seq - 1)
            previous.insert(first.seq, before.value().first().hash);
    }
    return TeamEntries::unverified(records, previous, keys.value(), verifiedThrough);
}
