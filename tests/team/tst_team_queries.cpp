// The team trail's queries against a real PostgreSQL: two consoles of two officers (each its own role,
// its own installation and local copy) write entries through TeamHistoryBackend as the product does,
// among them a pending one (no answer yet) and an unknown one. Every answer the database gives (a page
// in either order paged to the end, a count, one entry, a user's timeline, the walk) must be what a read
// of the whole trail filtered by HistoryQuery::matches() gives, and what the base class's walking
// defaults give. Then the database is stopped mid-way, and a superuser with triggers off writes records
// by hand: the queries name them as a read does, never as genuine entries.
#include "history/local/LocalHistoryBackend.h"
#include "support/TeamTestSupport.h"
#include "team/TeamCheckpoint.h"
#include "team/TeamCheckpointKeeper.h"
#include "team/TeamConnection.h"
#include "team/TeamCounts.h"
#include "team/TeamHistoryBackend.h"
#include "team/TeamQueries.h"
#include "team/TeamQueryIndexes.h"
#include "team/TeamSchema.h"
#include "team/TeamTextCandidates.h"
#include "team/TeamTrailCheck.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>

#include <algorithm>
#include <tuple>

namespace {
constexpr int kPageSize = 7;

// One officer's console in this process: its role, its own copy, its checkpoint.
struct Console {
    QTemporaryDir home;
    std::unique_ptr<TeamHistoryBackend> backend;
};

QList<qint64> idsOf(const QList<HistoryEntry> &entries)
{
    QList<qint64> ids;
    for (const HistoryEntry &e : entries)
        ids.append(e.id);
    return ids;
}

QList<QJsonObject> shapes(const QList<HistoryEntry> &entries)
{
    QList<QJsonObject> all;
    for (const HistoryEntry &e : entries)
        all.append(e.toJson());
    return all;
}

// Every page of `query`, `after` chained from page to page, through `ask`.
template <typename Ask>
bool pageThrough(Ask ask, QList<HistoryEntry> *entries, QStringList *problems, QString *why)
{
    qint64 after = 0;
    for (int pages = 0; pages < 1000; ++pages) {
        const Result<HistoryPage> page = ask(after);
        if (!page.ok()) {
            *why = page.message();
            return false;
        }
        entries->append(page.value().entries);
        *problems += page.value().problems;
        if (!page.value().more)
            return true;
        if (page.value().entries.size() != kPageSize) {
            *why = QStringLiteral("a page with more after it is not full");
            return false;
        }
        after = page.value().next;
    }
    *why = QStringLiteral("paging never ends");
    return false;
}
} // namespace

class TestTeamQueries : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void answersAgreeWithARead();
    void oneEntryAndTheWalkAgree();
    void everyActionOnce();
    void initUpgradesAVersion3Trail();
    void textCandidatesCrossSlices();
    void newConsoleCatchesUpABatchAtATime();
    void checkpointWalkGivesWayWithinABatch();
    void sessionsCompileNoQueries();
    void firstPollIsNotNews();
    void stoppedDatabaseAnswersFromTheCopy();
    void runsAreReadFromThisConsolesCopy();
    void handWrittenRecordsAreNamed();

private:
    bool open(Console &console, const QString &role, const QString &installation);
    HistoryEntry entry(const QString &user, ActionKind action, int minute, const QString &run = {}) const;
    bool write(Console &console, const QList<HistoryEntry> &begins, const QList<HistoryEntry::Outcome> &outcomes);
    QList<HistoryQuery> queries() const;
    void compareWithRead(TeamHistoryBackend &backend, const QList<HistoryQuery> &all);
    bool tamper(const QStringList &sql) { return tamperAsSuperuser(m_pg, sql); }

    PgTestServer m_pg;
    Console m_a;
    Console m_b;
    QDateTime m_start;
};

bool TestTeamQueries::open(Console &console, const QString &role, const QString &installation)
{
    QString why;
    if (!m_pg.createRole(role, QStringLiteral("pw-") + role, QStringLiteral("enrollee_officers"), &why)) {
        qWarning("%s", qPrintable(why));
        return false;
    }
    TeamHistoryBackend::Config config;
    config.conninfo = m_pg.conninfo(role);
    config.installation = installation;
    config.machine = QStringLiteral("machine-") + role;
    config.stateDir = console.home.filePath(QStringLiteral("settings"));
    QDir().mkpath(config.stateDir);
    console.backend = std::make_unique<TeamHistoryBackend>(
        std::make_unique<LocalHistoryBackend>(console.home.filePath(QStringLiteral("history"))), config);
    console.backend->setPassword(QStringLiteral("pw-") + role);
    console.backend->setChainKey(QByteArrayLiteral("chain-key-of-") + role.toUtf8()
                                 + QByteArrayLiteral("-0123456789abcdef"));
    return true;
}

HistoryEntry TestTeamQueries::entry(const QString &user, ActionKind action, int minute, const QString &run) const
{
    HistoryEntry e;
    e.time = m_start.addSecs(60 * minute);
    e.operatorEmail = QStringLiteral("officer@example.org");
    e.profileName = QStringLiteral("default");
    e.environment = Environment::Sandbox;
    e.partnerId = QStringLiteral("001");
    e.host = QStringLiteral("127.0.0.1");
    e.userId = user;
    e.action = action;
    e.reason = QStringLiteral("CASE-%1 Ticket").arg(minute);
    e.face = QStringLiteral("cli");
    e.pid = 4242;
    if (!run.isEmpty()) {
        e.runId = run;
        e.runLine = minute;
        e.runDigest = QString(64, QLatin1Char('a'));
    }
    return e;
}

