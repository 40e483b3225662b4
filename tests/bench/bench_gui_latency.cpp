// How responsive the console's GUI thread stays while an officer works: the real window over the real
// context, on the embedded local sandbox with the history panel live, runs N actions one after another
// (paste a demo user ID and a case reference, click Deactivate or Reactivate, wait for the answer) while
// a 1 ms precise timer on the GUI thread records the gap between its ticks. A gap far beyond 1 ms is
// a stall the officer would feel. Figures only: timings on a shared machine are not pass/fail material,
// so it exits 0 whenever it could run, whatever the figures say.
//   bench_gui_latency [--actions N] [--idle-ms MS]   (500 actions after a 2 s idle baseline; needs a
//   Secret Service, see packaging/setup.sh)

#include "history/HistoryPanel.h"
#include "support/ConsoleTest.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <functional>
#include <utility>
#include <vector>

namespace {

constexpr int kTickMs = 1;
constexpr double kGoalLongestMs = 50;
constexpr double kGoalMedianMs = 5;
constexpr int kActionTimeoutMs = 15000;

// The bench's own steps, timed from inside, so the worst stall can be pinned on what caused it; a gap
// with no step in it was other work (the answer arriving, its outcome recorded, views refreshed).
enum class Step { Filling, Clicking, Count };

// Records the gaps between ticks of a precise timer. The tick does nothing else, so the gaps measure
// only how long the event loop was busy with other work.
class TickRecorder
{
public:
    TickRecorder()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(kTickMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }
    void start()
    {
        m_gapsMs.clear();
        m_gapsMs.reserve(1 << 20);
        m_clock.start();
        m_last = m_clock.nsecsElapsed();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    const std::vector<double> &gaps() const { return m_gapsMs; }

    // Runs one bench step and keeps its longest duration.
    void step(Step kind, const std::function<void()> &work)
    {
        const qint64 start = m_clock.nsecsElapsed();
        work();
        m_worstStep[int(kind)] = std::max(m_worstStep[int(kind)], double(m_clock.nsecsElapsed() - start) / 1e6);
        m_stepSinceTick = true;
    }
    double worstStep(Step kind) const { return m_worstStep[int(kind)]; }
    double worstGapWithoutStep() const { return m_worstOther; }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        const double gap = double(now - m_last) / 1e6;
        m_last = now;
        m_gapsMs.push_back(gap);
        if (!m_stepSinceTick)
            m_worstOther = std::max(m_worstOther, gap);
        m_stepSinceTick = false;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_gapsMs;
    bool m_stepSinceTick = false;
    double m_worstStep[int(Step::Count)] = {};
    double m_worstOther = 0;
};

struct GapSummary {
    double longest = 0;
    double median = 0;
    double p99 = 0;
    qsizetype over16 = 0;
    qsizetype over50 = 0;
};

double percentile(std::vector<double> sorted, double p)
{
    if (sorted.empty())
        return 0;
    std::sort(sorted.begin(), sorted.end());
    const auto index = size_t(std::ceil(p * double(sorted.size()))) - 1;
    return sorted[std::min(index, sorted.size() - 1)];
}

GapSummary summarise(const std::vector<double> &gaps)
{
    GapSummary g;
    g.longest = gaps.empty() ? 0 : *std::max_element(gaps.cbegin(), gaps.cend());
    g.median = percentile(gaps, 0.5);
    g.p99 = percentile(gaps, 0.99);
    g.over16 = std::count_if(gaps.cbegin(), gaps.cend(), [](double gap) { return gap > 16; });
    g.over50 = std::count_if(gaps.cbegin(), gaps.cend(), [](double gap) { return gap > 50; });
    return g;
}

// Drives the window as an officer would, one event-loop turn per input (a paste, a click), so the bench
// itself never holds the GUI thread longer than one real input event would; it never sleeps or polls.
class OfficerSession : public GuiTest::ConsoleTest
{
public:
    bool start(QString *error)
    {
        if (!startConsole("bench_gui_latency")) {
            *error = QStringLiteral("the window did not start (is a Secret Service running?)");
            return false;
        }
        auto *panel = GuiTest::find<HistoryPanel>(window(), "historyPanel");
        if (!panel) {
            *error = QStringLiteral("the window has no history panel");
            return false;
        }
        // The first load and chain check run on the panel's workers; measuring starts once both are done.
        if (!QTest::qWaitFor([panel] { return !panel->isLoading() && !panel->isVerifying(); }, 20000)) {
            *error = QStringLiteral("the history panel did not finish loading");
            return false;
        }
        connect(window()->actions(), &ActionController::finished, this,
                [this](const ActionOutcome &o) { onFinished(o); });
        connect(window()->actions(), &ActionController::refused, this,
                [this](ActionKind, const QString &reason) { fail(QStringLiteral("action refused: ") + reason); });
        // On the local sandbox nothing asks; a dialog would wait for a person who is not there.
        connect(window()->prompts(), &PromptService::promptOpened, this,
                [this](QDialog *) { fail(QStringLiteral("a prompt opened")); });
        return true;
    }

