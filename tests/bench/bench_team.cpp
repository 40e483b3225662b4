// The team trail's speed goals, measured against a real PostgreSQL started like the team tests do:
//  - appending one record (one transaction: advisory lock, tail, insert) with 1,000 records in the
//    team trail and with 1,000,000 (made server-side with generate_series), goal: at most 2x;
//  - a console catching up 10,000 new records (read, chain check against its checkpoint, merge into
//    entries), goal: at most 2 s.
// Prints figures; not a CTest test (timings on a shared machine are not pass/fail material).
#include "history/HistoryEntry.h"
#include "history/local/LocalHistoryBackend.h"
#include "support/PgTestServer.h"
#include "team/TeamConnection.h"
#include "team/TeamConsoles.h"
#include "team/TeamHistoryBackend.h"
#include "team/TeamSchema.h"
#include "team/TeamSigner.h"
#include "team/TeamTrail.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

namespace {
const QString kBody = QStringLiteral(
    "{\"action\":\"deactivate\",\"environment\":\"sandbox\",\"face\":\"cli\",\"host\":\"127.0.0.1\",\"operator\":"
    "\"officer@example.org\",\"partner_id\":\"001\",\"pid\":4242,\"profile\":\"default\",\"reason\":\"CASE-1\","
    "\"time\":\"2026-12-02T05:00:00.000Z\",\"type\":\"begin\",\"user_id\":\"bench-user\"}");

// Every writer signs, as consoles do; its names are registered to the superuser's role once.
const TeamSigner &signer()
{
    static const TeamSigner key(QByteArrayLiteral("bench-writer-chain-key-0123456789"));
    return key;
}

TeamRecord writer(const QString &installation)
{
    TeamRecord w;
    w.installation = installation;
    w.machine = QStringLiteral("bench");
    w.dbRole = QStringLiteral("postgres");
    return w;
}

// Mean milliseconds of `count` single-record appends, each its own transaction.
double appendCost(QSqlDatabase &db, int count, qint64 firstId)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        int written = 0;
        const Status s = TeamTrail::append(db, writer(QStringLiteral("bench-append")),
                                           {{firstId + i, QStringLiteral("begin"), kBody}}, {}, signer(), &written);
        if (!s.ok() || written != 1) {
            std::fprintf(stderr, "append failed: %s\n", qPrintable(s.message()));
            return -1;
        }
    }
    return double(timer.nsecsElapsed()) / 1e6 / count;
}

bool batch(QSqlDatabase &db, const QString &installation, int count)
{
    QList<TeamOutgoing> records;
    for (int i = 1; i <= count; ++i)
        records.append({i, QStringLiteral("begin"), kBody});
    int written = 0;
    return TeamTrail::append(db, writer(installation), records, {}, signer(), &written).ok() && written == count;
}
// A console that has verified the trail so far, then 10,000 records by someone else: ms to read them.
double catchUp(const PgTestServer &server, QSqlDatabase &db, qsizetype *caughtEntries)
{
    QTemporaryDir home;
    TeamHistoryBackend::Config config;
    config.conninfo = server.conninfo(server.superuser());
    config.installation = QStringLiteral("bench-console");
    config.machine = QStringLiteral("bench");
    config.stateDir = home.filePath(QStringLiteral("settings"));
    TeamHistoryBackend console(std::make_unique<LocalHistoryBackend>(home.filePath(QStringLiteral("history"))), config);
    console.setChainKey(QByteArrayLiteral("bench-chain-key-0123456789abcdef"));
    const Result<HistoryRead> first = console.read(1);
    if (!first.ok())
        return -1;
    if (!batch(db, QStringLiteral("bench-colleague"), 10000))
        return -1;
    QElapsedTimer timer;
    timer.start();
    const Result<HistoryRead> caught = console.read(first.value().newestRecord + 1);
    *caughtEntries = caught.ok() ? caught.value().entries.size() : -1;
    return double(timer.nsecsElapsed()) / 1e6;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    PgTestServer server;
    QString why;
    if (!server.start(&why)) {
        std::fprintf(stderr, "bench_team: %s\n", qPrintable(why));
        return 1;
    }
    qputenv("PGPASSWORD", server.superPassword().toUtf8());
    TeamConnection admin;
    admin.setConninfo(server.conninfo(server.superuser()));
    if (!admin.open(true).ok() || !TeamSchema::migrate(admin.db()).ok()) {
        std::fprintf(stderr, "bench_team: no schema\n");
        return 1;
    }
    QSqlDatabase &db = admin.db();
    const int appends = 200;
    for (const char *name : {"bench-small", "bench-append", "bench-colleague"}) {
        if (!TeamConsoles::registerSelf(db, QLatin1String(name), QStringLiteral("bench"), signer()).ok()) {
            std::fprintf(stderr, "bench_team: could not register %s\n", name);
            return 1;
        }
    }

    if (!batch(db, QStringLiteral("bench-small"), 1000))
        return 1;
    const double small = appendCost(db, appends, 1);

    qsizetype caughtEntries = 0;
    const double catchUpMs = catchUp(server, db, &caughtEntries);
    if (catchUpMs < 0)
        return 1;

    QSqlQuery fill(db);
    QElapsedTimer filling;
    filling.start();
    // Made server-side with triggers off (a superuser's bulk load): fast, and its hashes are not a chain.
    fill.exec(QStringLiteral("SET session_replication_role = replica"));
    const bool filled = fill.exec(
        QStringLiteral("INSERT INTO enrollee.trail (seq, installation, local_id, kind, machine, body, hash) "
                       "SELECT g, 'bench-bulk', g, 'begin', 'bench', '%1', md5(g::text) || md5(g::text) "
                       "FROM generate_series((SELECT max(seq) + 1 FROM enrollee.trail), 1000000) g")
            .arg(kBody));
    if (!filled) {
        std::fprintf(stderr, "bench_team: bulk fill failed\n");
        return 1;
    }
    fill.exec(QStringLiteral("SET session_replication_role = origin"));
    fill.exec(QStringLiteral("ANALYZE enrollee.trail"));
    const double fillS = double(filling.nsecsElapsed()) / 1e9;
    const double big = appendCost(db, appends, 100000);

    std::printf("team trail append, mean of %d single-record transactions:\n", appends);
    std::printf("  with ~1,000 records:      %.3f ms\n", small);
    std::printf("  with ~1,000,000 records:  %.3f ms   (ratio %.2fx, goal <= 2x; fill took %.1f s)\n", big, big / small,
                fillS);
    std::printf("catch-up of 10,000 new records (read + chain check + merge): %.0f ms, %lld entries "
                "(goal <= 2000 ms)\n",
                catchUpMs, static_cast<long long>(caughtEntries));
    return 0;
}
