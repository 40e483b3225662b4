// What the trail does when the files are not the only thing an attacker or an accident reaches: the
// anchor's copy in the keychain catches a rollback of the history folder and the settings folder
// together, and a chain key lost for good is given up only by an explicit, recorded key epoch, after
// which the earlier records read as unverifiable, never as altered, and the later ones are checked.
#include "history/local/LocalHistoryBackend.h"
#include "sandbox/SandboxServer.h"
#include "settings/CredentialStore.h"
#include "support/CliHarness.h"
#include "support/CliSandbox.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

namespace {
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

const QStringList kVerify{QStringLiteral("history"), QStringLiteral("--verify")};
} // namespace

class TestCliKeyEpoch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keychainCopyCatchesRollbackOfBothFolders();
    void lostKeyGivenUpByARecordedEpoch();
    void epochRefusedWhileTheKeyVouches();
    void epochNeedsReasonAndConfirmation();
    void withoutKeychainOnlyWhenSaidSo();

private:
    static CredentialResult keychain(const CliHarness &cli, const QString &account, bool remove = false);
    static QString anchorFile(const CliHarness &cli);

    CliSandbox m_sandbox;
};

void TestCliKeyEpoch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(CliHarness::program()));
    const Status listening = m_sandbox.start("cli-epoch-key-", this);
    QVERIFY2(listening.ok(), qPrintable(listening.message()));
}

// The test's own look into the same keychain service the harness's enrollee-cli uses.
CredentialResult TestCliKeyEpoch::keychain(const CliHarness &cli, const QString &account, bool remove)
{
    CredentialStore store(cli.environment().value(QStringLiteral("ENROLLEE_KEYCHAIN_SERVICE")));
    CredentialResult result;
    bool done = false;
    const auto take = [&result, &done](const CredentialResult &r) {
        result = r;
        done = true;
    };
    if (remove)
        store.remove(account, take);
    else
        store.read(account, take);
    if (!QTest::qWaitFor([&done] { return done; }, 20000))
        result.message = QStringLiteral("the keychain did not answer");
    return result;
}

QString TestCliKeyEpoch::anchorFile(const CliHarness &cli)
{
    return QDir(cli.home()).filePath(QStringLiteral("config/history.anchor"));
}

void TestCliKeyEpoch::keychainCopyCatchesRollbackOfBothFolders()
{
    CliHarness cli;
    QVERIFY(m_sandbox.act(cli, 2, QStringLiteral("old"))); // records #1 to #4
    const QStringList shards = LocalHistoryBackend(cli.historyDir()).shardFiles();
    QCOMPARE(shards.size(), 1);
    const QString head = QDir(cli.historyDir()).filePath(QStringLiteral("HEAD"));
    const QByteArray oldShard = readAll(shards.first());
    const QByteArray oldHead = readAll(head);
    const QByteArray oldAnchor = readAll(anchorFile(cli));
    QVERIFY(!oldAnchor.isEmpty());
    QVERIFY(m_sandbox.act(cli, 2, QStringLiteral("new"))); // #5 to #8
    const CredentialResult copy = keychain(cli, QStringLiteral("history-anchor"));
    QVERIFY2(copy.ok(), qPrintable(copy.message));
    QVERIFY2(copy.secret.contains(" 8 "), copy.secret.constData());

    // Someone with both folders puts back the older history and the older anchor file together.
    QVERIFY(writeAll(shards.first(), oldShard));
    QVERIFY(writeAll(head, oldHead));
    QVERIFY(writeAll(anchorFile(cli), oldAnchor));

    const CliRun verify = cli.run(kVerify);
    QCOMPARE(verify.exitCode, 5);
    QVERIFY2(verify.err.contains("rolled back to record #4") && verify.err.contains("in the keychain"),
             verify.err.constData());
    const int requests = m_sandbox.server()->requestCount();
    const CliRun next = cli.run(m_sandbox.action(QStringLiteral("after-rollback")));
    QCOMPARE(next.exitCode, 5);
    QVERIFY2(next.err.contains("in the keychain") && next.err.contains("Nothing was sent"), next.err.constData());
    QCOMPARE(m_sandbox.server()->requestCount(), requests);
}