    // Runs `count` actions; `done` is called once, from the event loop, when they are over.
    void run(int count, TickRecorder *ticks, std::function<void()> done)
    {
        m_count = count;
        m_ticks = ticks;
        m_done = std::move(done);
        m_watchdog.setSingleShot(true);
        connect(&m_watchdog, &QTimer::timeout, this,
                [this] { fail(QStringLiteral("an action did not finish in time")); });
        m_elapsed.start();
        nextAction();
    }

    int finished() const { return m_finished; }
    int failed() const { return m_failed; }
    qint64 elapsedMs() const { return m_elapsed.elapsed(); }
    QString error() const { return m_error; }
    bool cleanUp() { return forgetKeychainEntries({}); }

private:
    static QString userFor(int i) { return QStringLiteral("demo-user-00%1").arg(1 + i % 3); }
    // Three users that start active, each deactivated and then reactivated, so every action succeeds.
    static ActionKind kindFor(int i) { return (i / 3) % 2 == 0 ? ActionKind::Deactivate : ActionKind::Reactivate; }

    void later(std::function<void()> step) { QTimer::singleShot(0, this, std::move(step)); }

    void nextAction()
    {
        if (m_finished >= m_count || !m_error.isEmpty()) {
            m_watchdog.stop();
            if (m_done)
                std::exchange(m_done, nullptr)();
            return;
        }
        const int i = m_finished;
        // Each field is filled in one input event, as a paste from the case ticket would: typing key by key
        // as fast as the loop takes keys would measure back-to-back repaints, which no person produces.
        later([this, i] {
            paste(userEdit(), userFor(i));
            later([this, i] {
                paste(reasonEdit(), QStringLiteral("CASE-%1").arg(i));
                later([this, i] { click(kindFor(i)); });
            });
        });
    }

    void paste(QLineEdit *edit, const QString &text)
    {
        if (!m_error.isEmpty())
            return; // stopped mid-action: send nothing more
        m_ticks->step(Step::Filling, [edit, &text] {
            edit->selectAll();
            edit->insert(text);
        });
    }

    void click(ActionKind kind)
    {
        if (!m_error.isEmpty())
            return;
        auto *button = GuiTest::find<QAbstractButton>(window(), buttonName(kind).toLatin1().constData());
        if (!button || !button->isEnabled()) {
            fail(QStringLiteral("the %1 button is not available").arg(ActionInfo::cliName(kind)));
            return;
        }
        m_watchdog.start(kActionTimeoutMs);
        m_ticks->step(Step::Clicking, [button] { QTest::mouseClick(button, Qt::LeftButton); });
    }

    void onFinished(const ActionOutcome &outcome)
    {
        m_watchdog.stop();
        ++m_finished;
        if (!outcome.ok()) {
            ++m_failed;
            qWarning().noquote() << "action" << m_finished << "failed:" << outcome.headline;
        }
        later([this] { nextAction(); });
    }

    void fail(const QString &why)
    {
        if (m_error.isEmpty())
            m_error = why;
        later([this] { nextAction(); });
    }

