// How responsive the console's GUI thread stays while a bulk run of 10,000 rows is live in the window:
// the real window over the real context on the embedded sandbox, the Bulk tab showing the run (progress,
// counts, the live row table) and the History tab's model fed with every row, rate unlimited, while a
// 1 ms precise timer on the GUI thread records the gaps between its ticks. Figures only: it exits 0
// whenever it could run, whatever they say. Goal: longest stall <= 50 ms.
//   bench_bulk_gui [--rows N]   (10,000; needs a Secret Service, see packaging/setup.sh)

#include "bulk/BulkPanel.h"
#include "bulk/BulkRun.h"
#include "history/HistoryPanel.h"
#include "support/ConsoleTest.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <vector>

namespace {
constexpr double kGoalLongestMs = 50;

class BulkSession : public GuiTest::ConsoleTest
{
public:
    bool run(int rows, QTextStream &out)
    {
        if (!startConsole("bench_bulk_gui")) {
            out << "the window did not start (is a Secret Service running?)\n";
            return false;
        }
        auto *history = GuiTest::find<HistoryPanel>(window(), "historyPanel");
        if (!history || !QTest::qWaitFor([history] { return !history->isLoading(); }, 20000))
            return false;
        QStringList users;
        for (int i = 0; i < rows; ++i) {
            users.append(QStringLiteral("bench-%1").arg(i, 5, 10, QLatin1Char('0')));
            sandbox()->registry().add(users.last());
        }
        auto *panel = GuiTest::find<BulkPanel>(window(), "bulkPanel");
        GuiTest::find<QTabWidget>(window(), "mainTabs")->setCurrentWidget(panel);
        GuiTest::find<QPlainTextEdit>(window(), "bulkInputEdit")->setPlainText(users.join(QLatin1Char('\n')));
        GuiTest::find<QSpinBox>(window(), "bulkRateSpin")->setValue(0);
        m_console->prompts.setNextAnswer(true);

        QElapsedTimer clock;
        std::vector<double> gaps;
        gaps.reserve(1 << 20);
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        tick.setInterval(1);
        qint64 last = 0;
        QObject::connect(&tick, &QTimer::timeout, [&] {
            const qint64 now = clock.nsecsElapsed();
            gaps.push_back(double(now - last) / 1e6);
            last = now;
        });
        QTest::mouseClick(window()->findChild<QPushButton *>(QStringLiteral("bulkStartButton")), Qt::LeftButton);
        if (!QTest::qWaitFor([panel] { return panel->run() != nullptr; }, 10000))
            return false;
        // A real event loop, not QTest::qWaitFor: that one sleeps 10 ms between its turns, which would be
        // the bench's own stall (and its own throughput cap), not the console's.
        QEventLoop loop;
        bool done = false;
        BulkRun *run = panel->run();
        QObject::connect(run, &BulkRun::finished, &loop, [&] {
            done = true;
            loop.quit();
        });
        QObject::connect(run, &BulkRun::paused, &loop, &QEventLoop::quit);
        QObject::connect(run, &BulkRun::failed, &loop, &QEventLoop::quit);
        QTimer::singleShot(30 * 60 * 1000, &loop, &QEventLoop::quit);
        clock.start();
        last = clock.nsecsElapsed();
        tick.start();
        if (run->isActive() || run->record().state == BulkRecord::State::Running)
            loop.exec();
        tick.stop();
        const double secs = double(clock.nsecsElapsed()) / 1e9;
        const BulkCounts c = panel->run()->counts();
        std::sort(gaps.begin(), gaps.end());
        const auto at = [&gaps](double p) { return gaps.empty() ? 0 : gaps[size_t(p * double(gaps.size() - 1))]; };
        out << "rows: " << rows << " (succeeded " << c.succeeded << ", failed " << c.failed << ", unknown " << c.unknown
            << ")" << (done ? "" : "  [did not finish]") << "\n"
            << "run: " << QString::number(secs, 'f', 1) << " s, " << QString::number(rows / secs, 'f', 0) << " rows/s\n"
            << "GUI-thread gaps: median " << QString::number(at(0.5), 'f', 2) << " ms, p99 "
            << QString::number(at(0.99), 'f', 2) << " ms, longest " << QString::number(at(1.0), 'f', 1) << " ms ("
            << std::count_if(gaps.cbegin(), gaps.cend(), [](double g) { return g > 16; }) << " over 16 ms, "
            << std::count_if(gaps.cbegin(), gaps.cend(), [](double g) { return g > kGoalLongestMs; })
            << " over 50 ms)\n"
            << "goal: longest <= " << kGoalLongestMs << " ms: " << (at(1.0) <= kGoalLongestMs ? "met" : "NOT met")
            << "\n";
        return done;
    }
};
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption rows(QStringLiteral("rows"), QStringLiteral("Rows in the run."), QStringLiteral("N"),
                                  QStringLiteral("10000"));
    parser.addOption(rows);
    parser.addHelpOption();
    parser.process(app);
    QTextStream out(stdout);
    BulkSession session;
    const bool ran = session.run(qMax(1, parser.value(rows).toInt()), out);
    out.flush();
    return ran ? 0 : 1;
}
