// Speed goal: a bulk run of 10,000 rows against the local sandbox (rate unlimited, every row's
// intent recorded in the history before its request leaves) beside a sequential loop of new processes
// that each send one signed request (`enrollee-cli deactivate ID`, as a curl loop would, but recorded
// and signed the same way). Prints rows/s for both and the ratio per row. Goal: at least 5x.
//   bench_bulk [--rows N] [--loop N] [--concurrency N]
// With --latency MS, instead: how close a run comes to what the server allows when every answer takes MS
// milliseconds (the sandbox's --latency, its FaultPlan::latencyMs): rows/s between the first and the last
// request the sandbox received, beside the ideal concurrency / latency. Goal: at least 90% of it at
// concurrency 8 and 40 ms (defaults there: 2,000 rows, concurrency 8, rate unlimited).
//   bench_bulk --latency 40 [--rows N] [--concurrency N]
// With --scale, instead: one long run (default 100,000 rows, concurrency 8, rate unlimited) and its
// per-row cost (the time between the sandbox's requests) over its first and its last 5% of rows. Goal:
// the end within 1.5x of the start. Takes minutes; not a CTest test.
//   bench_bulk --scale [--rows N] [--concurrency N]
// With --listing, instead: `bulk list`, `bulk list --json` and `bulk show` of the big run, timed (wall
// clock, process start included) with their peak resident memory, over a home holding one run of N rows
// (default 100,000, so a history of as many entries) and --runs small runs beside it. Building the home
// takes minutes; --home DIR keeps it (and reuses it when it has runs already).
//   bench_bulk --listing [--rows N] [--runs N] [--home DIR]
#include "sandbox/FaultPlan.h"
#include "sandbox/SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {
void quietSandbox(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type != QtInfoMsg && type != QtDebugMsg)
        QTextStream(stderr) << message << '\n';
}

// Runs enrollee-cli with `home` as ENROLLEE_HOME; the in-process sandbox answers while it waits.
int runCli(const QString &home, const QStringList &arguments, const QByteArray &apiKey)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ENROLLEE_HOME"), home);
    env.insert(QStringLiteral("ENROLLEE_KEYCHAIN_SERVICE"), QStringLiteral("enrollee-bench-bulk"));
    env.insert(QStringLiteral("SMILEID_API_KEY"), QString::fromLatin1(apiKey));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain: the chain key file beside the history
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    process.start(QStringLiteral(ENROLLEE_CLI_PATH), arguments);
    if (!process.waitForStarted())
        return -1;
    loop.exec();
    (void)process.readAllStandardOutput();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

