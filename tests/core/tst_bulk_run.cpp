// The core's BulkRun driven in process, as the window will drive it: every row's intent is on disk
// before the sandbox sees its request; pause, resume and cancel through the API and its signals; the
// sandbox's --rate-limit answers 429 + Retry-After without acting.
#include "action/ActionRunner.h"
#include "bulk/BulkInput.h"
#include "bulk/BulkRun.h"
#include "bulk/BulkSendLog.h"
#include "bulk/BulkStore.h"
#include "support/MemoryHistoryBackend.h"
#include "support/SandboxTestSupport.h"

#include <QDirIterator>
#include <QTemporaryDir>

#include <atomic>

using namespace SandboxTest;

namespace {
// A history that refuses to be read whole (as a team trail of a million records should never be), and
// answers a walk from its record; its index (page()) lost the run's rows, as an old copy of the index put
// back, or one edited by hand, would: a resume that believed it would send begun rows again.
class NoWholeReads : public MemoryHistoryBackend
{
public:
    NoWholeReads(QList<HistoryEntry> entries, std::shared_ptr<std::atomic<int>> wholeReads)
        : MemoryHistoryBackend(std::move(entries)), m_wholeReads(std::move(wholeReads))
    {
    }
    Result<HistoryRead> read(qint64 from) override
    {
        if (from <= 1)
            ++*m_wholeReads;
        return Status::failure(QStringLiteral("the whole history was asked for"), Status::Kind::Storage);
    }
    Result<QStringList> walkEntries(const EntryVisitor &visit) override
    {
        const Result<HistoryRead> all = MemoryHistoryBackend::read(1);
        for (auto it = all.value().entries.crbegin(); it != all.value().entries.crend(); ++it) {
            if (!visit(*it))
                break;
        }
        return QStringList();
    }
    Result<HistoryPage> page(const HistoryQuery &query, qint64 after, int limit) override
    {
        if (!query.runId.isEmpty())
            return HistoryPage{};
        return MemoryHistoryBackend::page(query, after, limit);
    }

private:
    std::shared_ptr<std::atomic<int>> m_wholeReads;
};
} // namespace

class TestBulkRun : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { isolate("tst_bulk_run"); }
    void intentOnDiskBeforeRequest();
    void pauseResumeCancel();
    void resetRowsAreUnknownNeverResent();
    void rateLimitAnswers429WithoutActing();
    void resultsGrowByAppendingAsRowsEnd();
    void sendLogTellsHeldFromSent();
    void pauseKeepsHeldRowsForTheResume();
    void resumeReadsOnlyItsRunAndResendsNothingBegun();
    void unreadableHistoryStopsTheResume();
    void newRunReadsNoHistory();

private:
    static BulkRecord record(CoreContext &core, const SandboxServer &server, const QStringList &ids);
    static QByteArray historyBytes(const QString &dir);
    // `count` user IDs "PREFIX-N" the sandbox knows.
    static QStringList known(SandboxServer &server, const QString &prefix, int count);
};

BulkRecord TestBulkRun::record(CoreContext &core, const SandboxServer &server, const QStringList &ids)
{
    BulkRecord r;
    r.id = core.bulkStore()->newId(*core.clock());
    r.action = ActionKind::Reactivate;
    r.profile = profile(server);
    r.rows = BulkInput::parse(ids.join(QLatin1Char('\n')).toUtf8(), {}, {}).value().rows();
    r.rate = 0;
    r.concurrency = 2;
    r.created = QDateTime::currentDateTimeUtc();
    return r;
}

QStringList TestBulkRun::known(SandboxServer &server, const QString &prefix, int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        ids.append(prefix + QStringLiteral("-%1").arg(i));
        server.registry().add(ids.last());
    }
    return ids;
}

