// enrollee-cli bulk end to end: the real program as a process against an in-process sandbox whose
// requests are counted per user ID. Validation and dry run send nothing; a run killed with SIGKILL and
// resumed sends every row at most once; a 429 holds the whole run; wrong keys and production refusals
// pause it; "already so" codes are counted apart; retry takes failed rows only; the results file holds
// one row per input row; production needs the count and a canary.
#include "sandbox/SandboxServer.h"
#include "support/CliHarness.h"
#include "support/CliSandbox.h"
#include "support/FileEdits.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include <csignal>

class TestCliBulk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void dryRunSendsNothing();
    void badInputSendsNothing();
    void resultsFileAndAlreadySo();
    void jsonResultsFile();
    void killedRunResumesExactlyOnce();
    void terminationPausesTheRun();
    void tooManyRequestsHoldsTheRun();
    void wrongKeyPausesTheRun();
    void retryFailedOnly();
    void productionNeedsCountAndCanary();
    void alteredRunFileIsCaught();
    void streamedShowIsTheSameJson();

private:
    QStringList target(const QStringList &extra, const QString &environment = QStringLiteral("local")) const;
    QString writeInput(const QString &name, const QByteArray &bytes) const;
    QString idsFile(const QString &name, const QStringList &ids) const;
    QJsonObject show(const QString &runId);
    QString newestRun();
    static int sum(const QJsonObject &counts);

    CliHarness m_cli;
    SandboxServer *m_server = nullptr;
    QHash<QString, int> m_received; // user ID -> requests the sandbox acted on or refused
    int m_tooMany = 0;
};

void TestCliBulk::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(CliHarness::program()));
    m_server = new SandboxServer(SandboxConfig{}, this);
    const Status listening = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY2(listening.ok(), qPrintable(listening.message()));
    countRequests(m_server, this, &m_received, &m_tooMany);
    m_cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString::fromLatin1(m_server->config().apiKey));
}

void TestCliBulk::init()
{
    m_received.clear();
    m_tooMany = 0;
    m_server->setFaultPlan({});
    m_server->setRateLimit(0);
    m_cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString::fromLatin1(m_server->config().apiKey));
}

QStringList TestCliBulk::target(const QStringList &extra, const QString &environment) const
{
    return QStringList{QStringLiteral("bulk")} + extra
        + QStringList{QStringLiteral("--base-url"),    m_server->origin().toString(),
                      QStringLiteral("--partner-id"),  QStringLiteral("001"),
                      QStringLiteral("--email"),       QStringLiteral("officer@example.org"),
                      QStringLiteral("--environment"), environment};
}