// Begins `begins`, answers the first outcomes.size() of them, and sends everything to the trail.
bool TestTeamQueries::write(Console &console, const QList<HistoryEntry> &begins,
                            const QList<HistoryEntry::Outcome> &outcomes)
{
    const Result<QList<qint64>> ids = console.backend->begin(begins);
    if (!ids.ok())
        return false;
    QList<HistoryEntry> answers;
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        HistoryEntry c = begins.at(i);
        c.id = ids.value().at(i);
        c.outcome = outcomes.at(i);
        c.completedAt = c.time.addSecs(1);
        c.httpStatus = outcomes.at(i) == HistoryEntry::Outcome::Success ? 200 : 400;
        c.code = outcomes.at(i) == HistoryEntry::Outcome::Success ? QStringLiteral("2205") : QStringLiteral("2204");
        c.message = outcomes.at(i) == HistoryEntry::Outcome::Success ? QStringLiteral("Done")
                                                                     : QStringLiteral("Refused by Partner");
        c.elapsedMs = 12;
        answers.append(c);
    }
    if (!answers.isEmpty() && !console.backend->complete(answers).ok())
        return false;
    const Status sent = console.backend->sync();
    if (!sent.ok())
        qWarning("%s", qPrintable(sent.message()));
    return sent.ok();
}

void TestTeamQueries::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(CliHarness::program()));
    m_start = QDateTime(QDate(2026, 11, 2), QTime(9, 0), Qt::UTC);
    QString why;
    QVERIFY2(startTeamDatabase(m_pg, &why), qPrintable(why));
    QVERIFY(open(m_a, QStringLiteral("officer_a"), QStringLiteral("console-a")));
    QVERIFY(open(m_b, QStringLiteral("officer_b"), QStringLiteral("console-b")));
    using O = HistoryEntry::Outcome;
    using A = ActionKind;
    QList<HistoryEntry> ofA;
    QList<O> outcomesOfA;
    QList<HistoryEntry> ofB;
    QList<O> outcomesOfB;
    for (int i = 0; i < 24; ++i) {
        const QString user = QStringLiteral("user-%1").arg(i % 5);
        const A action = i % 3 == 0 ? A::Deactivate : (i % 3 == 1 ? A::Reactivate : A::FlagFraud);
        const QString run = i % 4 == 0 ? QStringLiteral("run-%1").arg(i % 8) : QString();
        if (i % 2 == 0) {
            ofA.append(entry(user, action, i, run));
            outcomesOfA.append(i % 6 == 0 ? O::Failure : O::Success);
        } else {
            ofB.append(entry(user, action, i, run));
            outcomesOfB.append(i % 5 == 0 ? O::Failure : O::Success);
        }
    }
    // Text SQL cannot judge (non-ASCII, a quote the body escapes) stays findable.
    ofB[2].reason = QStringLiteral("Dossier \u00c9lodie \"vip\"");
    // A needle with LIKE's own characters (escape, wildcards) is matched as it is written.
    ofA[4].reason = QStringLiteral("Path C:\\temp\\x_1 at 100%");
    outcomesOfA[3] = O::Unknown;
    // B's last entry has no answer yet: pending.
    outcomesOfB.removeLast();
    QVERIFY(write(m_a, ofA.mid(0, 6), outcomesOfA.mid(0, 6)));
    QVERIFY(write(m_b, ofB.mid(0, 6), outcomesOfB.mid(0, 6)));
    QVERIFY(write(m_a, ofA.mid(6), outcomesOfA.mid(6)));
    QVERIFY(write(m_b, ofB.mid(6), outcomesOfB.mid(6)));
    // The consoles have read (and verified) the trail, as a running console has.
    QVERIFY(m_a.backend->read(1).ok());
    QVERIFY(m_b.backend->read(1).ok());
}

QList<HistoryQuery> TestTeamQueries::queries() const
{
    QList<HistoryQuery> all;
    all.append(HistoryQuery());
    HistoryQuery q;
    q.userId = QStringLiteral("user-2");
    all.append(q);
    q = {};
    q.action = ActionKind::Reactivate;
    all.append(q);
    q = {};
    q.runId = QStringLiteral("run-4");
    all.append(q);
    q = {};
    q.dbRole = QStringLiteral("officer_b");
    all.append(q);
    for (const HistoryEntry::Outcome o : {HistoryEntry::Outcome::Success, HistoryEntry::Outcome::Failure,
                                          HistoryEntry::Outcome::Pending, HistoryEntry::Outcome::Unknown}) {
        q = {};
        q.outcome = o;
        all.append(q);
    }
    for (const char *text : {"ticket",
                             "CASE-1",
                             "refused by",
                             "machine-officer_a",
                             "2205",
                             "nothing-like-it",
                             " ",
                             "\xc3\xa9lodie",
                             "\xc3\x89LODIE \"v",
                             "\"vip\"",
                             "100%",
                             "officer_",
                             "c:\\temp\\x_1",
                             "c:\\temp",
                             "x%1",
                             "4242",
                             "user_id",
                             "quoted-77",
                             "se-1",
                             "case 1",
                             "-1 t",
                             "1 ticket"}) {
        q = {};
        q.text = QString::fromUtf8(text);
        all.append(q);
    }
    q = {};
    q.from = m_start.addSecs(60 * 5);
    q.until = m_start.addSecs(60 * 17);
    all.append(q);
    q = {};
    q.userId = QStringLiteral("user-1");
    q.action = ActionKind::Reactivate;
    q.text = QStringLiteral("case");
    all.append(q);
    QList<HistoryQuery> both;
    for (HistoryQuery one : std::as_const(all)) {
        one.order = HistoryQuery::Order::NewestFirst;
        both.append(one);
        one.order = HistoryQuery::Order::OldestFirst;
        both.append(one);
    }
    return both;
}

