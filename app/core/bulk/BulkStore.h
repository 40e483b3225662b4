#pragma once

#include "base/Status.h"
#include "bulk/BulkRecord.h"

#include <QList>
#include <QString>

class Clock;

// Bulk run headers on disk: one private JSON file per run (0600 in a 0700 folder) in the data folder
// beside the history, replaced atomically, so a crash leaves the old header or the new one, never half.
class BulkStore
{
public:
    explicit BulkStore(QString folder);

    QString folder() const { return m_folder; }
    // A new id: the time to the second plus random hex ("20261202-053012-9f3a"), unique in the folder.
    QString newId(const Clock &clock) const;
    Status save(const BulkRecord &record) const;
    Result<BulkRecord> load(const QString &id) const;
    // Every readable run, newest first.
    QList<BulkRecord> list() const;
    // The run's send log (BulkSendLog), beside its run file.
    QString sendLogPath(const QString &id) const;
    // The standing of each of `record`'s rows in `history`, its send log read.
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
