// enrollee-cli's other commands as a process: sign (the published vector, a fresh timestamp, the
// legacy sec_key shape), the sandbox command serving in the foreground and stopping on signals,
// confirmations answered on a real pseudo-terminal, --help and --version.
#include "api/Signer.h"
#include "base/Clock.h"
#include "history/local/LocalHistoryBackend.h"
#include "sandbox/SandboxServer.h"
#include "support/CliHarness.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

class TestCliCommands : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void signVector();
    void signTakesFreshTimestamp();
    void signSecKeyShape();
    void signWithoutKeyRefused();
    void keyFileWithControlBytesRefused();
    void sandboxServesAndStops_data();
    void sandboxServesAndStops();
    void sandboxFaultOptions();
    void sandboxRefusesBadOptions();
    void confirmationsOnTerminal_data();
    void confirmationsOnTerminal();
    void helpAndVersion();
    void historyRetention();

private:
    QString writeFile(const QString &name, const QByteArray &content);

    CliHarness m_cli;
    QTemporaryDir m_outside;
};

void TestCliCommands::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(CliHarness::program()));
}

QString TestCliCommands::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = QDir(m_outside.path()).filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return path;
}

void TestCliCommands::signVector()
{
    m_cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QStringLiteral("apiKey"));
    const CliRun run = m_cli.run({QStringLiteral("sign"), QStringLiteral("--partner-id"), QStringLiteral("partner"),
                                  QStringLiteral("--timestamp"), QStringLiteral("2023-02-13T15:07:42.214Z")});
    m_cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out,
             QByteArray("{\"signature\":\"XxThLHZy2ij1WINkqNEPgzVs9RvUDHWlebDYzprqS74=\","
                        "\"timestamp\":\"2023-02-13T15:07:42.214Z\"}\n"));
    // The same from a key file, so nothing depends on the environment variable.
    const CliRun fromFile = m_cli.run({QStringLiteral("sign"), QStringLiteral("--partner-id"),
                                       QStringLiteral("partner"), QStringLiteral("--timestamp"),
                                       QStringLiteral("2023-02-13T15:07:42.214Z"), QStringLiteral("--api-key-file"),
                                       writeFile(QStringLiteral("vector.key"), "apiKey\n")});
    QCOMPARE(fromFile.out, run.out);
}

void TestCliCommands::signTakesFreshTimestamp()
{
    const QString keyFile = writeFile(QStringLiteral("fresh.key"), "fresh-key");
    const CliRun run = m_cli.run({QStringLiteral("sign"), QStringLiteral("--partner-id"), QStringLiteral("085"),
                                  QStringLiteral("--api-key-file"), keyFile});
    QCOMPARE(run.exitCode, 0);
    const QString ts = run.object().value(QLatin1String("timestamp")).toString();
    QVERIFY2(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"))
                 .match(ts)
                 .hasMatch(),
             qPrintable(ts));
    QVERIFY(qAbs(QDateTime::fromString(ts, Qt::ISODateWithMs).secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QVERIFY(Signer::verifySignature("fresh-key", QStringLiteral("085"), ts,
                                    run.object().value(QLatin1String("signature")).toString()));
}

void TestCliCommands::signSecKeyShape()
{
    const Signer::RsaKeyPair pair = Signer::generateRsaKeyPair(2048);
    const QString keyFile = writeFile(QStringLiteral("legacy.key"), pair.apiKey());
    const CliRun run = m_cli.run({QStringLiteral("sign"), QStringLiteral("--partner-id"), QStringLiteral("001"),
                                  QStringLiteral("--scheme"), QStringLiteral("sec_key"), QStringLiteral("--timestamp"),
                                  QStringLiteral("1700000000"), QStringLiteral("--api-key-file"), keyFile});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("\"timestamp\":1700000000}")); // an integer, not a string
    const QString secKey = run.object().value(QLatin1String("sec_key")).toString();
    QVERIFY(secKey.endsWith(QLatin1String("|c39be36c5ff94772ea06eac8738252507d5062c112ad925294bc240771ca6343")));
    const Status verified = Signer::verifySecKey(pair.privateKeyPem, secKey, QStringLiteral("001"), 1700000000);
    QVERIFY2(verified.ok(), qPrintable(verified.message()));

    const CliRun notSeconds = m_cli.run({QStringLiteral("sign"), QStringLiteral("--partner-id"), QStringLiteral("001"),
                                         QStringLiteral("--scheme"), QStringLiteral("sec_key"),
                                         QStringLiteral("--timestamp"), QStringLiteral("2023-02-13T15:07:42.214Z"),
                                         QStringLiteral("--api-key-file"), keyFile});
    QCOMPARE(notSeconds.exitCode, 2);
    QVERIFY(notSeconds.out.isEmpty());
}

void TestCliCommands::keyFileWithControlBytesRefused()
{
    // A NUL inside the first line: never a key, so nothing is signed with it.
    const QString keyFile = writeFile(QStringLiteral("nul.key"), QByteArray("api\0Key\n", 8));
    const CliRun run = m_cli.run({QStringLiteral("sign"), QStringLiteral("--partner-id"), QStringLiteral("partner"),
                                  QStringLiteral("--api-key-file"), keyFile});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("control character"), run.err.constData());
}