QByteArray TestBulkRun::historyBytes(const QString &dir)
{
    QByteArray all;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

void TestBulkRun::intentOnDiskBeforeRequest()
{
    QTemporaryDir dir;
    auto server = start();
    QVERIFY(server);
    auto core = SandboxTest::core(dir.path());
    const QStringList ids = known(*server, QStringLiteral("disk"), 12);
    QStringList missing;
    int seen = 0;
    connect(server.get(), &SandboxServer::requestHandled, this, [&](const QString &userId) {
        ++seen;
        if (!historyBytes(dir.path() + QStringLiteral("/history")).contains(userId.toUtf8()))
            missing.append(userId);
    });
    BulkRun *run = core->createBulkRun(record(*core, *server, ids), this);
    run->setApiKey(secret(keyFor(*server, SigningScheme::Signature)));
    run->setConfirmation(Confirmation::TypedUserId);
    QSignalSpy finished(run, &BulkRun::finished);
    run->start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(seen, ids.size());
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char(' '))));
    QCOMPARE(run->counts().succeeded, ids.size());
    QVERIFY(verify(core->history()).ok);
}

void TestBulkRun::pauseResumeCancel()
{
    QTemporaryDir dir;
    auto server = start();
    QVERIFY(server);
    FaultPlan slow;
    slow.latencyMs = 50;
    server->setFaultPlan(slow);
    auto core = SandboxTest::core(dir.path());
    const QStringList ids = known(*server, QStringLiteral("pr"), 20);
    BulkRun *run = core->createBulkRun(record(*core, *server, ids), this);
    run->setApiKey(secret(keyFor(*server, SigningScheme::Signature)));
    run->setConfirmation(Confirmation::TypedUserId);
    QSignalSpy paused(run, &BulkRun::paused);
    QSignalSpy finished(run, &BulkRun::finished);
    QSignalSpy rowFinished(run, &BulkRun::rowFinished);
    connect(
        run, &BulkRun::rowFinished, run, [run] { run->pause(); }, Qt::SingleShotConnection);
    run->start();
    QVERIFY(paused.wait(10000));
    QCOMPARE(paused.first().first().value<BulkRun::PauseCause>(), BulkRun::PauseCause::Requested);
    const int doneAtPause = server->requestCount();
    QVERIFY(doneAtPause < ids.size());
    QCOMPARE(run->inFlight(), 0);
    QCOMPARE(core->bulkStore()->load(run->record().id).value().state, BulkRecord::State::Paused);
    QCOMPARE(run->counts().notSent, ids.size() - doneAtPause);
    QTest::qWait(200);
    QCOMPARE(server->requestCount(), doneAtPause); // paused means nothing leaves

    connect(
        run, &BulkRun::rowFinished, run, [run] { run->cancel(); }, Qt::SingleShotConnection);
    run->resume();
    QVERIFY(finished.wait(10000));
    QCOMPARE(run->record().state, BulkRecord::State::Cancelled);
    const BulkCounts c = run->counts();
    QCOMPARE(c.total(), ids.size());
    QVERIFY(c.notSent > 0);
    QCOMPARE(c.succeeded, server->requestCount());
    QCOMPARE(rowFinished.size(), c.succeeded);
}

// Concurrent rows keep the client's one-connection-per-action rule: a connection reset after the
// request left is never quietly re-sent (the server may have acted), so the row is unknown and the
// sandbox saw it exactly once.
void TestBulkRun::resetRowsAreUnknownNeverResent()
{
    QTemporaryDir dir;
    auto server = start();
    QVERIFY(server);
    FaultPlan reset;
    reset.kind = FaultPlan::Kind::Reset;
    reset.remaining = 3;
    server->setFaultPlan(reset);
    auto core = SandboxTest::core(dir.path());
    const QStringList ids = known(*server, QStringLiteral("rst"), 8);
    QHash<QString, int> received;
    connect(server.get(), &SandboxServer::requestHandled, this,
            [&received](const QString &userId) { ++received[userId]; });
    BulkRecord r = record(*core, *server, ids);
    r.concurrency = 4;
    BulkRun *run = core->createBulkRun(r, this);
    run->setApiKey(secret(keyFor(*server, SigningScheme::Signature)));
    run->setConfirmation(Confirmation::TypedUserId);
    QSignalSpy finished(run, &BulkRun::finished);
    run->start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(received.size(), ids.size());
    for (const QString &id : ids)
        QCOMPARE(received.value(id), 1);
    QCOMPARE(run->counts().unknown, 3);
    QCOMPARE(run->counts().succeeded, 5);
}

