// Figures for the History tab and the lookup over a filled history, through the window's own stack
// (HistoryPanel over the feed and the fetch-on-demand model, the lookup's timeline model) and the
// backend wired as CoreContext wires it (the shards, the anchor, the SQLite index). Point it at a
// home laid out as ENROLLEE_HOME lays it out, e.g. one filled by bench_history_cli:
//   bench_history_view /var/tmp/histindex-bench/big-1000000 user-00004242
// and again at a home of 1,000 entries to compare peak memory. It prints times and memory; it judges
// nothing, so it is run by hand, not by CTest.

#include "BenchWindow.h"
#include "history/HistoryFeed.h"
#include "history/HistoryFilter.h"
#include "history/HistoryPanel.h"
#include "history/HistoryService.h"
#include "history/HistoryTableModel.h"
#include "history/UserTimelineModel.h"
#include "history/local/LocalHistoryBackend.h"
#include "index/SqliteHistoryIndex.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <cstdio>
#include <memory>

namespace {
using namespace BenchWindow;

const QByteArray kKey = QByteArrayLiteral("bench-key-0123456789abcdef");

// The first page for the filter as it stands, in ms.
// Prints the time to the first page for the filter `change` sets, and the rows it brought.
void firstPage(const char *what, HistoryPanel &panel, const std::function<void()> &change)
{
    QSignalSpy loaded(panel.model(), &HistoryTableModel::loaded);
    QElapsedTimer timer;
    timer.start();
    change();
    const double ms = waitMs(loaded, timer);
    line(what, ms, QStringLiteral("(%1 rows)").arg(panel.model()->rowCount()));
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_history_view HOME [USER_ID]\n");
        return 2;
    }
    const QString home = QString::fromLocal8Bit(argv[1]);
    const QString user = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("user-00000042");
    std::printf("bench_history_view: %s\n", qPrintable(home));
    memory("before opening");

    auto backend = std::make_unique<LocalHistoryBackend>(QDir(home).filePath(QStringLiteral("data/history")));
    backend->setChainKey(kKey);
    backend->setAnchorFile(QDir(home).filePath(QStringLiteral("config/history.anchor")));
    backend->setIndex(
        std::make_unique<SqliteHistoryIndex>(QDir(home).filePath(QStringLiteral("data/history-index.sqlite"))));
    HistoryService service(std::move(backend));
    HistoryTableModel model(&service);
    HistoryFeed feed(&service, &model);
    HistoryPanel panel(&feed);
    UserTimelineModel lookup(&service);
    panel.resize(1200, 800);

    QElapsedTimer sinceShown;
    QSignalSpy loaded(&model, &HistoryTableModel::loaded);
    QSignalSpy verified(&panel, &HistoryPanel::verificationFinished);
    panel.show();
    sinceShown.start();
    panel.reload();
    const double first = waitMs(loaded, sinceShown);
    line("first page after the panel is shown", first, QStringLiteral("(%1 rows)").arg(model.rowCount()));
    memory("at the first page");
    // The lookup right away, while the chain check that follows the first page may be running.
    const double atOnce = timeline(lookup, user, QStringLiteral("085"));
    line("lookup timeline, at once", atOnce, QStringLiteral("(%1 entries)").arg(lookup.rowCount()));
    // The check gives way between shards: filters asked while it runs are answered at once too.
    firstPage("text filter while the check runs, one user", panel,
              [&panel, user] { panel.filter()->setTextFilter(user); });
    firstPage("filter cleared while the check runs", panel, [&panel] { panel.filter()->setTextFilter(QString()); });
    const double whileChecking = timeline(lookup, user, QStringLiteral("085")); // before its rows are counted
    line("lookup timeline while the check runs", whileChecking, QStringLiteral("(%1 entries)").arg(lookup.rowCount()));
    const double checked = waitMs(verified, sinceShown);
    line("chain check finished", checked,
         panel.lastVerification().ok ? QStringLiteral("intact, %1 records").arg(panel.lastVerification().records)
                                     : panel.lastVerification().problem);
    memory("after the chain check");

    const double later = timeline(lookup, user, QStringLiteral("085"));
    line("lookup timeline", later, QStringLiteral("(%1 entries)").arg(lookup.rowCount()));
    const auto text = [&panel](const QString &needle) {
        return [&panel, needle] { panel.filter()->setTextFilter(needle); };
    };
    firstPage("text filter, common (\"routine\")", panel, text(QStringLiteral("routine")));
    firstPage("text filter, one user", panel, text(user));
    firstPage("text filter, no match", panel, text(QStringLiteral("no-such-text-anywhere")));
    firstPage("filter cleared", panel, text(QString()));
    firstPage("outcome filter, failures", panel,
              [&panel] { panel.filter()->setOutcomeFilter(HistoryEntry::Outcome::Failure); });
    panel.filter()->setOutcomeFilter(std::nullopt);
    firstPage("oldest first", panel,
              [&panel] { panel.view()->sortByColumn(HistoryTableModel::TimeColumn, Qt::AscendingOrder); });
    {
        QSignalSpy changed(&model, &HistoryTableModel::changed);
        QElapsedTimer timer;
        timer.start();
        int pages = 0;
        for (; pages < 10 && model.canFetchMore({}); ++pages) {
            changed.clear();
            model.fetchMore({});
            changed.wait(60000);
        }
        line("up to ten more pages while scrolling (each)", pages > 0 ? double(timer.nsecsElapsed()) / 1e6 / pages : 0,
             QStringLiteral("(%1 rows held)").arg(model.rowCount()));
    }
    memory("at the end");
    return 0;
}