void TestTeamQueries::compareWithRead(TeamHistoryBackend &backend, const QList<HistoryQuery> &all)
{
    const Result<HistoryRead> read = backend.read(1);
    QVERIFY2(read.ok(), qPrintable(read.message()));
    QVERIFY(!read.value().partial);
    for (const HistoryQuery &query : all) {
        QList<HistoryEntry> expected;
        std::copy_if(read.value().entries.cbegin(), read.value().entries.cend(), std::back_inserter(expected),
                     [&query](const HistoryEntry &e) { return query.matches(e); });
        if (query.order == HistoryQuery::Order::NewestFirst)
            std::reverse(expected.begin(), expected.end());
        QList<HistoryEntry> paged;
        QList<HistoryEntry> walked;
        QStringList problems;
        QStringList walkedProblems;
        QString why;
        QVERIFY2(
            pageThrough([&](qint64 after) { return backend.page(query, after, kPageSize); }, &paged, &problems, &why),
            qPrintable(why));
        QVERIFY2(pageThrough([&](qint64 after) { return backend.HistoryBackend::page(query, after, kPageSize); },
                             &walked, &walkedProblems, &why),
                 qPrintable(why));
        const QString label = QStringLiteral("text '%1' user '%2' outcome %3 order %4")
                                  .arg(query.text, query.userId)
                                  .arg(query.outcome ? int(*query.outcome) : -1)
                                  .arg(int(query.order));
        QVERIFY2(idsOf(paged) == idsOf(expected), qPrintable(label));
        QVERIFY2(shapes(paged) == shapes(expected), qPrintable(label));
        QVERIFY2(idsOf(walked) == idsOf(expected), qPrintable(label));
        // A page names the problems of the records it looked at, each as the read names it.
        for (const QString &p : std::as_const(problems) + walkedProblems)
            QVERIFY2(read.value().problems.contains(p), qPrintable(p));
        if (read.value().problems.isEmpty())
            QVERIFY(problems.isEmpty());

        const Result<HistoryCounts> counted = backend.count(query);
        const Result<HistoryCounts> countedByWalk = backend.HistoryBackend::count(query);
        QVERIFY(counted.ok() && countedByWalk.ok());
        QCOMPARE(counted.value().total, qint64(expected.size()));
        QCOMPARE(counted.value().success, countedByWalk.value().success);
        QCOMPARE(counted.value().failure, countedByWalk.value().failure);
        QCOMPARE(counted.value().pending, countedByWalk.value().pending);
        QCOMPARE(counted.value().unknown, countedByWalk.value().unknown);
        QCOMPARE(counted.value().total, countedByWalk.value().total);
    }
}

void TestTeamQueries::answersAgreeWithARead()
{
    // The data holds what the queries must tell apart.
    const Result<HistoryRead> read = m_a.backend->read(1);
    QVERIFY(read.ok());
    QCOMPARE(read.value().entries.size(), qsizetype(24));
    QSet<QString> roles;
    QHash<HistoryEntry::Outcome, int> outcomes;
    for (const HistoryEntry &e : read.value().entries) {
        roles.insert(e.dbRole);
        ++outcomes[e.outcome];
    }
    QCOMPARE(roles, (QSet<QString>{QStringLiteral("officer_a"), QStringLiteral("officer_b")}));
    QCOMPARE(outcomes.value(HistoryEntry::Outcome::Pending), 1);
    QCOMPARE(outcomes.value(HistoryEntry::Outcome::Unknown), 1);
    compareWithRead(*m_a.backend, queries());
    compareWithRead(*m_b.backend, queries());
    // A text filter looks at the next begins in order, then asks the trigram index beyond them.
    TeamTextCandidates::setWindow(3);
    compareWithRead(*m_a.backend, queries());
    // The rest of the index looked at once at the start, past a look cut short at one candidate slice by slice.
    TeamTextCandidates::setProbe(500, 0);
    compareWithRead(*m_a.backend, queries());
    TeamTextCandidates::setProbe(1, 0);
    compareWithRead(*m_a.backend, queries());
    TeamTextCandidates::setProbe(500, 8);
    TeamTextCandidates::setWindow(5000);
    // Counts in slices of two begin numbers: the seams add up to what a read counts.
    TeamCounts::setSlice(2, 2);
    compareWithRead(*m_b.backend, queries());
    // Told to give way, a count stops after its first slice and says so (it is asked again later).
    m_b.backend->setGiveWay([] { return true; });
    const Result<HistoryCounts> stopped = m_b.backend->count(HistoryQuery{});
    m_b.backend->setGiveWay({});
    QCOMPARE(stopped.status().kind(), Status::Kind::GaveWay);
    // Slices that grow as they go quickly (one begin number, then two, four...) count the same.
    const Result<HistoryCounts> fixed = m_b.backend->count(HistoryQuery{});
    TeamCounts::setSlice(1, 1000);
    const Result<HistoryCounts> growing = m_b.backend->count(HistoryQuery{});
    TeamCounts::setSlice(2500, 320000);
    QVERIFY(fixed.ok() && growing.ok());
    QCOMPARE(growing.value().total, fixed.value().total);
    QCOMPARE(growing.value().success, fixed.value().success);
    QCOMPARE(growing.value().failure, fixed.value().failure);
    QCOMPARE(growing.value().pending, fixed.value().pending);
    QCOMPARE(growing.value().unknown, fixed.value().unknown);

    // A user's timeline, oldest first, as the default (every entry read, filtered) has it.
    for (const QString &user : {QStringLiteral("user-0"), QStringLiteral("user-3"), QStringLiteral("nobody")}) {
        const Result<HistoryRead> mine = m_b.backend->readUser(user);
        const Result<HistoryRead> byDefault = m_b.backend->HistoryBackend::readUser(user);
        QVERIFY(mine.ok() && byDefault.ok());
        QCOMPARE(shapes(mine.value().entries), shapes(byDefault.value().entries));
        QCOMPARE(mine.value().problems, byDefault.value().problems);
        QVERIFY(!mine.value().partial);
    }
}

void TestTeamQueries::oneEntryAndTheWalkAgree()
{
    const Result<HistoryRead> read = m_a.backend->read(1);
    QVERIFY(read.ok());
    for (const HistoryEntry &e : read.value().entries) {
        const Result<HistoryEntry> one = m_a.backend->readEntry(e.id);
        QVERIFY2(one.ok(), qPrintable(one.message()));
        QCOMPARE(one.value().toJson(), e.toJson());
        const Result<HistoryEntry> byDefault = m_a.backend->HistoryBackend::readEntry(e.id);
        QVERIFY(byDefault.ok());
        QCOMPARE(byDefault.value().toJson(), e.toJson());
    }
    // A completion's number names no entry.
    const qint64 completion = read.value().entries.constFirst().completionRecord;
    QVERIFY(completion > 0);
    const Result<HistoryEntry> none = m_a.backend->readEntry(completion);
    QVERIFY(!none.ok());
    QVERIFY2(none.message().contains(QLatin1String("is not in the history")), qPrintable(none.message()));

    QList<HistoryEntry> walked;
    const Result<QStringList> problems = m_a.backend->walkEntries([&walked](const HistoryEntry &e) {
        walked.append(e);
        return true;
    });
    QVERIFY(problems.ok());
    QList<HistoryEntry> newestFirst = read.value().entries;
    std::reverse(newestFirst.begin(), newestFirst.end());
    QCOMPARE(shapes(walked), shapes(newestFirst));
    // A walk stopped by its visitor stops.
    int seen = 0;
    QVERIFY(m_a.backend->walkEntries([&seen](const HistoryEntry &) { return ++seen < 3; }).ok());
    QCOMPARE(seen, 3);
}

