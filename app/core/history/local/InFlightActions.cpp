#include "InFlightActions.h"

#include <QCoreApplication>

#include <cerrno>
#include <csignal>

namespace {
constexpr qint64 kPendingGraceSecs = 2 * 3600;

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}
} // namespace

void InFlightActions::settle(HistoryEntry &e, const QDateTime &current) const
{
    if (e.outcome != HistoryEntry::Outcome::Pending)
        return;
    const qint64 self = QCoreApplication::applicationPid();
    const bool alive = e.pid == self ? m_ids.contains(e.id) : processAlive(e.pid);
    if (!alive || e.time.secsTo(current) > kPendingGraceSecs)
        e.outcome = HistoryEntry::Outcome::Unknown;
}
