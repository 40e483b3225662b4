// enrollee-cli bulk off the happy path, end to end: the real program as processes against an in-process
// sandbox that counts what it received per user ID. Two resumes of one run at the same instant send each
// row once; a run file edited before its first row was sent is refused; a results path that would
// replace the input, a folder or a path in a missing folder is refused before anything is sent, and an
// edited results path is refused like any other edit; a second retry does not send again what a first
// retry did; a 429 storm holds the run instead of failing rows; a full disk pauses the run and leaves
// its run file whole.
#include "base/Clock.h"
#include "bulk/BulkRecord.h"
#include "bulk/BulkStore.h"
#include "sandbox/SandboxServer.h"
#include "support/CliHarness.h"
#include "support/CliSandbox.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

#include <csignal>
#include <memory>
#include <unistd.h>

class TestCliBulkSafety : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void simultaneousResumesSendOnce();
    void killedHolderDoesNotLockTheRun();
    void runFileEditedBeforeFirstRowIsRefused();
    void resultsPathThatWouldReplaceIsRefused();
    void editedResultsPathIsRefused();
    void secondRetrySendsNothingAgain();
    void simultaneousRetriesSendOnce();
    void tooManyRequestsStormHoldsInsteadOfFailing();
    void fullDiskLeavesTheRunFileWhole();
    void fullDiskWhenMakingARunStartsNothing();
    void fullDiskNeverEmptiesTheRunFile();
    void killedWhileMakingARunLeavesNoneOrAWholeOne();

private:
    QStringList target(const QStringList &extra) const;
    QString writeInput(const QString &name, const QByteArray &bytes) const;
    QString idsFile(const QString &name, const QStringList &ids) const;
    QStringList knownIds(const QString &prefix, int n);
    QJsonObject show(const QString &runId);
    QString newestRun();
    QString runFile(const QString &runId) const;
    // A run that paused after its first row (a canary of 1 without --yes): the rest never begun.
    QString pausedRun(const QString &prefix, const QStringList &ids);
    // A copy of `template` under a new id, paused before its first row: as a run held for approval or
    // stopped between its run file and its first send is left.
    QString unsentRun(const QString &templateId, const QStringList &ids);
    int received(const QStringList &ids) const;

    CliHarness m_cli;
    SandboxServer *m_server = nullptr;
    QHash<QString, int> m_received; // user ID -> requests the sandbox acted on or refused
    int m_tooMany = 0;
};

void TestCliBulkSafety::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(CliHarness::program()));
    m_server = new SandboxServer(SandboxConfig{}, this);
    const Status listening = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY2(listening.ok(), qPrintable(listening.message()));
    countRequests(m_server, this, &m_received, &m_tooMany);
}

void TestCliBulkSafety::init()
{
    m_received.clear();
    m_tooMany = 0;
    m_server->setFaultPlan({});
    m_server->setRateLimit(0);
    m_cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString::fromLatin1(m_server->config().apiKey));
}

QStringList TestCliBulkSafety::target(const QStringList &extra) const
{
    return QStringList{QStringLiteral("bulk")} + extra
        + QStringList{QStringLiteral("--base-url"),    m_server->origin().toString(),
                      QStringLiteral("--partner-id"),  QStringLiteral("001"),
                      QStringLiteral("--email"),       QStringLiteral("officer@example.org"),
                      QStringLiteral("--environment"), QStringLiteral("local")};
}

