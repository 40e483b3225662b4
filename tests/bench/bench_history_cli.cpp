// What enrollee-cli's history faces cost on a large local history, each measured as a separate process
// (start-up included) with its peak resident memory (the child's ru_maxrss from wait4): one user's
// entries (answered from the index), the JSON export and the plain listing (streamed), the chain check
// (streamed), bulk runs over it (bulkFigures), rebuilding a deleted index, and the cost of one append at 1,000 entries
// and at the full size, through the backend with its index as CoreContext builds it. The history is filled through the
// backend's batch path (500 actions per commit, as bulk runs write), so a million entries take a while;
// with --dir the filled history is kept and a later run reuses it. Prints figures; asserts nothing.
//   bench_history_cli [--entries N] [--dir PATH] [--runs N] [--sample N]
// Run it under a Secret Service as the tests are (dbus-run-session + gnome-keyring), or with none: the
// chain key is also written to the file beside the history, where a read-only check finds it.
#include "BenchEntries.h"
#include "history/local/LocalHistoryBackend.h"
#include "index/SqliteHistoryIndex.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {
const QByteArray kKey = QByteArrayLiteral("bench-key-0123456789abcdef");

// A history laid out as ENROLLEE_HOME=home lays it out, with the backend wired as CoreContext wires it.
struct Home {
    QString home;
    QString historyDir() const { return QDir(home).filePath(QStringLiteral("data/history")); }
    QString indexFile() const { return QDir(home).filePath(QStringLiteral("data/history-index.sqlite")); }
    QString anchorFile() const { return QDir(home).filePath(QStringLiteral("config/history.anchor")); }
    std::unique_ptr<LocalHistoryBackend> open() const
    {
        QDir().mkpath(QDir(home).filePath(QStringLiteral("config")));
        auto store = std::make_unique<LocalHistoryBackend>(historyDir());
        store->setChainKey(kKey);
        store->setAnchorFile(anchorFile());
        store->setIndex(std::make_unique<SqliteHistoryIndex>(indexFile()));
        return store;
    }
};

void check(const Status &s, const char *what)
{
    if (!s.ok()) {
        std::fprintf(stderr, "%s failed: %s\n", what, qPrintable(s.message()));
        std::exit(1);
    }
}

// Fills `store` from `from` entries to `to`, 500 actions per commit.
void fill(LocalHistoryBackend &store, qint64 from, qint64 to)
{
    QElapsedTimer timer;
    timer.start();
    for (qint64 filled = from; filled < to;) {
        QList<HistoryEntry> batch;
        for (qint64 i = filled; i < qMin(to, filled + 500); ++i)
            batch.append(BenchEntries::begun(i));
        const Result<QList<qint64>> ids = store.begin(batch);
        check(ids.status(), "fill");
        for (qsizetype i = 0; i < batch.size(); ++i) {
            batch[i].id = ids.value().at(i);
            batch[i] = BenchEntries::succeeded(batch[i]);
        }
        check(store.complete(batch), "fill");
        const qint64 before = filled;
        filled += batch.size();
        if (filled / 50000 != before / 50000) {
            std::printf("  filled %lld entries (%.0f s)\n", static_cast<long long>(filled), timer.elapsed() / 1000.0);
            std::fflush(stdout);
        }
    }
}