void TestCliCommands::signWithoutKeyRefused()
{
    const CliRun run = m_cli.run({QStringLiteral("sign"), QStringLiteral("--partner-id"), QStringLiteral("001")});
    QCOMPARE(run.exitCode, 5);
    QVERIFY(run.out.isEmpty());
    QVERIFY(run.err.contains("SMILEID_API_KEY"));
    const CliRun noPartner = m_cli.run({QStringLiteral("sign")});
    QCOMPARE(noPartner.exitCode, 2);
    QVERIFY(noPartner.err.contains("partner ID"));
}

void TestCliCommands::sandboxServesAndStops_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void TestCliCommands::sandboxServesAndStops()
{
    QFETCH(int, signalNumber);
    const QString secKeyFile = QDir(m_outside.path()).filePath(QStringLiteral("sandbox-sec.key"));
    QProcess sandbox;
    sandbox.setProcessEnvironment(m_cli.environment());
    sandbox.start(CliHarness::program(),
                  {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
                   QStringLiteral("--enrollee"), QStringLiteral("cli-sandbox-user"), QStringLiteral("--enrollee"),
                   QStringLiteral("demo-user-004"), QStringLiteral("--sec-key-api-key-file"), secKeyFile});
    QTRY_VERIFY_WITH_TIMEOUT(sandbox.canReadLine() || sandbox.state() == QProcess::NotRunning, 10000);
    const QUrl url(QString::fromUtf8(sandbox.readLine()).trimmed());
    QVERIFY2(url.isValid() && url.host() == QLatin1String("127.0.0.1") && url.port() > 0, qPrintable(url.toString()));

    // The demo key, as a new user would use it.
    const CliRun hmac = m_cli.run({QStringLiteral("deactivate"), QStringLiteral("cli-sandbox-user"),
                                   QStringLiteral("--environment"), QStringLiteral("local"),
                                   QStringLiteral("--base-url"), url.toString(), QStringLiteral("--json")});
    QVERIFY2(hmac.exitCode == 0, hmac.err.constData());
    QCOMPARE(hmac.object().value(QLatin1String("environment")).toString(), QStringLiteral("local"));
    QCOMPARE(hmac.object().value(QLatin1String("partner_id")).toString(), QStringLiteral("001"));
    // The legacy scheme with the key the sandbox wrote for its fresh key pair.
    const CliRun legacy = m_cli.run({QStringLiteral("reactivate"), QStringLiteral("cli-sandbox-user"),
                                     QStringLiteral("--environment"), QStringLiteral("local"),
                                     QStringLiteral("--base-url"), url.toString(), QStringLiteral("--scheme"),
                                     QStringLiteral("sec_key"), QStringLiteral("--api-key-file"), secKeyFile});
    QVERIFY2(legacy.exitCode == 0, legacy.err.constData());
    // "--enrollee" adds an active enrollee, even one named like the demo user that starts deactivated.
    const CliRun flag = m_cli.run({QStringLiteral("flag-fraud"), QStringLiteral("demo-user-004"),
                                   QStringLiteral("--environment"), QStringLiteral("local"),
                                   QStringLiteral("--base-url"), url.toString(), QStringLiteral("--json"),
                                   QStringLiteral("--reason"), QStringLiteral("CASE-4")});
    QVERIFY2(flag.exitCode == 0, flag.err.constData());
    const QJsonObject state = QJsonDocument::fromJson(
                                  flag.object().value(QLatin1String("response")).toString().toUtf8())
                                  .object()
                                  .value(QLatin1String("state"))
                                  .toObject();
    QCOMPARE(state.value(QLatin1String("active")).toBool(false), true);
    QCOMPARE(state.value(QLatin1String("is_fraudulent")).toBool(), true);

    QSignalSpy finished(&sandbox, &QProcess::finished);
    QCOMPARE(::kill(pid_t(sandbox.processId()), signalNumber), 0);
    QVERIFY(!finished.isEmpty() || finished.wait(10000));
    QCOMPARE(sandbox.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sandbox.exitCode(), 0);
    QVERIFY(sandbox.readAllStandardError().contains("stopped"));
}

