// What the local history's query faces cost on a large history answered from its index, as the
// window asks them: the first page (200 entries, newest first) of the whole history, of a text filter
// whose needle is common, rare and found nowhere, and of an outcome filter; one entry whole; the
// counts by outcome; rebuilding the index from nothing (and the index file's size); one append's cost
// at 1,000 entries and at the full size. Each query is timed warm (the same process, median of --runs)
// and from a fresh process (this program started again to answer it once, start-up included). Prints
// figures; asserts nothing, except that each answer is the walk's where checking it is cheap.
//   bench_history_query --home PATH [--entries N] [--runs N] [--sample N] [--no-rebuild]
// PATH is laid out as ENROLLEE_HOME lays it out (data/history, data/history-index.sqlite,
// config/history.anchor), as bench_history_cli leaves it; when it holds fewer than N entries (by its
// "filled" marker) it is filled up to N first. The index file in it is written: use a copy of a history
// someone else measures with.
#include "BenchEntries.h"
#include "history/local/LocalHistoryBackend.h"
#include "index/SqliteHistoryIndex.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>

namespace {
const QByteArray kKey = QByteArrayLiteral("bench-key-0123456789abcdef");

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
    void dropIndex() const
    {
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(indexFile() + QLatin1String(suffix));
    }
};

void check(const Status &s, const char *what)
{
    if (!s.ok()) {
        std::fprintf(stderr, "%s failed: %s\n", what, qPrintable(s.message()));
        std::exit(1);
    }
}

