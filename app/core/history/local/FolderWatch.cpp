#include "FolderWatch.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QStringList>
#include <QTimer>

FolderWatch::FolderWatch(QString directory, QObject *parent)
    : QObject(parent), m_directory(std::move(directory)), m_changed(new QTimer(this))
{
    // A burst of writes by another program costs one read here.
    m_changed->setSingleShot(true);
    m_changed->setInterval(150);
    connect(m_changed, &QTimer::timeout, this, &FolderWatch::changed);
}

void FolderWatch::start()
{
    if (m_watcher)
        return;
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { track(true); });
    track(false);
}

QString FolderWatch::nearest() const
{
    QString target = m_directory;
    while (!QFileInfo(target).isDir()) {
        const QString up = QFileInfo(target).absolutePath();
        if (up == target)
            break;
        target = up;
    }
    return target;
}

void FolderWatch::track(bool notify)
{
    if (!m_watcher)
        return;
    // The writer may create the next level between looking and watching, so look again until nothing moved.
    const QStringList before = m_watcher->directories();
    QString target = nearest();
    while (m_watcher->directories() != QStringList{target}) {
        if (!m_watcher->directories().isEmpty())
            m_watcher->removePaths(m_watcher->directories());
        m_watcher->addPath(target);
        target = nearest();
    }
    // Changes above the history folder are none of its readers' business; the folder itself appearing
    // is (what was written into it before it was watched would otherwise go unseen).
    const bool appeared = target == m_directory && before != QStringList{m_directory};
    if ((notify && target == m_directory) || (appeared && !before.isEmpty()))
        m_changed->start();
}
