#pragma once

#include "bulk/BulkRecord.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

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
    // A run's summary; withRows adds its details (not its rows, which printShow() streams).
    static QJsonObject runJson(const BulkRecord &record, const BulkCounts &counts, bool withRows);
    // "12 succeeded, 3 already so, 1 failed, 0 unknown, 2 not sent"
    static QString countsLine(const BulkCounts &counts);
    // Headers and their counts, in the same order.
    static void printList(const QList<BulkRecord> &records, const QList<BulkCounts> &counts, bool json);
    // Hands each row of a run, with its standing, to a sink, in input order.
    using RowSource = std::function<void(const std::function<void(const BulkRowResult &)> &)>;
    // The run, then its rows as `rows` gives them, one at a time (never all at once).
    static void printShow(const BulkRecord &record, const BulkCounts &counts, const RowSource &rows, bool json);
    // One line per row that did not end well (stderr), at most `limit`.
    static void printProblems(const QList<BulkRowResult> &rows, int limit);
};