// An action this console took is listed once: from the trail, under the trail's number, never again
// from this console's own copy.
void TestTeamQueries::everyActionOnce()
{
    QVERIFY(write(m_a, {entry(QStringLiteral("once-user"), ActionKind::Delete, 40)}, {}));
    const Result<HistoryPage> page = m_a.backend->page(HistoryQuery(), 0, 200);
    QVERIFY(page.ok());
    const QList<qint64> ids = idsOf(page.value().entries);
    QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()).size(), ids.size());
    QCOMPARE(std::count_if(page.value().entries.cbegin(), page.value().entries.cend(),
                           [](const HistoryEntry &e) { return e.userId == QLatin1String("once-user"); }),
             qsizetype(1));
    HistoryQuery q;
    q.userId = QStringLiteral("once-user");
    QCOMPARE(m_a.backend->count(q).value().total, qint64(1));
    QCOMPARE(m_b.backend->readUser(QStringLiteral("once-user")).value().entries.size(), qsizetype(1));
}

// `team init` on a trail made by version 3 adds the queries' indexes, then trades the text filter's
// index of whole records for one of the words an entry is searched by; run again, it changes nothing.
void TestTeamQueries::initUpgradesAVersion3Trail()
{
    QString why;
    QVERIFY2(m_pg.superExec({QStringLiteral("CREATE DATABASE upgraded")}, &why, QStringLiteral("postgres")),
             qPrintable(why));
    QStringList upToThree;
    const QList<QStringList> steps = TeamSchema::migrations();
    for (int v = 1; v <= 3; ++v)
        upToThree += steps.at(v - 1);
    upToThree.append(QStringLiteral("UPDATE enrollee.schema_version SET version = 3"));
    upToThree.append(QStringLiteral("SET session_replication_role = replica"));
    upToThree.append(QStringLiteral("INSERT INTO enrollee.trail (seq, installation, local_id, kind, machine, body, "
                                    "hash) VALUES (1, 'old', 1, 'begin', 'm', 'not json', 'h'), (2, 'old', 2, "
                                    "'begin', 'm', '{\"type\":\"begin\",\"user_id\":\"kept\"}', 'h')"));
    QVERIFY2(m_pg.superExec(upToThree, &why, QStringLiteral("upgraded")), qPrintable(why));
    const QStringList init{QStringLiteral("team"), QStringLiteral("init"), QStringLiteral("--conninfo"),
                           m_pg.conninfo(m_pg.superuser(), QStringLiteral("upgraded"))};
    CliHarness admin;
    admin.setEnv(QStringLiteral("PGPASSWORD"), m_pg.superPassword());
    CliRun run = admin.run(init);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QSqlDatabase db = m_pg.superConnection(QStringLiteral("pgtest-upgraded"), QStringLiteral("upgraded"));
    QVERIFY(db.isOpen() || db.open());
    const auto number = [&db](const QString &sql) {
        QSqlQuery q(db);
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    };
    QCOMPARE(number(QStringLiteral("SELECT version FROM enrollee.schema_version")), qint64(TeamSchema::kVersion));
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM pg_indexes WHERE schemaname = 'enrollee' AND indexname IN "
                                   "('trail_begins', 'trail_begin_user', 'trail_begin_action', 'trail_begin_run', "
                                   "'trail_completions', 'trail_not_plain')")),
             qint64(6));
    // The damaged record stands among the records that are not plain; the other is found by its user.
    QCOMPARE(number(QStringLiteral("SELECT min(seq) FROM enrollee.trail WHERE NOT enrollee.plain_record(kind, body)")),
             qint64(1));
    QCOMPARE(number(QStringLiteral("SELECT seq FROM enrollee.trail WHERE enrollee.body_field(body, 'user_id') = "
                                   "'kept' AND kind = 'begin'")),
             qint64(2));
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM pg_indexes WHERE schemaname = 'enrollee' AND indexname IN "
                                   "('trail_begin_word_runs', 'trail_completion_word_runs', "
                                   "'trail_begin_words_unjudged', 'trail_completion_words_unjudged')")),
             qint64(4));
    // Version 6 traded the trigram index of the words for one of their runs, by slice of the trail.
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM pg_indexes WHERE schemaname = 'enrollee' AND indexname IN "
                                   "('trail_begin_words', 'trail_completion_words')")),
             qint64(0));
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM pg_indexes WHERE schemaname = 'enrollee' AND indexname IN "
                                   "('trail_begin_text', 'trail_completion_text', 'trail_begin_unjudged', "
                                   "'trail_completion_unjudged')")),
             qint64(0));
    // A record's words are its entry's fields, not its keys; a damaged record has none.
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM enrollee.trail WHERE enrollee.entry_text(kind, body, db_role, "
                                   "machine) = 'kept' || chr(31) || db_role || chr(31) || 'm'")),
             qint64(1));
    QCOMPARE(number(QStringLiteral("SELECT count(*) FROM enrollee.trail WHERE enrollee.entry_text(kind, body, db_role, "
                                   "machine) IS NULL")),
             qint64(1));
    QCOMPARE(number(QStringLiteral("SELECT seq FROM enrollee.trail WHERE words = 'kept' || chr(31) || db_role || "
                                   "chr(31) || 'm'")),
             qint64(2));
    run = admin.run(init);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(
        run.out.contains(QStringLiteral("already at version %1; nothing changed").arg(TeamSchema::kVersion).toUtf8()),
        run.out.constData());
    // A trail at version 4 (as teams have it) is upgraded the same way.
    QVERIFY2(m_pg.superExec({QStringLiteral("CREATE DATABASE fromfour")}, &why, QStringLiteral("postgres")),
             qPrintable(why));
    QStringList upToFour;
    for (int v = 1; v <= 4; ++v)
        upToFour += steps.at(v - 1);
    upToFour.append(QStringLiteral("UPDATE enrollee.schema_version SET version = 4"));
    QVERIFY2(m_pg.superExec(upToFour, &why, QStringLiteral("fromfour")), qPrintable(why));
    const QStringList initFour{QStringLiteral("team"), QStringLiteral("init"), QStringLiteral("--conninfo"),
                               m_pg.conninfo(m_pg.superuser(), QStringLiteral("fromfour"))};
    run = admin.run(initFour);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = admin.run(initFour);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(
        run.out.contains(QStringLiteral("already at version %1; nothing changed").arg(TeamSchema::kVersion).toUtf8()),
        run.out.constData());
    db.close();
}