void TestCliKeyEpoch::lostKeyGivenUpByARecordedEpoch()
{
    CliHarness cli;
    QVERIFY(m_sandbox.act(cli, 2, QStringLiteral("epoch"))); // records #1 to #4
    QVERIFY(keychain(cli, QStringLiteral("history-chain-key"), true).ok());
    const int requests = m_sandbox.server()->requestCount();
    QCOMPARE(cli.run(m_sandbox.action(QStringLiteral("refused"))).exitCode, 5); // never a silent new key
    QCOMPARE(m_sandbox.server()->requestCount(), requests);

    const CliRun epoch = cli.run({QStringLiteral("history"), QStringLiteral("--new-key-epoch"),
                                  QStringLiteral("--reason"), QStringLiteral("laptop reinstalled, keyring lost"),
                                  QStringLiteral("--yes")});
    QVERIFY2(epoch.exitCode == 0, epoch.err.constData());
    QVERIFY2(epoch.out.contains("begins at record #5"), epoch.out.constData());
    const CredentialResult newKey = keychain(cli, QStringLiteral("history-chain-key"));
    QVERIFY(newKey.ok() && newKey.secret.size() == 32);

    CliRun verify = cli.run(kVerify);
    QVERIFY2(verify.exitCode == 0, verify.err.constData());
    QVERIFY2(verify.out.contains("Records #1 to #4") && verify.out.contains("cannot be verified")
                 && verify.out.contains("laptop reinstalled"),
             verify.out.constData());

    QVERIFY(m_sandbox.act(cli, 1, QStringLiteral("after"))); // #6 and #7, under the new key
    verify = cli.run(kVerify);
    QVERIFY2(verify.exitCode == 0 && verify.out.contains("7 record"), verify.out.constData());
    const CliRun list = cli.run({QStringLiteral("history"), QStringLiteral("--json")});
    QCOMPARE(list.array().size(), 3); // the epoch is a record of the chain, not an action

    // Records after the epoch are checked as ever.
    const QString shard = LocalHistoryBackend(cli.historyDir()).shardFiles().constLast();
    QByteArray bytes = readAll(shard);
    const qsizetype at = bytes.indexOf("after-0");
    QVERIFY(at > 0);
    bytes[at] = 'A';
    QVERIFY(writeAll(shard, bytes));
    verify = cli.run(kVerify);
    QCOMPARE(verify.exitCode, 5);
    QVERIFY2(verify.err.contains("FAILED at record #6"), verify.err.constData());
}

void TestCliKeyEpoch::epochRefusedWhileTheKeyVouches()
{
    CliHarness cli;
    QVERIFY(m_sandbox.act(cli, 1, QStringLiteral("kept")));
    const CliRun epoch = cli.run({QStringLiteral("history"), QStringLiteral("--new-key-epoch"),
                                  QStringLiteral("--reason"), QStringLiteral("just because"), QStringLiteral("--yes")});
    QCOMPARE(epoch.exitCode, 5);
    QVERIFY2(epoch.err.contains("still vouches"), epoch.err.constData());
    const CliRun verify = cli.run(kVerify);
    QVERIFY2(verify.exitCode == 0 && !verify.out.contains("cannot be verified"), verify.out.constData());
}

void TestCliKeyEpoch::epochNeedsReasonAndConfirmation()
{
    CliHarness cli;
    QVERIFY(m_sandbox.act(cli, 1, QStringLiteral("ask")));
    QVERIFY(keychain(cli, QStringLiteral("history-chain-key"), true).ok());
    const CliRun noReason = cli.run(
        {QStringLiteral("history"), QStringLiteral("--new-key-epoch"), QStringLiteral("--yes")});
    QCOMPARE(noReason.exitCode, 2);
    QVERIFY2(noReason.err.contains("--reason"), noReason.err.constData());
    // Standard input is not a terminal here: without --yes nothing is changed.
    const CliRun unconfirmed = cli.run({QStringLiteral("history"), QStringLiteral("--new-key-epoch"),
                                        QStringLiteral("--reason"), QStringLiteral("r")});
    QCOMPARE(unconfirmed.exitCode, 6);
    QVERIFY(!keychain(cli, QStringLiteral("history-chain-key")).ok()); // no key was made
    QCOMPARE(cli.run(kVerify).exitCode, 5);                            // and the history cannot be checked
}

void TestCliKeyEpoch::withoutKeychainOnlyWhenSaidSo()
{
    CliHarness cli;
    cli.setEnv(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
    QVERIFY(m_sandbox.act(cli, 1, QStringLiteral("nokeychain"))); // the key lives in chain.key beside the history
    const QString keyFile = QDir(cli.historyDir()).filePath(QStringLiteral("chain.key"));
    QVERIFY(QFile::remove(keyFile));
    const QStringList epoch{QStringLiteral("history"), QStringLiteral("--new-key-epoch"), QStringLiteral("--reason"),
                            QStringLiteral("key file deleted"), QStringLiteral("--yes")};
    // The keychain may only be out of reach, holding the key: not lost, so no epoch.
    const CliRun refused = cli.run(epoch);
    QCOMPARE(refused.exitCode, 5);
    QVERIFY2(refused.err.contains("--without-keychain"), refused.err.constData());
    QVERIFY(!QFile::exists(keyFile));
    const CliRun begun = cli.run(epoch + QStringList{QStringLiteral("--without-keychain")});
    QVERIFY2(begun.exitCode == 0, begun.err.constData());
    QVERIFY(QFile::exists(keyFile));
    const CliRun verify = cli.run(kVerify);
    QVERIFY2(verify.exitCode == 0 && verify.out.contains("Records #1 to #2"), verify.out.constData());
    QVERIFY(m_sandbox.act(cli, 1, QStringLiteral("nokeychain-after")));
}

QTEST_GUILESS_MAIN(TestCliKeyEpoch)
#include "tst_cli_key_epoch.moc"