void TestBulkRun::rateLimitAnswers429WithoutActing()
{
    auto server = start();
    QVERIFY(server);
    server->setRateLimit(1);
    server->registry().add(QStringLiteral("rl-1"));
    const Profile p = profile(*server);
    QNetworkAccessManager network;
    EnrolleeClient client(&network);
    ApiResult first;
    ApiResult second;
    for (ApiResult *result : {&first, &second}) {
        const SignedRequest request = RequestBuilder::build(p, ActionKind::Deactivate, QStringLiteral("rl-1"),
                                                            keyFor(*server, p.scheme), QDateTime::currentDateTimeUtc());
        QVERIFY(wait(client.post(p.endpoint(), request.json), result));
    }
    QVERIFY(first.ok());
    QCOMPARE(second.httpStatus, 429);
    QCOMPARE(second.code, QStringLiteral("2222"));
    QCOMPARE(second.retryAfterSeconds, 1);
    QVERIFY(second.isRetryable());
    QVERIFY(!server->registry().state(QStringLiteral("rl-1")).active); // the first acted, the 429 did not undo it
}

// While a run goes, the results file grows by the rows that ended (whole lines, synced) instead of
// being written again whole; when the run ends it is one line per input row, in input order.
void TestBulkRun::resultsGrowByAppendingAsRowsEnd()
{
    QTemporaryDir dir;
    auto server = start();
    QVERIFY(server);
    FaultPlan slow;
    slow.latencyMs = 100;
    server->setFaultPlan(slow);
    auto core = SandboxTest::core(dir.path());
    const QStringList ids = known(*server, QStringLiteral("app"), 20);
    BulkRecord r = record(*core, *server, ids);
    r.resultsPath = dir.filePath(QStringLiteral("results.csv"));
    BulkRun *run = core->createBulkRun(r, this);
    run->setApiKey(secret(keyFor(*server, SigningScheme::Signature)));
    run->setConfirmation(Confirmation::TypedUserId);
    QSignalSpy finished(run, &BulkRun::finished);
    run->start();
    const auto lines = [run] {
        QFile file(run->resultsPath());
        return file.open(QIODevice::ReadOnly) ? file.readAll().split('\n') : QList<QByteArray>();
    };
    // The whole file as the run started (header and 20 rows not sent yet), then the rows that ended.
    QVERIFY(QTest::qWaitFor([&] { return lines().size() > 1 + 20 + 1 + 2; }, 10000));
    QVERIFY(finished.isEmpty());
    const QList<QByteArray> during = lines();
    QVERIFY(during.last().isEmpty()); // every line whole
    QVERIFY2(during.at(during.size() - 2).contains(",succeeded,"), during.at(during.size() - 2).constData());
    QVERIFY(finished.wait(20000));
    const QList<QByteArray> after = lines();
    QCOMPARE(after.size(), 1 + 20 + 1);
    for (int i = 0; i < 20; ++i)
        QVERIFY2(after.at(1 + i).startsWith(QByteArray::number(i + 1) + ',' + ids.at(i).toUtf8() + ",succeeded,"),
                 after.at(1 + i).constData());
}

