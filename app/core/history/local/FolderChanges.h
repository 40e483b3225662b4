#pragma once

#include <QString>

#include <functional>

// Tells whether anything in a folder may have changed since it was last asked: a file created,
// removed, renamed, written or touched, by this process or another. Through the kernel's inotify, so a
// process that asks often (the window re-asks its page after every change) learns "nothing changed"
// without listing and stating every file. Any doubt is a change: the first question, a folder that
// cannot be watched (then every question), an overflowed queue, a folder removed or moved away.
// Only files whose name `matters` says so count: the history's lock file, taken by every check and
// append, says nothing about the shards.
class FolderChanges
{
public:
    FolderChanges(QString directory, std::function<bool(const QString &name)> matters);
    ~FolderChanges();
    FolderChanges(const FolderChanges &) = delete;
    FolderChanges &operator=(const FolderChanges &) = delete;

    // True when nothing in the folder changed since the last call; from now on changes are noticed.
    bool quiet();

private:
    void stop();

    QString m_directory;
    std::function<bool(const QString &name)> m_matters;
    int m_fd = -1;
};