// Registers `rows` user IDs named prefix-00000... at the sandbox and writes them one per line.
QString writeInput(SandboxServer &server, const QString &folder, const QString &prefix, int rows)
{
    QStringList ids;
    ids.reserve(rows);
    for (int i = 0; i < rows; ++i) {
        ids.append(QStringLiteral("%1-%2").arg(prefix).arg(i, 6, 10, QLatin1Char('0')));
        server.registry().add(ids.last());
    }
    const QString input = QDir(folder).filePath(QStringLiteral("%1.txt").arg(prefix));
    QFile file(input);
    if (!file.open(QIODevice::WriteOnly) || file.write((ids.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8()) < 0)
        return {};
    return input;
}

QStringList targetOf(const SandboxServer &server)
{
    return QStringList{QStringLiteral("--base-url"),    server.origin().toString(), QStringLiteral("--partner-id"),
                       server.config().partnerId,       QStringLiteral("--email"),  QStringLiteral("bench@example.org"),
                       QStringLiteral("--environment"), QStringLiteral("local"),    QStringLiteral("--yes")};
}

// A run at `concurrency` against a sandbox that holds every answer `latencyMs`: the console should keep
// every slot busy, so the rate is concurrency / latency. Timed between the sandbox's first and last
// request, so the process's start and its final writes (a fixed cost, not a rate) are left out.
int latencyRun(int rows, int concurrency, int latencyMs)
{
    SandboxServer server;
    if (!server.listen(QHostAddress::LocalHost, 0).ok())
        return 1;
    FaultPlan slow;
    slow.latencyMs = latencyMs;
    server.setFaultPlan(slow);
    QTemporaryDir home;
    const QString input = writeInput(server, home.path(), QStringLiteral("latency-bench"), rows);
    if (input.isEmpty())
        return 1;
    QElapsedTimer clock;
    qint64 firstNs = -1;
    qint64 lastNs = -1;
    int received = 0;
    QObject::connect(&server, &SandboxServer::requestHandled, &server,
                     [&](const QString &, const QString &, int, const QString &) {
        lastNs = clock.nsecsElapsed();
        if (firstNs < 0)
            firstNs = lastNs;
        ++received;
    });
    clock.start();
    const int exit = runCli(home.path(),
                            QStringList{QStringLiteral("bulk"), QStringLiteral("deactivate"), QStringLiteral("--input"),
                                        input, QStringLiteral("--rate"), QStringLiteral("0"),
                                        QStringLiteral("--concurrency"), QString::number(concurrency)}
                                + targetOf(server),
                            server.config().apiKey);
    const double wallSeconds = double(clock.nsecsElapsed()) / 1e9;
    // n requests: n - 1 gaps between the first and the last, and the last answer's latency after it.
    const double seconds = double(lastNs - firstNs) / 1e9 + latencyMs / 1000.0;
    const double rate = received / qMax(seconds, 1e-9);
    const double ideal = concurrency * 1000.0 / qMax(1, latencyMs);
    QTextStream(stdout) << QStringLiteral("bulk run at concurrency %1 against %2 ms answers: %3 rows (exit %4, %5 "
                                          "requests) in %6 s (process %7 s) = %8 rows/s, %9% of the ideal %10 "
                                          "rows/s (goal >= 90%)\n")
                               .arg(concurrency)
                               .arg(latencyMs)
                               .arg(rows)
                               .arg(exit)
                               .arg(received)
                               .arg(seconds, 0, 'f', 2)
                               .arg(wallSeconds, 0, 'f', 2)
                               .arg(rate, 0, 'f', 1)
                               .arg(100 * rate / ideal, 0, 'f', 1)
                               .arg(ideal, 0, 'f', 0);
    return exit == 0 && received == rows ? 0 : 1;
}
// Per-row cost at the start and the end of one long run: what grows with the run (its files, its
// history) shows as a slower end.
int scaleRun(int rows, int concurrency)
{
    SandboxServer server;
    if (!server.listen(QHostAddress::LocalHost, 0).ok())
        return 1;
    QTemporaryDir home;
    const QString input = writeInput(server, home.path(), QStringLiteral("scale-bench"), rows);
    if (input.isEmpty())
        return 1;
    QElapsedTimer clock;
    QList<qint64> at;
    at.reserve(rows);
    QObject::connect(&server, &SandboxServer::requestHandled, &server,
                     [&](const QString &, const QString &, int, const QString &) { at.append(clock.nsecsElapsed()); });
    clock.start();
    const int exit = runCli(home.path(),
                            QStringList{QStringLiteral("bulk"), QStringLiteral("deactivate"), QStringLiteral("--input"),
                                        input, QStringLiteral("--rate"), QStringLiteral("0"),
                                        QStringLiteral("--concurrency"), QString::number(concurrency)}
                                + targetOf(server),
                            server.config().apiKey);
    const double wallSeconds = double(clock.nsecsElapsed()) / 1e9;
    QTextStream out(stdout);
    const int window = qMax(2, int(at.size()) / 20);
    if (at.size() < 2 * window) {
        out << QStringLiteral("bulk run of %1 rows: only %2 requests (exit %3)\n").arg(rows).arg(at.size()).arg(exit);
        return 1;
    }
    // Milliseconds per row over a window of requests: the span they took divided by their number.
    const auto perRow = [&at](qsizetype from, qsizetype n) {
        return double(at.at(from + n - 1) - at.at(from)) / 1e6 / (n - 1);
    };
    const double start = perRow(0, window);
    const double end = perRow(at.size() - window, window);
    out << QStringLiteral("bulk run of %1 rows at concurrency %2: exit %3, %4 requests in %5 s (%6 rows/s)\n")
               .arg(rows)
               .arg(concurrency)
               .arg(exit)
               .arg(at.size())
               .arg(wallSeconds, 0, 'f', 1)
               .arg(at.size() / wallSeconds, 0, 'f', 1);
    out << QStringLiteral("per-row cost: first %1 rows %2 ms, last %1 rows %3 ms: end/start %4x (goal <= 1.5x)\n")
               .arg(window)
               .arg(start, 0, 'f', 3)
               .arg(end, 0, 'f', 3)
               .arg(end / start, 0, 'f', 2);
    return exit == 0 && at.size() == rows ? 0 : 1;
}
QProcessEnvironment cliEnvironment(const QString &home, const QByteArray &apiKey)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ENROLLEE_HOME"), home);
    env.insert(QStringLiteral("ENROLLEE_KEYCHAIN_SERVICE"), QStringLiteral("enrollee-bench-bulk"));
    env.insert(QStringLiteral("SMILEID_API_KEY"), QString::fromLatin1(apiKey));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    return env;
}