void TestCliCommands::sandboxFaultOptions()
{
    QProcess sandbox;
    sandbox.setProcessEnvironment(m_cli.environment());
    sandbox.start(CliHarness::program(),
                  {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--fault"),
                   QStringLiteral("http-error"), QStringLiteral("--fault-status"), QStringLiteral("429"),
                   QStringLiteral("--retry-after"), QStringLiteral("0"), QStringLiteral("--fault-count"),
                   QStringLiteral("1")});
    QTRY_VERIFY_WITH_TIMEOUT(sandbox.canReadLine() || sandbox.state() == QProcess::NotRunning, 10000);
    const QString url = QString::fromUtf8(sandbox.readLine()).trimmed();
    const CliRun run = m_cli.run({QStringLiteral("re-enroll"), QStringLiteral("demo-user-001"),
                                  QStringLiteral("--environment"), QStringLiteral("local"),
                                  QStringLiteral("--base-url"), url, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonArray attempts = run.object().value(QLatin1String("attempts")).toArray();
    QCOMPARE(attempts.size(), 2); // the first met the injected 429, the retry went through
    QCOMPARE(attempts.at(0)[QLatin1String("http_status")].toInt(), 429);
    QSignalSpy finished(&sandbox, &QProcess::finished);
    sandbox.terminate(); // SIGTERM
    QVERIFY(!finished.isEmpty() || finished.wait(10000));
    QCOMPARE(sandbox.exitCode(), 0);
}

void TestCliCommands::sandboxRefusesBadOptions()
{
    const QStringList sandbox = {QStringLiteral("sandbox"), QStringLiteral("--port")};
    QCOMPARE(m_cli.run(sandbox + QStringList{QStringLiteral("70000")}).exitCode, 2);
    QCOMPARE(m_cli.run(sandbox + QStringList{QStringLiteral("0"), QStringLiteral("--fault"), QStringLiteral("explode")})
                 .exitCode,
             2);
    QCOMPARE(
        m_cli
            .run(sandbox + QStringList{QStringLiteral("0"), QStringLiteral("--host"), QStringLiteral("not-an-address")})
            .exitCode,
        2);
    QCOMPARE(m_cli.run(sandbox + QStringList{QStringLiteral("0"), QStringLiteral("--enrollee"), QString()}).exitCode,
             2);
    QCOMPARE(m_cli.run(sandbox + QStringList{QStringLiteral("0"), QStringLiteral("--api-key"), QStringLiteral("x")})
                 .exitCode,
             2);
}

void TestCliCommands::confirmationsOnTerminal_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("sent");
    const QString prod = QStringLiteral("--environment");
    QTest::newRow("delete, wrong user ID") << QStringList{QStringLiteral("delete"), QStringLiteral("tty-user"),
                                                          QStringLiteral("--reason"), QStringLiteral("CASE-5")}
                                           << QByteArray("tty-usr\n") << 6 << false;
    QTest::newRow("delete, user ID typed again") << QStringList{QStringLiteral("delete"), QStringLiteral("tty-user"),
                                                                QStringLiteral("--reason"), QStringLiteral("CASE-5")}
                                                 << QByteArray("tty-user\n") << 0 << true;
    QTest::newRow("production deactivate, declined")
        << QStringList{QStringLiteral("deactivate"), QStringLiteral("tty-user"), prod, QStringLiteral("production")}
        << QByteArray("no\n") << 6 << false;
    // Confirmed, so it is sent; the sandbox then refuses a production body, which is exit 3.
    QTest::newRow("production flag, confirmed")
        << QStringList{QStringLiteral("flag-fraud"), QStringLiteral("tty-user"), prod,
                       QStringLiteral("production"), QStringLiteral("--reason"), QStringLiteral("CASE-6")}
        << QByteArray("yes\n") << 3 << true;
}

void TestCliCommands::confirmationsOnTerminal()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, answer);
    QFETCH(int, exitCode);
    QFETCH(bool, sent);
    SandboxConfig config;
    config.apiKey = "tty-test-key";
    SandboxServer server(config);
    QVERIFY(server.listen().ok());
    server.registry().add(QStringLiteral("tty-user"));

    int master = -1;
    int slave = -1;
    QCOMPARE(::openpty(&master, &slave, nullptr, nullptr, nullptr), 0);
    ::fcntl(master, F_SETFD, FD_CLOEXEC);
    QProcess process;
    QProcessEnvironment env = m_cli.environment();
    env.insert(QStringLiteral("SMILEID_API_KEY"), QStringLiteral("tty-test-key"));
    process.setProcessEnvironment(env);
    // Standard input becomes the pseudo-terminal, so the CLI sees a person it can ask.
    process.setChildProcessModifier([slave] { ::dup2(slave, STDIN_FILENO); });
    QByteArray err;
    connect(&process, &QProcess::readyReadStandardError, this, [&] { err += process.readAllStandardError(); });
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(CliHarness::program(),
                  args
                      + QStringList{QStringLiteral("--base-url"), server.origin().toString(),
                                    QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
                                    QStringLiteral("officer@example.org")});
    ::close(slave);
    QTRY_VERIFY_WITH_TIMEOUT(err.contains("confirm: ") || process.state() == QProcess::NotRunning, 10000);
    QVERIFY2(err.contains("confirm: "), err.constData());
    QCOMPARE(server.requestCount(), 0); // nothing goes out while the question is open
    QCOMPARE(::write(master, answer.constData(), size_t(answer.size())), ssize_t(answer.size()));
    QVERIFY(!finished.isEmpty() || finished.wait(10000));
    ::close(master);
    QVERIFY2(process.exitCode() == exitCode, err.constData());
    QCOMPARE(server.requestCount(), sent ? 1 : 0);
    if (args.first() == QLatin1String("delete"))
        QCOMPARE(server.registry().contains(QStringLiteral("tty-user")), !sent);
}

