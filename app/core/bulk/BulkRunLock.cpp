#include "BulkRunLock.h"

#include "bulk/BulkRecord.h"
#include "bulk/BulkStore.h"
#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QLockFile>

BulkRunLock::BulkRunLock() = default;

BulkRunLock::~BulkRunLock()
{
    release();
}

Result<bool> BulkRunLock::acquireToSend(const BulkRecord &record, const BulkStore &store)
{
    if (Status s = acquire(store.folder(), record.id); !s.ok())
        return s;
    const bool saved = store.exists(record.id);
    if (Result<BulkRecord> onDisk = store.loadHeader(record.id); onDisk.ok()) {
        const BulkRecord::State state = onDisk.value().state;
        if (state == BulkRecord::State::Finished || state == BulkRecord::State::Cancelled) {
            release();
            return Status::failure(QCoreApplication::translate("BulkRunLock", "Run %1 is %2 already.")
                                       .arg(record.id, BulkRecord::stateName(state)),
                                   Status::Kind::Invalid);
        }
    }
    if (Status s = store.checkResultsPath(record.resultsPath, record.inputPath); !s.ok()) {
        release();
        return s;
    }
    return saved;
}

Status BulkRunLock::acquireFamily(const QString &folder, const QString &root)
{
    Status locked = acquire(folder, root + QStringLiteral(".retry"));
    if (locked.kind() != Status::Kind::Locked)
        return locked;
    return Status::failure(QCoreApplication::translate("BulkRunLock",
                                                       "Another retry of run %1 is being planned or "
                                                       "sent; retry once it has ended. Nothing was sent.")
                               .arg(root),
                           Status::Kind::Locked);
}

bool BulkRunLock::held() const
{
    return m_lock && m_lock->isLocked();
}

Status BulkRunLock::acquire(const QString &folder, const QString &id)
{
    if (held())
        return Status::success();
    if (Status made = PrivateFiles::ensureFolder(folder); !made.ok())
        return made;
    auto lock = std::make_unique<QLockFile>(QDir(folder).filePath(id + QStringLiteral(".lock")));
    // Only a dead holder makes a lock stale: a run may rightly hold it for hours.
    lock->setStaleLockTime(0);
    if (lock->tryLock(0)) {
        m_lock = std::move(lock);
        return Status::success();
    }
    if (lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString app;
        lock->getLockInfo(&pid, &host, &app);
        return Status::failure(
            QCoreApplication::translate("BulkRunLock", "Run %1 is being sent by another process (pid %2).")
                .arg(id)
                .arg(pid),
            Status::Kind::Locked);
    }
    // Why (a full disk, a read-only one) is told by a real attempt.
    return PrivateFiles::writeFailure(folder, QCoreApplication::translate("BulkRunLock", "the lock of run %1").arg(id));
}

void BulkRunLock::release()
{
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
}
