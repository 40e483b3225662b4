#pragma once

// What the window benches print and time, in one place so their figures read and mean the same:
// resident memory from /proc, a timed line, the wait for a signal, and one user's timeline in the lookup.

#include "history/UserTimelineModel.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QString>

#include <cstdio>

namespace BenchWindow {

// A field of /proc/self/status in kB (VmRSS:, VmHWM:), or -1.
inline long statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLong();
    }
    return -1;
}

inline void memory(const char *when)
{
    std::printf("  memory %-36s resident %7.1f MB, peak %7.1f MB\n", when, statusKb("VmRSS:") / 1024.0,
                statusKb("VmHWM:") / 1024.0);
    std::fflush(stdout);
}

inline void line(const char *what, double ms, const QString &more = QString())
{
    std::printf("  %-44s %9.1f ms  %s\n", what, ms, qPrintable(more));
    std::fflush(stdout);
}

// Milliseconds since `timer` started when `spy` fires (or -1 after ten minutes).
inline double waitMs(QSignalSpy &spy, const QElapsedTimer &timer)
{
    if (spy.isEmpty() && !spy.wait(600000))
        return -1;
    return double(timer.nsecsElapsed()) / 1e6;
}

// Milliseconds until the lookup shows `user`'s timeline (sandbox, `partnerId`), from another user's.
inline double timeline(UserTimelineModel &model, const QString &user, const QString &partnerId)
{
    model.setUser(QString(), Environment::Sandbox, QString());
    QSignalSpy changed(&model, &UserTimelineModel::changed);
    QElapsedTimer timer;
    timer.start();
    model.setUser(user, Environment::Sandbox, partnerId);
    while (!model.isCurrent() && changed.wait(60000)) {
    }
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace BenchWindow
