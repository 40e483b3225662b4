// Measures what the audit trail is held to: the cost of one append (an action's begin + its
// completion, each synced to disk) when the history holds 1,000 and 100,000 entries, and the time to
// load everything. Prints figures; it asserts nothing. Usage:
//   bench_history_store [--entries N] [--sample N] [--shard N] [--dir PATH]
#include "BenchEntries.h"
#include "history/local/LocalHistoryBackend.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace {
// One append as the runner does it: begin (synced), then complete (synced). Returns microseconds, or
// stops the bench: timing failed writes would measure nothing.
double appendOnce(LocalHistoryBackend &store, qint64 i)
{
    QElapsedTimer t;
    t.start();
    HistoryEntry e = BenchEntries::begun(i);
    const Result<QList<qint64>> ids = store.begin({e});
    Status done = ids.status();
    if (ids.ok()) {
        e.id = ids.value().first();
        done = store.complete({BenchEntries::succeeded(e)});
    }
    if (!done.ok()) {
        std::fprintf(stderr, "append %lld failed: %s\n", static_cast<long long>(i), qPrintable(done.message()));
        std::exit(1);
    }
    return t.nsecsElapsed() / 1000.0;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

double mean(const QList<double> &v)
{
    double sum = 0;
    for (double x : v)
        sum += x;
    return v.isEmpty() ? 0 : sum / v.size();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("entries"), QStringLiteral("Entries to fill (default 100000)."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("sample"), QStringLiteral("Appends timed at each mark (default 200)."),
                      QStringLiteral("N"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("shard"), QStringLiteral("Records per shard file (default: the store's)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("dir"),
                      QStringLiteral("Where to build the history (default: a temporary folder)."),
                      QStringLiteral("PATH")});
    parser.process(app);
    const qint64 total = parser.value(QStringLiteral("entries")).toLongLong();
    const int sample = parser.value(QStringLiteral("sample")).toInt();
    QTemporaryDir temp;
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temp.path();

    // The history in DIR/history and its anchor beside it, as settings and history sit apart for real.
    LocalHistoryBackend store(QDir(dir).filePath(QStringLiteral("history")));
    store.setChainKey(QByteArrayLiteral("bench-key-0123456789abcdef"));
    // As CoreContext sets it up: every append also rewrites the anchor outside the history folder.
    store.setAnchorFile(QDir(dir).filePath(QStringLiteral("history.anchor")));
    if (parser.isSet(QStringLiteral("shard")))
        store.setShardCapacity(parser.value(QStringLiteral("shard")).toInt());

    qint64 filled = 0;
    QElapsedTimer fillTimer;
    fillTimer.start();
    // The fill commits 500 actions at a time (the batch begin/complete bulk runs use), so 100,000
    // entries take minutes, not an hour of serial fsyncs; as many records and files land on disk, and
    // only the single appends at each mark are timed.
    auto fillTo = [&](qint64 target) {
        while (filled < target) {
            QList<HistoryEntry> batch;
            for (qint64 i = filled; i < qMin(target, filled + 500); ++i)
                batch.append(BenchEntries::begun(i));
            const Result<QList<qint64>> ids = store.begin(batch);
            if (!ids.ok()) {
                std::fprintf(stderr, "fill failed: %s\n", qPrintable(ids.message()));
                std::exit(1);
            }
            for (qsizetype i = 0; i < batch.size(); ++i) {
                batch[i].id = ids.value().at(i);
                batch[i] = BenchEntries::succeeded(batch[i]);
            }
            if (const Status done = store.complete(batch); !done.ok()) {
                std::fprintf(stderr, "fill failed: %s\n", qPrintable(done.message()));
                std::exit(1);
            }
            const qint64 before = filled;
            filled += batch.size();
            if (filled / 10000 != before / 10000) {
                std::printf("  filled %lld entries (%.0f s)\n", static_cast<long long>(filled),
                            fillTimer.elapsed() / 1000.0);
                std::fflush(stdout);
            }
        }
    };
    auto measureAt = [&](qint64 mark) {
        fillTo(mark);
        QList<double> us;
        for (int i = 0; i < sample; ++i)
            us.append(appendOnce(store, filled++));
        std::printf(
            "append at %lld entries: median %.0f us, mean %.0f us (begin + complete, each synced; %d samples)\n",
            static_cast<long long>(mark), median(us), mean(us), sample);
        std::fflush(stdout);
        return median(us);
    };

    const double at1k = measureAt(1000);
    const double atTotal = measureAt(total);

    QElapsedTimer loadTimer;
    loadTimer.start();
    const Result<HistoryRead> read = store.read(1);
    const qint64 loadMs = loadTimer.elapsed();
    if (!read.ok()) {
        std::fprintf(stderr, "load failed: %s\n", qPrintable(read.message()));
        return 1;
    }
    const HistoryRead &load = read.value();
    QElapsedTimer verifyTimer;
    verifyTimer.start();
    const ChainReport report = store.verify();
    const qint64 verifyMs = verifyTimer.elapsed();

    std::printf("load of %lld entries (%lld shard files): %lld ms\n", static_cast<long long>(load.entries.size()),
                static_cast<long long>(store.shardFiles().size()), static_cast<long long>(loadMs));
    std::printf("verify of %lld records: %lld ms (%s)\n", static_cast<long long>(report.records),
                static_cast<long long>(verifyMs), report.ok ? "intact" : qPrintable(report.problem));
    std::printf("ratio append@%lld / append@1000: %.2f (goal: <= 2.0)\n", static_cast<long long>(total),
                atTotal / at1k);
    return 0;
}
