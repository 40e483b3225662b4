#include "BulkTally.h"

#include "action/ActionRunner.h"

BulkTally::BulkTally(const QList<BulkRecord> &runs, const QString &detailed) : m_detailed(detailed)
{
    for (const BulkRecord &r : runs) {
        Run &run = m_runs[r.id];
        run.digest = r.digest();
        run.action = r.action;
        run.detailed = r.id == detailed;
    }
}

bool BulkTally::visit(const HistoryEntry &e)
{
    if (e.runId.isEmpty())
        return true;
    const auto it = m_runs.find(e.runId);
    if (it == m_runs.end())
        return true;
    Run &run = *it;
    // Newest first: what is written last is the oldest, which decides (as in BulkRecord::results()).
    if (!e.runDigest.isEmpty() && e.runDigest != run.digest)
        run.altered = e.id;
    if (ActionRunner::withdrawn(e))
        return true;
    Mark mark;
    mark.status = BulkRecord::classify(run.action, e);
    mark.refused = mark.status == BulkRowStatus::Failed && e.httpStatus != 0;
    mark.open = e.outcome == HistoryEntry::Outcome::Pending || e.outcome == HistoryEntry::Outcome::Unknown;
    run.byLine.insert(e.runLine, mark);
    if (run.detailed) {
        // Only what a row shows (its table, its line in bulk show and the results): an entry whole is
        // kilobytes (the raw answer, each attempt), times every row of a long run.
        HistoryEntry kept;
        kept.id = e.id;
        kept.time = e.time;
        kept.outcome = e.outcome;
        kept.completedAt = e.completedAt;
        kept.httpStatus = e.httpStatus;
        kept.code = e.code;
        kept.message = e.message;
        for (qsizetype i = 0; i < e.attempts.size(); ++i)
            kept.attempts.append(QJsonValue()); // counted, not shown
        kept.recordHash = e.recordHash;
        kept.completionRecord = e.completionRecord;
        kept.completionHash = e.completionHash;
        kept.runId = e.runId;
        kept.runLine = e.runLine;
        run.entries.insert(e.runLine, kept);
    }
    return true;
}

BulkCounts BulkTally::counts(const BulkRecord &r, const BulkSendLog::Lines &log) const
{
    BulkCounts c;
    const auto it = m_runs.constFind(r.id);
    if (it != m_runs.constEnd()) {
        for (auto m = it->byLine.cbegin(); m != it->byLine.cend(); ++m) {
            if (m->open && log.neverSent(m.key()))
                continue; // held ahead and never sent: not sent
            BulkRowResult row;
            row.status = m->status;
            row.entry.httpStatus = m->refused ? 1 : 0;
            c.add(row);
        }
    }
    // Every row no begin record speaks for was not sent (yet), invalid ones included.
    c.notSent += qMax(0, r.totalRows() - c.total());
    return c;
}

QString BulkTally::headerProblem(const BulkRecord &r) const
{
    if (QString altered = r.fileProblem(); !altered.isEmpty())
        return altered;
    const auto it = m_runs.constFind(r.id);
    return it != m_runs.constEnd() && it->altered > 0 ? r.chainProblem(it->altered) : QString();
}

BulkRowResult BulkTally::standing(const BulkRow &row, const BulkSendLog::Lines &log) const
{
    BulkRowResult r;
    r.row = row;
    const auto run = m_runs.constFind(m_detailed);
    if (!row.valid() || run == m_runs.constEnd())
        return r;
    const auto e = run->entries.constFind(row.line);
    if (e == run->entries.constEnd())
        return r;
    const bool open = e->outcome == HistoryEntry::Outcome::Pending || e->outcome == HistoryEntry::Outcome::Unknown;
    if (!(open && log.neverSent(row.line))) {
        r.entry = *e;
        r.status = BulkRecord::classify(run->action, *e);
    }
    return r;
}
