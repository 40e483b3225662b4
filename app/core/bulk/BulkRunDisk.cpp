#include "BulkRunDisk.h"

#include "bulk/BulkStore.h"

#include <QMetaObject>
#include <QObject>

BulkRunDisk::BulkRunDisk(QObject *owner, const BulkStore *store, const QString &runId)
    : m_owner(owner), m_store(store), m_sendLog(store->sendLogPath(runId))
{
    m_files.setMaxThreadCount(1); // one at a time, in the order asked: a newer run file is never overwritten
    m_log.setMaxThreadCount(1);
}

BulkRunDisk::~BulkRunDisk()
{
    waitForDone();
}

void BulkRunDisk::waitForDone()
{
    m_log.waitForDone();
    m_files.waitForDone();
}

template <typename Work, typename Then>
void BulkRunDisk::onFiles(Work work, Then then)
{
    QObject *owner = m_owner;
    m_files.start([owner, work, then] {
        auto done = work();
        QMetaObject::invokeMethod(
            owner, [then, done] { then(done); }, Qt::QueuedConnection);
    });
}

void BulkRunDisk::onLog(std::function<Status(BulkSendLog &)> work, std::function<void(const Status &)> then)
{
    QObject *owner = m_owner;
    BulkSendLog *log = &m_sendLog;
    m_log.start([owner, log, work = std::move(work), then = std::move(then)] {
        const Status done = work(*log);
        QMetaObject::invokeMethod(
            owner, [then, done] { then(done); }, Qt::QueuedConnection);
    });
}

void BulkRunDisk::lock(const BulkRecord &record, std::function<void(const Result<bool> &)> then)
{
    const BulkStore *store = m_store;
    BulkRunLock *lock = &m_lock;
    onFiles([record, store, lock] { return lock->acquireToSend(record, *store); }, std::move(then));
}

void BulkRunDisk::unlock()
{
    BulkRunLock *lock = &m_lock;
    m_files.start([lock] { lock->release(); });
}

void BulkRunDisk::prepare(const BulkRecord &record, const QList<HistoryEntry> &entries,
                          std::function<void(const Prepared &)> then)
{
    const BulkStore *store = m_store;
    const QString logPath = m_sendLog.path();
    onFiles(
        [record, entries, store, logPath] {
        // The rows hashed once for the digest and the check, not for each.
        const BulkRecord header = record.header();
        Prepared p{record.results(entries), header.digest(), Status::success(), BulkSendLog::read(logPath)};
        if (const QString altered = header.headerProblem(entries); !altered.isEmpty())
            p.problem = Status::failure(altered, Status::Kind::Storage);
        else
            p.problem = store->save(record);
        return p;
        },
        std::move(then));
}

void BulkRunDisk::reread(const BulkRecord &record, const QList<HistoryEntry> &entries,
                         std::function<void(const Reread &)> then)
{
    const QString logPath = m_sendLog.path();
    onFiles(
        [record, entries, logPath] {
        return Reread{record.results(entries), BulkSendLog::read(logPath)};
        },
        std::move(then));
}

void BulkRunDisk::match(const BulkRecord &record, const QList<HistoryEntry> &entries,
                        std::function<void(const QList<BulkRowResult> &)> then)
{
    onFiles([record, entries] { return record.results(entries); }, std::move(then));
}

void BulkRunDisk::save(const BulkRecord &record, const std::function<Status()> &andAlso,
                       std::function<void(const Status &)> then)
{
    const BulkStore *store = m_store;
    onFiles(
        [record, store, andAlso] {
        Status s = store->save(record);
        if (andAlso)
            (void)andAlso(); // the results file is best effort: its failure is its own, not the run's
        return s;
        },
        std::move(then));
}

void BulkRunDisk::held(const QList<int> &lines, std::function<void(const Status &)> then)
{
    onLog([lines](BulkSendLog &log) { return log.held(lines); }, std::move(then));
}

void BulkRunDisk::released(const QList<int> &lines, std::function<void(const Status &)> then)
{
    {
        QMutexLocker locked(&m_releasesMutex);
        m_releases.lines += lines;
        m_releases.then.append(std::move(then));
        if (std::exchange(m_releasesQueued, true))
            return; // the queued sync takes these too
    }
    m_log.start([this] { releaseWaiting(); });
}

void BulkRunDisk::releaseWaiting()
{
    Releases now;
    {
        QMutexLocker locked(&m_releasesMutex);
        now = std::exchange(m_releases, {});
        m_releasesQueued = false;
    }
    const Status done = m_sendLog.released(now.lines);
    QObject *owner = m_owner;
    for (auto &then : now.then) {
        QMetaObject::invokeMethod(
            owner, [then = std::move(then), done] { then(done); }, Qt::QueuedConnection);
    }
}

void BulkRunDisk::unreleased(const QList<int> &lines)
{
    BulkSendLog *log = &m_sendLog;
    m_log.start([log, lines] { (void)log->unreleased(lines); });
}
