// The audit trail against someone with the files, through enrollee-cli as a process: the anchor
// outside the history folder catches truncation and rollback and stops record numbers being reused,
// one chain key is shared by processes making their first actions at once and never silently
// replaced, a check writes nothing, every break is listed, and retention refuses a clock it cannot
// trust.
#include "base/Clock.h"
#include "history/local/LocalHistoryBackend.h"
#include "sandbox/SandboxServer.h"
#include "settings/CredentialStore.h"
#include "support/CliHarness.h"
#include "support/CliSandbox.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QTest>

#include <memory>
#include <unistd.h>

namespace {
const QByteArray kChainKey = QByteArrayLiteral("cli-audit-test-chain-key-0123456");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// Removes records from a shard as someone with a text editor would, keeping the file well-formed.
void removeRecords(const QString &shard, const QList<qint64> &seqs)
{
    QSettings settings(shard, QSettings::IniFormat);
    for (qint64 seq : seqs) {
        const QString key = QStringLiteral("%1").arg(seq, 10, 10, QLatin1Char('0'));
        settings.remove(QStringLiteral("records/") + key);
        settings.remove(QStringLiteral("hashes/") + key);
    }
    settings.sync();
}
} // namespace

class TestCliAudit : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void truncationRefusedAndNamed();
    void truncatedShardRefusedWithHeadInPlace();
    void deletedAnchorNamedByVerify();
    void fullDiskSendsNothingUnrecorded();
    void rollbackNamed();
    void everyBreakListed();
    void concurrentFirstUsesShareOneKey();
    void verifyOnFreshHomeWritesNothing();
    void lostKeyNeverReplaced();
    void retentionRefusesUntrustedClock_data();
    void retentionRefusesUntrustedClock();

private:
    static QString newestShard(const CliHarness &cli);

    CliSandbox m_sandbox;
};

void TestCliAudit::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(CliHarness::program()));
    const Status listening = m_sandbox.start("cli-audit-key-", this);
    QVERIFY2(listening.ok(), qPrintable(listening.message()));
}

QString TestCliAudit::newestShard(const CliHarness &cli)
{
    const QStringList shards = LocalHistoryBackend(cli.historyDir()).shardFiles();
    return shards.isEmpty() ? QString() : shards.last();
}

void TestCliAudit::truncationRefusedAndNamed()
{
    CliHarness cli;
    QVERIFY(m_sandbox.act(cli, 3, QStringLiteral("cut"))); // records #1 to #6
    const QString head = QDir(cli.historyDir()).filePath(QStringLiteral("HEAD"));
    QVERIFY(QFile::exists(QDir(cli.home()).filePath(QStringLiteral("config/history.anchor"))));
    removeRecords(newestShard(cli), {5, 6});
    QVERIFY(QFile::remove(head));

    // The next action would reuse #5 and write a fresh HEAD: refused, nothing sent.
    const int requests = m_sandbox.server()->requestCount();
    const CliRun next = cli.run(m_sandbox.action(QStringLiteral("after-cut")));
    QCOMPARE(next.exitCode, 5);
    QVERIFY2(next.err.contains("Nothing was sent") && next.err.contains("record #6 was written"), next.err.constData());
    QCOMPARE(m_sandbox.server()->requestCount(), requests);
    QVERIFY(!QFile::exists(head));

    const CliRun verify = cli.run({QStringLiteral("history"), QStringLiteral("--verify")});
    QCOMPARE(verify.exitCode, 5);
    QVERIFY2(verify.err.contains("were removed (#5 to #6)"), verify.err.constData());
}

void TestCliAudit::truncatedShardRefusedWithHeadInPlace()
{
    CliHarness cli;
    QVERIFY(m_sandbox.act(cli, 3, QStringLiteral("tail"))); // records #1 to #6
    const QString head = QDir(cli.historyDir()).filePath(QStringLiteral("HEAD"));
    const QByteArray headBefore = readAll(head);
    removeRecords(newestShard(cli), {5, 6}); // HEAD still names #6

    const int requests = m_sandbox.server()->requestCount();
    const CliRun next = cli.run(m_sandbox.action(QStringLiteral("after-tail-cut")));
    QCOMPARE(next.exitCode, 5);
    QVERIFY2(next.err.contains("Nothing was sent") && next.err.contains("ends at record #4")
                 && next.err.contains("record #6 was written"),
             next.err.constData());
    QCOMPARE(m_sandbox.server()->requestCount(), requests);
    QCOMPARE(readAll(head), headBefore);

    const CliRun verify = cli.run({QStringLiteral("history"), QStringLiteral("--verify")});
    QCOMPARE(verify.exitCode, 5);
    QVERIFY2(verify.err.contains("#5 to #6"), verify.err.constData());
}

