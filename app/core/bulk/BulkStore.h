#pragma once

#include "base/Status.h"
#include "bulk/BulkRecord.h"

#include <QList>
#include <QString>

#include <functional>

class Clock;

// Bulk run headers on disk: one private JSON file per run (0600 in a 0700 folder) in the data folder
// beside the history, replaced atomically, so a crash leaves the old header or the new one, never half.
// A run's rows (format 3) are in its rows file (BulkRowsFile), written and synced once before its first
// header: a run whose header is on disk has its rows whole, and one killed before has no header at all.
class BulkStore
{
public:
    explicit BulkStore(QString folder);

    QString folder() const { return m_folder; }
    // A new id: the time to the second plus random hex ("20261202-053012-9f3a"), unique in the folder.
    QString newId(const Clock &clock) const;
    // The header; for a new run (format 3) the rows file first, then the header, and neither when either
    // cannot be written.
    Status save(const BulkRecord &record) const;
    // Whether anything is at the run file's place (a file, or a link even to nothing): the run was saved.
    bool exists(const QString &id) const;
    // The header and its rows, the rows file checked against the header's count and SHA-256.
    Result<BulkRecord> load(const QString &id) const;
    // The header alone (BulkRecord::headerOnly): counts, options and state, not the rows (a run file of an
    // earlier format holds them, and is read whole).
    Result<BulkRecord> loadHeader(const QString &id) const;
    // `header` with its rows, read from its rows file when it is a header read alone.
    Result<BulkRecord> withRows(const BulkRecord &header) const;
    // Hands each of `record`'s rows to `visit` in input order, from its rows file one at a time when it is
    // a header read alone (the file checked against the header as it is read: a damaged one fails).
    Status eachRow(const BulkRecord &record, const std::function<void(const BulkRow &)> &visit) const;
    // Every readable run's header, newest first, without rows.
    QList<BulkRecord> list() const;
    // The run's rows file (format 3), beside its run file.
    QString rowsPath(const QString &id) const;
    // The run's send log (BulkSendLog), beside its run file.
    QString sendLogPath(const QString &id) const;
    // The standing of each of `record`'s rows in `history`, its send log read (`record` with its rows).
    QList<BulkRowResult> rowsOf(const BulkRecord &record, const QList<HistoryEntry> &history) const;
    // Where a run's results go when --results is not given.
    QString defaultResultsPath(const QString &id) const;
    // Kind::Invalid when `results` may not be written over: it is the input `input` (the same file by any
    // name), a folder, in a folder that does not exist, or a run file of this store.
    Status checkResultsPath(const QString &results, const QString &input) const;

private:
    QString pathOf(const QString &id) const;

    QString m_folder;
};
