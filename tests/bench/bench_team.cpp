// The team trail's speed goals, measured against a real PostgreSQL started like the team tests do:
//  - appending one record (one transaction: advisory lock, tail, insert) with 1,000 records in the
//    team trail and with 1,000,000 (made server-side with generate_series), goal: at most 2x;
//  - a console catching up 10,000 new records (read, chain check against its checkpoint, merge into
//    entries), goal: at most 2 s, with a small trail and with ~1,000,000 records;
//  - the history's queries on a trail of ~1,000,000 records chained and signed as consoles write them
//    (loaded by a superuser with triggers off, since the consoles' own path takes ~4 ms a record, then
//    upgraded from schema version 3): the first page, a user's timeline (goal <= 50 ms), a text filter's
//    first page (goal <= 300 ms), counts, one entry, and the catch-up at that size.
// ENROLLEE_BENCH_TEAM_RECORDS sets the size of that trail (default 1,000,000). ENROLLEE_BENCH_TEAM_CONNINFO
// names a superuser's database to keep it in instead (filled when empty, else only upgraded; each run
// adds the catch-up's 10,000 records): only the queries are measured then, and with
// ENROLLEE_BENCH_TEAM_FILL_ONLY set the trail is only filled (schema version 3), so that consoles of
// different versions can upgrade and measure the same records.
// Prints figures; not a CTest test (timings on a shared machine are not pass/fail material).
#include "history/HistoryChain.h"
#include "history/HistoryEntry.h"
#include "history/HistoryRecords.h"
#include "history/local/LocalHistoryBackend.h"
#include "support/PgTestServer.h"
#include "team/TeamCheckpoint.h"
#include "team/TeamConnection.h"
#include "team/TeamConsoles.h"
#include "team/TeamHistoryBackend.h"
#include "team/TeamSchema.h"
#include "team/TeamSigner.h"
#include "team/TeamTrail.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
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

