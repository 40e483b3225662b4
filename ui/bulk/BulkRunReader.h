#pragma once

#include "base/Status.h"
#include "bulk/BulkRecord.h"

#include <QObject>

#include <functional>

class BulkRunFiles;
class HistoryService;

// A stored run as it stands: its file read and its rows matched to the history, both off the GUI thread
// (a run file holds up to 10,000 rows, the history perhaps a million entries), for the Bulk tab to show a
// run chosen in its list, or to count the rows a resume would still send.
class BulkRunReader : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Result<BulkRecord> &record, const QList<BulkRowResult> &rows)>;

    BulkRunReader(BulkRunFiles *files, HistoryService *history, QObject *parent = nullptr);

    // Reads run `id`'s file, then its rows; `done` on this thread (rows empty when the file failed).
    void read(const QString &id, const Done &done);
    // `record`'s rows from the history; unread (every row waiting) when the history cannot be read.
    void rowsOf(const BulkRecord &record, const Done &done);

private:
    BulkRunFiles *m_files;
    HistoryService *m_history;
};
