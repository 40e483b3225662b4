#include "HistoryLock.h"

#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QRandomGenerator>
#include <QThread>

HistoryLock::HistoryLock(const QString &directory, int timeoutMs)
    : m_directory(directory), m_lock(QDir(directory).filePath(QStringLiteral(".lock")))
{
    m_lock.setStaleLockTime(30000);
    // QLockFile::tryLock(timeout) doubles its sleep between tries up to seconds, so under eight busy
    // writers a waiter tries a handful of times and times out while the others take turns. Short
    // jittered polls keep the waiting fair: a writer waits about as long as the writers ahead of it.
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        m_locked = m_lock.tryLock(0);
        if (m_locked || m_lock.error() != QLockFile::LockFailedError || deadline.hasExpired())
            break;
        QThread::msleep(QRandomGenerator::global()->bounded(2, 12));
    }
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
