#include "FolderChanges.h"

#include <QFile>

#include <cerrno>
#include <sys/inotify.h>
#include <unistd.h>

namespace {
constexpr uint32_t kEvents = IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM
    | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;
} // namespace

FolderChanges::FolderChanges(QString directory, std::function<bool(const QString &name)> matters)
    : m_directory(std::move(directory)), m_matters(std::move(matters))
{
}

FolderChanges::~FolderChanges()
{
    stop();
}

void FolderChanges::stop()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

bool FolderChanges::quiet()
{
    if (m_fd < 0) {
        // Not watched yet (or no longer): watching starts now, and what came before is unknown.
        m_fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        if (m_fd >= 0 && ::inotify_add_watch(m_fd, QFile::encodeName(m_directory).constData(), kEvents) < 0)
            stop();
        return false;
    }
    bool changed = false;
    alignas(inotify_event) char buffer[16 * 1024];
    for (;;) {
        const ssize_t got = ::read(m_fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            // Drained; anything else than "nothing more to read" leaves the watch in doubt.
            if (got == 0 || errno != EAGAIN) {
                stop();
                return false;
            }
            break;
        }
        for (ssize_t at = 0; at < got;) {
            const auto *event = reinterpret_cast<const inotify_event *>(buffer + at);
            // The folder itself went away or moved: its watch is gone, and a new one must be made.
            if (event->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_Q_OVERFLOW))
                stop();
            // An event on the folder itself names no file, and counts.
            if (event->len == 0 || m_matters(QFile::decodeName(event->name)))
                changed = true;
            at += ssize_t(sizeof(inotify_event) + event->len);
        }
        if (m_fd < 0)
            return false;
    }
    return !changed;
}