QString TestCliBulkSafety::writeInput(const QString &name, const QByteArray &bytes) const
{
    QString path = QDir(m_cli.home()).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

QString TestCliBulkSafety::idsFile(const QString &name, const QStringList &ids) const
{
    return writeInput(name, (ids.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
}

QStringList TestCliBulkSafety::knownIds(const QString &prefix, int n)
{
    QStringList ids;
    for (int i = 0; i < n; ++i) {
        ids.append(QStringLiteral("%1-%2").arg(prefix).arg(i, 2, 10, QLatin1Char('0')));
        m_server->registry().add(ids.last());
    }
    return ids;
}

QJsonObject TestCliBulkSafety::show(const QString &runId)
{
    const CliRun run = m_cli.run({QStringLiteral("bulk"), QStringLiteral("show"), runId, QStringLiteral("--json")});
    if (run.exitCode != 0)
        qWarning("bulk show: %s", run.err.constData());
    return run.object();
}

QString TestCliBulkSafety::newestRun()
{
    const CliRun run = m_cli.run({QStringLiteral("bulk"), QStringLiteral("list"), QStringLiteral("--json")});
    return run.array().first().toObject().value(QLatin1String("id")).toString();
}

QString TestCliBulkSafety::runFile(const QString &runId) const
{
    return QDir(m_cli.home()).filePath(QStringLiteral("data/runs/%1.json").arg(runId));
}

int TestCliBulkSafety::received(const QStringList &ids) const
{
    int n = 0;
    for (const QString &id : ids)
        n += m_received.value(id);
    return n;
}

QString TestCliBulkSafety::pausedRun(const QString &prefix, const QStringList &ids)
{
    const CliRun first = m_cli.run(
        target({QStringLiteral("deactivate"), QStringLiteral("--input"), idsFile(prefix + QStringLiteral(".txt"), ids),
                QStringLiteral("--rate"), QStringLiteral("0"), QStringLiteral("--canary"), QStringLiteral("1")}));
    if (first.exitCode != 6)
        qWarning("the canary did not pause: %s", qPrintable(first.describe()));
    return newestRun();
}

QString TestCliBulkSafety::unsentRun(const QString &templateId, const QStringList &ids)
{
    const BulkStore store(QDir(m_cli.home()).filePath(QStringLiteral("data/runs")));
    Result<BulkRecord> loaded = store.load(templateId);
    if (!loaded.ok()) {
        qWarning("%s", qPrintable(loaded.message()));
        return {};
    }
    BulkRecord record = loaded.value();
    record.id = store.newId(SystemClock());
    record.fileDigest.clear();
    record.parentId.clear();
    record.created = QDateTime::currentDateTimeUtc();
    record.resultsPath = store.defaultResultsPath(record.id);
    record.state = BulkRecord::State::Paused;
    record.canary = 0;
    record.rows.clear();
    for (int i = 0; i < ids.size(); ++i) {
        BulkRow row;
        row.line = i + 1;
        row.userId = ids.at(i);
        record.rows.append(row);
    }
    if (const Status s = store.save(record); !s.ok())
        qWarning("%s", qPrintable(s.message()));
    return record.id;
}

// Checking a run's state and marking it running is one step across processes: of two resumes started at
// the same instant one sends the rows and the other refuses (exit 2), every trial.
void TestCliBulkSafety::simultaneousResumesSendOnce()
{
    FaultPlan slow;
    slow.latencyMs = 30;
    for (int trial = 0; trial < 5; ++trial) {
        m_server->setFaultPlan({});
        m_received.clear();
        const QStringList ids = knownIds(QStringLiteral("twin%1").arg(trial), 20);
        const QString runId = pausedRun(QStringLiteral("twin%1").arg(trial), ids);
        QCOMPARE(received(ids), 1);
        m_server->setFaultPlan(slow);
        QProcess a;
        QProcess b;
        for (QProcess *p : {&a, &b})
            p->setProcessEnvironment(m_cli.environment());
        const QStringList resume{QStringLiteral("bulk"), QStringLiteral("resume"), runId, QStringLiteral("--yes")};
        a.start(CliHarness::program(), resume);
        b.start(CliHarness::program(), resume);
        QVERIFY(a.waitForStarted() && b.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return a.state() == QProcess::NotRunning && b.state() == QProcess::NotRunning; },
                                60000));
        const QByteArray errors = a.readAllStandardError() + b.readAllStandardError();
        for (const QString &id : ids)
            QVERIFY2(m_received.value(id) == 1,
                     qPrintable(QStringLiteral("trial %1: %2 received %3 times; %4")
                                    .arg(trial)
                                    .arg(id)
                                    .arg(m_received.value(id))
                                    .arg(QString::fromUtf8(errors))));
        QList<int> codes{a.exitCode(), b.exitCode()};
        std::sort(codes.begin(), codes.end());
        QVERIFY2(codes == (QList<int>{0, 2}), errors.constData());
        QCOMPARE(show(runId).value(QLatin1String("succeeded")).toInt(), ids.size());
    }
    // The refusal says why: another process sends the run (or has finished it).
    const QStringList ids = knownIds(QStringLiteral("held"), 10);
    const QString runId = pausedRun(QStringLiteral("held"), ids);
    FaultPlan slower;
    slower.latencyMs = 300;
    m_server->setFaultPlan(slower);
    QProcess holder;
    holder.setProcessEnvironment(m_cli.environment());
    holder.start(CliHarness::program(),
                 {QStringLiteral("bulk"), QStringLiteral("resume"), runId, QStringLiteral("--yes")});
    QVERIFY(holder.waitForStarted());
    QVERIFY(QTest::qWaitFor([&] { return received(ids) >= 2; }, 20000));
    const CliRun second = m_cli.run({QStringLiteral("bulk"), QStringLiteral("resume"), runId, QStringLiteral("--yes")});
    QCOMPARE(second.exitCode, 2);
    QVERIFY2(second.err.contains("in process") || second.err.contains("another process"), second.err.constData());
    // Nor is it retried meanwhile: its rows in flight would read as unknown to the retry and go twice.
    const CliRun retried = m_cli.run(
        {QStringLiteral("bulk"), QStringLiteral("retry"), runId, QStringLiteral("--unknown"), QStringLiteral("--yes")});
    QVERIFY2(retried.exitCode == 2 && retried.err.contains("being sent by process"), qPrintable(retried.describe()));
    QVERIFY(QTest::qWaitFor([&] { return holder.state() == QProcess::NotRunning; }, 60000));
    QCOMPARE(holder.exitCode(), 0);
    for (const QString &id : ids)
        QCOMPARE(m_received.value(id), 1);
}

// The lock of a process killed with SIGKILL is stale by its PID: the run resumes, each row once at most.
void TestCliBulkSafety::killedHolderDoesNotLockTheRun()
{
    const QStringList ids = knownIds(QStringLiteral("stale"), 20);
    const QString runId = pausedRun(QStringLiteral("stale"), ids);
    FaultPlan slow;
    slow.latencyMs = 300;
    m_server->setFaultPlan(slow);
    QProcess holder;
    holder.setProcessEnvironment(m_cli.environment());
    holder.start(CliHarness::program(),
                 {QStringLiteral("bulk"), QStringLiteral("resume"), runId, QStringLiteral("--yes")});
    QVERIFY(holder.waitForStarted());
    QVERIFY(QTest::qWaitFor([&] { return received(ids) >= 3; }, 20000));
    const QString lockFile = QDir(m_cli.home()).filePath(QStringLiteral("data/runs/%1.lock").arg(runId));
    QVERIFY(QFile::exists(lockFile));
    ::kill(pid_t(holder.processId()), SIGKILL);
    QVERIFY(holder.waitForFinished());
    QTest::qWait(400);
    m_server->setFaultPlan({});
    QVERIFY(QFile::exists(lockFile)); // left behind by the dead process
    const CliRun resumed = m_cli.run(
        {QStringLiteral("bulk"), QStringLiteral("resume"), runId, QStringLiteral("--yes")});
    QVERIFY2(resumed.exitCode == 0 || resumed.exitCode == 4, qPrintable(resumed.describe()));
    QCOMPARE(show(runId).value(QLatin1String("not_sent")).toInt(), 0);
    // Rows released ahead of a free slot (a quarter of the slots: 1 of the default 4) may have been on
    // disk as released and not sent when the process died: they read unknown, like the rows in flight,
    // and are never sent behind the officer's back. Every other row went exactly once.
    int unknownNeverSent = 0;
    for (const auto &v : show(runId).value(QLatin1String("rows")).toArray()) {
        const QString id = v.toObject().value(QLatin1String("user_id")).toString();
        QVERIFY2(m_received.value(id) <= 1, qPrintable(id));
        if (m_received.value(id) == 0) {
            QCOMPARE(v.toObject().value(QLatin1String("outcome")).toString(), QStringLiteral("unknown"));
            ++unknownNeverSent;
        }
    }
    QVERIFY2(unknownNeverSent <= 1, qPrintable(QString::number(unknownNeverSent)));
}

// The run file carries its digest from its first save: edited before any row was sent (another user ID,
// another reason), a resume refuses it and sends nothing; the unedited twin is sent.
void TestCliBulkSafety::runFileEditedBeforeFirstRowIsRefused()
{
    const QStringList seed = knownIds(QStringLiteral("seed"), 2);
    const QString templateId = pausedRun(QStringLiteral("seed"), seed);
    const QStringList ids = knownIds(QStringLiteral("fresh"), 3);
    m_server->registry().add(QStringLiteral("victim"));
    for (const char *edit : {"user", "reason"}) {
        const QString runId = unsentRun(templateId, ids);
        QVERIFY(!runId.isEmpty());
        if (qstrcmp(edit, "user") == 0) {
            // The rows are in the rows file: its first row names another user.
            QFile rows(runFile(runId).chopped(5) + QStringLiteral(".rows"));
            QVERIFY(rows.open(QIODevice::ReadOnly));
            QList<QByteArray> lines = rows.readAll().split('\n');
            rows.close();
            QJsonObject row = QJsonDocument::fromJson(lines.at(0)).object();
            row.insert(QStringLiteral("user_id"), QStringLiteral("victim"));
            lines[0] = QJsonDocument(row).toJson(QJsonDocument::Compact);
            QVERIFY(rows.open(QIODevice::WriteOnly | QIODevice::Truncate));
            rows.write(lines.join('\n'));
            rows.close();
        } else {
            QFile file(runFile(runId));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
            file.close();
            o.insert(QStringLiteral("reason"), QStringLiteral("CASE-1 not what was asked"));
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(QJsonDocument(o).toJson());
            file.close();
        }
        const CliRun shown = m_cli.run({QStringLiteral("bulk"), QStringLiteral("show"), runId});
        QCOMPARE(shown.exitCode, 5);
        QVERIFY2(shown.err.contains("altered"), shown.err.constData());
        const CliRun resumed = m_cli.run(
            {QStringLiteral("bulk"), QStringLiteral("resume"), runId, QStringLiteral("--yes")});
        QCOMPARE(resumed.exitCode, 5);
        QVERIFY2(resumed.err.contains("altered"), resumed.err.constData());
        QCOMPARE(received(ids), 0);
        QVERIFY(!m_received.contains(QStringLiteral("victim")));
    }
    // The same file, not edited, is sent: the refusal is the edit's.
    const QString clean = unsentRun(templateId, ids);
    const CliRun resumed = m_cli.run(
        {QStringLiteral("bulk"), QStringLiteral("resume"), clean, QStringLiteral("--yes")});
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.describe()));
    for (const QString &id : ids)
        QCOMPARE(m_received.value(id), 1);
}

