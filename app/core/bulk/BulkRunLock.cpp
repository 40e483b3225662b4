#include "BulkRunLock.h"

#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QLockFile>

BulkRunLock::BulkRunLock() = default;

BulkRunLock::~BulkRunLock()
{
    release();
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
