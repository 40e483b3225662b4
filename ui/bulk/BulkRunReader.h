#pragma once

#include "BulkRowModel.h"
#include "base/Status.h"
#include "bulk/BulkRecord.h"
#include "bulk/BulkSendLog.h"
#include "bulk/BulkTally.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class BulkRunFiles;
class BulkRunLock;
class HistoryService;

// A stored run as it stands: its file read and its rows matched to the history, both off the GUI thread
// (a run holds up to a million rows, the history perhaps a million entries), for the Bulk tab to show a
// run chosen in its list (open: its header, its counts, and its rows fetched a chunk at a time), or to
// have every row for a resume or a retry (read, rowsOf).
class BulkRunReader : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const Result<BulkRecord> &record, const QList<BulkRowResult> &rows)>;

    BulkRunReader(BulkRunFiles *files, HistoryService *history, QObject *parent = nullptr);

    // What a retry of run `id` starts from, as `enrollee-cli bulk retry` plans it: the run with its rows,
    // each standing as the run and its retries left it (the newest word wins) and as actions since left
    // its user (BulkPlan::standing over BulkHistory). Fails with the reason when a retry must not be
    // planned now (another retry of its family is planned or sent, a run of its family is being sent, its
    // header was altered, the history is unreadable). The family's lock (BulkRunLock::acquireFamily) is taken
    // before anything is read and handed to `done` with the plan: hold it until the retry has ended or was
    // not started, as `enrollee-cli bulk retry` holds it for its life.
    using Planned = std::function<void(const Result<BulkRecord> &record, const QList<BulkRowResult> &rows,
                                       const std::shared_ptr<BulkRunLock> &familyLock)>;
    void planRetry(const QString &id, const Planned &done);
    // `record`'s rows from the history; unread (every row waiting) when the history cannot be read.
    void rowsOf(const BulkRecord &record, const Done &done);

    // A stored run to show: its header and counts, and what its rows' standing is read from.
    struct Opened {
        BulkRecord record; // the header alone (a run of an earlier format holds its rows)
        BulkCounts counts;
        std::shared_ptr<const BulkTally> tally;
        BulkSendLog::Lines log;
    };
    // Reads run `id`'s header and walks the history once for its rows' standing (one entry at a time), all
    // off this thread; `done` on this thread.
    void open(const QString &id, const std::function<void(const Result<Opened> &)> &done);
    // Fetches `opened`'s rows a chunk at a time from its rows file, off this thread (BulkRowModel::setStored).
    BulkRowModel::Fetch fetcher(const Opened &opened) const;

private:
    QPointer<BulkRunFiles> m_files;
    HistoryService *m_history;
};