// --results may not name the input (by any name), a folder or a file in a missing folder: exit 2,
// nothing sent, the input unchanged.
void TestCliBulkSafety::resultsPathThatWouldReplaceIsRefused()
{
    const QStringList ids = knownIds(QStringLiteral("res"), 3);
    const QString input = idsFile(QStringLiteral("res.txt"), ids);
    QFile in(input);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray original = in.readAll();
    in.close();
    const QString home = m_cli.home();
    const QString hardLink = QDir(home).filePath(QStringLiteral("res-hard.txt"));
    QCOMPARE(::link(QFile::encodeName(input).constData(), QFile::encodeName(hardLink).constData()), 0);
    const QString softLink = QDir(home).filePath(QStringLiteral("res-soft.txt"));
    QVERIFY(QFile::link(input, softLink));
    QVERIFY(QDir(home).mkdir(QStringLiteral("a-folder")));
    const QStringList refused{input,
                              QDir(home).filePath(QStringLiteral("./res.txt")),
                              hardLink,
                              softLink,
                              QDir(home).filePath(QStringLiteral("a-folder")),
                              QDir(home).filePath(QStringLiteral("no-such-folder/results.csv"))};
    for (const QString &results : refused) {
        const CliRun run = m_cli.run(target({QStringLiteral("deactivate"), QStringLiteral("--input"), input,
                                             QStringLiteral("--results"), results, QStringLiteral("--yes")}));
        QVERIFY2(run.exitCode == 2, qPrintable(results + QStringLiteral(": ") + run.describe()));
        QVERIFY2(run.err.contains("Nothing was sent"), run.err.constData());
        QCOMPARE(received(ids), 0);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QCOMPARE(in.readAll(), original);
        in.close();
    }
    QVERIFY(!QFile::exists(QDir(home).filePath(QStringLiteral("no-such-folder"))));
    // A retry's --results is held to the same rule.
    const QString withGhost = idsFile(QStringLiteral("res-ghost.txt"), {ids.at(0), QStringLiteral("res-ghost")});
    const QString results = QDir(home).filePath(QStringLiteral("res-results.csv"));
    const CliRun run = m_cli.run(target({QStringLiteral("deactivate"), QStringLiteral("--input"), withGhost,
                                         QStringLiteral("--results"), results, QStringLiteral("--yes")}));
    QCOMPARE(run.exitCode, 3);
    const QString runId = newestRun();
    const CliRun retry = m_cli.run({QStringLiteral("bulk"), QStringLiteral("retry"), runId, QStringLiteral("--results"),
                                    withGhost, QStringLiteral("--yes")});
    QCOMPARE(retry.exitCode, 2);
    QFile retried(withGhost);
    QVERIFY(retried.open(QIODevice::ReadOnly));
    QVERIFY(retried.readAll().contains("res-ghost"));
    QCOMPARE(newestRun(), runId);
    // Nor one of the run's own files: its header, rows, send log or lock.
    for (const char *suffix : {".json", ".rows", ".sent", ".lock"}) {
        const QString own = QDir(home).filePath(QStringLiteral("data/runs/%1%2").arg(runId, QLatin1String(suffix)));
        QFile file(own);
        const QByteArray before = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(none)");
        file.close();
        const CliRun refusedRetry = m_cli.run({QStringLiteral("bulk"), QStringLiteral("retry"), runId,
                                               QStringLiteral("--results"), own, QStringLiteral("--yes")});
        QVERIFY2(refusedRetry.exitCode == 2, qPrintable(own + QStringLiteral(": ") + refusedRetry.describe()));
        QVERIFY2(refusedRetry.err.contains("is a run file"), refusedRetry.err.constData());
        QVERIFY(file.open(QIODevice::ReadOnly) || before == "(none)");
        QCOMPARE(file.isOpen() ? file.readAll() : QByteArray("(none)"), before);
    }
    QCOMPARE(newestRun(), runId);
}

