// Figures for the history view at 100,000 entries: filling the model, filtering by text and by date,
// and sorting, through the same model/proxy/view stack the panel uses. It prints times; it judges
// nothing, so it is run by hand (see the report in the commit that added it), not by CTest.

#include "history/HistoryFeed.h"
#include "history/HistoryFilterProxy.h"
#include "history/HistoryPanel.h"
#include "history/HistoryService.h"
#include "history/HistoryTableModel.h"
#include "history/local/LocalHistoryBackend.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>
#include <memory>

namespace {
QList<HistoryEntry> synthetic(int count)
{
    const QList<ActionKind> actions = ActionInfo::all();
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-365);
    QList<HistoryEntry> entries;
    entries.reserve(count);
    for (int i = 0; i < count; ++i) {
        HistoryEntry e;
        e.id = 2 * i + 1;
        e.time = start.addSecs(qint64(i) * 300);
        e.operatorEmail = QStringLiteral("officer%1@example.com").arg(i % 17);
        e.profileName = QStringLiteral("default");
        e.environment = i % 5 == 0 ? Environment::Production : Environment::Sandbox;
        e.partnerId = QStringLiteral("001");
        e.userId = QStringLiteral("user-%1").arg(i % 20000, 5, 10, QLatin1Char('0'));
        e.action = actions.at(i % actions.size());
        e.reason = QStringLiteral("case CASE-%1").arg(i);
        e.outcome = i % 7 == 0 ? HistoryEntry::Outcome::Failure : HistoryEntry::Outcome::Success;
        e.httpStatus = e.outcome == HistoryEntry::Outcome::Failure ? 400 : 200;
        e.code = e.outcome == HistoryEntry::Outcome::Failure ? QStringLiteral("2205") : QString();
        e.message = e.outcome == HistoryEntry::Outcome::Failure ? QStringLiteral("Unauthorized") : QString();
        entries.append(e);
    }
    return entries;
}

// Median of a few runs, in milliseconds: one slow run (another build on the machine) does not skew it.
double medianMs(int runs, const std::function<void()> &prepare, const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        prepare();
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 100000;
    const int runs = 5;
    const QList<HistoryEntry> entries = synthetic(count);

    // The real panel (its table settings and sorted proxy) over an empty history; the entries go
    // straight into its model, as a finished load would put them.
    QTemporaryDir dir;
    HistoryService service(std::make_unique<LocalHistoryBackend>(dir.path()));
    HistoryTableModel feedModel;
    HistoryFeed feed(&service, &feedModel);
    HistoryPanel panel(&feed);
    panel.resize(1200, 800);
    panel.show();
    HistoryTableModel &model = *panel.model();
    HistoryFilterProxy &proxy = *panel.proxy();
    QTableView &view = *panel.view();

    QTextStream out(stdout);
    out << "bench_history_view: " << count << " entries, median of " << runs << " runs (ms)\n";
    const auto nothing = [] {};
    out << "  setEntries (model + sorted proxy + panel):  "
        << medianMs(
               runs, [&] { model.clear(); }, [&] { model.setEntries(entries); })
        << '\n';
    out << "  text filter \"user-0042\":                    "
        << medianMs(
               runs, [&] { proxy.setTextFilter({}); }, [&] { proxy.setTextFilter(QStringLiteral("user-0042")); })
        << "  (" << proxy.rowCount() << " rows)\n";
    proxy.setTextFilter({});
    const QDate from = entries.at(count / 2).time.toLocalTime().date();
    const QDate to = from.addDays(30);
    out << "  date filter (31 days):                      "
        << medianMs(
               runs, [&] { proxy.setDateRange({}, {}); }, [&] { proxy.setDateRange(from, to); })
        << "  (" << proxy.rowCount() << " rows)\n";
    proxy.setDateRange({}, {});
    out << "  sort by time, ascending:                    "
        << medianMs(
               runs, [&] { view.sortByColumn(HistoryTableModel::TimeColumn, Qt::DescendingOrder); },
               [&] { view.sortByColumn(HistoryTableModel::TimeColumn, Qt::AscendingOrder); })
        << '\n';
    out << "  sort by user ID:                            "
        << medianMs(
               runs, [&] { view.sortByColumn(HistoryTableModel::TimeColumn, Qt::DescendingOrder); },
               [&] { view.sortByColumn(HistoryTableModel::UserColumn, Qt::AscendingOrder); })
        << '\n';
    out << "  upsert one new entry into the sorted view:  "
        << medianMs(
               runs, nothing,
               [&, id = 10 * qint64(count)]() mutable {
        HistoryEntry e = entries.first();
        e.id = ++id;
        e.time = QDateTime::currentDateTimeUtc();
        model.upsert(e);
               })
        << '\n';
    return 0;
}