// The send log read back: "released" marks a row that may have left, "held" alone one that did not; a
// torn last line counts for nothing. A run's rows read with it: a row held and never sent is not sent,
// not unknown.
void TestBulkRun::sendLogTellsHeldFromSent()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.sent"));
    {
        BulkSendLog log(path);
        QVERIFY(log.held({2, 3, 4, 6, 7}).ok());
        QVERIFY(log.released({2, 6, 7}).ok());
        QVERIFY(log.unreleased({6, 7}).ok()); // released ahead of a slot, held again by a pause
        QVERIFY(log.released({7}).ok());      // and released again after the resume
    }
    QFile torn(path);
    QVERIFY(torn.open(QIODevice::Append));
    torn.write("r 3"); // the write a crash cut short: its sync never returned, so row 3 never left
    torn.close();
    const BulkSendLog::Lines lines = BulkSendLog::read(path);
    QVERIFY(!lines.neverSent(2));
    QVERIFY(lines.neverSent(3));
    QVERIFY(lines.neverSent(4));
    QVERIFY(!lines.neverSent(5)); // not in the log (a run made before it): may have been sent
    QVERIFY(lines.neverSent(6));
    QVERIFY(!lines.neverSent(7));

    BulkRecord r;
    r.id = QStringLiteral("20261206-101010-abcd");
    r.rows = BulkInput::parse("a-1\na-2\na-3\na-4\na-5\n", {}, {}).value().rows();
    QList<HistoryEntry> history;
    for (const int line : {2, 3, 5}) {
        HistoryEntry e;
        e.id = line;
        e.runId = r.id;
        e.runLine = line;
        e.outcome = HistoryEntry::Outcome::Unknown; // begun by a process that is gone, no answer
        history.append(e);
    }
    const QList<BulkRowResult> rows = r.results(history, lines);
    QCOMPARE(rows.at(1).status, BulkRowStatus::Unknown); // line 2: released, may have reached the server
    QCOMPARE(rows.at(2).status, BulkRowStatus::NotSent); // line 3: held, never released
    QVERIFY(!rows.at(2).begun());
    QCOMPARE(rows.at(4).status, BulkRowStatus::Unknown);               // line 5: no word in the log
    QCOMPARE(r.results(history).at(2).status, BulkRowStatus::Unknown); // without the log, the safe way
}

// Rows recorded ahead and held when the run pauses stay held: nothing leaves while paused, and the
// resume sends them under the begin records they have, so every user has one history entry and one
// request.
void TestBulkRun::pauseKeepsHeldRowsForTheResume()
{
    QTemporaryDir dir;
    auto server = start();
    QVERIFY(server);
    FaultPlan slow;
    slow.latencyMs = 80;
    server->setFaultPlan(slow);
    auto core = SandboxTest::core(dir.path());
    const QStringList ids = known(*server, QStringLiteral("held"), 24);
    QHash<QString, int> received;
    connect(server.get(), &SandboxServer::requestHandled, this,
            [&received](const QString &userId) { ++received[userId]; });
    BulkRun *run = core->createBulkRun(record(*core, *server, ids), this);
    run->setApiKey(secret(keyFor(*server, SigningScheme::Signature)));
    run->setConfirmation(Confirmation::TypedUserId);
    QSignalSpy paused(run, &BulkRun::paused);
    QSignalSpy finished(run, &BulkRun::finished);
    connect(
        run, &BulkRun::rowFinished, run, [run] { run->pause(); }, Qt::SingleShotConnection);
    run->start();
    QVERIFY(paused.wait(10000));
    QCOMPARE(run->inFlight(), 0);
    // Rows released ahead of a free slot are held again: the send log names as released only rows the
    // server received (else a crash now would leave them "may have been sent").
    const QString logPath = core->bulkStore()->sendLogPath(run->record().id);
    const auto releasedUnsent = [&] {
        QStringList unsent;
        for (const int line : BulkSendLog::read(logPath).released) {
            if (received.value(ids.at(line - 1)) == 0)
                unsent.append(ids.at(line - 1));
        }
        return unsent;
    };
    QTRY_COMPARE_WITH_TIMEOUT(releasedUnsent(), QStringList(), 3000);
    const int atPause = server->requestCount();
    QVERIFY(run->remaining() > 0);
    QTest::qWait(300);
    QCOMPARE(server->requestCount(), atPause);
    run->resume();
    QVERIFY(finished.wait(20000));
    QCOMPARE(run->counts().succeeded, ids.size());
    for (const QString &id : ids)
        QCOMPARE(received.value(id), 1);
    QList<HistoryEntry> entries;
    bool read = false;
    core->history()->read(1, this, [&](const Result<HistoryRead> &r) {
        entries = r.value().entries;
        read = true;
    });
    QVERIFY(QTest::qWaitFor([&] { return read; }, 10000));
    QHash<QString, int> perUser;
    for (const HistoryEntry &e : std::as_const(entries))
        ++perUser[e.userId];
    for (const QString &id : ids)
        QCOMPARE(perUser.value(id), 1);
}