// Fills `store` from `from` entries to `to`, 500 actions per commit (as bench_history_cli fills).
void fill(LocalHistoryBackend &store, qint64 from, qint64 to)
{
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
        filled += batch.size();
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

// The questions the window asks, by name, so a fresh process can be told which one to answer.
struct Question {
    const char *name;
    const char *label;
    std::function<QString(LocalHistoryBackend &)> ask; // what it found, for the printout
};

HistoryQuery textQuery(const char *needle)
{
    HistoryQuery q;
    q.text = QString::fromUtf8(needle);
    return q;
}

QString pageSummary(const Result<HistoryPage> &page)
{
    check(page.status(), "page");
    return QStringLiteral("%1 entries%2").arg(page.value().entries.size()).arg(page.value().more ? " (more)" : "");
}

QList<Question> questions(qint64 entries)
{
    // A begin in the middle of the history: each fill batch is 500 begins, then their 500 answers.
    const qint64 middle = (entries / 1000) * 1000 + 251;
    return {
        {"first-page", "first page (200, newest first)",
         [](LocalHistoryBackend &b) { return pageSummary(b.page({}, 0, 200)); }},
        {"second-page", "next page (after the first)",
         [](LocalHistoryBackend &b) {
        const Result<HistoryPage> first = b.page({}, 0, 200);
        check(first.status(), "page");
        return pageSummary(b.page({}, first.value().next, 200));
         }},
        {"oldest-page", "first page, oldest first",
         [](LocalHistoryBackend &b) {
        HistoryQuery q;
        q.order = HistoryQuery::Order::OldestFirst;
        return pageSummary(b.page(q, 0, 200));
         }},
        {"text-common", "text \"routine\" (every entry)",
         [](LocalHistoryBackend &b) { return pageSummary(b.page(textQuery("routine"), 0, 200)); }},
        {"text-rare", "text \"case-12345\" (11 entries)",
         [](LocalHistoryBackend &b) { return pageSummary(b.page(textQuery("case-12345"), 0, 200)); }},
        {"text-none", "text \"no-such-text\" (no entry)",
         [](LocalHistoryBackend &b) { return pageSummary(b.page(textQuery("no-such-text"), 0, 200)); }},
        {"outcome-success", "outcome success (every entry)",
         [](LocalHistoryBackend &b) {
        HistoryQuery q;
        q.outcome = HistoryEntry::Outcome::Success;
        return pageSummary(b.page(q, 0, 200));
         }},
        {"outcome-failure", "outcome failure (no entry)",
         [](LocalHistoryBackend &b) {
        HistoryQuery q;
        q.outcome = HistoryEntry::Outcome::Failure;
        return pageSummary(b.page(q, 0, 200));
         }},
        {"action", "action deactivate (1 in 6)",
         [](LocalHistoryBackend &b) {
        HistoryQuery q;
        q.action = ActionKind::Deactivate;
        return pageSummary(b.page(q, 0, 200));
         }},
        {"read-entry", "readEntry (one entry whole)",
         [middle](LocalHistoryBackend &b) {
        const Result<HistoryEntry> e = b.readEntry(middle);
        return e.ok() ? QStringLiteral("#%1 %2").arg(e.value().id).arg(e.value().userId) : e.message();
         }},
        {"user", "one user's entries (readUser)",
         [middle](LocalHistoryBackend &b) {
        const Result<HistoryRead> r = b.readUser(QStringLiteral("user-%1").arg(middle / 2, 8, 10, QLatin1Char('0')));
        check(r.status(), "readUser");
        return QStringLiteral("%1 entries").arg(r.value().entries.size());
         }},
        {"text-user", "text: one user's ID",
         [middle](LocalHistoryBackend &b) {
        const QByteArray user = QStringLiteral("user-%1").arg(middle / 2, 8, 10, QLatin1Char('0')).toUtf8();
        return pageSummary(b.page(textQuery(user.constData()), 0, 200));
         }},
        {"count", "count (every entry, by outcome)",
         [](LocalHistoryBackend &b) {
        const Result<HistoryCounts> c = b.count({});
        check(c.status(), "count");
        return QStringLiteral("%1 total, %2 success").arg(c.value().total).arg(c.value().success);
         }},
        {"count-text", "count text \"case-12345\"",
         [](LocalHistoryBackend &b) {
        const Result<HistoryCounts> c = b.count(textQuery("case-12345"));
        check(c.status(), "count");
        return QStringLiteral("%1 total").arg(c.value().total);
         }},
        };
}

double msSince(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e6;
}

// This thread's CPU time in ms: what an answer cost, whatever else the shared machine was doing.
double cpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// Child mode: opens the history and answers one question, printing the time the answer took.
int answerOnce(const Home &home, const QString &name, qint64 entries)
{
    QElapsedTimer open;
    open.start();
    auto store = home.open();
    for (const Question &q : questions(entries)) {
        if (QLatin1String(q.name) != name)
            continue;
        QElapsedTimer t;
        t.start();
        const double cpu = cpuMs();
        const QString found = q.ask(*store);
        std::printf("%.1f %.1f %.1f %s\n", msSince(t), cpuMs() - cpu, msSince(open), qPrintable(found));
        return 0;
    }
    return 2;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("home"), QStringLiteral("The history's home (see the top of the source)."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("entries"), QStringLiteral("Entries it should hold (default 100000)."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Warm runs of each question (default 5)."),
                      QStringLiteral("N"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("sample"), QStringLiteral("Appends timed at each size (default 50)."),
                      QStringLiteral("N"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("no-rebuild"), QStringLiteral("Keep the index there is.")});
    parser.addOption(
        {QStringLiteral("answer"), QStringLiteral("(internal) answer one question and exit."), QStringLiteral("NAME")});
    parser.process(app);
    if (!parser.isSet(QStringLiteral("home"))) {
        std::fprintf(stderr, "--home is required\n");
        return 2;
    }
    const Home home{parser.value(QStringLiteral("home"))};
    qint64 total = parser.value(QStringLiteral("entries")).toLongLong();
    const int runs = parser.value(QStringLiteral("runs")).toInt();
    const int sample = parser.value(QStringLiteral("sample")).toInt();
    const QString marker = QDir(home.home).filePath(QStringLiteral("filled"));
    qint64 filled = 0;
    if (QFile f(marker); f.open(QIODevice::ReadOnly))
        filled = f.readAll().trimmed().toLongLong();
    if (parser.isSet(QStringLiteral("answer")))
        return answerOnce(home, parser.value(QStringLiteral("answer")), qMax(filled, total));

    if (filled < total) {
        std::printf("filling %lld entries in %s\n", static_cast<long long>(total - filled), qPrintable(home.home));
        std::fflush(stdout);
        auto store = home.open();
        fill(*store, filled, total);
        if (QFile f(marker); f.open(QIODevice::WriteOnly))
            f.write(QByteArray::number(total));
        filled = total;
    }
    total = filled;
    std::printf("history of %lld entries (%lld records) in %s\n", static_cast<long long>(total),
                static_cast<long long>(2 * total), qPrintable(home.home));

    if (!parser.isSet(QStringLiteral("no-rebuild"))) {
        home.dropIndex();
        auto store = home.open();
        QElapsedTimer t;
        t.start();
        const Result<HistoryPage> first = store->page({}, 0, 200);
        check(first.status(), "rebuild");
        std::printf("index rebuilt from nothing (first page included): %.1f s, file %.1f MB\n", msSince(t) / 1000,
                    QFileInfo(home.indexFile()).size() / 1e6);
    } else {
        std::printf("index file: %.1f MB\n", QFileInfo(home.indexFile()).size() / 1e6);
    }
    std::fflush(stdout);

    std::printf("\n%-34s %9s %9s %10s %10s %11s   %s\n", "question (times in ms)", "warm", "warm cpu", "fresh",
                "fresh cpu", "fresh proc", "answer");
    {
        auto store = home.open();
        for (const Question &q : questions(total)) {
            // Fresh: this program started again, the answer timed inside it and the whole process outside.
            QProcess child;
            QElapsedTimer whole;
            whole.start();
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--home"), home.home, QStringLiteral("--entries"), QString::number(total),
                         QStringLiteral("--answer"), QLatin1String(q.name)});
            child.waitForFinished(-1);
            const double process = msSince(whole);
            const QList<QByteArray> fresh = child.readAllStandardOutput().trimmed().split(' ');
            QList<double> warm;
            QList<double> warmCpu;
            QString found;
            for (int i = 0; i < runs; ++i) {
                QElapsedTimer t;
                t.start();
                const double cpu = cpuMs();
                found = q.ask(*store);
                warmCpu.append(cpuMs() - cpu);
                warm.append(msSince(t));
            }
            std::printf("%-34s %9.1f %9.1f %10.1f %10.1f %11.0f   %s\n", q.label, median(warm), median(warmCpu),
                        fresh.value(0).toDouble(), fresh.value(1).toDouble(), process, qPrintable(found));
            std::fflush(stdout);
        }
        // The answer is the walk's (cheap to check for a page that fills early).
        const Result<HistoryPage> indexed = store->page(textQuery("routine"), 0, 200);
        const Result<HistoryPage> walked = store->HistoryBackend::page(textQuery("routine"), 0, 200);
        bool same = indexed.ok() && walked.ok() && indexed.value().entries.size() == walked.value().entries.size()
            && indexed.value().next == walked.value().next;
        for (qsizetype i = 0; same && i < indexed.value().entries.size(); ++i)
            same = indexed.value().entries.at(i).toJson() == walked.value().entries.at(i).toJson();
        std::printf("first text page equals the walk's: %s\n", same ? "yes" : "NO");
    }

    // Append cost: a fresh 1,000-entry history beside the big one, the same wiring.
    const Home small{home.home + QStringLiteral("-small-1000")};
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
        auto store = home.open();
        for (int i = 0; i < sample; ++i)
            atBig.append(appendOnce(*store, total + i));
        if (QFile f(marker); f.open(QIODevice::WriteOnly))
            f.write(QByteArray::number(total + sample));
    }
    QDir(small.home).removeRecursively();
    std::printf("\nappend (begin + complete, each synced, index updated; median of %d):\n", sample);
    std::printf("  at 1,000 entries: %.0f us\n  at %lld entries: %.0f us\n  ratio: %.2f (goal: <= 2.0)\n",
                median(atSmall), static_cast<long long>(total), median(atBig), median(atBig) / median(atSmall));
    return 0;
}
