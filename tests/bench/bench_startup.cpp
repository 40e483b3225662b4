// Launch-to-first-frame of enrollee-console against the floor window (bench_startup_floor: a line edit
// and six buttons), launched side by side under the same platform, each run as a fresh process so
// dynamic loading and start-up are counted. Prints the medians and the ratio console / floor (goal: at
// most 1.5), judged on the median of the per-round ratios (each console launch against the floor launch
// just before it), with the ratio of the medians and of the fastest runs beside it. Usage: bench_startup [--repeat N]
// [--platform offscreen|xcb] [--console PATH] [--check]
// (--check exits 1 when the goal is missed). Under Xvfb: xvfb-run -a bench_startup --platform xcb.
// Not a CTest test: timings on a shared machine vary.
// An empty window and a one-label window show what the bare toolkit and the font system cost.
// A third program, the same empty window linked against everything the console links
// (bench_startup_linked), separates the cost of loading the libraries from the cost of the window.
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLabel>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>
#include <QWidget>
#include <QWindow>

#include <algorithm>
#include <cstdio>

namespace {

// The child half: an empty window that reports its first expose, as enrollee-console does with
// ENROLLEE_BENCH_FIRST_FRAME=1.
int runEmptyWindow(int argc, char *argv[], bool withText = false)
{
    QApplication app(argc, argv);
    QWidget window;
    if (withText) // one label: the first text pays for the font system (fontconfig, FreeType, HarfBuzz)
        new QLabel(QStringLiteral("Enrollee Console"), &window);
    window.setWindowTitle(QStringLiteral("empty"));
    window.resize(1100, 700);
    (void)window.winId();
    struct Probe : QObject {
        bool eventFilter(QObject *o, QEvent *e) override
        {
            if (e->type() == QEvent::Expose) {
                std::fputs("first-frame\n", stdout);
                std::fflush(stdout);
                QTimer::singleShot(0, qApp, &QCoreApplication::quit);
            }
            return QObject::eventFilter(o, e);
        }
    } probe;
    window.windowHandle()->installEventFilter(&probe);
    window.show();
    return app.exec();
}

#ifndef ENROLLEE_BENCH_CHILD_ONLY
// Milliseconds from start() to the child's "first-frame" line, or -1.
double timeLaunch(const QString &program, const QStringList &args, const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    QElapsedTimer timer;
    timer.start();
    process.start(program, args);
    double ms = -1;
    while (process.waitForReadyRead(20000)) {
        if (process.readAllStandardOutput().contains("first-frame")) {
            ms = double(timer.nsecsElapsed()) / 1e6;
            break;
        }
    }
    if (!process.waitForFinished(10000))
        process.kill();
    process.waitForFinished(2000);
    return ms;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n == 0 ? -1 : (n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2);
}

#endif
} // namespace