// A run taken up again (its process died) holds its own entries only, never the whole history, and reads
// them from the record, not the index: over a history that refuses a whole read and whose index lost the
// run's rows it starts, sends the rows never begun and no row begun before, whether answered or not,
// while entries of another run on the same lines and users decide nothing.
void TestBulkRun::resumeReadsOnlyItsRunAndResendsNothingBegun()
{
    QTemporaryDir dir;
    auto server = start();
    QVERIFY(server);
    auto core = SandboxTest::core(dir.path());
    const QStringList ids = known(*server, QStringLiteral("again"), 10);
    // As the process that died left it: its run file on disk, read back as a resume reads it.
    QVERIFY(core->bulkStore()->save(record(*core, *server, ids)).ok());
    const QList<BulkRecord> saved = core->bulkStore()->list();
    QCOMPARE(saved.size(), qsizetype(1));
    const Result<BulkRecord> loaded = core->bulkStore()->load(saved.constFirst().id);
    QVERIFY2(loaded.ok(), qPrintable(loaded.message()));
    const BulkRecord r = loaded.value();
    QList<HistoryEntry> history;
    const auto add = [&history](HistoryEntry e, HistoryEntry::Outcome outcome) {
        e.id = history.size() + 1;
        e.time = QDateTime::currentDateTimeUtc().addSecs(-600);
        e.outcome = outcome;
        history.append(e);
    };
    for (int i = 0; i < 30; ++i) { // another run over the same users and lines, long done
        HistoryEntry e;
        e.userId = ids.at(i % ids.size());
        e.action = ActionKind::Reactivate;
        e.runId = QStringLiteral("another-run");
        e.runLine = r.rows.at(i % ids.size()).line;
        add(e, HistoryEntry::Outcome::Failure);
    }
    using O = HistoryEntry::Outcome;
    const QList<O> begun{O::Unknown, O::Pending, O::Success, O::Failure};
    for (int i = 0; i < begun.size(); ++i) {
        HistoryEntry e;
        e.userId = ids.at(i);
        e.action = ActionKind::Reactivate;
        e.runId = r.id;
        e.runLine = r.rows.at(i).line;
        add(e, begun.at(i));
    }
    auto wholeReads = std::make_shared<std::atomic<int>>(0);
    HistoryService memory(std::make_unique<NoWholeReads>(history, wholeReads));
    ActionRunner runner(core->client(), &memory, core->clock(), core->policy());
    QHash<QString, int> received;
    connect(server.get(), &SandboxServer::requestHandled, this,
            [&received](const QString &userId) { ++received[userId]; });
    BulkRun run(r, &runner, &memory, core->bulkStore());
    run.setApiKey(secret(keyFor(*server, SigningScheme::Signature)));
    run.setConfirmation(Confirmation::TypedUserId);
    QSignalSpy finished(&run, &BulkRun::finished);
    QString failure;
    connect(&run, &BulkRun::failed, this, [&failure](const Status &s) { failure = s.message(); });
    run.start();
    QVERIFY2(finished.wait(10000), qPrintable(failure));
    QCOMPARE(wholeReads->load(), 0);
    QCOMPARE(received.size(), ids.size() - begun.size());
    for (int i = 0; i < ids.size(); ++i)
        QCOMPARE(received.value(ids.at(i)), i < begun.size() ? 0 : 1);
    const BulkCounts c = run.counts();
    QCOMPARE(c.unknown, 2);
    QCOMPARE(c.succeeded, 1 + ids.size() - begun.size());
    QCOMPARE(c.failed, 1);
}

