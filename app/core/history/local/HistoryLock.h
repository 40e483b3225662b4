#pragma once

#include "base/Status.h"

#include <QLockFile>
#include <QString>

// The history lock file, held for the whole of one write or check, so several programs (the console,
// enrollee-cli) append one at a time and a check never sees half a write. A failure says which failure
// it was: another program holding it too long is not a full or read-only disk.
class HistoryLock
{
public:
    HistoryLock(const QString &directory, int timeoutMs);
    Status status() const;

private:
    QString m_directory;
    QLockFile m_lock;
    bool m_locked = false;
};