struct Measured {
    int exit = -1;
    double seconds = 0;
    double peakMb = 0;
    qint64 outBytes = 0;
};

// Runs enrollee-cli to the end (its output counted and dropped) and reads its own peak resident memory
// from wait4(), so the figure is the command's alone.
Measured measureCli(const QString &home, const QStringList &arguments)
{
    Measured m;
    QByteArrayList argBytes{QByteArrayLiteral(ENROLLEE_CLI_PATH)};
    for (const QString &a : arguments)
        argBytes.append(a.toLocal8Bit());
    QList<char *> argv;
    for (QByteArray &a : argBytes)
        argv.append(a.data());
    argv.append(nullptr);
    QByteArrayList envBytes;
    for (const QString &e : cliEnvironment(home, {}).toStringList())
        envBytes.append(e.toLocal8Bit());
    QList<char *> envp;
    for (QByteArray &e : envBytes)
        envp.append(e.data());
    envp.append(nullptr);
    int pipeFds[2];
    if (::pipe(pipeFds) != 0)
        return m;
    QElapsedTimer clock;
    clock.start();
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(pipeFds[1], STDOUT_FILENO);
        ::close(pipeFds[0]);
        ::close(pipeFds[1]);
        ::execve(argv.first(), argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(pipeFds[1]);
    char buffer[65536];
    for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;)
        m.outBytes += n;
    ::close(pipeFds[0]);
    int status = 0;
    struct rusage usage {};
    if (::wait4(pid, &status, 0, &usage) != pid)
        return m;
    m.seconds = double(clock.nsecsElapsed()) / 1e9;
    m.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    m.peakMb = double(usage.ru_maxrss) / 1024.0;
    return m;
}