// The results path is inside the run's digest: a run file whose results path was edited (to overwrite
// some other file on resume) is refused like any other edit, and the file is left alone.
void TestCliBulkSafety::editedResultsPathIsRefused()
{
    const QStringList ids = knownIds(QStringLiteral("rp"), 6);
    const QString runId = pausedRun(QStringLiteral("rp"), ids);
    const QString precious = writeInput(QStringLiteral("precious.txt"), "keep me\n");
    QFile file(runFile(runId));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QVERIFY(!o.value(QLatin1String("digest")).toString().isEmpty());
    o.insert(QStringLiteral("results"), precious);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(o).toJson());
    file.close();
    const CliRun resumed = m_cli.run(
        {QStringLiteral("bulk"), QStringLiteral("resume"), runId, QStringLiteral("--yes")});
    QCOMPARE(resumed.exitCode, 5);
    QVERIFY2(resumed.err.contains("altered"), resumed.err.constData());
    QCOMPARE(received(ids), 1); // the canary row only
    QFile kept(precious);
    QVERIFY(kept.open(QIODevice::ReadOnly));
    QCOMPARE(kept.readAll(), QByteArray("keep me\n"));
}

// A retry takes what the run's retries already did into account: a second `retry --unknown` (or a retry
// of failed rows) of the same run sends nothing a first retry already sent.
void TestCliBulkSafety::secondRetrySendsNothingAgain()
{
    const QStringList ids = knownIds(QStringLiteral("again"), 6);
    FaultPlan reset;
    reset.kind = FaultPlan::Kind::Reset; // sent, never answered: unknown
    reset.remaining = 2;
    m_server->setFaultPlan(reset);
    const QStringList withGhost = ids + QStringList{QStringLiteral("again-ghost")};
    const CliRun first = m_cli.run(
        target({QStringLiteral("reactivate"), QStringLiteral("--input"),
                idsFile(QStringLiteral("again.txt"), withGhost), QStringLiteral("--rate"), QStringLiteral("0"),
                QStringLiteral("--concurrency"), QStringLiteral("1"), QStringLiteral("--yes")}));
    QVERIFY2(first.exitCode == 3, qPrintable(first.describe())); // a refusal outranks the unknown rows
    const QString runId = newestRun();
    const QJsonObject shown = show(runId);
    QCOMPARE(shown.value(QLatin1String("unknown")).toInt(), 2);
    QCOMPARE(shown.value(QLatin1String("failed")).toInt(), 1);

    m_received.clear();
    const QStringList retry{QStringLiteral("bulk"), QStringLiteral("retry"), runId, QStringLiteral("--unknown"),
                            QStringLiteral("--yes")};
    const CliRun once = m_cli.run(retry);
    QVERIFY2(once.exitCode == 3, qPrintable(once.describe())); // the ghost is refused again
    QCOMPARE(received(ids), 2);
    QCOMPARE(m_received.value(QStringLiteral("again-ghost")), 1);
    const QString firstRetry = newestRun();

    // Now the ghost is known; the unknown rows were done by the first retry: only the ghost goes again.
    m_server->registry().add(QStringLiteral("again-ghost"));
    const CliRun twice = m_cli.run(retry);
    QVERIFY2(twice.exitCode == 0, qPrintable(twice.describe()));
    QCOMPARE(received(ids), 2);
    QCOMPARE(m_received.value(QStringLiteral("again-ghost")), 2);
    QVERIFY(newestRun() != firstRetry);

    // Everything is done: a third retry has nothing to send.
    const CliRun thrice = m_cli.run(retry);
    QCOMPARE(thrice.exitCode, 0);
    QVERIFY2(thrice.err.contains("no rows to retry"), thrice.err.constData());
    QCOMPARE(received(ids), 2);
    QCOMPARE(m_received.value(QStringLiteral("again-ghost")), 2);
}

