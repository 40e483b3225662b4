#pragma once

#include "bulk/BulkRecord.h"
#include "bulk/BulkSendLog.h"
#include "history/HistoryEntry.h"

#include <QHash>
#include <QList>
#include <QString>

// What the history says of bulk runs, gathered in one walk of their entries (HistoryService::walkRunEntries,
// newest first) that keeps one small mark per begun row, never the entries or the rows: the per-outcome
// counts of every run `bulk list` shows, and whether a begin record was made under another header. For the one
// run `bulk show` details, the entries of its rows are kept too (only what a row shows of them), so its rows
// can be streamed from the rows file with their standing, as BulkRecord::results() would give them.
class BulkTally
{
public:
    // `runs` are headers (their digests are taken now); `detailed`, if one of them, keeps its entries.
    explicit BulkTally(const QList<BulkRecord> &runs, const QString &detailed = {});

    // A walk's visitor: takes one entry in, newest first; always goes on.
    bool visit(const HistoryEntry &entry);

    // The counts of `run`'s rows, its send log `log` read: they add up to its rows.
    BulkCounts counts(const BulkRecord &run, const BulkSendLog::Lines &log) const;
    // Translated, when the run file's own digest or a begin record of `run` disagrees with its header.
    QString headerProblem(const BulkRecord &run) const;
    // One row of the detailed run with its standing, as BulkRecord::results() gives it.
    BulkRowResult standing(const BulkRow &row, const BulkSendLog::Lines &log) const;

private:
    struct Mark {
        BulkRowStatus status = BulkRowStatus::Unknown;
        bool refused = false;
        bool open = false; // begun, no answer
    };
    struct Run {
        QString digest;
        ActionKind action = ActionKind::Deactivate;
        qint64 altered = 0;      // the oldest begin record made under another header
        QHash<int, Mark> byLine; // the first begin record of each line, withdrawn ones left out
        bool detailed = false;
        QHash<int, HistoryEntry> entries; // the detailed run's, by line
    };
    QHash<QString, Run> m_runs;
    QString m_detailed;
};