double appendOnce(LocalHistoryBackend &store, qint64 i)
{
    QElapsedTimer t;
    t.start();
    HistoryEntry e = BenchEntries::begun(i);
    const Result<QList<qint64>> ids = store.begin({e});
    check(ids.status(), "append");
    e.id = ids.value().first();
    check(store.complete({BenchEntries::succeeded(e)}), "append");
    return t.nsecsElapsed() / 1000.0;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

struct Run {
    double seconds = 0;
    double cpuSeconds = 0; // user + system: what the run cost, whatever else the machine was doing
    long peakKb = 0;
    int exitCode = -1;
};

// Runs enrollee-cli with `args`, standard output to /dev/null; its time and peak resident memory.
Run runCli(const Home &home, const QStringList &args, const QString &errFile)
{
    QList<QByteArray> argBytes{QByteArrayLiteral(ENROLLEE_CLI_PATH)};
    for (const QString &a : args)
        argBytes.append(a.toUtf8());
    QList<char *> argv;
    for (QByteArray &a : argBytes)
        argv.append(a.data());
    argv.append(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    const QByteArray err = QFile::encodeName(errFile);
    posix_spawn_file_actions_addopen(&actions, 2, err.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    qputenv("ENROLLEE_HOME", QFile::encodeName(home.home));
    qputenv("ENROLLEE_KEYCHAIN_SERVICE", QByteArrayLiteral("enrollee-bench-history-cli"));
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    Run run;
    if (posix_spawn(&pid, argv.first(), &actions, nullptr, argv.data(), environ) != 0) {
        std::fprintf(stderr, "could not start %s\n", ENROLLEE_CLI_PATH);
        std::exit(1);
    }
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    run.seconds = timer.nsecsElapsed() / 1e9;
    run.peakKb = usage.ru_maxrss;
    run.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    posix_spawn_file_actions_destroy(&actions);
    return run;
}

void report(const char *what, const Run &run, qint64 items, const char *unit, const QString &errFile)
{
    std::printf("%-34s %7.3f s (cpu %7.3f s)  peak %6.1f MB  exit %d", what, run.seconds, run.cpuSeconds,
                run.peakKb / 1024.0, run.exitCode);
    if (items > 0)
        std::printf("  %9.0f %s/s (%9.0f per cpu s)", items / run.seconds, unit, items / run.cpuSeconds);
    std::printf("\n");
    if (run.exitCode != 0) {
        QFile err(errFile);
        if (err.open(QIODevice::ReadOnly))
            std::printf("  stderr: %s\n", err.readAll().left(600).constData());
    }
    std::fflush(stdout);
}
// Bulk runs over the big history, against the sandbox in a process of its own: a new run of 1,000 users
// of the history (its rows never begun, so nothing is looked for; the "already done" note asks per user),
// its dry run, then `bulk list` and `bulk show` (found through the index). Each run adds 1,000 entries.
void bulkFigures(const Home &big, const QString &base, const QString &errFile)
{
    // Its output to a file, never a pipe nobody reads while a child runs: a full pipe would stall it.
    const QString said = QDir(base).filePath(QStringLiteral("sandbox-out.txt"));
    QFile::remove(said);
    QProcess sandbox;
    sandbox.setProgram(QStringLiteral(ENROLLEE_CLI_PATH));
    sandbox.setArguments({QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0")});
    sandbox.setStandardOutputFile(said);
    sandbox.setStandardErrorFile(QProcess::nullDevice());
    sandbox.start();
    QString url;
    for (int i = 0; i < 100 && url.isEmpty(); ++i) {
        QThread::msleep(100);
        if (QFile f(said); f.open(QIODevice::ReadOnly)) {
            const QByteArray text = f.readAll();
            if (text.contains('\n'))
                url = QString::fromUtf8(text.left(text.indexOf('\n'))).trimmed();
        }
    }
    if (url.isEmpty()) {
        std::fprintf(stderr, "the sandbox did not start\n");
        return;
    }
    const QString input = QDir(base).filePath(QStringLiteral("bulk-users.txt"));
    if (QFile f(input); f.open(QIODevice::WriteOnly)) {
        for (int i = 0; i < 1000; ++i)
            f.write(BenchEntries::begun(i).userId.toUtf8() + '\n');
    }
    qputenv("SMILEID_API_KEY", QByteArrayLiteral("sandbox-demo-key"));
    const QStringList bulk{QStringLiteral("bulk"),          QStringLiteral("deactivate"),
                           QStringLiteral("--input"),       input,
                           QStringLiteral("--environment"), QStringLiteral("sandbox"),
                           QStringLiteral("--base-url"),    url,
                           QStringLiteral("--partner-id"),  QStringLiteral("001"),
                           QStringLiteral("--email"),       QStringLiteral("officer@example.com"),
                           QStringLiteral("--reason"),      QStringLiteral("bench")};
    std::printf("\nbulk runs (1,000 users of the history, sandbox at %s):\n", qPrintable(url));
    report("bulk deactivate --dry-run", runCli(big, bulk + QStringList{QStringLiteral("--dry-run")}, errFile), 0, "",
           errFile);
    const QStringList send{QStringLiteral("--yes"), QStringLiteral("--rate"), QStringLiteral("0"),
                           QStringLiteral("--concurrency"), QStringLiteral("8")};
    // Every row is answered: 0 (all succeeded) or 3 (some refused) are both a finished run.
    report("bulk deactivate (a new run)", runCli(big, bulk + send, errFile), 1000, "rows", errFile);
    QStringList runs = QDir(QDir(big.home).filePath(QStringLiteral("data/runs")))
                           .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    report("bulk list", runCli(big, {QStringLiteral("bulk"), QStringLiteral("list")}, errFile), 0, "", errFile);
    if (!runs.isEmpty()) {
        const QString newest = runs.constLast().chopped(5);
        report("bulk show RUN", runCli(big, {QStringLiteral("bulk"), QStringLiteral("show"), newest}, errFile), 0, "",
               errFile);
    }
    sandbox.terminate();
    sandbox.waitForFinished(5000);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("entries"), QStringLiteral("Entries to fill (default 100000)."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Where to keep the filled history (default: temporary)."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs of the one-user query (default 5)."),
                      QStringLiteral("N"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("sample"), QStringLiteral("Appends timed at each size (default 100)."),
                      QStringLiteral("N"), QStringLiteral("100")});
    parser.process(app);
    const qint64 total = parser.value(QStringLiteral("entries")).toLongLong();
    const int runs = parser.value(QStringLiteral("runs")).toInt();
    const int sample = parser.value(QStringLiteral("sample")).toInt();
    QTemporaryDir temp;
    const QString base = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temp.path();
    const Home big{QDir(base).filePath(QStringLiteral("big-%1").arg(total))};
    const QString errFile = QDir(base).filePath(QStringLiteral("cli-stderr.txt"));

    // The fill, unless an earlier run left it (the marker says how far it got).
    const QString marker = QDir(big.home).filePath(QStringLiteral("filled"));
    {
        qint64 filled = 0;
        if (QFile f(marker); f.open(QIODevice::ReadOnly))
            filled = f.readAll().trimmed().toLongLong();
        if (filled < total) {
            if (filled == 0)
                QDir(big.home).removeRecursively();
            auto store = big.open();
            QElapsedTimer timer;
            timer.start();
            std::printf("filling %lld entries (%lld records) in %s\n", static_cast<long long>(total),
                        static_cast<long long>(2 * total), qPrintable(big.home));
            fill(*store, filled, total);
            std::printf("fill: %.0f s\n", timer.elapsed() / 1000.0);
            // A read-only check finds the key here when the keychain has none.
            QFile key(QDir(big.historyDir()).filePath(QStringLiteral("chain.key")));
            if (!key.open(QIODevice::WriteOnly) || key.write(kKey.toHex() + '\n') < 0)
                check(Status::failure(QStringLiteral("cannot write chain.key"), Status::Kind::Storage), "key");
            key.close();
            QFile f(marker);
            if (f.open(QIODevice::WriteOnly))
                f.write(QByteArray::number(total));
        }
    }
    const qint64 entries = total; // the appends timed below come after every CLI figure

    std::printf("\nenrollee-cli on %lld entries (%lld records):\n", static_cast<long long>(entries),
                static_cast<long long>(2 * entries));
    const QString someone = BenchEntries::begun(entries / 2).userId;
    QList<double> seconds;
    QList<double> cpu;
    long peak = 0;
    Run first;
    for (int i = 0; i < runs; ++i) {
        const Run run = runCli(big, {QStringLiteral("history"), QStringLiteral("--user-id"), someone}, errFile);
        if (i == 0)
            first = run;
        seconds.append(run.seconds);
        cpu.append(run.cpuSeconds);
        peak = std::max(peak, run.peakKb);
        if (run.exitCode != 0)
            report("history --user-id (failed)", run, 0, "", errFile);
    }
    Run typical = first;
    typical.seconds = median(seconds);
    typical.cpuSeconds = median(cpu);
    typical.peakKb = peak;
    report("history --user-id U (median)", typical, 0, "", errFile);
    report("history --json > /dev/null", runCli(big, {QStringLiteral("history"), QStringLiteral("--json")}, errFile),
           entries, "entries", errFile);
    report("history > /dev/null", runCli(big, {QStringLiteral("history")}, errFile), entries, "entries", errFile);
    report("history --verify", runCli(big, {QStringLiteral("history"), QStringLiteral("--verify")}, errFile),
           2 * entries, "records", errFile);
    bulkFigures(big, base, errFile);
    QFile::remove(big.indexFile());
    QFile::remove(big.indexFile() + QStringLiteral("-wal"));
    QFile::remove(big.indexFile() + QStringLiteral("-shm"));
    report("history --user-id U, index deleted",
           runCli(big, {QStringLiteral("history"), QStringLiteral("--user-id"), someone}, errFile), 0, "", errFile);
    report("history --user-id U, rebuilt",
           runCli(big, {QStringLiteral("history"), QStringLiteral("--user-id"), someone}, errFile), 0, "", errFile);

    // Append cost: a fresh 1,000-entry history beside the big one, the same wiring.
    const Home small{QDir(base).filePath(QStringLiteral("small-1000"))};
    QDir(small.home).removeRecursively();
    QList<double> atSmall;
    QList<double> atBig;
    {
        auto store = small.open();
        fill(*store, 0, 1000);
        for (int i = 0; i < sample; ++i)
            atSmall.append(appendOnce(*store, 1000 + i));
    }
    {
        auto store = big.open();
        for (int i = 0; i < sample; ++i)
            atBig.append(appendOnce(*store, total + i));
        QFile f(marker);
        if (f.open(QIODevice::WriteOnly))
            f.write(QByteArray::number(total + sample)); // the history grew: a rerun tops it up, never refills
    }
    std::printf("\nappend (begin + complete, each synced, index updated; median of %d):\n", sample);
    std::printf("  at 1,000 entries: %.0f us\n  at %lld entries: %.0f us\n  ratio: %.2f (goal: <= 2.0)\n",
                median(atSmall), static_cast<long long>(total), median(atBig), median(atBig) / median(atSmall));
    return 0;
}