// Two retries of one run started at the same instant: one sends each failed row, the other refuses
// (exit 2) or, started after the first has ended, finds nothing left to retry; never is a row sent by both.
// A retry of a retry is the same family: it waits for the family's lock too.
void TestCliBulkSafety::simultaneousRetriesSendOnce()
{
    FaultPlan slow;
    slow.latencyMs = 30;
    for (int trial = 0; trial < 4; ++trial) {
        m_server->setFaultPlan({});
        const QStringList ids = knownIds(QStringLiteral("twinretry%1").arg(trial), 12);
        QStringList unknownIds;
        QStringList input; // known and refused in turn: no streak of refusals stops the run
        for (int i = 0; i < 12; ++i) {
            unknownIds.append(QStringLiteral("twinretry%1-late-%2").arg(trial).arg(i)); // refused: not enrolled
            input << ids.at(i) << unknownIds.last();
        }
        const CliRun first = m_cli.run(
            target({QStringLiteral("reactivate"), QStringLiteral("--input"),
                    idsFile(QStringLiteral("twinretry%1.txt").arg(trial), input), QStringLiteral("--rate"),
                    QStringLiteral("0"), QStringLiteral("--yes")}));
        QVERIFY2(first.exitCode == 3, qPrintable(first.describe()));
        const QString runId = newestRun();
        QCOMPARE(show(runId).value(QLatin1String("failed")).toInt(), unknownIds.size());
        for (const QString &id : unknownIds)
            m_server->registry().add(id); // enrolled now: a retry succeeds
        m_received.clear();
        m_server->setFaultPlan(slow);
        QProcess a;
        QProcess b;
        for (QProcess *p : {&a, &b})
            p->setProcessEnvironment(m_cli.environment());
        const QStringList retry{QStringLiteral("bulk"), QStringLiteral("retry"), runId, QStringLiteral("--yes")};
        a.start(CliHarness::program(), retry);
        b.start(CliHarness::program(), retry);
        QVERIFY(a.waitForStarted() && b.waitForStarted());
        QVERIFY(QTest::qWaitFor([&] { return a.state() == QProcess::NotRunning && b.state() == QProcess::NotRunning; },
                                60000));
        const QByteArray errors = a.readAllStandardError() + b.readAllStandardError();
        for (const QString &id : unknownIds)
            QVERIFY2(m_received.value(id) == 1,
                     qPrintable(QStringLiteral("trial %1: %2 received %3 times; %4")
                                    .arg(trial)
                                    .arg(id)
                                    .arg(m_received.value(id))
                                    .arg(QString::fromUtf8(errors))));
        QCOMPARE(received(ids), 0);
        QList<int> codes{a.exitCode(), b.exitCode()};
        std::sort(codes.begin(), codes.end());
        QVERIFY2(codes == (QList<int>{0, 0}) || codes == (QList<int>{0, 2}), errors.constData());
        QVERIFY2(codes.contains(2) ? errors.contains("being planned or sent") : errors.contains("no rows to retry"),
                 errors.constData());
    }
}

