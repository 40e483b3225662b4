#include "TeamCheckpointKeeper.h"

#include "team/TeamCheckpoint.h"
#include "team/TeamConsoles.h"
#include "team/TeamEntries.h"

#include <QHash>

TeamCheckpointKeeper::TeamCheckpointKeeper(const TeamCheckpoint &checkpoint, const HistoryChain &chain)
    : m_checkpoint(checkpoint), m_chain(chain)
{
}

Result<TeamCheckpointKeeper::Advance> TeamCheckpointKeeper::advance(QSqlDatabase &db) const
{
    const TeamCheckpoint::State cp = m_checkpoint.read(m_chain);
    const Result<QList<TeamRecord>> records = TeamTrail::readFrom(db, cp.authentic ? cp.seq : 1);
    if (!records.ok())
        return records.status();
    Advance advance;
    advance.records = records.value();
    const Result<TeamConsoles::Keys> keys = TeamConsoles::read(db);
    if (!keys.ok())
        return keys.status();
    if (!TeamTrail::extends(advance.records, cp, keys.value(), &advance.problem))
        return advance;
    if (!advance.records.isEmpty()) {
        const TeamRecord &last = advance.records.last();
        m_checkpoint.write(last.seq, last.hash, m_chain);
        advance.head = last.seq;
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
        const Result<QList<TeamRecord>> before = TeamTrail::readFrom(db, first.seq - 1);
        if (!before.ok())
            return before.status();
        if (!before.value().isEmpty() && before.value().first().seq == first.seq - 1)
            previous.insert(first.seq, before.value().first().hash);
    }
    return TeamEntries::unverified(records, previous, keys.value(), verifiedThrough);
}
