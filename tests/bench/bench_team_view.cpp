// The window over a team trail in PostgreSQL, end to end: a console connected with `enrollee-cli team
// connect` (its own settings, copy and keychain service), then the real window (AppContext and
// MainWindow, wired as the console wires them). It prints the time from the window shown to History's
// first page shown, the lookup's timeline of one user, a few text filters' first pages, and resident
// memory (now and peak) at the first page and a while later. Point it at a superuser's database
// holding a filled trail, e.g. one bench_team filled (ENROLLEE_BENCH_TEAM_CONNINFO, ..._FILL_ONLY):
//   bench_team_view "host=127.0.0.1 port=5432 dbname=queries user=postgres" user-4242
// and again at a trail of 1,000 records to compare peak memory. With --verified the console first
// checks the whole trail (`enrollee-cli history --verify`), so it starts as a running console does,
// with its checkpoint at the trail's end; without, it starts as a console new to the trail. Needs a
// Secret Service (run it under dbus-run-session with an unlocked gnome-keyring, as the suites do). It
// judges nothing, so it is run by hand, not by CTest.
#include "AppContext.h"
#include "BenchWindow.h"
#include "MainWindow.h"
#include "PromptService.h"
#include "history/HistoryFilter.h"
#include "history/HistoryPanel.h"
#include "history/HistoryTableModel.h"
#include "history/UserTimelineModel.h"
#include "support/CliHarness.h"
#include "support/GuiTestSupport.h"
#include "team/TeamConnection.h"
#include "team/TeamSchema.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <cstdio>

namespace {
using namespace BenchWindow;

// The first page of the text filter `needle` as the panel asks it, timed from the filter set to the
// first page of that query loaded.
void firstPage(const char *what, HistoryPanel &panel, const QString &needle)
{
    HistoryTableModel *model = panel.model();
    double ms = -1;
    int rows = 0;
    QElapsedTimer timer;
    timer.start();
    const QMetaObject::Connection seen = QObject::connect(model, &HistoryTableModel::loaded, model, [&] {
        if (ms < 0 && model->query().text == needle) {
            ms = double(timer.nsecsElapsed()) / 1e6;
            rows = model->rowCount();
        }
    });
    panel.filter()->setTextFilter(needle);
    if (!QTest::qWaitFor([&ms] { return ms >= 0; }, 600000))
        ms = -1;
    QObject::disconnect(seen);
    line(what, ms, QStringLiteral("(%1 rows)").arg(rows));
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    GuiTest::isolate("bench_team_view");
    QStringList args = app.arguments().mid(1);
    const bool verified = args.removeAll(QStringLiteral("--verified")) > 0;
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: bench_team_view [--verified] CONNINFO [USER_ID]\n");
        return 2;
    }
    const QString conninfo = args.at(0);
    const QString user = args.size() > 1 ? args.at(1) : QStringLiteral("user-4242");

    // The trail at this console's schema version, as `team init` leaves it.
    qint64 head = 0;
    {
        TeamConnection admin;
        admin.setConninfo(conninfo);
        const Status open = admin.open(true);
        const Result<int> upgraded = open.ok() ? TeamSchema::migrate(admin.db()) : Result<int>(open);
        if (!upgraded.ok()) {
            std::fprintf(stderr, "bench_team_view: %s\n", qPrintable(upgraded.message()));
            return 1;
        }
        QSqlQuery q(admin.db());
        if (q.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM enrollee.trail")) && q.next())
            head = q.value(0).toLongLong();
    }
    std::printf("bench_team_view: a team trail of %lld records, a console %s\n", static_cast<long long>(head),
                verified ? "that has checked it (its checkpoint at the end)" : "new to it (no checkpoint)");
    CliHarness cli;
    const CliRun connected = cli.run(
        {QStringLiteral("team"), QStringLiteral("connect"), QStringLiteral("--conninfo"), conninfo}, {}, 120000);
    if (connected.exitCode != 0) {
        std::fprintf(stderr, "bench_team_view: team connect: %s\n", qPrintable(connected.describe()));
        return 1;
    }
    if (verified) {
        QElapsedTimer timer;
        timer.start();
        const CliRun checked = cli.run({QStringLiteral("history"), QStringLiteral("--verify")}, {}, 3600000);
        line("enrollee-cli history --verify (setting up)", double(timer.nsecsElapsed()) / 1e6,
             QStringLiteral("exit %1").arg(checked.exitCode));
    }
    CoreConfig core;
    core.settingsFile = cli.settingsFile();
    core.historyDir = cli.historyDir();
    core.keychainService = cli.environment().value(QStringLiteral("ENROLLEE_KEYCHAIN_SERVICE"));
    memory("before the window");

    AppContext context(core);
    PromptService prompts;
    MainWindow window(&context, &prompts);
    // History's model is the window's from the start; its panel and the lookup's timeline are built
    // after the first frame.
    auto *model = window.findChild<HistoryTableModel *>();
    if (!model) {
        std::fprintf(stderr, "bench_team_view: the window has no history model\n");
        return 1;
    }
    QSignalSpy loaded(model, &HistoryTableModel::loaded);
    QElapsedTimer sinceShown;
    double ready = context.isReady() ? 0 : -1;
    QObject::connect(&context, &AppContext::ready, &context,
                     [&ready, &sinceShown] { ready = double(sinceShown.nsecsElapsed()) / 1e6; });
    window.resize(1200, 800);
    window.show();
    sinceShown.start();
    const double first = waitMs(loaded, sinceShown);
    line("History's first page after the window is shown", first, QStringLiteral("(%1 rows)").arg(model->rowCount()));
    line("(the history ready: its chain key read)", ready);
    memory("at the first page");
    HistoryPanel *panel = nullptr;
    UserTimelineModel *lookup = nullptr;
    const bool built = QTest::qWaitFor(
        [&] {
        panel = window.findChild<HistoryPanel *>();
        lookup = window.findChild<UserTimelineModel *>();
        return panel && lookup;
        },
        60000);
    if (!built) {
        std::fprintf(stderr, "bench_team_view: the window has no history panel or lookup\n");
        return 1;
    }
    // The timeline first, then its rows: in one call's arguments the order of the two is unspecified.
    const auto lookupLine = [&](const char *what) {
        const double ms = timeline(*lookup, user, QStringLiteral("001"));
        line(what, ms, QStringLiteral("(%1 entries)").arg(lookup->rowCount()));
    };
    lookupLine("lookup timeline, at once");
    lookupLine("lookup timeline, again");
    for (const char *needle : {"officer3", "case-4242", "case-1", "no-such-words"}) {
        const QString what = QStringLiteral("text filter \"%1\", first page").arg(QLatin1String(needle));
        firstPage(qPrintable(what), *panel, QLatin1String(needle));
    }
    firstPage("filter cleared", *panel, QString());
    // What the window holds once its background work (the forwarder, the checkpoint's walk, the
    // trail's check) has run a while.
    QTest::qWait(20000);
    memory("20 s after the first page");
    lookupLine("lookup timeline, 20 s later");
    return 0;
}