// `bulk list` and `bulk show` over one big run and many small ones: what they cost in time and memory.
int listingRun(int rows, int runs, const QString &keep)
{
    SandboxServer server;
    if (!server.listen(QHostAddress::LocalHost, 0).ok())
        return 1;
    QTemporaryDir scratch;
    const QString home = keep.isEmpty() ? scratch.path() : keep;
    QDir().mkpath(home);
    QTextStream out(stdout);
    const QDir runsDir(QDir(home).filePath(QStringLiteral("data/runs")));
    if (runsDir.entryList({QStringLiteral("*.json")}, QDir::Files).isEmpty()) {
        QElapsedTimer made;
        made.start();
        const QString input = writeInput(server, home, QStringLiteral("listing-big"), rows);
        const int big = runCli(home,
                               QStringList{QStringLiteral("bulk"), QStringLiteral("deactivate"),
                                           QStringLiteral("--input"), input, QStringLiteral("--rate"),
                                           QStringLiteral("0"), QStringLiteral("--concurrency"), QStringLiteral("8")}
                                   + targetOf(server),
                               server.config().apiKey);
        for (int i = 0; i < runs; ++i) {
            const QString small = writeInput(server, home, QStringLiteral("listing-small-%1").arg(i), 10);
            (void)runCli(home,
                         QStringList{QStringLiteral("bulk"), QStringLiteral("deactivate"), QStringLiteral("--input"),
                                     small, QStringLiteral("--rate"), QStringLiteral("0")}
                             + targetOf(server),
                         server.config().apiKey);
        }
        out << QStringLiteral("home made in %1 s: a run of %2 rows (exit %3) and %4 runs of 10 rows\n")
                   .arg(double(made.elapsed()) / 1000, 0, 'f', 1)
                   .arg(rows)
                   .arg(big)
                   .arg(runs);
    }
    const QStringList ids = runsDir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    // The big run is the first made (ids begin with the time).
    const QString bigId = ids.isEmpty() ? QString() : ids.first().chopped(5);
    out << QStringLiteral("%1 runs in %2\n").arg(ids.size()).arg(home);
    int failures = 0;
    const QList<QStringList> commands{
        {QStringLiteral("bulk"), QStringLiteral("list")},
        {QStringLiteral("bulk"), QStringLiteral("list"), QStringLiteral("--json")},
        {QStringLiteral("bulk"), QStringLiteral("show"), bigId},
        {QStringLiteral("bulk"), QStringLiteral("show"), bigId, QStringLiteral("--json")},
    };
    for (const QStringList &command : commands) {
        const Measured m = measureCli(home, command);
        failures += m.exit == 0 ? 0 : 1;
        out << QStringLiteral("enrollee-cli %1: exit %2, %3 s, peak %4 MB, %5 KB out\n")
                   .arg(command.join(QLatin1Char(' ')))
                   .arg(m.exit)
                   .arg(m.seconds, 0, 'f', 2)
                   .arg(m.peakMb, 0, 'f', 1)
                   .arg(m.outBytes / 1024);
    }
    return failures == 0 ? 0 : 1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Rows in the bulk run."),
                                        QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption loopOption(QStringLiteral("loop"), QStringLiteral("Processes in the sequential loop."),
                                        QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"), QStringLiteral("Bulk concurrency."),
                                               QStringLiteral("N"), QStringLiteral("32"));
    const QCommandLineOption latencyOption(QStringLiteral("latency"),
                                           QStringLiteral("Time a run against answers that take MS ms instead."),
                                           QStringLiteral("MS"));
    const QCommandLineOption scaleOption(QStringLiteral("scale"),
                                         QStringLiteral("Per-row cost at the start and end of one long run instead."));
    const QCommandLineOption listingOption(QStringLiteral("listing"),
                                           QStringLiteral("Time bulk list and bulk show over many runs instead."));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Small runs beside the big one."),
                                        QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption homeOption(QStringLiteral("home"), QStringLiteral("Keep (or reuse) the home here."),
                                        QStringLiteral("DIR"));
    parser.addOptions(
        {rowsOption, loopOption, concurrencyOption, latencyOption, scaleOption, listingOption, runsOption, homeOption});
    parser.addHelpOption();
    parser.process(app);
    if (parser.isSet(listingOption)) {
        qInstallMessageHandler(quietSandbox);
        return listingRun(parser.isSet(rowsOption) ? qMax(1, parser.value(rowsOption).toInt()) : 100000,
                          qMax(0, parser.value(runsOption).toInt()), parser.value(homeOption));
    }
    if (parser.isSet(scaleOption)) {
        qInstallMessageHandler(quietSandbox);
        return scaleRun(parser.isSet(rowsOption) ? qMax(1, parser.value(rowsOption).toInt()) : 100000,
                        parser.isSet(concurrencyOption) ? qMax(1, parser.value(concurrencyOption).toInt()) : 8);
    }
    if (parser.isSet(latencyOption)) {
        qInstallMessageHandler(quietSandbox);
        return latencyRun(parser.isSet(rowsOption) ? qMax(1, parser.value(rowsOption).toInt()) : 2000,
                          parser.isSet(concurrencyOption) ? qMax(1, parser.value(concurrencyOption).toInt()) : 8,
                          qMax(0, parser.value(latencyOption).toInt()));
    }
    const int rows = qMax(1, parser.value(rowsOption).toInt());
    const int loops = qMax(1, parser.value(loopOption).toInt());
    qInstallMessageHandler(quietSandbox);

    SandboxServer server;
    if (!server.listen(QHostAddress::LocalHost, 0).ok())
        return 1;
    QTemporaryDir bulkHome;
    QTemporaryDir loopHome;
    QStringList ids;
    for (int i = 0; i < rows; ++i) {
        ids.append(QStringLiteral("bulk-bench-%1").arg(i, 5, 10, QLatin1Char('0')));
        server.registry().add(ids.last());
    }
    for (int i = 0; i < loops; ++i)
        server.registry().add(QStringLiteral("loop-bench-%1").arg(i));
    const QString input = QDir(bulkHome.path()).filePath(QStringLiteral("ids.txt"));
    QFile file(input);
    if (!file.open(QIODevice::WriteOnly) || file.write((ids.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8()) < 0)
        return 1;
    file.close();
    const QStringList target = targetOf(server);
    QTextStream out(stdout);

    const int before = server.requestCount();
    QElapsedTimer bulkTimer;
    bulkTimer.start();
    const int bulkExit = runCli(bulkHome.path(),
                                QStringList{QStringLiteral("bulk"), QStringLiteral("deactivate"),
                                            QStringLiteral("--input"), input, QStringLiteral("--rate"),
                                            QStringLiteral("0"), QStringLiteral("--concurrency"),
                                            parser.value(concurrencyOption)}
                                    + target,
                                server.config().apiKey);
    const double bulkSeconds = double(bulkTimer.nsecsElapsed()) / 1e9;
    const int bulkRequests = server.requestCount() - before;

    QElapsedTimer loopTimer;
    loopTimer.start();
    int loopFailures = 0;
    for (int i = 0; i < loops; ++i) {
        const int code = runCli(
            loopHome.path(), QStringList{QStringLiteral("deactivate"), QStringLiteral("loop-bench-%1").arg(i)} + target,
            server.config().apiKey);
        loopFailures += code == 0 ? 0 : 1;
    }
    const double loopSeconds = double(loopTimer.nsecsElapsed()) / 1e9;

    const double bulkRate = bulkRequests / bulkSeconds;
    const double loopRate = loops / loopSeconds;
    out << QStringLiteral("bulk run:        %1 rows (exit %2, %3 requests at the sandbox) in %4 s = %5 rows/s\n")
               .arg(rows)
               .arg(bulkExit)
               .arg(bulkRequests)
               .arg(bulkSeconds, 0, 'f', 2)
               .arg(bulkRate, 0, 'f', 1);
    out << QStringLiteral("process loop:    %1 processes (%2 failed) in %3 s = %4 rows/s\n")
               .arg(loops)
               .arg(loopFailures)
               .arg(loopSeconds, 0, 'f', 2)
               .arg(loopRate, 0, 'f', 1);
    out << QStringLiteral("ratio per row:   %1x (goal >= 5x)\n").arg(bulkRate / loopRate, 0, 'f', 1);
    return bulkExit == 0 && loopFailures == 0 ? 0 : 1;
}
