#include "SandboxDelays.h"

#include <QElapsedTimer>
#include <QSocketNotifier>
#include <QTimer>

#include <ctime>

#ifdef Q_OS_LINUX
#include <sys/timerfd.h>
#include <unistd.h>
#endif

SandboxDelays::SandboxDelays(QObject *parent) : QObject(parent)
{
#ifdef Q_OS_LINUX
    m_fd = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (m_fd >= 0) {
        m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &SandboxDelays::onWoken);
    }
#endif
}

SandboxDelays::~SandboxDelays()
{
#ifdef Q_OS_LINUX
    delete m_notifier;
    if (m_fd >= 0)
        ::close(m_fd);
#endif
}

qint64 SandboxDelays::nowNs()
{
#ifdef Q_OS_LINUX
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
#else
    QElapsedTimer clock;
    clock.start();
    return clock.nsecsElapsed() + clock.msecsSinceReference() * 1000000;
#endif
}

void SandboxDelays::at(qint64 deadlineNs, QObject *context, std::function<void()> work)
{
    if (m_fd < 0) {
        // Rounded up: late by under a millisecond rather than early.
        const qint64 leftNs = qMax<qint64>(0, deadlineNs - nowNs());
        QTimer::singleShot(int((leftNs + 999999) / 1000000), Qt::PreciseTimer, context, std::move(work));
        return;
    }
    const bool first = m_pending.empty() || deadlineNs < m_pending.begin()->first;
    m_pending.emplace(deadlineNs, Pending{context, std::move(work)});
    if (first)
        arm();
}

void SandboxDelays::arm()
{
#ifdef Q_OS_LINUX
    itimerspec when{};
    if (!m_pending.empty()) {
        // 0 would disarm: a deadline already passed is asked for as the earliest possible instant.
        const qint64 at = qMax<qint64>(1, m_pending.begin()->first);
        when.it_value.tv_sec = time_t(at / 1000000000);
        when.it_value.tv_nsec = long(at % 1000000000);
    }
    ::timerfd_settime(m_fd, TFD_TIMER_ABSTIME, &when, nullptr);
#endif
}

void SandboxDelays::onWoken()
{
#ifdef Q_OS_LINUX
    quint64 expirations = 0;
    (void)::read(m_fd, &expirations, sizeof expirations);
#endif
    // What is due runs after it is taken out: work may ask for more.
    QList<Pending> due;
    const qint64 now = nowNs();
    while (!m_pending.empty() && m_pending.begin()->first <= now) {
        due.append(std::move(m_pending.begin()->second));
        m_pending.erase(m_pending.begin());
    }
    arm();
    for (const Pending &p : std::as_const(due)) {
        if (p.context)
            p.work();
    }
}