bool batch(QSqlDatabase &db, const QString &installation, int count, qint64 firstId = 1)
{
    QList<TeamOutgoing> records;
    for (int i = 0; i < count; ++i)
        records.append({firstId + i, QStringLiteral("begin"), kBody});
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
// The median of `runs` timings of `work`, in milliseconds.
template <typename Work>
double medianMs(int runs, Work work)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

// A varied day of work: 50,000 users, every action, one entry in ten a bulk row, reasons with case numbers.
HistoryEntry benchEntry(qint64 i)
{
    static const QList<ActionKind> kinds = ActionInfo::all();
    HistoryEntry e;
    e.time = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(i * 20);
    e.operatorEmail = QStringLiteral("officer%1@example.org").arg(i % 7);
    e.profileName = QStringLiteral("default");
    e.environment = i % 3 == 0 ? Environment::Production : Environment::Sandbox;
    e.partnerId = QStringLiteral("001");
    e.host = QStringLiteral("prod.smileidentity.com");
    e.userId = QStringLiteral("user-%1").arg(i % 50000);
    e.action = kinds.at(int(i % kinds.size()));
    e.reason = QStringLiteral("Ticket CASE-%1 closed by compliance").arg(i);
    e.face = QStringLiteral("console");
    e.pid = 4242;
    if (i % 10 == 0) {
        e.runId = QStringLiteral("run-%1").arg(i / 10000);
        e.runLine = int(i % 10000);
        e.runDigest = QString(64, QLatin1Char('d'));
    }
    return e;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// The records of `count` entries (a begin and its answer each; now and then one still waiting), as a
// console sends them.
QList<TeamOutgoing> benchRecords(qint64 records)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<TeamOutgoing> out;
    for (qint64 entry = 1; out.size() < records; ++entry) {
        HistoryEntry e = benchEntry(entry);
        e.id = entry;
        out.append({entry, QStringLiteral("begin"), compact(HistoryRecords::begin(e, now))});
        if (entry % 1000 == 0 || out.size() == records)
            continue;
        e.outcome = entry % 11 == 0 ? HistoryEntry::Outcome::Failure : HistoryEntry::Outcome::Success;
        e.code = entry % 11 == 0 ? QStringLiteral("2204") : QStringLiteral("2205");
        e.message = entry % 11 == 0 ? QStringLiteral("Refused") : QStringLiteral("Done");
        e.httpStatus = entry % 11 == 0 ? 400 : 200;
        e.completedAt = e.time.addSecs(1);
        out.append({entry, QStringLiteral("complete"), compact(HistoryRecords::completion(e, now))});
    }
    return out;
}

// A superuser's bulk load of records exactly as the console would write them (numbered from 1, each
// chained to the one before, signed with the registered console's key, role stamped as the trigger
// would), many rows per INSERT with the triggers off: the consoles' own path takes ~4 ms a record.
bool fillSigned(QSqlDatabase &db, const QString &installation, qint64 records)
{
    const QList<TeamOutgoing> all = benchRecords(records);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SET session_replication_role = replica")))
        return false;
    QString previous = HistoryChain::genesis();
    QHash<qint64, qint64> begins;
    constexpr int kRows = 1000;
    QElapsedTimer timer;
    timer.start();
    for (qsizetype from = 0; from < all.size(); from += kRows) {
        const qsizetype n = qMin<qsizetype>(kRows, all.size() - from);
        QStringList rows;
        for (qsizetype i = 0; i < n; ++i)
            rows.append(QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO enrollee.trail (seq, installation, local_id, kind, ref_seq, "
                                      "db_role, machine, body, hash, signature) VALUES ")
                       + rows.join(QStringLiteral(", ")));
        for (qsizetype i = from; i < from + n; ++i) {
            TeamRecord r = writer(installation);
            r.seq = i + 1;
            r.localId = all.at(i).localId;
            r.kind = all.at(i).kind;
            r.body = all.at(i).body;
            if (r.kind == QLatin1String("begin"))
                begins.insert(r.localId, r.seq);
            else
                r.refSeq = begins.value(r.localId);
            const QString text = TeamTrail::recordText(r);
            r.hash = TeamTrail::recordHash(previous, r.seq, text);
            previous = r.hash;
            for (const QVariant &v : {QVariant(r.seq), QVariant(r.installation), QVariant(r.localId), QVariant(r.kind),
                                      QVariant(r.refSeq), QVariant(r.dbRole), QVariant(r.machine), QVariant(r.body),
                                      QVariant(r.hash), QVariant(signer().sign(text))})
                insert.addBindValue(v);
        }
        if (!insert.exec()) {
            std::fprintf(stderr, "fill failed: %s\n", qPrintable(insert.lastError().text()));
            return false;
        }
        if ((from / kRows) % 100 == 99)
            std::fprintf(stderr, "  filled %lld records, %.0f s\n", static_cast<long long>(from + n),
                         double(timer.elapsed()) / 1000);
    }
    return q.exec(QStringLiteral("SET session_replication_role = origin"));
}

// The trail of schema version 3 (as teams had it), filled with `records`, on a superuser connection.
bool fillVersionThree(QSqlDatabase &db, qint64 records)
{
    QSqlQuery q(db);
    const QList<QStringList> steps = TeamSchema::migrations();
    for (int v = 1; v <= 3; ++v) {
        for (const QString &sql : steps.at(v - 1)) {
            if (!q.exec(sql)) {
                std::fprintf(stderr, "bench_team: %s\n", qPrintable(q.lastError().text()));
                return false;
            }
        }
    }
    if (!q.exec(QStringLiteral("UPDATE enrollee.schema_version SET version = 3")))
        return false;
    for (const char *name : {"bench-officer", "bench-late"}) {
        if (const Status s = TeamConsoles::registerSelf(db, QLatin1String(name), QStringLiteral("bench"), signer());
            !s.ok()) {
            std::fprintf(stderr, "bench_team: could not register %s: %s\n", name, qPrintable(s.message()));
            return false;
        }
    }
    return fillSigned(db, QStringLiteral("bench-officer"), records);
}

// `conninfo`: a superuser's database, empty (filled here, then upgraded) or filled by an earlier run
// (only upgraded to this console's version: ENROLLEE_BENCH_TEAM_CONNINFO keeps a trail between runs).
int queriesAtScale(const QString &conninfo)
{
    const qint64 records = qEnvironmentVariableIsSet("ENROLLEE_BENCH_TEAM_RECORDS")
        ? qEnvironmentVariable("ENROLLEE_BENCH_TEAM_RECORDS").toLongLong()
        : 1000000;
    TeamConnection admin;
    admin.setConninfo(conninfo);
    if (const Status open = admin.open(true); !open.ok()) {
        std::fprintf(stderr, "bench_team: %s\n", qPrintable(open.message()));
        return 1;
    }
    QSqlDatabase &db = admin.db();
    const Result<int> installed = TeamSchema::installedVersion(db);
    if (!installed.ok())
        return 1;
    QElapsedTimer filling;
    filling.start();
    if (installed.value() == 0 && !fillVersionThree(db, records))
        return 1;
    const double fillS = double(filling.nsecsElapsed()) / 1e9;
    if (qEnvironmentVariableIsSet("ENROLLEE_BENCH_TEAM_FILL_ONLY")) {
        std::printf("filled %lld records in %.0f s, schema version 3\n", static_cast<long long>(records), fillS);
        return 0;
    }
    filling.restart();
    const Result<int> upgraded = TeamSchema::migrate(db);
    if (!upgraded.ok() || (installed.value() == 0 && upgraded.value() != 3)) {
        std::fprintf(stderr, "bench_team: upgrade failed: %s\n", qPrintable(upgraded.message()));
        return 1;
    }
    const double upgradeS = double(filling.nsecsElapsed()) / 1e9;
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT max(seq), count(*) FILTER (WHERE kind = 'begin') FROM enrollee.trail"));
    q.next();
    const qint64 head = q.value(0).toLongLong();
    const qint64 entries = q.value(1).toLongLong();
    q.exec(QStringLiteral("SELECT hash FROM enrollee.trail WHERE seq = %1").arg(head));
    q.next();
    const QString headHash = q.value(0).toString();
    q.exec(QStringLiteral("SELECT pg_size_pretty(pg_total_relation_size('enrollee.trail'))"));
    q.next();
    const QString size = q.value(0).toString();

    // A console that verified the trail up to its head (its checkpoint says so), as a running one has.
    QTemporaryDir home;
    TeamHistoryBackend::Config config;
    config.conninfo = conninfo;
    config.installation = QStringLiteral("bench-reader");
    config.machine = QStringLiteral("bench");
    config.stateDir = home.filePath(QStringLiteral("settings"));
    const QByteArray key = QByteArrayLiteral("bench-reader-chain-key-0123456789");
    HistoryChain chain;
    chain.setKey(key);
    QDir().mkpath(config.stateDir);
    TeamCheckpoint(TeamHistoryBackend::checkpointPath(config.stateDir, conninfo)).write(head, headHash, chain);
    TeamHistoryBackend console(std::make_unique<LocalHistoryBackend>(home.filePath(QStringLiteral("history"))), config);
    console.setChainKey(key);

    std::printf("queries on a team trail of %lld records (%lld entries, %s with indexes); chained and signed "
                "records loaded by a superuser with triggers off in %.0f s, then upgraded from schema version %d to "
                "%d (its indexes built) in %.0f s:\n",
                static_cast<long long>(head), static_cast<long long>(entries), qPrintable(size), fillS,
                upgraded.value(), TeamSchema::kVersion, upgradeS);
    bool ok = true;
    const auto check = [&ok](const Status &status, const char *what) {
        if (!status.ok()) {
            std::fprintf(stderr, "bench_team: %s failed: %s\n", what, qPrintable(status.message()));
            ok = false;
        }
    };
    const auto firstPage = [&](const HistoryQuery &query, qsizetype *shown) {
        const Result<HistoryPage> page = console.page(query, 0, 200);
        check(page.status(), "page");
        *shown = page.ok() ? page.value().entries.size() : -1;
        if (page.ok() && !page.value().problems.isEmpty())
            std::fprintf(stderr, "bench_team: the page says: %s\n", qPrintable(page.value().problems.first()));
    };
    qsizetype shown = 0;
    HistoryQuery all;
    std::printf("  first page (200, newest first):              %8.1f ms\n",
                medianMs(5, [&] { firstPage(all, &shown); }));
    HistoryQuery oldest;
    oldest.order = HistoryQuery::Order::OldestFirst;
    std::printf("  first page (200, oldest first):              %8.1f ms\n",
                medianMs(5, [&] { firstPage(oldest, &shown); }));
    qsizetype timeline = 0;
    const double timelineMs = medianMs(5, [&] {
        const Result<HistoryRead> mine = console.readUser(QStringLiteral("user-4242"));
        check(mine.status(), "readUser");
        timeline = mine.ok() ? mine.value().entries.size() : -1;
    });
    std::printf("  a user's timeline (readUser):                %8.1f ms, %lld entries (goal <= 50 ms)\n", timelineMs,
                static_cast<long long>(timeline));
    // A word met at once newest first, rare needles (a case number, one user's ID), a word whose matches
    // all lie far back, and one that matches nothing.
    for (const char *text : {"officer3", "case-4242", "user-4242", "case-1", "no-such-words"}) {
        HistoryQuery filtered;
        filtered.text = QString::fromLatin1(text);
        const double ms = medianMs(3, [&] { firstPage(filtered, &shown); });
        std::printf("  text filter \"%s\", first page:%*s%8.1f ms, %lld shown (goal <= 300 ms)\n", text,
                    int(17 - qstrlen(text)), "", ms, static_cast<long long>(shown));
    }
    HistoryQuery deletes;
    deletes.action = ActionKind::Delete;
    std::printf("  action filter (delete), first page:          %8.1f ms\n",
                medianMs(3, [&] { firstPage(deletes, &shown); }));
    for (const auto &[label, query] : {std::pair{"count, everything:", HistoryQuery()},
                                       std::pair{"count, one user:",
                                                 [] {
        HistoryQuery u;
        u.userId = QStringLiteral("user-4242");
        return u;
                                                 }()},
                                       std::pair{"count, text \"case-4242\":", [] {
                                                     HistoryQuery t;
                                                     t.text = QStringLiteral("case-4242");
                                                     return t;
                                                 }()}}) {
        qint64 total = 0;
        const double ms = medianMs(3, [&, q = query] {
            const Result<HistoryCounts> counted = console.count(q);
            check(counted.status(), "count");
            total = counted.ok() ? counted.value().total : -1;
        });
        std::printf("  %-44s %8.1f ms, %lld entries\n", label, ms, static_cast<long long>(total));
    }
    q.exec(QStringLiteral("SELECT max(seq) FROM enrollee.trail WHERE kind = 'begin'"));
    q.next();
    const qint64 newestBegin = q.value(0).toLongLong();
    std::printf("  one entry (readEntry):                       %8.1f ms\n",
                medianMs(5, [&] { check(console.readEntry(newestBegin).status(), "entry"); }));

    // 10,000 new records by a colleague (numbered on from an earlier run's on a kept trail), then the
    // console catches up from its newest record.
    q.exec(QStringLiteral("SELECT coalesce(max(local_id), 0) + 1 FROM enrollee.trail WHERE installation = "
                          "'bench-late'"));
    q.next();
    if (!batch(db, QStringLiteral("bench-late"), 10000, q.value(0).toLongLong())) {
        std::fprintf(stderr, "bench_team: the colleague's records could not be written\n");
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    const Result<HistoryRead> caught = console.read(head + 1);
    const double catchUpMs = double(timer.nsecsElapsed()) / 1e6;
    check(caught.status(), "catch-up");
    std::printf("  catch-up of 10,000 new records at this size:  %8.1f ms, %lld entries (goal <= 2000 ms)\n", catchUpMs,
                static_cast<long long>(caught.ok() ? caught.value().entries.size() : -1));
    return ok ? 0 : 1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString kept = qEnvironmentVariable("ENROLLEE_BENCH_TEAM_CONNINFO");
    if (!kept.isEmpty())
        return queriesAtScale(kept);
    PgTestServer server;
    QString why;
    if (!server.start(&why)) {
        std::fprintf(stderr, "bench_team: %s\n", qPrintable(why));
        return 1;
    }
    qputenv("PGPASSWORD", server.superPassword().toUtf8());
    if (!server.superExec({QStringLiteral("CREATE DATABASE queries")}, &why, QStringLiteral("postgres"))) {
        std::fprintf(stderr, "bench_team: %s\n", qPrintable(why));
        return 1;
    }
    if (queriesAtScale(server.conninfo(server.superuser(), QStringLiteral("queries"))) != 0)
        return 1;
    std::fflush(stdout);
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