void TestCliAudit::deletedAnchorNamedByVerify()
{
    CliHarness cli;
    QVERIFY(m_sandbox.act(cli, 2, QStringLiteral("unanchored")));
    const QString anchor = QDir(cli.home()).filePath(QStringLiteral("config/history.anchor"));
    CliRun verify = cli.run({QStringLiteral("history"), QStringLiteral("--verify")});
    QVERIFY2(verify.exitCode == 0 && verify.out.contains("matches the anchor"), verify.out.constData());
    QVERIFY(QFile::remove(anchor));

    verify = cli.run({QStringLiteral("history"), QStringLiteral("--verify")});
    QCOMPARE(verify.exitCode, 5);
    QVERIFY2(verify.err.contains("history.anchor") && verify.err.contains("is missing"), verify.err.constData());
    QVERIFY(!QFile::exists(anchor)); // a check writes nothing
}

// The real enrollee-cli with its whole home on a small tmpfs that fills up: the action that finds the
// disk full exits 5 saying so and the sandbox never hears of it; every request the sandbox received has
// its entry; with room again the history verifies and actions go on.
void TestCliAudit::fullDiskSendsNothingUnrecorded()
{
    if (::geteuid() != 0)
        QSKIP("mounting a tmpfs needs root (CI and the development machine run tests as root)");
    CliHarness cli;
    const QString home = cli.home();
    QVERIFY2(QProcess::execute(QStringLiteral("mount"),
                               {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                QStringLiteral("size=2m"), QStringLiteral("tmpfs"), home})
                 == 0,
             "mount -t tmpfs failed");
    struct Unmount {
        QString path;
        ~Unmount() { QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), path}); }
    } unmount{home};

    QVERIFY(m_sandbox.act(cli, 2, QStringLiteral("roomy")));
    const QString filler = QDir(home).filePath(QStringLiteral("filler"));
    {
        QFile f(filler);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'f');
        while (QStorageInfo(home).bytesAvailable() > 24 * 1024)
            QVERIFY(f.write(block) == block.size() && f.flush());
    }

    QStringList sent{QStringLiteral("roomy-0"), QStringLiteral("roomy-1")};
    QSet<QString> unrecordedAnswers; // sent and answered, but the answer found the disk full
    CliRun failed;
    for (int i = 0; i < 200 && failed.exitCode < 0; ++i) {
        const QString user = QStringLiteral("tight-%1-").arg(i) + QString(200, QLatin1Char('u'));
        const int requests = m_sandbox.server()->requestCount();
        const CliRun run = cli.run(m_sandbox.action(user));
        if (run.exitCode == 0) {
            QCOMPARE(m_sandbox.server()->requestCount(), requests + 1);
            sent.append(user);
            if ((run.out + run.err).contains("could not be written to the history"))
                unrecordedAnswers.insert(user);
            continue;
        }
        QVERIFY2(run.finished && !run.crashed, qPrintable(run.describe()));
        // Recorded before sent: the action that could not be recorded was never sent.
        QCOMPARE(m_sandbox.server()->requestCount(), requests);
        failed = run;
    }
    QVERIFY2(failed.exitCode >= 0, "the disk never filled up");
    QCOMPARE(failed.exitCode, 5);
    QVERIFY2(failed.err.contains("Nothing was sent") && failed.err.contains("disk is full"), failed.err.constData());

    // Every action the sandbox received has its entry, with its answer where the answer could be written
    // (one that could not, and said so, reads as unknown: it reached the server, and the trail says so).
    {
        LocalHistoryBackend history(cli.historyDir());
        const Result<HistoryRead> read = history.read(1);
        QVERIFY2(read.ok(), qPrintable(read.message()));
        QStringList recorded;
        for (const HistoryEntry &e : read.value().entries) {
            QCOMPARE(e.outcome,
                     unrecordedAnswers.contains(e.userId) ? HistoryEntry::Outcome::Unknown
                                                          : HistoryEntry::Outcome::Success);
            recorded.append(e.userId);
        }
        QCOMPARE(recorded, sent);
    }

    QVERIFY(QFile::remove(filler));
    CliRun verify = cli.run({QStringLiteral("history"), QStringLiteral("--verify")});
    QVERIFY2(verify.exitCode == 0, verify.err.constData());
    QVERIFY(m_sandbox.act(cli, 1, QStringLiteral("room-again")));
    verify = cli.run({QStringLiteral("history"), QStringLiteral("--verify")});
    QVERIFY2(verify.exitCode == 0 && verify.out.contains("matches the anchor"), verify.err.constData());
}

