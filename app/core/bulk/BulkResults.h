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
// name ends in ".json". It is rewritten as the run goes, each time whole into a temporary file renamed
// over the old one, so a crash leaves a valid file. Writes run on a worker thread of their own, one at
// a time in order; write() only takes a snapshot.
class BulkResults
{
public:
    explicit BulkResults(QString path);
    ~BulkResults(); // waits for the writes already asked for

    QString path() const { return m_path; }
    bool isJson() const;
    void write(const QString &runId, ActionKind action, const QList<BulkRowResult> &rows);
    // Waits for queued writes; the last write's status.
    Status flush();

    static QByteArray csv(const QList<BulkRowResult> &rows);
    static QByteArray json(const QString &runId, ActionKind action, const QList<BulkRowResult> &rows);
    static QJsonObject rowJson(const BulkRowResult &row);
    // The outcome word files and `bulk show` use: an in-flight row counts as unknown.
    static QString outcomeWord(BulkRowStatus status);

private:
    Status writeNow(const QByteArray &bytes);

    QString m_path;
    QThreadPool m_pool;
    QMutex m_mutex;
    Status m_last;
};
