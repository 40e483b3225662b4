#pragma once

#include "base/Status.h"
#include "bulk/BulkRecord.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>
#include <QThreadPool>

// A bulk run's results file: one row per input row (line, user ID, outcome, HTTP status, code, message,
// time, attempts, and the history record numbers and hashes that prove it), CSV, or JSON when the
// name ends in ".json". write() replaces it whole, in input order, through a temporary file renamed
// over the old one (when a run starts, pauses or ends); as the run goes, append() adds the rows that
// ended to a CSV file, each line whole and synced, so a crash leaves a valid file whose last line for a
// row is its standing. Writes run on a worker thread of their own, one at a time in order; write() and
// append() only take a snapshot.
class BulkResults
{
public:
    explicit BulkResults(QString path);
    ~BulkResults(); // waits for the writes already asked for

    QString path() const { return m_path; }
    bool isJson() const;
    void write(const QString &runId, ActionKind action, const QList<BulkRowResult> &rows);
    // CSV only (a JSON file cannot grow and stay valid: it waits for the next write()).
    void append(const QList<BulkRowResult> &rows);
    // Waits for queued writes; the last write's status.
    Status flush();

    static QByteArray csv(const QList<BulkRowResult> &rows);
    static QByteArray csvHeader();
    static QByteArray csvLines(const QList<BulkRowResult> &rows);
    static QByteArray json(const QString &runId, ActionKind action, const QList<BulkRowResult> &rows);
    static QJsonObject rowJson(const BulkRowResult &row);
    // The outcome word files and `bulk show` use: an in-flight row counts as unknown.
    static QString outcomeWord(BulkRowStatus status);

private:
    Status writeNow(const QByteArray &bytes);
    Status appendNow(const QByteArray &lines);

    QString m_path;
    QThreadPool m_pool;
    QMutex m_mutex;
    Status m_last;
};