int main(int argc, char *argv[])
{
#ifdef ENROLLEE_BENCH_CHILD_ONLY
    return runEmptyWindow(argc, argv);
#else
    if (argc > 1 && qstrcmp(argv[1], "--child-empty") == 0)
        return runEmptyWindow(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "--child-label") == 0)
        return runEmptyWindow(argc, argv, true);

    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Launch-to-first-frame: enrollee-console vs an empty window"));
    parser.addHelpOption();
    QCommandLineOption repeat(QStringLiteral("repeat"), QStringLiteral("Launches of each program (default 9)."),
                              QStringLiteral("N"), QStringLiteral("9"));
    QCommandLineOption console(QStringLiteral("console"), QStringLiteral("Path of enrollee-console."),
                               QStringLiteral("PATH"), QStringLiteral(ENROLLEE_CONSOLE_PATH));
    QCommandLineOption linked(QStringLiteral("linked"), QStringLiteral("Path of bench_startup_linked."),
                              QStringLiteral("PATH"), QStringLiteral(ENROLLEE_LINKED_CHILD_PATH));
    QCommandLineOption floor(QStringLiteral("floor"), QStringLiteral("Path of bench_startup_floor."),
                             QStringLiteral("PATH"), QStringLiteral(ENROLLEE_FLOOR_PATH));
    QCommandLineOption platform(
        QStringLiteral("platform"),
        QStringLiteral("QT_QPA_PLATFORM of every child (default offscreen; xcb under xvfb-run)."),
        QStringLiteral("NAME"), QStringLiteral("offscreen"));
    QCommandLineOption check(QStringLiteral("check"), QStringLiteral("Exit 1 when console / floor exceeds 1.5."));
    parser.addOptions({repeat, console, linked, floor, platform, check});
    parser.process(app);
    const int runs = qMax(1, parser.value(repeat).toInt());

    QTemporaryDir home; // the console reads settings and history from here, never the user's
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), parser.value(platform));
    env.insert(QStringLiteral("ENROLLEE_HOME"), home.path());
    env.insert(QStringLiteral("ENROLLEE_KEYCHAIN_SERVICE"),
               QStringLiteral("enrollee-bench-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
    env.insert(QStringLiteral("ENROLLEE_BENCH_FIRST_FRAME"), QStringLiteral("1"));

    const QString self = QCoreApplication::applicationFilePath();
    const QString consolePath = parser.value(console);
    const QString linkedPath = parser.value(linked);
    const QString floorPath = parser.value(floor);
    // One discarded launch each warms the page cache, so the first measured run is not an outlier.
    timeLaunch(self, {QStringLiteral("--child-empty")}, env);
    timeLaunch(floorPath, {}, env);
    timeLaunch(consolePath, {}, env);
    timeLaunch(linkedPath, {}, env);

    QList<double> empty, floors, real, withLibraries, withText, paired;
    for (int i = 0; i < runs; ++i) { // interleaved, so load changes on a shared machine hit all alike
        const double f = timeLaunch(floorPath, {}, env);
        const double c = timeLaunch(consolePath, {}, env);
        const double e = timeLaunch(self, {QStringLiteral("--child-empty")}, env);
        const double l = timeLaunch(linkedPath, {}, env);
        const double t = timeLaunch(self, {QStringLiteral("--child-label")}, env);
        const QList<QPair<double, QString>> launched{{e, self + QStringLiteral(" --child-empty")},
                                                     {f, floorPath},
                                                     {c, consolePath},
                                                     {l, linkedPath},
                                                     {t, self + QStringLiteral(" --child-label")}};
        for (const auto &[ms, what] : launched) {
            if (ms < 0) {
                std::fprintf(stderr, "bench_startup: %s did not report its first frame\n", qPrintable(what));
                return 2;
            }
        }
        empty << e;
        floors << f;
        real << c;
        withLibraries << l;
        withText << t;
        paired << c / f; // launched back to back: a load change on a shared machine hits both
    }
    const double me = median(empty), mf = median(floors), mc = median(real);
    // The goal is judged on the median of the paired ratios: each console launch against the floor
    // launched just before it. On a shared machine the ratio of the two medians moves with the load
    // (0.3 between runs of 21 here); the paired one moves far less.
    const double ratio = median(paired);
    const double best = *std::min_element(real.cbegin(), real.cend())
        / *std::min_element(floors.cbegin(), floors.cend());
    std::printf("launch -> first frame, platform %s, median of %d runs each\n", qPrintable(parser.value(platform)),
                runs);
    std::printf("  empty Qt Widgets window:            %7.1f ms\n", me);
    std::printf("  floor (line edit + six buttons):    %7.1f ms\n", mf);
    std::printf("  same, with one text label:          %7.1f ms\n", median(withText));
    std::printf("  same, with the console's libraries: %7.1f ms\n", median(withLibraries));
    std::printf("  enrollee-console:                   %7.1f ms\n", mc);
    std::printf("  ratio console / empty:              %7.2f\n", mc / me);
    std::printf("  ratio of the medians, console/floor: %6.2f\n", mc / mf);
    std::printf("  ratio of the fastest runs:          %7.2f\n", best);
    std::printf("  ratio console / floor (paired):     %7.2f  (goal <= 1.50: %s)\n", ratio,
                ratio <= 1.5 ? "met" : "MISSED");
    return parser.isSet(check) && ratio > 1.5 ? 1 : 0;
#endif
}