// A 429 inside a bulk run is no row failure: every row in flight waits with the run and goes again
// within its rate, so a server allowing 3 requests/s gets each of 40 rows exactly once as an acted
// request (the 429s are counted apart), and all 40 are done.
void TestCliBulkSafety::tooManyRequestsStormHoldsInsteadOfFailing()
{
    const QStringList ids = knownIds(QStringLiteral("storm"), 40);
    m_server->setRateLimit(3);
    QElapsedTimer clock;
    clock.start();
    const CliRun run = m_cli.run(
        target({QStringLiteral("deactivate"), QStringLiteral("--input"), idsFile(QStringLiteral("storm.txt"), ids),
                QStringLiteral("--rate"), QStringLiteral("0"), QStringLiteral("--concurrency"), QStringLiteral("16"),
                QStringLiteral("--yes")}),
        {}, 180000);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(m_tooMany >= 1, "the sandbox never said 429");
    for (const QString &id : ids)
        QVERIFY2(m_received.value(id) == 1, qPrintable(id));
    const QJsonObject shown = show(newestRun());
    QCOMPARE(shown.value(QLatin1String("succeeded")).toInt(), ids.size());
    QCOMPARE(shown.value(QLatin1String("failed")).toInt(), 0);
    qInfo("40 rows against 3/s: %d answers 429, %lld ms", m_tooMany, clock.elapsed());
}

namespace {
bool runTool(const QString &program, const QStringList &arguments, QByteArray *errors = nullptr)
{
    QProcess p;
    p.start(program, arguments);
    const bool ok = p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (errors)
        *errors = p.readAllStandardError();
    return ok;
}

// A 2 MB tmpfs mounted on a folder (root only: CI runs as root) for as long as this lives.
class SmallDisk
{
public:
    explicit SmallDisk(QString folder) : m_folder(std::move(folder))
    {
        m_mounted = ::geteuid() == 0
            && runTool(QStringLiteral("mount"),
                       {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), QStringLiteral("size=2m"),
                        QStringLiteral("tmpfs"), m_folder},
                       &m_errors);
    }
    ~SmallDisk()
    {
        if (m_mounted)
            runTool(QStringLiteral("umount"), {QStringLiteral("-l"), m_folder});
    }
    SmallDisk(const SmallDisk &) = delete;
    SmallDisk &operator=(const SmallDisk &) = delete;
    bool mounted() const { return m_mounted; }
    QString why() const
    {
        return QStringLiteral("a small tmpfs cannot be mounted here: ")
            + (::geteuid() != 0 ? QStringLiteral("not root") : QString::fromUtf8(m_errors));
    }

private:
    QString m_folder;
    QByteArray m_errors;
    bool m_mounted = false;
};

// Fills the file system of `folder` with `filler` until it refuses a write.
void fill(const QString &filler)
{
    QFile file(filler);
    if (!file.open(QIODevice::WriteOnly))
        return;
    const QByteArray chunk(4096, 'f');
    while (file.write(chunk) == chunk.size() && file.flush()) {
    }
}
} // namespace

// A full disk never tears a run file: on a 2 MB tmpfs filled while a run goes, the history and the run
// file refuse writes, the run stops saying so, the run file on disk is a whole earlier version that
// `bulk show` reads, and once space is freed `bulk resume` takes the run to its end, each row once.
void TestCliBulkSafety::fullDiskLeavesTheRunFileWhole()
{
    CliHarness cli;
    cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString::fromLatin1(m_server->config().apiKey));
    const QString data = QDir(cli.home()).filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(data));
    const SmallDisk disk(data);
    if (!disk.mounted())
        QSKIP(qPrintable(disk.why()));
    const auto cliTarget = [this](const QStringList &extra) { return target(extra); };

    // The history, its key and the runs folder exist before the disk fills.
    const QStringList seed = knownIds(QStringLiteral("disk-seed"), 1);
    CliRun run = cli.run(cliTarget({QStringLiteral("deactivate"), QStringLiteral("--input"),
                                    idsFile(QStringLiteral("disk-seed.txt"), seed), QStringLiteral("--yes")}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));

    const QStringList ids = knownIds(QStringLiteral("disk"), 300);
    const QString filler = QDir(data).filePath(QStringLiteral("filler"));
    fill(filler);
    // Room for the run file (about 50 kB) and a few dozen rows' history, not for the whole run.
    QFile room(filler);
    QVERIFY(room.resize(qMax<qint64>(0, room.size() - 96 * 1024)));
    const QString results = QDir(cli.home()).filePath(QStringLiteral("disk-results.csv"));
    run = cli.run(
        cliTarget({QStringLiteral("deactivate"), QStringLiteral("--input"), idsFile(QStringLiteral("disk.txt"), ids),
                   QStringLiteral("--results"), results, QStringLiteral("--rate"), QStringLiteral("0"),
                   QStringLiteral("--concurrency"), QStringLiteral("8"), QStringLiteral("--yes")}),
        {}, 120000);
    QVERIFY2(run.finished && !run.crashed, qPrintable(run.describe()));
    QVERIFY2(run.exitCode != 0, qPrintable(run.describe()));
    // The history refused first (its own words), or the run file did: either way the run stopped.
    QVERIFY2(run.out.contains("paused") || run.exitCode == 5, qPrintable(run.describe()));
    const CliRun listed = cli.run({QStringLiteral("bulk"), QStringLiteral("list"), QStringLiteral("--json")});
    QString runId;
    for (const auto &v : listed.array()) {
        if (v.toObject().value(QLatin1String("total")).toInt() == ids.size())
            runId = v.toObject().value(QLatin1String("id")).toString();
    }
    QVERIFY2(!runId.isEmpty(), listed.out.constData());
    // Whole: it parses, and its size is what its content says, not a multiple of a page cut short.
    QFile runFile(QDir(data).filePath(QStringLiteral("runs/%1.json").arg(runId)));
    QVERIFY(runFile.open(QIODevice::ReadOnly));
    QJsonParseError parsed{};
    QJsonDocument::fromJson(runFile.readAll(), &parsed);
    QCOMPARE(parsed.error, QJsonParseError::NoError);
    runFile.close();
    int sentWhileFull = 0;
    for (const QString &id : ids)
        sentWhileFull += m_received.value(id);
    QVERIFY2(sentWhileFull < ids.size(), "the disk never filled");

    // With no room at all a resume cannot even mark the run running: it says the disk is full, sends
    // nothing, and the run file is byte for byte the one before.
    QVERIFY(runFile.open(QIODevice::ReadOnly));
    const QByteArray before = runFile.readAll();
    runFile.close();
    fill(filler + QStringLiteral("-2"));
    const CliRun refused = cli.run({QStringLiteral("bulk"), QStringLiteral("resume"), runId, QStringLiteral("--yes")});
    QVERIFY2(refused.exitCode == 5, qPrintable(refused.describe()));
    QVERIFY2(refused.err.contains("disk is full"), qPrintable(refused.describe()));
    int sent = 0;
    for (const QString &id : ids)
        sent += m_received.value(id);
    QCOMPARE(sent, sentWhileFull);
    QVERIFY(runFile.open(QIODevice::ReadOnly));
    QCOMPARE(runFile.readAll(), before);
    runFile.close();
    QVERIFY(QFile::remove(filler + QStringLiteral("-2")));

    QVERIFY(QFile::remove(filler));
    const CliRun resumed = cli.run({QStringLiteral("bulk"), QStringLiteral("resume"), runId, QStringLiteral("--yes")},
                                   {}, 120000);
    QVERIFY2(resumed.exitCode == 0 || resumed.exitCode == 4, qPrintable(resumed.describe()));
    for (const QString &id : ids)
        QVERIFY2(m_received.value(id) <= 1, qPrintable(id));
    const CliRun shown = cli.run({QStringLiteral("bulk"), QStringLiteral("show"), runId, QStringLiteral("--json")});
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.describe()));
    const QJsonObject after = shown.object();
    QCOMPARE(after.value(QLatin1String("not_sent")).toInt(), 0);
    QCOMPARE(after.value(QLatin1String("state")).toString(), QStringLiteral("finished"));
    qInfo("full disk: %d rows sent while full, %d unknown after the resume", sentWhileFull,
          after.value(QLatin1String("unknown")).toInt());
}