// The text filter's candidates far apart in the trail (begin numbers in slices 0 to 5 of the index,
// written by hand): walked batch by batch in either order, every candidate comes once and in order,
// those whose words hold the needle with other punctuation or none are not candidates, and LIKE's own
// characters in a needle are matched as written.
void TestTeamQueries::textCandidatesCrossSlices()
{
    QString why;
    QVERIFY2(m_pg.superExec({QStringLiteral("CREATE DATABASE sliced")}, &why, QStringLiteral("postgres")),
             qPrintable(why));
    QStringList sql;
    const QList<QStringList> steps = TeamSchema::migrations();
    for (const QStringList &step : steps)
        sql += step;
    sql.append(QStringLiteral("UPDATE enrollee.schema_version SET version = %1").arg(TeamSchema::kVersion));
    sql.append(QStringLiteral("SET session_replication_role = replica"));
    const QStringList reasons{QStringLiteral("CASE-1"), QStringLiteral("case_1"),   QStringLiteral("case 1"),
                              QStringLiteral("case-2"), QStringLiteral("Case-12%"), QStringLiteral("case1")};
    QList<qint64> seqs;
    for (int i = 0; i < 60; ++i) {
        const qint64 seq = 1 + qint64(i) * 1723;
        seqs.append(seq);
        sql.append(QStringLiteral("INSERT INTO enrollee.trail (seq, installation, local_id, kind, machine, body, hash) "
                                  "VALUES (%1, 'old', %1, 'begin', 'm', '{\"type\":\"begin\",\"reason\":\"%2\"}', "
                                  "'h')")
                       .arg(seq)
                       .arg(reasons.at(i % reasons.size())));
    }
    QVERIFY2(m_pg.superExec(sql, &why, QStringLiteral("sliced")), qPrintable(why));
    QVERIFY(seqs.last() / TeamQueryIndexes::kSlice >= 5);
    QSqlDatabase db = m_pg.superConnection(QStringLiteral("pgtest-sliced"), QStringLiteral("sliced"));
    QVERIFY(db.isOpen() || db.open());
    const auto expect = [&](const QString &needle) {
        QList<qint64> found;
        for (qsizetype i = 0; i < seqs.size(); ++i) {
            if (reasons.at(i % reasons.size()).toLower().contains(needle))
                found.append(seqs.at(i));
        }
        return found;
    };
    for (const QString &needle : {QStringLiteral("case-1"), QStringLiteral("case 1"), QStringLiteral("case_1"),
                                  QStringLiteral("e-12%"), QStringLiteral("case")}) {
        for (const HistoryQuery::Order order : {HistoryQuery::Order::NewestFirst, HistoryQuery::Order::OldestFirst}) {
            // The window, the candidates one look at the rest of the index may find, the slices before it.
            for (const auto &[window, probe, first] :
                 {std::tuple{1, 1, 0}, std::tuple{3, 1, 2}, std::tuple{3, 500, 2}, std::tuple{3, 500, 0},
                  std::tuple{5000, 1, 1}, std::tuple{1, 500, 8}}) {
                TeamTextCandidates::setWindow(window);
                TeamTextCandidates::setProbe(probe, first);
                HistoryQuery query;
                query.text = needle;
                query.order = order;
                TeamTextCandidates text(db, query, QString(), {});
                QList<qint64> walked;
                qint64 bound = 0;
                bool full = true;
                for (int batches = 0; full && batches < 100; ++batches) {
                    const Result<QList<qint64>> batch = text.next(TeamTextCandidates::Of::Begins, bound, 2, &full);
                    QVERIFY2(batch.ok(), qPrintable(batch.message()));
                    QVERIFY(batch.value().size() <= 2);
                    walked += batch.value();
                    if (!batch.value().isEmpty())
                        bound = batch.value().last();
                }
                QList<qint64> expected = expect(needle);
                if (order == HistoryQuery::Order::NewestFirst)
                    std::reverse(expected.begin(), expected.end());
                QVERIFY2(walked == expected,
                         qPrintable(QStringLiteral("%1, order %2, window %3").arg(needle).arg(int(order)).arg(window)));
            }
        }
    }
    TeamTextCandidates::setWindow(5000);
    TeamTextCandidates::setProbe(500, 8);
    db.close();
}