// A history that cannot be read stops the run before anything is sent: what was begun is unknown.
void TestBulkRun::unreadableHistoryStopsTheResume()
{
    QTemporaryDir dir;
    auto server = start();
    QVERIFY(server);
    auto core = SandboxTest::core(dir.path());
    const QStringList ids{QStringLiteral("stop-1"), QStringLiteral("stop-2")};
    for (const QString &id : ids)
        server->registry().add(id);
    auto backend = std::make_unique<MemoryHistoryBackend>();
    backend->setReadError(QStringLiteral("the disk is gone"));
    HistoryService memory(std::move(backend));
    ActionRunner runner(core->client(), &memory, core->clock(), core->policy());
    const BulkRecord fresh = record(*core, *server, ids);
    QVERIFY(core->bulkStore()->save(fresh).ok()); // it ran before: its file is on disk
    const Result<BulkRecord> loaded = core->bulkStore()->load(fresh.id);
    QVERIFY2(loaded.ok(), qPrintable(loaded.message()));
    BulkRun run(loaded.value(), &runner, &memory, core->bulkStore());
    run.setApiKey(secret(keyFor(*server, SigningScheme::Signature)));
    run.setConfirmation(Confirmation::TypedUserId);
    QString failure;
    connect(&run, &BulkRun::failed, this, [&failure](const Status &s) { failure = s.message(); });
    run.start();
    QVERIFY(QTest::qWaitFor([&failure] { return !failure.isEmpty(); }, 10000));
    QVERIFY2(failure.contains(QLatin1String("the disk is gone")), qPrintable(failure));
    QTest::qWait(100);
    QCOMPARE(server->requestCount(), 0);
}

// A new run has begun no row anywhere (rows are begun only once its run file is on disk), so it does not
// look for its rows in the history: over a history that cannot be read (and a million entries would take
// seconds to walk) it sends each row once. The same run object whose file is already there, or a run read
// from its file whose file is gone by now, looks and stops.
void TestBulkRun::newRunReadsNoHistory()
{
    QTemporaryDir dir;
    auto server = start();
    QVERIFY(server);
    auto core = SandboxTest::core(dir.path());
    const QStringList ids = known(*server, QStringLiteral("new"), 3);
    const auto runOver = [&](const BulkRecord &r, QString *failure) {
        auto backend = std::make_unique<MemoryHistoryBackend>();
        backend->setReadError(QStringLiteral("the disk is gone"));
        HistoryService memory(std::move(backend));
        ActionRunner runner(core->client(), &memory, core->clock(), core->policy());
        BulkRun run(r, &runner, &memory, core->bulkStore());
        run.setApiKey(secret(keyFor(*server, SigningScheme::Signature)));
        run.setConfirmation(Confirmation::TypedUserId);
        QSignalSpy finished(&run, &BulkRun::finished);
        connect(&run, &BulkRun::failed, this, [failure](const Status &s) { *failure = s.message(); });
        run.start();
        return QTest::qWaitFor([&] { return !finished.isEmpty() || !failure->isEmpty(); }, 10000);
    };
    QHash<QString, int> received;
    connect(server.get(), &SandboxServer::requestHandled, this,
            [&received](const QString &userId) { ++received[userId]; });
    QString failure;
    const BulkRecord fresh = record(*core, *server, ids);
    QVERIFY(runOver(fresh, &failure));
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(server->requestCount(), ids.size());
    for (const QString &id : ids)
        QCOMPARE(received.value(id), 1);

    // Its file on disk (paused, say): the same record looks, and an unreadable history stops it.
    BulkRecord onDisk = fresh;
    onDisk.state = BulkRecord::State::Paused;
    QVERIFY(core->bulkStore()->save(onDisk).ok());
    QVERIFY(runOver(fresh, &failure));
    QVERIFY2(failure.contains(QLatin1String("the disk is gone")), qPrintable(failure));
    QCOMPARE(server->requestCount(), ids.size());
    // Read from its file, which is then taken away: it looks all the same.
    const Result<BulkRecord> loaded = core->bulkStore()->load(fresh.id);
    QVERIFY2(loaded.ok(), qPrintable(loaded.message()));
    const BulkRecord &paused = loaded.value();
    QVERIFY(QFile::remove(core->bulkStore()->rowsPath(fresh.id)));
    QVERIFY(QDir(core->bulkStore()->folder()).remove(fresh.id + QStringLiteral(".json")));
    failure.clear();
    QVERIFY(runOver(paused, &failure));
    QVERIFY2(failure.contains(QLatin1String("the disk is gone")), qPrintable(failure));
    QCOMPARE(server->requestCount(), ids.size());
}

QTEST_GUILESS_MAIN(TestBulkRun)
#include "tst_bulk_run.moc"
