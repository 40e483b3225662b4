#include "HistoryLock.h"

#include "PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>

HistoryLock::HistoryLock(const QString &directory, int timeoutMs)
    : m_directory(directory), m_lock(QDir(directory).filePath(QStringLiteral(".lock")))
{
    m_lock.setStaleLockTime(30000);
    m_locked = m_lock.tryLock(timeoutMs);
}

Status HistoryLock::status() const
{
    if (m_locked)
        return Status::success();
    if (m_lock.error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString app;
        m_lock.getLockInfo(&pid, &host, &app);
        return Status::failure(
            QCoreApplication::translate("HistoryStore",
                                        "The history is in use by another program (%1, process %2) and stayed locked "
                                        "too long.")
                .arg(app.isEmpty() ? QCoreApplication::translate("HistoryStore", "unknown") : app)
                .arg(pid),
            Status::Kind::Locked);
    }
    return PrivateFiles::writeFailure(m_directory,
                                      QCoreApplication::translate("HistoryStore", "the history lock file"));
}
