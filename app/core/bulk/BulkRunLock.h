#pragma once

#include "base/Status.h"

#include <QString>

#include <memory>

class BulkStore;
class QLockFile;
struct BulkRecord;

// The one process that sends a run: a lock file beside the run file, taken before the run reads the
// history and held until the run ends or its object is destroyed, so two processes that resume one
// run at the same instant cannot both see its rows as never begun. A lock left by a process that died
// (kill -9, a crash) is stale by its PID and taken over; a live holder is never timed out, however
// long its run. Blocking file work: take it on a worker thread.
class BulkRunLock
{
public:
    BulkRunLock();
    ~BulkRunLock();
    BulkRunLock(const BulkRunLock &) = delete;
    BulkRunLock &operator=(const BulkRunLock &) = delete;

    // Ok when this object holds the lock of run `id` in `folder` (again: idempotent); Kind::Locked,
    // naming the holder's pid, when another process (or another run object) holds it.
    Status acquire(const QString &folder, const QString &id);
    // The lock of `record`'s run, then, under it, its run file read again: a run another process ended
    // meanwhile is refused (Kind::Invalid) and not sent again; and its results path checked. Checking the
    // run and marking it running is so one step across processes. The lock is let go on a refusal.
    // Its value says whether the run file was on disk: a run never saved has begun no row anywhere, as
    // rows are begun only once the run file (state running) is on disk.
    Result<bool> acquireToSend(const BulkRecord &record, const BulkStore &store);
    // The lock of the family of retries of run `root` (BulkPlan::rootOf) in `folder`, held from planning a
    // retry to its end: two retries planned at the same instant would each read the other's rows as still
    // failed, and send them both. Kind::Locked, saying another retry is under way, when it is held.
    Status acquireFamily(const QString &folder, const QString &root);
    void release();
    bool held() const;

private:
    std::unique_ptr<QLockFile> m_lock;
};