void TestCliAudit::rollbackNamed()
{
    CliHarness cli;
    QVERIFY(m_sandbox.act(cli, 2, QStringLiteral("old"))); // records #1 to #4
    const QString shard = newestShard(cli);
    const QString head = QDir(cli.historyDir()).filePath(QStringLiteral("HEAD"));
    const QByteArray oldShard = readAll(shard);
    const QByteArray oldHead = readAll(head);
    QVERIFY(m_sandbox.act(cli, 2, QStringLiteral("new"))); // #5 to #8, in the same shard
    QCOMPARE(newestShard(cli), shard);
    QVERIFY(writeAll(shard, oldShard));
    QVERIFY(writeAll(head, oldHead));

    const CliRun verify = cli.run({QStringLiteral("history"), QStringLiteral("--verify")});
    QCOMPARE(verify.exitCode, 5);
    QVERIFY2(verify.err.contains("rolled back to record #4"), verify.err.constData());
    QCOMPARE(verify.reasonLines(), 1);
    const CliRun next = cli.run(m_sandbox.action(QStringLiteral("after-rollback")));
    QCOMPARE(next.exitCode, 5);
}

void TestCliAudit::everyBreakListed()
{
    CliHarness cli;
    QVERIFY(m_sandbox.act(cli, 4, QStringLiteral("brk")));
    QString shard = newestShard(cli);
    QByteArray bytes = readAll(shard);
    for (const char *user : {"brk-1", "brk-3"}) {
        const qsizetype at = bytes.indexOf(user);
        QVERIFY(at > 0);
        bytes[at] = 'B'; // "brk-1" -> "Brk-1" inside the begin record
    }
    QVERIFY(writeAll(shard, bytes));
    const CliRun verify = cli.run({QStringLiteral("history"), QStringLiteral("--verify")});
    QCOMPARE(verify.exitCode, 5);
    QVERIFY2(verify.err.contains("FAILED at record #3"), verify.err.constData());
    QVERIFY2(verify.err.contains("1 more break"), verify.err.constData());
    QVERIFY2(verify.err.contains("record #7"), verify.err.constData());
}

void TestCliAudit::concurrentFirstUsesShareOneKey()
{
    CliHarness cli;
    cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString::fromLatin1(m_sandbox.key()));
    std::vector<std::unique_ptr<QProcess>> processes;
    int finished = 0;
    for (int i = 0; i < 4; ++i) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(cli.environment());
        connect(p.get(), &QProcess::finished, this, [&finished] { ++finished; });
        p->start(CliHarness::program(), m_sandbox.action(QStringLiteral("first-%1").arg(i)));
        processes.push_back(std::move(p));
    }
    // The sandbox answers on this thread, so the wait spins the event loop.
    QVERIFY(QTest::qWaitFor([&finished] { return finished == 4; }, 60000));
    for (const auto &p : processes)
        QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
    const CliRun verify = cli.run({QStringLiteral("history"), QStringLiteral("--verify")});
    QVERIFY2(verify.exitCode == 0, verify.err.constData());
    QVERIFY2(verify.out.contains("8 record"), verify.out.constData());
    QVERIFY(verify.out.contains("matches the anchor"));
}

