#include "TeamCatchUp.h"

#include "team/TeamEntries.h"
#include "team/TeamTrail.h"

TeamCatchUp::TeamCatchUp(const TeamCheckpoint &checkpoint, const HistoryChain &chain) : m_keeper(checkpoint, chain)
{
}

Result<TeamCatchUp::Moved> TeamCatchUp::advance(QSqlDatabase &db, const std::function<bool()> &giveWay) const
{
    const Result<TeamCheckpointKeeper::Advance> walked = m_keeper.advance(db, 0, giveWay);
    if (!walked.ok())
        return walked.status();
    return Moved{walked.value().problem.isEmpty() ? walked.value().head : 0, walked.value().problem};
}

Result<HistoryRead> TeamCatchUp::read(QSqlDatabase &db, qint64 from, const QString &file, Moved *moved) const
{
    from = qMax<qint64>(from, 1);
    const Result<TeamCheckpointKeeper::Advance> walked = m_keeper.advance(db, from);
    if (!walked.ok())
        return walked.status();
    *moved = {walked.value().problem.isEmpty() ? walked.value().head : 0, walked.value().problem};
    // Walked from the checkpoint: its records are the read's when the checkpoint was not past `from`
    // and the walk reached the trail's end.
    const bool whole = walked.value().end && walked.value().first <= from;
    const Result<QList<TeamRecord>> records = whole ? Result<QList<TeamRecord>>(walked.value().records)
                                                    : TeamTrail::readFrom(db, from);
    if (!records.ok())
        return records.status();
    HistoryRead read = TeamEntries::of(records.value(), from, file);
    if (!records.value().isEmpty())
        moved->head = qMax(moved->head, records.value().last().seq);
    const Result<QStringList> unverified = m_keeper.unverified(db, records.value());
    if (!unverified.ok())
        return unverified.status();
    read.problems += unverified.value();
    return read;
}
