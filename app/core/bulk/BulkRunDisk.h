#pragma once

#include "base/Status.h"
#include "bulk/BulkRecord.h"
#include "bulk/BulkRunLock.h"
#include "bulk/BulkSendLog.h"

#include <QList>
#include <QMutex>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <utility>

class BulkStore;
class QObject;
struct HistoryEntry;

// The disk work of one bulk run, off the thread that drives it: its lock, its run file and the matching
// of its rows to a long history on one worker, one at a time in the order asked (a newer run file is
// never overwritten by an older one), and its send log on another, so the sync a row waits for before it
// leaves never waits behind a run file. Every answer comes back on `owner`'s thread (and dies with it);
// the destructor waits for the work under way, so what was asked for is written.
class BulkRunDisk
{
public:
    // What a run knows before its first row: its rows as the history tells them, the digest every row is
    // recorded with, the send log as it is, and a problem when the header does not match the history or
    // the run file (state running, this pid) could not be saved.
    struct Prepared {
        QList<BulkRowResult> rows;
        QString digest;
        Status problem;
        BulkSendLog::Lines log;
    };
    using Reread = std::pair<QList<BulkRowResult>, BulkSendLog::Lines>;

    BulkRunDisk(QObject *owner, const BulkStore *store, const QString &runId);
    ~BulkRunDisk();
    BulkRunDisk(const BulkRunDisk &) = delete;
    BulkRunDisk &operator=(const BulkRunDisk &) = delete;

    // The run's lock, and its run file read again under it (BulkRunLock::acquireToSend): whether it was on disk.
    void lock(const BulkRecord &record, std::function<void(const Result<bool> &)> then);
    void unlock();
    // Before the first row: the rows matched to `entries`, the header checked against them, the run file saved.
    void prepare(const BulkRecord &record, const QList<HistoryEntry> &entries,
                 std::function<void(const Prepared &)> then);
    // After a pause: the rows matched to `entries` again, and the send log as another process may have left it.
    void reread(const BulkRecord &record, const QList<HistoryEntry> &entries, std::function<void(const Reread &)> then);
    // The rows matched to `entries`.
    void match(const BulkRecord &record, const QList<HistoryEntry> &entries,
               std::function<void(const QList<BulkRowResult> &)> then);
    // The run file saved, then `andAlso` (best effort: its failure is its own); `then` gets the save's status.
    void save(const BulkRecord &record, const std::function<Status()> &andAlso,
              std::function<void(const Status &)> then);
    // Rows recorded ahead and held (not synced: a lost "held" line reads as "may have been sent").
    void held(const QList<int> &lines, std::function<void(const Status &)> then);
    // Rows about to leave: on disk before `then`. Rows asked for while a sync is under way share the next
    // one (a group commit), so a burst of free slots waits for two syncs at most, not one after another.
    void released(const QList<int> &lines, std::function<void(const Status &)> then);
    // Rows released that did not leave after all, written after their "released" lines (not synced; nothing
    // waits for it: a lost "u" line reads as "may have been sent").
    void unreleased(const QList<int> &lines);
    void waitForDone();

private:
    template <typename Work, typename Then>
    void onFiles(Work work, Then then);
    void onLog(std::function<Status(BulkSendLog &)> work, std::function<void(const Status &)> then);
    void releaseWaiting();

    struct Releases {
        QList<int> lines;
        QList<std::function<void(const Status &)>> then;
    };

    QObject *m_owner;
    const BulkStore *m_store;
    BulkRunLock m_lock;    // taken and released on m_files only
    BulkSendLog m_sendLog; // written on m_log only
    QMutex m_releasesMutex;
    Releases m_releases;           // asked for, not yet taken by a sync; under m_releasesMutex
    bool m_releasesQueued = false; // a sync that will take them is queued; under m_releasesMutex
    QThreadPool m_log;             // the send log's appends, one at a time
    QThreadPool m_files;           // run file writes and history matching, one at a time; last member: waited first
};