void TestCliAudit::verifyOnFreshHomeWritesNothing()
{
    CliHarness cli;
    const CliRun verify = cli.run({QStringLiteral("history"), QStringLiteral("--verify")});
    QVERIFY2(verify.exitCode == 0, verify.err.constData());
    QCOMPARE(cli.allFiles(), QStringList());
    QCOMPARE(QDir(cli.home()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
}

void TestCliAudit::lostKeyNeverReplaced()
{
    CliHarness cli;
    QVERIFY(m_sandbox.act(cli, 1, QStringLiteral("lost")));
    const QString keyFile = QDir(cli.historyDir()).filePath(QStringLiteral("chain.key"));
    if (QFile::exists(keyFile)) {
        QVERIFY(QFile::remove(keyFile)); // no keychain here: the key was in the file
    } else {
        CredentialStore store(cli.environment().value(QStringLiteral("ENROLLEE_KEYCHAIN_SERVICE")));
        bool removed = false;
        store.remove(QStringLiteral("history-chain-key"), [&removed](const CredentialResult &r) { removed = r.ok(); });
        QVERIFY(QTest::qWaitFor([&removed] { return removed; }, 20000));
    }
    const int requests = m_sandbox.server()->requestCount();
    const CliRun next = cli.run(m_sandbox.action(QStringLiteral("lost-after")));
    QCOMPARE(next.exitCode, 5);
    QVERIFY2(next.err.contains("Nothing was sent") && next.err.contains("chain key"), next.err.constData());
    QCOMPARE(m_sandbox.server()->requestCount(), requests);
    QVERIFY(!QFile::exists(keyFile));

    const CliRun verify = cli.run({QStringLiteral("history"), QStringLiteral("--verify")});
    QCOMPARE(verify.exitCode, 5);
    QVERIFY2(verify.err.contains("cannot be checked"), verify.err.constData());
    QVERIFY(!QFile::exists(keyFile));
}

void TestCliAudit::retentionRefusesUntrustedClock_data()
{
    QTest::addColumn<int>("daysFromNow"); // when the history's records were written
    QTest::addColumn<QByteArray>("says");
    QTest::newRow("clock behind the history") << 3 << QByteArray("behind");
    QTest::newRow("clock far ahead of the history") << -5 * 365 << QByteArray("more than 31 days");
}

void TestCliAudit::retentionRefusesUntrustedClock()
{
    QFETCH(int, daysFromNow);
    QFETCH(QByteArray, says);
    CliHarness cli;
    {
        QDir().mkpath(cli.historyDir());
        QVERIFY(writeAll(QDir(cli.historyDir()).filePath(QStringLiteral("chain.key")), kChainKey.toHex() + '\n'));
        OffsetClock clock;
        LocalHistoryBackend store(cli.historyDir(), &clock);
        store.setChainKey(kChainKey);
        const QDateTime base = QDateTime::currentDateTimeUtc().addDays(daysFromNow);
        for (int ago : {3, 2, 0}) {
            clock.setFixed(base.addMonths(-ago));
            HistoryEntry e;
            e.time = clock.now();
            e.operatorEmail = QStringLiteral("o@example.com");
            e.environment = Environment::Local;
            e.userId = QStringLiteral("user-%1").arg(ago);
            e.action = ActionKind::Deactivate;
            const Result<QList<qint64>> ids = store.begin({e});
            QVERIFY2(ids.ok(), qPrintable(ids.message()));
            e.id = ids.value().first();
            e.outcome = HistoryEntry::Outcome::Success;
            QVERIFY(store.complete({e}).ok());
        }
    }
    const QStringList before = LocalHistoryBackend(cli.historyDir()).shardFiles();
    QCOMPARE(before.size(), 3);
    const CliRun prune = cli.run(
        {QStringLiteral("history"), QStringLiteral("--keep-months"), QStringLiteral("1"), QStringLiteral("--yes")});
    QCOMPARE(prune.exitCode, 5);
    QVERIFY2(prune.err.contains(says) && prune.err.contains("nothing was removed"), prune.err.constData());
    QCOMPARE(LocalHistoryBackend(cli.historyDir()).shardFiles(), before);
    QVERIFY(!readAll(cli.settingsFile()).contains("retention_months=1"));
}

QTEST_GUILESS_MAIN(TestCliAudit)
#include "tst_cli_audit.moc"