// A run made on a disk with no room for its rows: the disk is named, nothing is sent, and no run (nor
// half of one) is left in the runs folder.
void TestCliBulkSafety::fullDiskWhenMakingARunStartsNothing()
{
    CliHarness cli;
    cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString::fromLatin1(m_server->config().apiKey));
    const QString data = QDir(cli.home()).filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(data));
    const SmallDisk disk(data);
    if (!disk.mounted())
        QSKIP(qPrintable(disk.why()));
    const QStringList seed = knownIds(QStringLiteral("roomless-seed"), 1);
    CliRun run = cli.run(target({QStringLiteral("deactivate"), QStringLiteral("--input"),
                                 idsFile(QStringLiteral("roomless-seed.txt"), seed), QStringLiteral("--yes")}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QStringList runsBefore = QDir(QDir(data).filePath(QStringLiteral("runs"))).entryList(QDir::Files);

    // About 3 MB of rows for a 2 MB disk (the input itself lives elsewhere).
    QStringList ids;
    for (int i = 0; i < 60000; ++i)
        ids.append(QStringLiteral("roomless-%1").arg(i, 6, 10, QLatin1Char('0')));
    run = cli.run(
        target({QStringLiteral("deactivate"), QStringLiteral("--input"), idsFile(QStringLiteral("roomless.txt"), ids),
                QStringLiteral("--rate"), QStringLiteral("0"), QStringLiteral("--yes")}),
        {}, 120000);
    QVERIFY2(run.finished && !run.crashed, qPrintable(run.describe()));
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains("disk is full"), qPrintable(run.describe()));
    QCOMPARE(received(ids), 0);
    // Nothing of it is left: no header, no rows file, no temporary file.
    QCOMPARE(QDir(QDir(data).filePath(QStringLiteral("runs"))).entryList(QDir::Files | QDir::Hidden), runsBefore);
    const CliRun listed = cli.run({QStringLiteral("bulk"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.array().size(), 1); // the seed run only
}

// A disk that fills while a run is made or saved never leaves its run file cut short (QSaveFile alone
// renamed an empty file over it once its buffered write failed): with 10 to 85 kB left for a run of 300
// rows, the run either never existed and sent nothing, or it is listed whole and, once room is made, a
// resume takes it to its end, each row once.
void TestCliBulkSafety::fullDiskNeverEmptiesTheRunFile()
{
    for (const int freeKb : {10, 30, 50, 85}) {
        CliHarness cli;
        cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString::fromLatin1(m_server->config().apiKey));
        const QString data = QDir(cli.home()).filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(data));
        const SmallDisk disk(data);
        if (!disk.mounted())
            QSKIP(qPrintable(disk.why()));
        const QString filler = QDir(data).filePath(QStringLiteral("filler"));
        fill(filler);
        QFile room(filler);
        QVERIFY(room.resize(qMax<qint64>(0, room.size() - freeKb * 1024)));
        const QStringList ids = knownIds(QStringLiteral("cut%1").arg(freeKb), 300);
        const CliRun run = cli.run(
            target({QStringLiteral("deactivate"), QStringLiteral("--input"),
                    idsFile(QStringLiteral("cut%1.txt").arg(freeKb), ids), QStringLiteral("--rate"),
                    QStringLiteral("0"), QStringLiteral("--concurrency"), QStringLiteral("8"),
                    QStringLiteral("--yes")}),
            {}, 120000);
        QVERIFY2(run.finished && !run.crashed, qPrintable(run.describe()));
        QVERIFY2(run.exitCode != 0, qPrintable(QStringLiteral("%1 kB: the disk never filled").arg(freeKb)));
        QVERIFY(QFile::remove(filler));
        const QDir runs(QDir(data).filePath(QStringLiteral("runs")));
        for (const QString &name : runs.entryList({QStringLiteral("*.json")}, QDir::Files))
            QVERIFY2(QFileInfo(runs.filePath(name)).size() > 0,
                     qPrintable(QStringLiteral("%1 kB: %2").arg(freeKb).arg(name)));
        const CliRun listed = cli.run({QStringLiteral("bulk"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
        QString runId;
        for (const auto &v : listed.array())
            runId = v.toObject().value(QLatin1String("id")).toString();
        if (runId.isEmpty()) {
            QCOMPARE(received(ids), 0); // no run, nothing sent
            continue;
        }
        const CliRun resumed = cli.run(
            {QStringLiteral("bulk"), QStringLiteral("resume"), runId, QStringLiteral("--yes")}, {}, 120000);
        QVERIFY2(resumed.exitCode == 0 || resumed.exitCode == 4,
                 qPrintable(QStringLiteral("%1 kB: ").arg(freeKb) + resumed.describe()));
        const CliRun shown = cli.run({QStringLiteral("bulk"), QStringLiteral("show"), runId, QStringLiteral("--json")});
        QVERIFY2(shown.exitCode != 5, qPrintable(shown.describe())); // never "damaged"
        QCOMPARE(shown.object().value(QLatin1String("not_sent")).toInt(), 0);
        for (const QString &id : ids)
            QVERIFY2(m_received.value(id) <= 1, qPrintable(id));
    }
}

// A process killed at any moment while it makes a run leaves no run or a whole one: every header on disk
// has its rows file whole (count and SHA-256 as the header says), so a run never starts with part of its
// rows, and a rows file without a header is no run.
void TestCliBulkSafety::killedWhileMakingARunLeavesNoneOrAWholeOne()
{
    CliHarness cli;
    cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString::fromLatin1(m_server->config().apiKey));
    QStringList ids;
    for (int i = 0; i < 100000; ++i)
        ids.append(QStringLiteral("killed-%1").arg(i, 6, 10, QLatin1Char('0')));
    const QString input = idsFile(QStringLiteral("killed.txt"), ids);
    const QString runs = QDir(cli.home()).filePath(QStringLiteral("data/runs"));
    int made = 0;
    int none = 0;
    // Killed once the rows file has begun (its temporary file or itself appears), after a delay that
    // falls during its write, its sync, the header's, or after.
    for (const int delayMs : {0, 1, 5, 20, 80, 400, 1600}) {
        const QStringList before = QDir(runs).entryList({QStringLiteral("*.json")}, QDir::Files);
        const QStringList rowsBefore = QDir(runs).entryList({QStringLiteral("*.rows*")}, QDir::Files | QDir::Hidden);
        QProcess p;
        p.setProcessEnvironment(cli.environment());
        p.start(CliHarness::program(),
                target({QStringLiteral("deactivate"), QStringLiteral("--input"), input, QStringLiteral("--rate"),
                        QStringLiteral("1"), QStringLiteral("--yes")}));
        QVERIFY(p.waitForStarted());
        QElapsedTimer waited;
        waited.start();
        while (QDir(runs).entryList({QStringLiteral("*.rows*")}, QDir::Files | QDir::Hidden).size() == rowsBefore.size()
               && p.state() == QProcess::Running && waited.elapsed() < 60000)
            QThread::usleep(200);
        QThread::usleep(ulong(delayMs) * 1000);
        p.kill(); // SIGKILL
        QVERIFY(p.waitForFinished(10000));
        const QStringList after = QDir(runs).entryList({QStringLiteral("*.json")}, QDir::Files);
        (after.size() > before.size() ? made : none) += 1;
    }
    qInfo("killed while making a run: %d left a run, %d left none", made, none);
    const BulkStore store(runs);
    for (const QString &name : QDir(runs).entryList({QStringLiteral("*.json")}, QDir::Files)) {
        const Result<BulkRecord> loaded = store.load(name.chopped(5));
        QVERIFY2(loaded.ok(), qPrintable(loaded.message()));
        QCOMPARE(loaded.value().rows.size(), ids.size());
    }
    // bulk list names each whole run with all its rows.
    const CliRun listed = cli.run({QStringLiteral("bulk"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(int(listed.array().size()), made);
    for (const auto &v : listed.array())
        QCOMPARE(v.toObject().value(QLatin1String("total")).toInt(), int(ids.size()));
}

QTEST_GUILESS_MAIN(TestCliBulkSafety)
#include "tst_cli_bulk_safety.moc"
