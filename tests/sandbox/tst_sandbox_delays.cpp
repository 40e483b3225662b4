// The sandbox's latency is what it is told: an answer held for a latency leaves at that deadline, never
// before it and not a poll's millisecond after it, so a benchmark against it measures the client.
#include "sandbox/SandboxDelays.h"

#include <QtTest>

#include <algorithm>

class TestSandboxDelays : public QObject
{
    Q_OBJECT
private slots:
    void neverEarlyAndNotAMillisecondLate();
    void sameDeadlineInOrderAndGoneContextSkipped();
};

void TestSandboxDelays::neverEarlyAndNotAMillisecondLate()
{
    SandboxDelays delays;
    QList<qint64> lateNs;
    constexpr int kRounds = 40;
    // A plain event loop, as a server's: QTRY_ waits in slices of sleep that would hide what is measured.
    QEventLoop loop;
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    // One after another, as answers on a connection: each deadline asked for 7 ms after the last ran.
    std::function<void()> next = [&] {
        const qint64 due = SandboxDelays::nowNs() + 7 * 1000000 + 333 * 1000; // not on a millisecond
        delays.at(due, this, [&, due] {
            lateNs.append(SandboxDelays::nowNs() - due);
            if (lateNs.size() < kRounds)
                next();
            else
                loop.quit();
        });
    };
    next();
    loop.exec();
    QCOMPARE(lateNs.size(), kRounds);
    for (const qint64 late : std::as_const(lateNs))
        QVERIFY2(late >= 0, qPrintable(QString::number(late)));
    std::sort(lateNs.begin(), lateNs.end());
    const qint64 median = lateNs.at(kRounds / 2);
    qInfo("lateness: median %lld us, worst %lld us", median / 1000, lateNs.last() / 1000);
    // A QTimer's wake-up through a millisecond poll is late by half a millisecond in the median.
#ifdef Q_OS_LINUX
    QVERIFY2(median < 250 * 1000, qPrintable(QString::number(median)));
#endif
}

void TestSandboxDelays::sameDeadlineInOrderAndGoneContextSkipped()
{
    SandboxDelays delays;
    QStringList ran;
    auto gone = std::make_unique<QObject>();
    const qint64 due = SandboxDelays::nowNs() + 5 * 1000000;
    delays.at(due, this, [&] { ran.append(QStringLiteral("a")); });
    delays.at(due, gone.get(), [&] { ran.append(QStringLiteral("gone")); });
    delays.at(due, this, [&] { ran.append(QStringLiteral("b")); });
    delays.at(due - 1000000, this, [&] { ran.append(QStringLiteral("first")); });
    gone.reset();
    QTRY_COMPARE_WITH_TIMEOUT(ran.size(), 3, 5000);
    QCOMPARE(ran, (QStringList{QStringLiteral("first"), QStringLiteral("a"), QStringLiteral("b")}));
}

QTEST_GUILESS_MAIN(TestSandboxDelays)
#include "tst_sandbox_delays.moc"