// A console new to the trail (no checkpoint yet) moves its checkpoint a bounded walk at a time, never
// reading the whole trail at once: one sync, one walk; more syncs reach the trail's end. Its read from
// the first record is whole meanwhile, and a catch-up from its newest record reads only what is new.
void TestTeamQueries::newConsoleCatchesUpABatchAtATime()
{
    Console fresh;
    QVERIFY(open(fresh, QStringLiteral("officer_c"), QStringLiteral("console-c")));
    const Result<HistoryRead> all = m_a.backend->read(1);
    QVERIFY(all.ok());
    const qint64 head = all.value().newestRecord;
    QVERIFY(head > 20);
    HistoryChain chain;
    chain.setKey(QByteArrayLiteral("chain-key-of-officer_c-0123456789abcdef"));
    const TeamCheckpoint checkpoint(TeamHistoryBackend::checkpointPath(fresh.home.filePath(QStringLiteral("settings")),
                                                                       m_pg.conninfo(QStringLiteral("officer_c"))));
    QVERIFY(!checkpoint.read(chain).present);
    TeamCheckpointKeeper::setBounds(4, 8);
    QVERIFY(fresh.backend->sync().ok());
    // Batches of four records, each after the first beginning with the one before's last: 1-4, 4-7.
    QCOMPARE(checkpoint.read(chain).seq, qint64(7));
    QVERIFY(checkpoint.read(chain).authentic);
    const Result<HistoryRead> whole = fresh.backend->read(1);
    QVERIFY2(whole.ok(), qPrintable(whole.message()));
    QCOMPARE(idsOf(whole.value().entries), idsOf(all.value().entries));
    QCOMPARE(whole.value().problems, all.value().problems);
    QVERIFY(checkpoint.read(chain).seq < head);
    for (int syncs = 0; syncs < 20 && checkpoint.read(chain).seq < head; ++syncs)
        QVERIFY(fresh.backend->sync().ok());
    QCOMPARE(checkpoint.read(chain).seq, head);
    TeamCheckpointKeeper::setBounds(1000, 20000);
    // A colleague's new entry: the catch-up reads it, and the checkpoint moves over it.
    QVERIFY(
        write(m_b, {entry(QStringLiteral("late-user"), ActionKind::Reactivate, 50)}, {HistoryEntry::Outcome::Success}));
    const Result<HistoryRead> caught = fresh.backend->read(head + 1);
    QVERIFY2(caught.ok(), qPrintable(caught.message()));
    QCOMPARE(caught.value().entries.size(), qsizetype(1));
    QCOMPARE(caught.value().entries.first().userId, QStringLiteral("late-user"));
    QVERIFY(caught.value().problems.isEmpty());
    QCOMPARE(checkpoint.read(chain).seq, head + 2);
}

// A walk asked to give way stops within its batch after a few records checked, its checkpoint where it
// stopped, and the next one goes on from there: a lookup asked meanwhile waits for a few signatures, not
// for a batch of a thousand.
void TestTeamQueries::checkpointWalkGivesWayWithinABatch()
{
    Console fresh;
    QVERIFY(open(fresh, QStringLiteral("officer_d"), QStringLiteral("console-d")));
    HistoryChain chain;
    chain.setKey(QByteArrayLiteral("chain-key-of-officer_d-0123456789abcdef"));
    const TeamCheckpoint checkpoint(TeamHistoryBackend::checkpointPath(fresh.home.filePath(QStringLiteral("settings")),
                                                                       m_pg.conninfo(QStringLiteral("officer_d"))));
    const Result<HistoryRead> all = m_a.backend->read(1);
    QVERIFY(all.ok());
    const qint64 head = all.value().newestRecord;
    QVERIFY(head > 20);
    TeamCheckpointKeeper::setBounds(1000, 20000, 5);
    int asked = 0;
    fresh.backend->setGiveWay([&asked] {
        ++asked;
        return true;
    });
    QVERIFY(fresh.backend->sync().ok());
    QCOMPARE(checkpoint.read(chain).seq, qint64(5));
    QVERIFY(checkpoint.read(chain).authentic);
    QCOMPARE(asked, 1);
    // Records 5 to 10, the first checked as the checkpoint.
    QVERIFY(fresh.backend->sync().ok());
    QCOMPARE(checkpoint.read(chain).seq, qint64(10));
    fresh.backend->setGiveWay({});
    QVERIFY(fresh.backend->sync().ok());
    QCOMPARE(checkpoint.read(chain).seq, head);
    TeamCheckpointKeeper::setBounds(1000, 20000);
}

// A console's session never JIT-compiles: the planner overestimates queries the indexes answer in a few
// milliseconds, and the first compile of a session took 100 ms at a million records.
void TestTeamQueries::sessionsCompileNoQueries()
{
    TeamConnection connection;
    connection.setConninfo(m_pg.conninfo(QStringLiteral("officer_a")));
    connection.setPassword(QStringLiteral("pw-officer_a"));
    const Status opened = connection.open();
    QVERIFY2(opened.ok(), qPrintable(opened.message()));
    QSqlQuery jit(connection.db());
    QVERIFY(jit.exec(QStringLiteral("SHOW jit")) && jit.next());
    QCOMPARE(jit.value(0).toString(), QStringLiteral("off"));
}

// The first poll, made before anything was read, tells the faces nothing even when the console is far
// behind the trail (each face would read again right after its first read); a colleague's record
// afterwards is news.
void TestTeamQueries::firstPollIsNotNews()
{
    Console watcher;
    QVERIFY(open(watcher, QStringLiteral("officer_e"), QStringLiteral("console-e")));
    // Far behind, as a console new to a long trail is: its first walk ends before the trail does.
    TeamCheckpointKeeper::setBounds(4, 8);
    QSignalSpy changed(watcher.backend.get(), &HistoryBackend::changed);
    watcher.backend->watch();
    QTest::qWait(300);
    TeamCheckpointKeeper::setBounds(1000, 20000);
    QCOMPARE(changed.count(), 0);
    QVERIFY(
        write(m_b, {entry(QStringLiteral("news-user"), ActionKind::Reactivate, 60)}, {HistoryEntry::Outcome::Success}));
    QVERIFY(changed.wait(10000));
}

