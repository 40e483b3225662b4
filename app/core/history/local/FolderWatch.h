#pragma once

#include <QObject>
#include <QString>

class QFileSystemWatcher;
class QTimer;

// Tells when another program changes the history folder, for LocalHistoryBackend::watch(). Until the
// folder exists, the nearest folder above it that does is watched, since another program (enrollee-cli
// on a fresh installation) may be the one that creates it; changes up there are none of the history's
// readers' business, but the folder appearing is. A burst of changes is told once. Made as a child of
// its backend, so it moves to the history service's thread with it.
class FolderWatch : public QObject
{
    Q_OBJECT
public:
    explicit FolderWatch(QString directory, QObject *parent = nullptr);

    // Starts watching; nothing is told before. Once is enough.
    void start();
    // After a write by this process: the folder may not have existed when watching began. Nothing
    // before start().
    void follow() { track(false); }

signals:
    void changed();

private:
    // `notify`: the watched folder said it changed.
    void track(bool notify);
    QString nearest() const;

    QString m_directory;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_changed;
};