void TestCliCommands::helpAndVersion()
{
    const CliRun version = m_cli.run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out, QByteArray("enrollee-cli " ENROLLEE_VERSION "\n"));

    const CliRun top = m_cli.run({QStringLiteral("--help")});
    QCOMPARE(top.exitCode, 0);
    for (const char *word :
         {"re-enroll", "flag-fraud", "history", "sandbox", "profile", "sign", "Exit status", "SMILEID_API_KEY"})
        QVERIFY2(top.out.contains(word), word);

    const QList<QStringList> commands = {
        {QStringLiteral("sign")},
        {QStringLiteral("delete")},
        {QStringLiteral("history")},
        {QStringLiteral("sandbox")},
        {QStringLiteral("profile")},
        {QStringLiteral("profile"), QStringLiteral("add")},
        {QStringLiteral("profile"), QStringLiteral("set-key")},
    };
    for (const QStringList &command : commands) {
        const CliRun help = m_cli.run(command + QStringList{QStringLiteral("--help")});
        QVERIFY2(help.exitCode == 0 && help.out.contains("Usage"), qPrintable(command.join(QLatin1Char(' '))));
    }
    QVERIFY(m_cli.run({QStringLiteral("delete"), QStringLiteral("--help")}).out.contains("--yes"));
    QCOMPARE(m_cli.run({}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliCommands)
#include "tst_cli_commands.moc"

void TestCliCommands::historyRetention()
{
    CliHarness cli; // a history of its own: pruning only ever removes the oldest months
    // Two old months and the current one, written as the store would have written them then.
    // With the installation's chain key, as the CLI would have written it: a history with records and no key
    // is one whose key was lost, and nothing may be written to it.
    const QByteArray key = QByteArrayLiteral("retention-test-chain-key-0123456");
    QVERIFY(QDir().mkpath(cli.historyDir()));
    QFile keyFile(QDir(cli.historyDir()).filePath(QStringLiteral("chain.key")));
    QVERIFY(keyFile.open(QIODevice::WriteOnly));
    keyFile.write(key.toHex() + '\n');
    keyFile.close();
    {
        OffsetClock clock;
        LocalHistoryBackend store(cli.historyDir(), &clock);
        store.setChainKey(key);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDate today = now.date();
        for (int ago : {5, 4, 0}) {
            // The newest at the current time: retention refuses a clock behind the newest record.
            clock.setFixed(
                ago == 0 ? now
                         : QDateTime(QDate(today.year(), today.month(), 1).addMonths(-ago), QTime(12, 0), Qt::UTC));
            HistoryEntry e;
            e.operatorEmail = QStringLiteral("o@example.com");
            e.environment = Environment::Local;
            e.userId = QStringLiteral("user-%1-months-ago").arg(ago);
            e.action = ActionKind::Deactivate;
            const Result<QList<qint64>> ids = store.begin({e});
            QVERIFY2(ids.ok(), qPrintable(ids.message()));
            e.id = ids.value().first();
            e.outcome = HistoryEntry::Outcome::Success;
            QVERIFY(store.complete({e}).ok());
        }
    }
    const CliRun bad = cli.run({QStringLiteral("history"), QStringLiteral("--keep-months"), QStringLiteral("-1")});
    QCOMPARE(bad.exitCode, 2);
    // What would go is shown, and without a terminal to ask on nothing goes without --yes.
    const CliRun unconfirmed = cli.run(
        {QStringLiteral("history"), QStringLiteral("--keep-months"), QStringLiteral("2")});
    QCOMPARE(unconfirmed.exitCode, 6);
    QVERIFY2(unconfirmed.out.contains(": 1 entr"), unconfirmed.out.constData());
    QCOMPARE(LocalHistoryBackend(cli.historyDir()).shardFiles().size(), 3);
    const CliRun prune = cli.run(
        {QStringLiteral("history"), QStringLiteral("--keep-months"), QStringLiteral("2"), QStringLiteral("--yes")});
    QVERIFY2(prune.exitCode == 0, prune.err.constData());
    QVERIFY2(prune.out.contains("removed with the months before it: 2"), prune.out.constData());
    QFile settings(cli.settingsFile());
    QVERIFY(settings.open(QIODevice::ReadOnly));
    QVERIFY(settings.readAll().contains("retention_months=2"));
    const CliRun list = cli.run({QStringLiteral("history"), QStringLiteral("--json")});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.array().size(), 1);
    QCOMPARE(list.array().at(0).toObject().value(QLatin1String("user_id")).toString(),
             QStringLiteral("user-0-months-ago"));
}