// The database stopped mid-way: a first page, a count, a timeline and the walk come from this console's
// own copy and say so; the next page of a listing the trail began, and one entry by the trail's number,
// are refused with the reason; back, the trail answers again.
void TestTeamQueries::stoppedDatabaseAnswersFromTheCopy()
{
    const Result<HistoryPage> first = m_a.backend->page(HistoryQuery(), 0, kPageSize);
    QVERIFY(first.ok() && first.value().more);
    QVERIFY(first.value().problems.isEmpty());
    const qint64 trailId = first.value().entries.constFirst().id;
    QString why;
    QVERIFY2(m_pg.stop(&why), qPrintable(why));

    const Result<HistoryPage> next = m_a.backend->page(HistoryQuery(), first.value().next, kPageSize);
    QVERIFY(!next.ok());
    QVERIFY2(next.message().contains(QLatin1String("read it again from the top")), qPrintable(next.message()));
    const Result<HistoryEntry> one = m_a.backend->readEntry(trailId);
    QVERIFY(!one.ok());
    QVERIFY2(one.message().contains(QLatin1String("cannot be reached")), qPrintable(one.message()));

    const Result<HistoryRead> own = m_a.backend->local()->read(1);
    QVERIFY(own.ok());
    QList<HistoryEntry> copy;
    QStringList problems;
    QVERIFY2(pageThrough([&](qint64 after) { return m_a.backend->page(HistoryQuery(), after, kPageSize); }, &copy,
                         &problems, &why),
             qPrintable(why));
    QCOMPARE(copy.size(), own.value().entries.size());
    QVERIFY(!problems.isEmpty());
    QVERIFY2(problems.first().contains(QLatin1String("cannot be reached")), qPrintable(problems.first()));
    QCOMPARE(m_a.backend->count(HistoryQuery()).value().total, qint64(own.value().entries.size()));
    const Result<HistoryEntry> local = m_a.backend->readEntry(copy.constFirst().id);
    QVERIFY(local.ok());
    QCOMPARE(local.value().toJson(), copy.constFirst().toJson());
    const Result<HistoryRead> timeline = m_a.backend->readUser(QStringLiteral("user-0"));
    QVERIFY(timeline.ok());
    QVERIFY(timeline.value().partial);
    QVERIFY(!timeline.value().entries.isEmpty());
    QVERIFY(timeline.value().problems.first().contains(QLatin1String("cannot be reached")));
    const Result<QStringList> walked = m_a.backend->walkEntries([](const HistoryEntry &) { return true; });
    QVERIFY(walked.ok() && walked.value().first().contains(QLatin1String("cannot be reached")));
    // A run's entries come from this console's copy, the trail away or not: a run is this console's own.
    const Result<HistoryRead> runs = m_a.backend->walkRuns({QStringLiteral("run-0"), QStringLiteral("run-4")});
    QVERIFY2(runs.ok(), qPrintable(runs.message()));
    QList<HistoryEntry> ownRuns;
    std::copy_if(own.value().entries.cbegin(), own.value().entries.cend(), std::back_inserter(ownRuns),
                 [](const HistoryEntry &e) {
        return e.runId == QLatin1String("run-0") || e.runId == QLatin1String("run-4");
    });
    QVERIFY(!ownRuns.isEmpty());
    QCOMPARE(idsOf(runs.value().entries), idsOf(ownRuns));

    QVERIFY2(m_pg.start(&why), qPrintable(why));
    m_a.backend->setPassword(QStringLiteral("pw-officer_a")); // no wait for the next attempt
    const Result<HistoryPage> back = m_a.backend->page(HistoryQuery(), 0, kPageSize);
    QVERIFY2(back.ok(), qPrintable(back.message()));
    QVERIFY(back.value().problems.isEmpty());
    QCOMPARE(back.value().entries.constFirst().id, trailId);
    QVERIFY(m_a.backend->page(HistoryQuery(), back.value().next, kPageSize).ok());
}

// A bulk run is this console's own (its files are here), and so are its entries: its copy holds every one
// of them, in the trail or not sent there yet (an outage, a command that cannot sign), so a resume or a
// retry never decides from a trail that lacks them. They are the trail's entries of those runs, and no
// others.
void TestTeamQueries::runsAreReadFromThisConsolesCopy()
{
    const Result<HistoryRead> read = m_a.backend->read(1);
    QVERIFY(read.ok());
    QVERIFY(!read.value().partial);
    const QStringList asked{QStringLiteral("run-0"), QStringLiteral("run-4"), QStringLiteral("run-absent")};
    const auto facts = [](const QList<HistoryEntry> &entries) {
        QStringList all;
        for (const HistoryEntry &e : entries)
            all.append(QStringLiteral("%1 %2 %3 %4 %5")
                           .arg(e.userId, e.runId)
                           .arg(e.runLine)
                           .arg(ActionInfo::cliName(e.action), HistoryEntry::outcomeName(e.outcome)));
        return all;
    };
    QList<HistoryEntry> expected;
    std::copy_if(read.value().entries.cbegin(), read.value().entries.cend(), std::back_inserter(expected),
                 [&asked](const HistoryEntry &e) { return asked.contains(e.runId); });
    QCOMPARE(expected.size(), qsizetype(6));
    const Result<HistoryRead> runs = m_a.backend->walkRuns(asked);
    QVERIFY2(runs.ok(), qPrintable(runs.message()));
    QCOMPARE(facts(runs.value().entries), facts(expected));
    QVERIFY(runs.value().problems.isEmpty());
    // Begun on A and not sent to the trail: it is among them.
    HistoryEntry fresh = entry(QStringLiteral("user-9"), ActionKind::Deactivate, 90, QStringLiteral("run-0"));
    QVERIFY(m_a.backend->begin({fresh}).ok());
    const Result<HistoryRead> again = m_a.backend->walkRuns({QStringLiteral("run-0")});
    QVERIFY2(again.ok(), qPrintable(again.message()));
    QVERIFY(!again.value().entries.isEmpty());
    QCOMPARE(again.value().entries.constLast().userId, QStringLiteral("user-9"));
    for (const HistoryEntry &e : again.value().entries)
        QCOMPARE(e.runId, QStringLiteral("run-0"));
}

