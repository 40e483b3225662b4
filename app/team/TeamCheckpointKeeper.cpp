#include "TeamCheckpointKeeper.h"

#include "team/TeamCheckpoint.h"
#include "team/TeamConsoles.h"
#include "team/TeamEntries.h"

#include <QHash>

namespace {
int g_batch = 1000;
qint64 g_most = 20000;
int g_checkEvery = 100;
} // namespace

void TeamCheckpointKeeper::setBounds(int batch, qint64 most, int checkEvery)
{
    g_batch = qMax(2, batch);
    g_most = qMax<qint64>(1, most);
    g_checkEvery = qMax(1, checkEvery);
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
        const Result<QList<TeamRecord>> read = TeamTrail::readAfter(db, (cp.authentic ? cp.seq : 1) - 1, g_batch);
        if (!read.ok())
            return read.status();
        const QList<TeamRecord> &records = read.value();
        if (records.isEmpty()) {
            advance.end = true;
            break;
        }
        // Checked a few records at a time (a hundred signatures take about 10 ms), so that a page or a
        // lookup asked meanwhile waits for that, not for the batch: the walk stops where it is.
        qsizetype checked = 0;
        bool gaveWay = false;
        while (checked < records.size() && !gaveWay) {
            const qsizetype from = qMax<qsizetype>(0, checked - 1);
            // The checkpoint's own record, first in the batch, is compared, not counted.
            const qsizetype upTo = qMin(records.size(),
                                        checked + g_checkEvery + (checked == 0 && cp.authentic ? 1 : 0));
            const TeamCheckpoint::State at = checked == 0
                ? cp
                : TeamCheckpoint::State{true, true, records.at(checked - 1).seq, records.at(checked - 1).hash};
            if (!TeamTrail::extends(records.mid(from, upTo - from), at, keys.value(), &advance.problem))
                return advance;
            checked = upTo;
            gaveWay = checked < records.size() && giveWay && giveWay();
        }
        advance.end = !gaveWay && records.size() < g_batch;
        for (qsizetype i = 0; i < checked; ++i) {
            const TeamRecord &r = records.at(i);
            if (keepFrom > 0 && r.seq >= keepFrom && (advance.records.isEmpty() || r.seq > advance.records.last().seq))
                advance.records.append(r);
        }
        const TeamRecord &last = records.at(checked - 1);
        advance.head = last.seq;
        // Without the chain key no checkpoint is kept: only a read that keeps records walks on.
        const bool kept = last.seq == cp.seq || m_checkpoint.write(last.seq, last.hash, m_chain).ok();
        if (!kept && keepFrom == 0)
            break;
        cp = {true, true, last.seq, last.hash};
        walked += checked;
        if (gaveWay || (giveWay && giveWay()))
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