QString TestCliBulk::writeInput(const QString &name, const QByteArray &bytes) const
{
    QString path = QDir(m_cli.home()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

QString TestCliBulk::idsFile(const QString &name, const QStringList &ids) const
{
    return writeInput(name, (ids.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
}

QJsonObject TestCliBulk::show(const QString &runId)
{
    const CliRun run = m_cli.run({QStringLiteral("bulk"), QStringLiteral("show"), runId, QStringLiteral("--json")});
    if (run.exitCode != 0)
        qWarning("bulk show: %s", run.err.constData());
    return run.object();
}

QString TestCliBulk::newestRun()
{
    const CliRun run = m_cli.run({QStringLiteral("bulk"), QStringLiteral("list"), QStringLiteral("--json")});
    return run.array().first().toObject().value(QLatin1String("id")).toString();
}

int TestCliBulk::sum(const QJsonObject &c)
{
    int n = 0;
    for (const char *key : {"succeeded", "already", "failed", "unknown", "not_sent"})
        n += c.value(QLatin1String(key)).toInt();
    return n;
}

void TestCliBulk::dryRunSendsNothing()
{
    for (int i = 0; i < 4; ++i)
        m_server->registry().add(QStringLiteral("dry-%1").arg(i));
    const int before = m_server->requestCount();
    // BOM, CRLF, a reason column, a blank row, a duplicate, control characters and an over-long ID.
    const QByteArray csv = "\xEF\xBB\xBFuser_id,reason\r\ndry-0,case 1\r\n\r\ndry-1,\r\ndry-0,\r\nbad\x01id,\r\n"
        + QByteArray(300, 'x') + ",\r\ndry-2,\r\n";
    const QString input = writeInput(QStringLiteral("dry.csv"), csv);
    const CliRun run = m_cli.run(target({QStringLiteral("deactivate"), QStringLiteral("--input"), input,
                                         QStringLiteral("--dry-run"), QStringLiteral("--yes")}));
    QCOMPARE(run.exitCode, 2); // problems named, nothing sent
    QVERIFY2(run.err.contains("line 3: blank"), run.err.constData());
    QVERIFY2(run.err.contains("line 5: duplicate of line 2"), run.err.constData());
    QVERIFY2(run.err.contains("line 6: "), run.err.constData());
    QVERIFY2(run.err.contains("line 7: "), run.err.constData());
    QVERIFY2(run.out.contains("7 rows, 3 valid, 4 not sent"), run.out.constData());
    QCOMPARE(m_server->requestCount(), before);
    const CliRun clean = m_cli.run(
        target({QStringLiteral("deactivate"), QStringLiteral("--input"),
                idsFile(QStringLiteral("dry.txt"), {QStringLiteral("dry-3")}), QStringLiteral("--dry-run")}));
    QCOMPARE(clean.exitCode, 0);
    QCOMPARE(m_server->requestCount(), before);
}

void TestCliBulk::badInputSendsNothing()
{
    const int before = m_server->requestCount();
    const QString notUtf8 = writeInput(QStringLiteral("latin1.txt"), "ok-1\nr\xE9sum\xE9\n");
    CliRun run = m_cli.run(
        target({QStringLiteral("deactivate"), QStringLiteral("--input"), notUtf8, QStringLiteral("--yes")}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("line 2"), run.err.constData());
    const QString noColumn = writeInput(QStringLiteral("cols.csv"), "id,reason\nu,r\n");
    run = m_cli.run(
        target({QStringLiteral("deactivate"), QStringLiteral("--input"), noColumn, QStringLiteral("--yes")}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("user_id"), run.err.constData());
    const QString allBlank = writeInput(QStringLiteral("blank.csv"), "user_id\n \n\t\nx\x02\n");
    run = m_cli.run(
        target({QStringLiteral("deactivate"), QStringLiteral("--input"), allBlank, QStringLiteral("--yes")}));
    QCOMPARE(run.exitCode, 2);
    // A line break in a quoted field is part of that field: refused by its line, never split into rows.
    const QString quoted = writeInput(QStringLiteral("quoted.csv"),
                                      "user_id,reason\nok-1,r\n\"ok-2\nok-3\",r\n\"open\n");
    run = m_cli.run(target({QStringLiteral("deactivate"), QStringLiteral("--input"), quoted, QStringLiteral("--yes")}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("Line 5 is not well-formed CSV"), run.err.constData());
    // An endless input is refused at the size limit instead of filling memory.
    run = m_cli.run(target({QStringLiteral("deactivate"), QStringLiteral("--input"), QStringLiteral("/dev/zero"),
                            QStringLiteral("--yes")}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("larger than 64 MiB"), run.err.constData());
    // Not-a-number is no rate.
    run = m_cli.run(target({QStringLiteral("deactivate"), QStringLiteral("--input"), quoted, QStringLiteral("--rate"),
                            QStringLiteral("nan"), QStringLiteral("--yes")}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--rate"), run.err.constData());
    QCOMPARE(m_server->requestCount(), before);
}

// 2208 (deleted) and 2210 (never existed) mean a delete's goal is met: "already", not "failed".
void TestCliBulk::resultsFileAndAlreadySo()
{
    m_server->registry().add(QStringLiteral("res-1"));
    m_server->registry().add(QStringLiteral("res-2"));
    m_server->registry().add(QStringLiteral("res-3"));
    QCOMPARE(m_server->registry().apply(QStringLiteral("res-3"), ActionKind::Delete), QString());
    const QString input = writeInput(QStringLiteral("res.csv"), "user_id\nres-1\nres-2\nres-3\nres-ghost\nres-1\n,\n");
    const QString results = QDir(m_cli.home()).filePath(QStringLiteral("res-results.csv"));
    const CliRun run = m_cli.run(
        target({QStringLiteral("delete"), QStringLiteral("--input"), input, QStringLiteral("--reason"),
                QStringLiteral("GDPR-7"), QStringLiteral("--results"), results, QStringLiteral("--rate"),
                QStringLiteral("0"), QStringLiteral("--yes")}));
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(m_received.value(QStringLiteral("res-1")), 1);
    QCOMPARE(m_received.value(QStringLiteral("res-ghost")), 1);
    QCOMPARE(m_received.size(), 4);

    const QJsonObject shown = show(newestRun());
    QCOMPARE(shown.value(QLatin1String("succeeded")).toInt(), 2);
    QCOMPARE(shown.value(QLatin1String("already")).toInt(), 2);
    QCOMPARE(shown.value(QLatin1String("failed")).toInt(), 0);
    QCOMPARE(shown.value(QLatin1String("not_sent")).toInt(), 2);
    QCOMPARE(sum(shown.value(QLatin1String("counts")).toObject()), 6);
    QCOMPARE(sum(shown), 6);

    QFile file(results);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 7); // header + one per input data row
    QVERIFY(lines.at(0).startsWith("line,user_id,outcome,http_status,code,message,time,attempts,record,record_hash,"
                                   "completion_record,completion_hash"));
    QVERIFY2(lines.at(1).startsWith("2,res-1,succeeded,200,,"), lines.at(1).constData());
    QVERIFY2(lines.at(3).startsWith("4,res-3,already,400,2208,"), lines.at(3).constData());
    QVERIFY2(lines.at(4).startsWith("5,res-ghost,already,400,2210,"), lines.at(4).constData());
    QVERIFY2(lines.at(5).startsWith("6,res-1,not_sent,,,not sent: duplicate of line 2"), lines.at(5).constData());
    QVERIFY2(lines.at(6).startsWith("7,,not_sent,,,not sent: blank"), lines.at(6).constData());
    // The proof: record numbers and 64-hex hashes of both chained records.
    const QList<QByteArray> fields = lines.at(1).trimmed().split(',');
    QCOMPARE(fields.size(), 12);
    QVERIFY(fields.at(8).toInt() > 0);
    QCOMPARE(fields.at(9).size(), 64);
    QVERIFY(fields.at(10).toInt() > fields.at(8).toInt());
    QCOMPARE(fields.at(11).size(), 64);

    // The history carries the run id and line of every row, and its chain still verifies.
    const CliRun history = m_cli.run({QStringLiteral("history"), QStringLiteral("--json")});
    int fromRun = 0;
    for (const auto &v : history.array())
        fromRun += v.toObject().value(QLatin1String("run_line")).toInt() > 0 ? 1 : 0;
    QVERIFY(fromRun >= 4);
    QCOMPARE(m_cli.run({QStringLiteral("history"), QStringLiteral("--verify")}).exitCode, 0);
}

void TestCliBulk::jsonResultsFile()
{
    m_server->registry().add(QStringLiteral("js-1"));
    const QString input = idsFile(QStringLiteral("js.txt"), {QStringLiteral("js-1"), QStringLiteral("js-ghost")});
    const QString results = QDir(m_cli.home()).filePath(QStringLiteral("js-results.json"));
    const CliRun run = m_cli.run(target({QStringLiteral("deactivate"), QStringLiteral("--input"), input,
                                         QStringLiteral("--results"), results, QStringLiteral("--yes")}));
    QCOMPARE(run.exitCode, 3); // js-ghost refused with 2210, which is no "already" for a deactivate
    QFile file(results);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray rows = doc.value(QLatin1String("rows")).toArray();
    QCOMPARE(rows.size(), 2);
    const QJsonObject first = rows.at(0).toObject();
    QCOMPARE(first.value(QLatin1String("line")).toInt(), 1);
    QCOMPARE(first.value(QLatin1String("user_id")).toString(), QStringLiteral("js-1"));
    QCOMPARE(first.value(QLatin1String("outcome")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(first.value(QLatin1String("http_status")).toInt(), 200);
    QCOMPARE(first.value(QLatin1String("attempts")).toInt(), 1);
    QCOMPARE(first.value(QLatin1String("record_hash")).toString().size(), 64);
    const QJsonObject second = rows.at(1).toObject();
    QCOMPARE(second.value(QLatin1String("outcome")).toString(), QStringLiteral("failed"));
    QCOMPARE(second.value(QLatin1String("code")).toString(), QStringLiteral("2210"));
    QCOMPARE(doc.value(QLatin1String("counts")).toObject().value(QLatin1String("failed")).toInt(), 1);
}

// A bulk run is durable and resumable: SIGKILL while rows are in flight, then resume. The sandbox counts
// what it received: no ID twice, every row never begun sent by the resume, rows in flight left unknown.
void TestCliBulk::killedRunResumesExactlyOnce()
{
    QStringList ids;
    for (int i = 0; i < 30; ++i) {
        ids.append(QStringLiteral("kill-%1").arg(i, 2, 10, QLatin1Char('0')));
        m_server->registry().add(ids.last());
    }
    FaultPlan slow;
    slow.latencyMs = 400; // acts at once, answers late: rows in flight have reached the server
    m_server->setFaultPlan(slow);
    QProcess cli;
    cli.setProcessEnvironment(m_cli.environment());
    cli.start(CliHarness::program(),
              target({QStringLiteral("deactivate"), QStringLiteral("--input"), idsFile(QStringLiteral("kill.txt"), ids),
                      QStringLiteral("--rate"), QStringLiteral("0"), QStringLiteral("--concurrency"),
                      QStringLiteral("4"), QStringLiteral("--yes")}));
    QVERIFY(cli.waitForStarted());
    QVERIFY(QTest::qWaitFor([this] { return m_received.size() >= 6; }, 20000));
    ::kill(pid_t(cli.processId()), SIGKILL);
    QVERIFY(cli.waitForFinished());
    QCOMPARE(cli.exitStatus(), QProcess::CrashExit);
    QTest::qWait(600); // let the answers the dead process never read drain
    m_server->setFaultPlan({});

    const QString runId = newestRun();
    const QJsonObject killed = show(runId);
    QCOMPARE(killed.value(QLatin1String("state")).toString(), QStringLiteral("interrupted"));
    QCOMPARE(sum(killed), 30);
    const int unknownAtKill = killed.value(QLatin1String("unknown")).toInt();
    const int notSentAtKill = killed.value(QLatin1String("not_sent")).toInt();
    QVERIFY2(unknownAtKill >= 1, QJsonDocument(killed).toJson().constData());
    QVERIFY(notSentAtKill >= 1);
    const QHash<QString, int> beforeResume = m_received;

    const CliRun resumed = m_cli.run(
        {QStringLiteral("bulk"), QStringLiteral("resume"), runId, QStringLiteral("--yes")});
    QCOMPARE(resumed.exitCode, 4); // the unknown rows stay unknown
    for (const QString &id : ids)
        QVERIFY2(m_received.value(id) <= 1, qPrintable(id));
    const QJsonObject after = show(runId);
    QCOMPARE(after.value(QLatin1String("not_sent")).toInt(), 0);
    QCOMPARE(after.value(QLatin1String("unknown")).toInt(), unknownAtKill);
    QCOMPARE(after.value(QLatin1String("state")).toString(), QStringLiteral("finished"));
    int sentByResume = 0;
    for (const auto &v : after.value(QLatin1String("rows")).toArray()) {
        const QJsonObject row = v.toObject();
        const QString id = row.value(QLatin1String("user_id")).toString();
        if (row.value(QLatin1String("outcome")).toString() == QLatin1String("unknown"))
            QCOMPARE(m_received.value(id), beforeResume.value(id)); // never re-sent behind the officer's back
        else if (!beforeResume.contains(id))
            ++sentByResume;
    }
    QCOMPARE(sentByResume, notSentAtKill);
    QCOMPARE(m_cli.run({QStringLiteral("history"), QStringLiteral("--verify")}).exitCode, 0);

    // Only when asked: a retry of the unknown rows sends them (and those the server did get answer again).
    const CliRun retried = m_cli.run(
        {QStringLiteral("bulk"), QStringLiteral("retry"), runId, QStringLiteral("--unknown"), QStringLiteral("--yes")});
    QVERIFY2(retried.exitCode == 0, retried.err.constData());
    const QJsonObject retry = show(newestRun());
    QCOMPARE(retry.value(QLatin1String("parent")).toString(), runId);
    QCOMPARE(retry.value(QLatin1String("succeeded")).toInt(), unknownAtKill);
}

// SIGTERM (or Ctrl+C) pauses: the rows in flight finish and are recorded, nothing new leaves, and a
// resume sends the rest.
void TestCliBulk::terminationPausesTheRun()
{
    QStringList ids;
    for (int i = 0; i < 30; ++i) {
        ids.append(QStringLiteral("term-%1").arg(i));
        m_server->registry().add(ids.last());
    }
    FaultPlan slow;
    slow.latencyMs = 200;
    m_server->setFaultPlan(slow);
    QProcess cli;
    cli.setProcessEnvironment(m_cli.environment());
    cli.start(CliHarness::program(),
              target({QStringLiteral("deactivate"), QStringLiteral("--input"), idsFile(QStringLiteral("term.txt"), ids),
                      QStringLiteral("--rate"), QStringLiteral("0"), QStringLiteral("--concurrency"),
                      QStringLiteral("2"), QStringLiteral("--yes")}));
    QVERIFY(cli.waitForStarted());
    QVERIFY(QTest::qWaitFor([this] { return m_received.size() >= 3; }, 20000));
    cli.terminate();
    QVERIFY(QTest::qWaitFor([&cli] { return cli.state() == QProcess::NotRunning; }, 20000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 4); // rows not reached yet
    m_server->setFaultPlan({});
    const QString runId = newestRun();
    const QJsonObject paused = show(runId);
    QCOMPARE(paused.value(QLatin1String("state")).toString(), QStringLiteral("paused"));
    QCOMPARE(paused.value(QLatin1String("unknown")).toInt(), 0); // in-flight rows were waited for
    QCOMPARE(paused.value(QLatin1String("succeeded")).toInt(), int(m_received.size()));
    const CliRun resumed = m_cli.run(
        {QStringLiteral("bulk"), QStringLiteral("resume"), runId, QStringLiteral("--yes")});
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    for (const QString &id : ids)
        QCOMPARE(m_received.value(id), 1);
}

// A 429 with Retry-After holds the whole run (and lowers its rate), so the rows still get through.
void TestCliBulk::tooManyRequestsHoldsTheRun()
{
    QStringList ids;
    for (int i = 0; i < 16; ++i) {
        ids.append(QStringLiteral("rate-%1").arg(i));
        m_server->registry().add(ids.last());
    }
    m_server->setRateLimit(4);
    const CliRun run = m_cli.run(
        target({QStringLiteral("reactivate"), QStringLiteral("--input"), idsFile(QStringLiteral("rate.txt"), ids),
                QStringLiteral("--rate"), QStringLiteral("0"), QStringLiteral("--concurrency"), QStringLiteral("4"),
                QStringLiteral("--yes")}),
        {}, 60000);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(m_tooMany >= 1, "the sandbox never said 429");
    QVERIFY2(m_tooMany < ids.size() / 2, qPrintable(QString::number(m_tooMany)));
    QVERIFY2(run.err.contains("the whole run waits"), run.err.constData());
    for (const QString &id : ids)
        QCOMPARE(m_received.value(id), 1);
    QCOMPARE(show(newestRun()).value(QLatin1String("succeeded")).toInt(), ids.size());
}

// A wrong key fails every row the same way (2205): the run pauses itself instead of failing them all.
void TestCliBulk::wrongKeyPausesTheRun()
{
    QStringList ids;
    for (int i = 0; i < 40; ++i)
        ids.append(QStringLiteral("key-%1").arg(i));
    m_cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QStringLiteral("not-the-key"));
    const CliRun run = m_cli.run(
        target({QStringLiteral("deactivate"), QStringLiteral("--input"), idsFile(QStringLiteral("key.txt"), ids),
                QStringLiteral("--rate"), QStringLiteral("0"), QStringLiteral("--concurrency"), QStringLiteral("2"),
                QStringLiteral("--yes")}));
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.out.contains("paused") && run.out.contains("2205"), run.out.constData());
    int received = 0;
    for (int n : std::as_const(m_received))
        received += n;
    QVERIFY2(received >= 5 && received <= 7, qPrintable(QString::number(received)));
    const QJsonObject shown = show(newestRun());
    QCOMPARE(shown.value(QLatin1String("state")).toString(), QStringLiteral("paused"));
    QCOMPARE(shown.value(QLatin1String("not_sent")).toInt(), ids.size() - received);
}

void TestCliBulk::retryFailedOnly()
{
    QStringList ids{QStringLiteral("rt-1"), QStringLiteral("rt-2"), QStringLiteral("rt-3"), QStringLiteral("rt-4")};
    m_server->registry().add(ids.at(0));
    m_server->registry().add(ids.at(1));
    const CliRun first = m_cli.run(
        target({QStringLiteral("flag-fraud"), QStringLiteral("--input"), idsFile(QStringLiteral("rt.txt"), ids),
                QStringLiteral("--reason"), QStringLiteral("ring 4"), QStringLiteral("--yes")}));
    QCOMPARE(first.exitCode, 3);
    const QString firstRun = newestRun();
    QCOMPARE(show(firstRun).value(QLatin1String("failed")).toInt(), 2);

    const CliRun none = m_cli.run({QStringLiteral("bulk"), QStringLiteral("retry"), firstRun, QStringLiteral("--codes"),
                                   QStringLiteral("2205"), QStringLiteral("--yes")});
    QCOMPARE(none.exitCode, 0);
    QCOMPARE(newestRun(), firstRun); // nothing to retry: no new run

    m_server->registry().add(ids.at(2));
    m_server->registry().add(ids.at(3));
    m_received.clear();
    const CliRun retried = m_cli.run({QStringLiteral("bulk"), QStringLiteral("retry"), firstRun,
                                      QStringLiteral("--codes"), QStringLiteral("2210"), QStringLiteral("--yes")});
    QVERIFY2(retried.exitCode == 0, retried.err.constData());
    QCOMPARE(m_received.size(), 2); // only the failed rows
    QCOMPARE(m_received.value(QStringLiteral("rt-3")), 1);
    QCOMPARE(m_received.value(QStringLiteral("rt-4")), 1);
    const QJsonObject retry = show(newestRun());
    QCOMPARE(retry.value(QLatin1String("parent")).toString(), firstRun);
    QCOMPARE(retry.value(QLatin1String("total")).toInt(), 2);
    QCOMPARE(retry.value(QLatin1String("succeeded")).toInt(), 2);
    // The rows keep their line numbers in the first run's input.
    QCOMPARE(retry.value(QLatin1String("rows")).toArray().at(0).toObject().value(QLatin1String("line")).toInt(), 3);
}

// Production: --yes is not a count; the count must match; a canary goes first and is shown. The local
// sandbox refuses production bodies (2220), so the canary is not clean and the run waits; resuming
// then meets a streak of 2220 and pauses by itself.
void TestCliBulk::productionNeedsCountAndCanary()
{
    QStringList ids;
    for (int i = 0; i < 12; ++i)
        ids.append(QStringLiteral("prod-%1").arg(i));
    const QString input = idsFile(QStringLiteral("prod.txt"), ids);
    const QString prod = QStringLiteral("production");
    const QStringList base{QStringLiteral("deactivate"), QStringLiteral("--input"), input,
                           QStringLiteral("--rate"),     QStringLiteral("0"),       QStringLiteral("--yes")};
    CliRun run = m_cli.run(target(base, prod));
    QCOMPARE(run.exitCode, 6);
    QVERIFY2(run.err.contains("--confirm-count"), run.err.constData());
    run = m_cli.run(target(base + QStringList{QStringLiteral("--confirm-count"), QStringLiteral("11")}, prod));
    QCOMPARE(run.exitCode, 6);
    QVERIFY(m_received.isEmpty());

    run = m_cli.run(target(base
                               + QStringList{QStringLiteral("--confirm-count"), QStringLiteral("12"),
                                             QStringLiteral("--canary"), QStringLiteral("2")},
                           prod));
    QCOMPARE(run.exitCode, 6);
    QVERIFY2(run.err.contains("canary"), run.err.constData());
    QCOMPARE(m_received.size(), 2);
    const QString runId = newestRun();
    QCOMPARE(show(runId).value(QLatin1String("state")).toString(), QStringLiteral("paused"));

    const CliRun resumed = m_cli.run(
        {QStringLiteral("bulk"), QStringLiteral("resume"), runId, QStringLiteral("--yes")});
    QCOMPARE(resumed.exitCode, 3);
    QVERIFY2(resumed.out.contains("2220"), resumed.out.constData());
    const QJsonObject shown = show(runId);
    QCOMPARE(shown.value(QLatin1String("state")).toString(), QStringLiteral("paused"));
    QVERIFY(shown.value(QLatin1String("not_sent")).toInt() > 0);
    for (const QString &id : ids)
        QVERIFY(m_received.value(id) <= 1);
}

// The run's header is bound to the chain: every row's begin record carries its digest, so a run file
// edited afterwards (another user ID slipped into its rows) is named, and a resume refuses it.
void TestCliBulk::alteredRunFileIsCaught()
{
    m_server->registry().add(QStringLiteral("alt-1"));
    const CliRun run = m_cli.run(
        target({QStringLiteral("reactivate"), QStringLiteral("--input"),
                idsFile(QStringLiteral("alt.txt"), {QStringLiteral("alt-1"), QStringLiteral("alt-2")}),
                QStringLiteral("--yes")}));
    QCOMPARE(run.exitCode, 3); // alt-2 is unknown to the sandbox (2210)
    const QString runId = newestRun();
    QCOMPARE(m_cli.run({QStringLiteral("bulk"), QStringLiteral("show"), runId}).exitCode, 0);
    // The rows are in the run's rows file, bound to its header by their SHA-256.
    const QString edited = FileEdits::replace(
        QDir(m_cli.home()).filePath(QStringLiteral("data/runs/%1.rows").arg(runId)), "\"alt-2\"", "\"someone-else\"");
    QVERIFY2(edited.isEmpty(), qPrintable(edited));
    const CliRun shown = m_cli.run({QStringLiteral("bulk"), QStringLiteral("show"), runId});
    QCOMPARE(shown.exitCode, 5);
    QVERIFY2(shown.err.contains("altered"), shown.err.constData());
    const CliRun retried = m_cli.run({QStringLiteral("bulk"), QStringLiteral("retry"), runId, QStringLiteral("--yes")});
    QCOMPARE(retried.exitCode, 5);
    QVERIFY(!m_received.contains(QStringLiteral("someone-else")));
}

// bulk show --json streams its rows from the rows file; what it writes is byte for byte the one compact
// object (and newline) it wrote when it built the whole object first, and bulk list's counts agree.
void TestCliBulk::streamedShowIsTheSameJson()
{
    m_server->registry().add(QStringLiteral("same-1"));
    m_server->registry().add(QStringLiteral("same-3"));
    const CliRun run = m_cli.run(
        target({QStringLiteral("deactivate"), QStringLiteral("--input"),
                writeInput(QStringLiteral("same.txt"), "same-1\nsame-2\n\nsame-3\n"), QStringLiteral("--yes")}));
    QCOMPARE(run.exitCode, 3); // same-2 is unknown to the sandbox
    const QString runId = newestRun();
    const CliRun shown = m_cli.run({QStringLiteral("bulk"), QStringLiteral("show"), runId, QStringLiteral("--json")});
    QCOMPARE(shown.exitCode, 0);
    const QJsonObject o = shown.object();
    QCOMPARE(shown.out, QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n');
    QCOMPARE(o.value(QLatin1String("rows")).toArray().size(), 4);
    QCOMPARE(o.value(QLatin1String("total")).toInt(), 4);
    QCOMPARE(o.value(QLatin1String("valid")).toInt(), 3);
    QCOMPARE(o.value(QLatin1String("succeeded")).toInt(), 2);
    QCOMPARE(o.value(QLatin1String("failed")).toInt(), 1);
    QCOMPARE(o.value(QLatin1String("not_sent")).toInt(), 1);
    const QJsonObject row = o.value(QLatin1String("rows")).toArray().at(1).toObject();
    QCOMPARE(row.value(QLatin1String("user_id")).toString(), QStringLiteral("same-2"));
    QCOMPARE(row.value(QLatin1String("outcome")).toString(), QStringLiteral("failed"));
    QVERIFY(row.value(QLatin1String("record")).toInteger() > 0);
    const CliRun listed = m_cli.run({QStringLiteral("bulk"), QStringLiteral("list"), QStringLiteral("--json")});
    const QJsonObject first = listed.array().first().toObject();
    QCOMPARE(first.value(QLatin1String("id")).toString(), runId);
    QCOMPARE(first.value(QLatin1String("counts")), o.value(QLatin1String("counts")));
    QCOMPARE(first.value(QLatin1String("total")).toInt(), 4);
}

QTEST_GUILESS_MAIN(TestCliBulk)
#include "tst_cli_bulk.moc"
