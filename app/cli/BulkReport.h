#pragma once

#include "bulk/BulkRecord.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

// How enrollee-cli shows bulk runs: `bulk list` and `bulk show` as text or JSON, the end-of-run
// summary, and which exit status a run's rows add up to.
class BulkStore;

class BulkReport
{
    Q_DECLARE_TR_FUNCTIONS(BulkReport)
public:
    // 0 every valid row done (success or already so), 3 some refused, 4 some unknown, unreachable or
    // not reached yet.
    static int exitCode(const QList<BulkRowResult> &rows);
    static QJsonObject runJson(const BulkRecord &record, const QList<BulkRowResult> &rows, bool withRows);
    // "12 succeeded, 3 already so, 1 failed, 0 unknown, 2 not sent"
    static QString countsLine(const BulkCounts &counts);
    static void printList(const BulkStore &store, const QList<BulkRecord> &records, const QList<HistoryEntry> &history,
                          bool json);
    static void printShow(const BulkRecord &record, const QList<BulkRowResult> &rows, bool json);
    // One line per row that did not end well (stderr), at most `limit`.
    static void printProblems(const QList<BulkRowResult> &rows, int limit);
};
