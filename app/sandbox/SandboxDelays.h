#pragma once

#include <QObject>
#include <QPointer>

#include <functional>
#include <map>

class QSocketNotifier;

// Runs work at a deadline on the monotonic clock, to the microsecond: how the sandbox holds an answer for
// its latency. A QTimer wakes through the event loop's poll, whose timeout is in whole milliseconds and
// rounded up, so an answer held 40 ms left 40.3 to 0.8 ms after the request: a server told to answer in
// 40 ms answered later than told. On Linux a timerfd wakes the loop at the deadline itself; elsewhere a
// precise QTimer does what it can.
class SandboxDelays : public QObject
{
    Q_OBJECT
public:
    explicit SandboxDelays(QObject *parent = nullptr);
    ~SandboxDelays() override;

    // Runs `work` on this object's thread once the monotonic clock (QElapsedTimer's) reaches `deadlineNs`,
    // never before, unless `context` is gone by then.
    void at(qint64 deadlineNs, QObject *context, std::function<void()> work);
    static qint64 nowNs();

private:
    struct Pending {
        QPointer<QObject> context;
        std::function<void()> work;
    };
    void arm();
    void onWoken();

    std::multimap<qint64, Pending> m_pending; // by deadline; equal deadlines in the order asked
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
};