// A superuser with triggers off writes in console A's name: a begin with the chain's hash right but a
// signature replayed from another record, a record whose body is not JSON, and a begin filed under
// another kind. Reads name each one; the queries name them the same way and list what a read lists.
void TestTeamQueries::handWrittenRecordsAreNamed()
{
    const qint64 seq = superCount(m_pg, QStringLiteral("SELECT max(seq) + 1 FROM enrollee.trail"));
    QSqlDatabase db = m_pg.superConnection(QStringLiteral("pgtest-names"));
    QVERIFY(db.isOpen() || db.open());
    QSqlQuery named(db);
    QVERIFY(named.exec(QStringLiteral("SELECT installation FROM enrollee.console_keys WHERE db_role = 'officer_a'")));
    QVERIFY(named.next());
    const QString name = named.value(0).toString();
    const QString body = QStringLiteral("{\"action\":\"delete\",\"environment\":\"sandbox\",\"type\":\"begin\","
                                        "\"user_id\":\"forged-user\",\"time\":\"2026-11-02T10:00:00.000Z\"}");
    const QString insert = QStringLiteral(
        "INSERT INTO enrollee.trail (seq, installation, local_id, kind, ref_seq, db_role, machine, body, hash, "
        "signature) SELECT %1, '%2', %3, '%4', 0, 'officer_a', p.machine, '%5', enrollee.record_hash(p.hash, %1, "
        "enrollee.record_text('%2', %3, '%4', 0, 'officer_a', p.machine, '%5')), (SELECT signature FROM "
        "enrollee.trail WHERE installation = '%2' LIMIT 1) FROM enrollee.trail p WHERE p.seq = %1 - 1");
    const QString otherKind = QString(body).replace(QLatin1String("forged-user"), QLatin1String("filed-user"));
    // A reason whose letters JSON escapes: the text filter finds it by what the reason says.
    const QString escaped = QString(body).replace(QLatin1String("\"forged-user\""),
                                                  QLatin1String("\"escaped-user\",\"reason\":\"\\u0051uoted-77\""));
    QVERIFY(tamper({insert.arg(seq).arg(name).arg(900).arg(QStringLiteral("begin"), body),
                    insert.arg(seq + 1).arg(name).arg(901).arg(QStringLiteral("begin"), QStringLiteral("not json")),
                    insert.arg(seq + 2).arg(name).arg(902).arg(QStringLiteral("request"), otherKind),
                    insert.arg(seq + 3).arg(name).arg(903).arg(QStringLiteral("begin"), escaped)}));

    const Result<HistoryRead> read = m_a.backend->read(1);
    QVERIFY(read.ok());
    const QString forged = QStringLiteral("team record #%1 (begin by officer_a").arg(seq);
    const auto names = [](const QStringList &problems, const QString &what) {
        return std::any_of(problems.cbegin(), problems.cend(), [&what](const QString &p) { return p.contains(what); });
    };
    QVERIFY2(names(read.value().problems, forged), qPrintable(read.value().problems.join(QLatin1Char('\n'))));
    QVERIFY(names(read.value().problems, QStringLiteral("its signature is not that of the console it names")));
    QVERIFY(names(read.value().problems, QStringLiteral("History record #%1").arg(seq + 1)));

    HistoryQuery ofForged;
    ofForged.userId = QStringLiteral("forged-user");
    const Result<HistoryPage> page = m_a.backend->page(ofForged, 0, kPageSize);
    QVERIFY(page.ok());
    QCOMPARE(page.value().entries.size(), qsizetype(1));
    QVERIFY2(names(page.value().problems, forged), qPrintable(page.value().problems.join(QLatin1Char('\n'))));
    const Result<HistoryRead> timeline = m_a.backend->readUser(QStringLiteral("forged-user"));
    QVERIFY(timeline.ok());
    QVERIFY(names(timeline.value().problems, forged));
    QList<HistoryEntry> walked;
    const Result<QStringList> walkProblems = m_a.backend->walkEntries([&walked](const HistoryEntry &e) {
        walked.append(e);
        return true;
    });
    QVERIFY(walkProblems.ok());
    QVERIFY(names(walkProblems.value(), forged));
    QVERIFY(names(walkProblems.value(), QStringLiteral("History record #%1").arg(seq + 1)));
    // What a read lists, the queries list: the begin filed under another kind included.
    compareWithRead(*m_a.backend, queries());
    HistoryQuery ofFiled;
    ofFiled.userId = QStringLiteral("filed-user");
    QCOMPARE(m_a.backend->page(ofFiled, 0, kPageSize).value().entries.size(), qsizetype(1));
    QCOMPARE(m_a.backend->count(ofFiled).value().total, qint64(1));
    HistoryQuery ofEscaped;
    ofEscaped.text = QStringLiteral("QUOTED-77");
    QCOMPARE(m_a.backend->page(ofEscaped, 0, kPageSize).value().entries.size(), qsizetype(1));

    // The window's check walks the trail a batch at a time, stopping between batches when asked to
    // give way: it reports what the whole check reports, every forged record named.
    const ChainReport whole = m_a.backend->verify();
    QVERIFY(!whole.ok);
    // Asked to give way at every chance, it is called again until it ends; it reports what the whole
    // check reports, every forged record named, after more than three calls.
    const auto checkInSlices = [&] {
        m_a.backend->setGiveWay([] { return true; });
        std::optional<ChainReport> sliced;
        int calls = 1;
        for (sliced = m_a.backend->verifyInSlices(); !sliced && calls < 1000; ++calls)
            sliced = m_a.backend->verifyInSlices();
        m_a.backend->setGiveWay({});
        QVERIFY(sliced);
        QVERIFY2(calls > 3, qPrintable(QString::number(calls)));
        QCOMPARE(sliced->ok, whole.ok);
        QCOMPARE(sliced->records, whole.records);
        QCOMPARE(sliced->problem, whole.problem);
        QCOMPARE(sliced->breaks.size(), whole.breaks.size());
        for (qsizetype i = 0; i < whole.breaks.size(); ++i)
            QCOMPARE(sliced->breaks.at(i).problem, whole.breaks.at(i).problem);
        QVERIFY(std::any_of(sliced->breaks.cbegin(), sliced->breaks.cend(),
                            [seq](const ChainBreak &b) { return b.seq == seq; }));
    };
    TeamTrailCheck::setBatch(3);
    checkInSlices();
    TeamTrailCheck::setBatch(1000);
    if (QTest::currentTestFailed())
        return;
    // It also stops within a batch (every hundred records at a million; here every two), and goes on from
    // the record after.
    TeamTrailCheck::setGiveWayEvery(2);
    checkInSlices();
    TeamTrailCheck::setGiveWayEvery(100);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(tamper({QStringLiteral("DELETE FROM enrollee.trail WHERE seq >= %1").arg(seq)}));
}

QTEST_GUILESS_MAIN(TestTeamQueries)
#include "tst_team_queries.moc"