    int m_count = 0;
    int m_finished = 0;
    int m_failed = 0;
    QString m_error;
    TickRecorder *m_ticks = nullptr;
    std::function<void()> m_done;
    QTimer m_watchdog;
    QElapsedTimer m_elapsed;
};

QString verdict(bool met)
{
    return met ? QStringLiteral("met") : QStringLiteral("NOT met");
}

void printGaps(QTextStream &out, const GapSummary &g, bool withGoals)
{
    out << QStringLiteral("  longest GUI stall    %1 ms").arg(g.longest, 0, 'f', 1);
    if (withGoals)
        out << QStringLiteral("   (goal <= %1 ms: %2)").arg(kGoalLongestMs).arg(verdict(g.longest <= kGoalLongestMs));
    out << QStringLiteral("\n  median tick gap      %1 ms").arg(g.median, 0, 'f', 2);
    if (withGoals)
        out << QStringLiteral("   (goal <= %1 ms: %2)").arg(kGoalMedianMs).arg(verdict(g.median <= kGoalMedianMs));
    out << QStringLiteral("\n  p99 tick gap         %1 ms\n").arg(g.p99, 0, 'f', 2);
    out << QStringLiteral("  stalls > 16 ms       %1\n  stalls > 50 ms       %2\n").arg(g.over16).arg(g.over50);
}

void report(const OfficerSession &session, const TickRecorder &ticks, const GapSummary &idle, int idleMs)
{
    QTextStream out(stdout);
    out << "GUI event-loop responsiveness while an officer runs actions (1 ms precise timer on the GUI thread)\n";
    out << QStringLiteral("Idle baseline, window open and history loaded, nobody working (%1 ms):\n").arg(idleMs);
    printGaps(out, idle, false);
    out << "Running actions:\n";
    out << QStringLiteral("  actions run          %1 (%2 failed)\n").arg(session.finished()).arg(session.failed());
    out << QStringLiteral("  total time           %1 ms (%2 ms per action)\n")
               .arg(session.elapsedMs())
               .arg(session.finished() ? double(session.elapsedMs()) / session.finished() : 0.0, 0, 'f', 1);
    out << QStringLiteral("  ticks recorded       %1\n").arg(ticks.gaps().size());
    printGaps(out, summarise(ticks.gaps()), true);
    out << "  longest single step (synchronous on the GUI thread):\n";
    out << QStringLiteral("    %1 ms  pasting the user ID or the case reference\n")
               .arg(ticks.worstStep(Step::Filling), 7, 'f', 1);
    out << QStringLiteral("    %1 ms  the click (validate, record the begin in history, send)\n")
               .arg(ticks.worstStep(Step::Clicking), 7, 'f', 1);
    out << QStringLiteral(
               "    %1 ms  longest gap with no bench step in it (answer, outcome recorded, views refreshed)\n")
               .arg(ticks.worstGapWithoutStep(), 7, 'f', 1);
}

// The offscreen platform warns on every window resize and the sandbox logs each request; neither is a
// figure, and together they would bury the report.
QtMessageHandler g_previousHandler = nullptr;

void quietNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtInfoMsg || message.contains(QLatin1String("propagateSizeHints")))
        return;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// Lets the event loop run for `ms` with nothing to do but the ticks.
void idleFor(int ms)
{
    QEventLoop idle;
    QTimer::singleShot(ms, &idle, &QEventLoop::quit);
    idle.exec();
}

} // namespace

int main(int argc, char **argv)
{
    g_previousHandler = qInstallMessageHandler(quietNoise);
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("actions"), QStringLiteral("How many actions to run (default 500)."),
                      QStringLiteral("N"), QStringLiteral("500")});
    parser.addOption({QStringLiteral("idle-ms"), QStringLiteral("Idle baseline before the actions, ms (default 2000)."),
                      QStringLiteral("MS"), QStringLiteral("2000")});
    parser.process(app);
    bool numeric = false;
    const int actions = parser.value(QStringLiteral("actions")).toInt(&numeric);
    const int idleMs = qMax(0, parser.value(QStringLiteral("idle-ms")).toInt());
    if (!numeric || actions <= 0) {
        qCritical("--actions needs a positive number");
        return 2;
    }

    OfficerSession session;
    QString error;
    if (!session.start(&error)) {
        qCritical().noquote() << "bench_gui_latency could not run:" << error;
        return 1;
    }
    TickRecorder ticks;
    ticks.start();
    idleFor(idleMs);
    const GapSummary idle = summarise(ticks.gaps());
    ticks.start();
    QEventLoop loop;
    session.run(actions, &ticks, [&loop] { loop.quit(); });
    loop.exec();
    ticks.stop();
    report(session, ticks, idle, idleMs);
    const bool cleaned = session.cleanUp();
    if (!session.error().isEmpty()) {
        qCritical().noquote() << "bench_gui_latency stopped early:" << session.error();
        return 1;
    }
    if (!cleaned)
        qWarning("could not remove the bench's audit-chain key from the keychain");
    return 0;
}
