// enrollee-cli as a process against an in-process sandbox, fed what it must not trust: server answers
// that look like success and are not, or that break off, or carry terminal escapes; arguments and files
// that are not valid UTF-8; options given empty values; and settings that cannot be saved.
#include "sandbox/SandboxServer.h"
#include "settings/AppSettings.h"
#include "support/CliHarness.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

namespace {
// Bytes a terminal would act on: ESC, BEL, the 8-bit CSI (UTF-8 C2 9B) and RIGHT-TO-LEFT OVERRIDE (E2 80 AE).
bool hasTerminalControl(const QByteArray &bytes)
{
    return bytes.contains('\x1b') || bytes.contains('\x07') || bytes.contains("\xc2\x9b")
        || bytes.contains("\xe2\x80\xae");
}

// The shell that makes writing a file fail for everyone, root included: no file may grow (as on a full
// disk), and SIGXFSZ is ignored so the write fails with EFBIG instead of killing the program.
const QString kNoFileGrowth = QStringLiteral("trap '' XFSZ; ulimit -f 0; exec \"$0\" \"$@\"");
} // namespace

class TestCliInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void refusalInsideOkStatus();
    void brokenAnswersAreUnknown_data();
    void brokenAnswersAreUnknown();
    void drippingServerEndsAtDeadline();
    void hostileTextNeverReachesTerminal();
    void invalidUtf8ArgumentsRefused_data();
    void invalidUtf8ArgumentsRefused();
    void replacementCharacterRefused();
    void nonUtf8KeyFileRefused();
    void emptyOptionValuesRefused_data();
    void emptyOptionValuesRefused();
    void profileUseAndRemoveNeedSavedSettings();

private:
    QStringList target(const QStringList &extra) const;
    void setFault(FaultPlan::Kind kind, int status = 500, const QByteArray &body = {});

    CliHarness m_cli;
    SandboxServer *m_server = nullptr;
    QByteArray m_key;
    QTemporaryDir m_outside;
};

void TestCliInput::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(CliHarness::program()));
    m_key = "cli-input-key-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    SandboxConfig config;
    config.apiKey = m_key;
    m_server = new SandboxServer(config, this);
    const Status listening = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY2(listening.ok(), qPrintable(listening.message()));
    m_cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString::fromLatin1(m_key));
    AppSettings settings(m_cli.settingsFile());
    settings.setMaxAttempts(1); // one attempt: each test sees exactly the answer it injected
    QVERIFY(settings.sync());
}

void TestCliInput::init()
{
    m_server->setFaultPlan({});
    m_server->registry().add(QStringLiteral("input-user")); // active again before every test
}

QStringList TestCliInput::target(const QStringList &extra) const
{
    return extra + QStringList{QStringLiteral("--base-url"),   m_server->origin().toString(),
                               QStringLiteral("--partner-id"), QStringLiteral("001"),
                               QStringLiteral("--email"),      QStringLiteral("officer@example.org")};
}

void TestCliInput::setFault(FaultPlan::Kind kind, int status, const QByteArray &body)
{
    FaultPlan plan;
    plan.kind = kind;
    plan.httpStatus = status;
    plan.body = body;
    m_server->setFaultPlan(plan);
}

void TestCliInput::refusalInsideOkStatus()
{
    setFault(FaultPlan::Kind::Body, 200, R"({"code":"2205","error":"You are not authorized to do that"})");
    const CliRun run = m_cli.run(
        target({QStringLiteral("deactivate"), QStringLiteral("input-user"), QStringLiteral("--json")}));
    QCOMPARE(run.exitCode, 3);
    const QJsonObject o = run.object();
    QCOMPARE(o.value(QLatin1String("ok")).toBool(), false);
    QCOMPARE(o.value(QLatin1String("result")).toString(), QStringLiteral("http-error"));
    QCOMPARE(o.value(QLatin1String("code")).toString(), QStringLiteral("2205"));
    QVERIFY2(!run.err.contains("deactivated"), run.err.constData());
    QVERIFY2(run.err.contains("2205"), run.err.constData());
}

void TestCliInput::brokenAnswersAreUnknown_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::newRow("short body") << int(FaultPlan::Kind::Truncated) << 500;
    QTest::newRow("broken chunking") << int(FaultPlan::Kind::BrokenChunked) << 500;
    QTest::newRow("interim 102 only") << int(FaultPlan::Kind::Interim) << 102;
}

void TestCliInput::brokenAnswersAreUnknown()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    setFault(FaultPlan::Kind(kind), status);
    const int requests = m_server->requestCount();
    const CliRun run = m_cli.run(target({QStringLiteral("deactivate"), QStringLiteral("input-user")}));
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("unknown"), run.err.constData());
    QVERIFY2(run.err.contains("may have been applied"), run.err.constData());
    QCOMPARE(m_server->requestCount(), requests + 1); // sent once, never repeated behind the officer's back
}

void TestCliInput::drippingServerEndsAtDeadline()
{
    // A 1 s inactivity timeout, so a 2 s deadline; a byte every 200 ms keeps the inactivity timer happy
    // and would take about a minute for the whole body. The harness allows 15 s.
    AppSettings(m_cli.settingsFile()).setTimeoutSeconds(1);
    FaultPlan plan;
    plan.kind = FaultPlan::Kind::Drip;
    plan.dripIntervalMs = 200;
    m_server->setFaultPlan(plan);
    const CliRun run = m_cli.run(target({QStringLiteral("deactivate"), QStringLiteral("input-user")}));
    AppSettings(m_cli.settingsFile()).setTimeoutSeconds(30);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("no complete answer within 2 seconds"), run.err.constData());
    QVERIFY2(run.err.contains("unknown"), run.err.constData());
    QVERIFY(!m_server->registry().state(QStringLiteral("input-user")).active); // it was applied
}

void TestCliInput::hostileTextNeverReachesTerminal()
{
    const QString hostile = QStringLiteral("\x1b[2J\x1b]0;pwned\x07");
    const QJsonObject body{
        {QStringLiteral("code"), QStringLiteral("2205") + hostile},
        {QStringLiteral("error"), QStringLiteral("denied ") + hostile + QStringLiteral("\u202Eevil\u009b2J")}};
    setFault(FaultPlan::Kind::Body, 400, QJsonDocument(body).toJson(QJsonDocument::Compact));
    const CliRun plain = m_cli.run(target({QStringLiteral("deactivate"), QStringLiteral("input-user")}));
    QCOMPARE(plain.exitCode, 3);
    QVERIFY2(!hasTerminalControl(plain.out + plain.err), plain.err.constData());
    QVERIFY2(!plain.err.contains("pwned") && plain.err.contains("denied"), plain.err.constData());

    const CliRun json = m_cli.run(
        target({QStringLiteral("deactivate"), QStringLiteral("input-user"), QStringLiteral("--json")}));
    QCOMPARE(json.exitCode, 3);
    QVERIFY2(!hasTerminalControl(json.out + json.err), json.out.constData());
    QVERIFY(json.object().value(QLatin1String("message")).toString().startsWith(QLatin1String("HTTP 400")));

    for (const QStringList &history :
         {QStringList{QStringLiteral("history")}, QStringList{QStringLiteral("history"), QStringLiteral("--json")}}) {
        const CliRun listed = m_cli.run(history);
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(!hasTerminalControl(listed.out + listed.err), listed.out.constData());
    }
}

void TestCliInput::invalidUtf8ArgumentsRefused_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("named");
    // printf makes the byte 0xFF, which no UTF-8 text contains.
    QTest::newRow("user id") << QStringLiteral("exec \"$0\" deactivate \"$(printf 'user\\377')\" \"$@\"")
                             << "Argument 2";
    QTest::newRow("reason") << QStringLiteral(
        "exec \"$0\" deactivate input-user --reason \"$(printf 'case \\377')\" \"$@\"")
                            << "the value of --reason";
    QTest::newRow("email") << QStringLiteral(
        "exec \"$0\" deactivate input-user \"$@\" --email \"$(printf 'o\\377@example.org')\"")
                           << "the value of --email";
}

void TestCliInput::invalidUtf8ArgumentsRefused()
{
    QFETCH(QString, script);
    QFETCH(QString, named);
    const int requests = m_server->requestCount();
    const CliRun run = m_cli.runShell(script, target({}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(named.toUtf8()) && run.err.contains("not valid UTF-8"), run.err.constData());
    QCOMPARE(m_server->requestCount(), requests);
    QVERIFY(m_server->registry().state(QStringLiteral("input-user")).active);
}

void TestCliInput::replacementCharacterRefused()
{
    // Valid UTF-8 carrying U+FFFD: text that was already "repaired" somewhere upstream.
    const int requests = m_server->requestCount();
    const CliRun run = m_cli.run(target({QStringLiteral("deactivate"), QStringLiteral("input-\uFFFDuser")}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("U+FFFD"), run.err.constData());
    QCOMPARE(m_server->requestCount(), requests);
}

void TestCliInput::nonUtf8KeyFileRefused()
{
    const QString path = QDir(m_outside.path()).filePath(QStringLiteral("latin1.key"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_key + "\xe9\n"); // the key with a Latin-1 "é": a damaged copy
    file.close();
    const int requests = m_server->requestCount();
    const CliRun run = m_cli.run(
        target({QStringLiteral("deactivate"), QStringLiteral("input-user"), QStringLiteral("--api-key-file"), path}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("not UTF-8"), run.err.constData());
    QCOMPARE(m_server->requestCount(), requests);
}

void TestCliInput::emptyOptionValuesRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("option");
    const QString user = QStringLiteral("input-user");
    QTest::newRow("partner id") << QStringList{QStringLiteral("deactivate"),    user,
                                               QStringLiteral("--environment"), QStringLiteral("local"),
                                               QStringLiteral("--partner-id"),  QString()}
                                << "--partner-id";
    QTest::newRow("partner id blank") << QStringList{QStringLiteral("deactivate"), user,
                                                     QStringLiteral("--environment"), QStringLiteral("local"),
                                                     QStringLiteral("--partner-id=  ")}
                                      << "--partner-id";
    QTest::newRow("email") << QStringList{QStringLiteral("deactivate"),    user,
                                          QStringLiteral("--environment"), QStringLiteral("local"),
                                          QStringLiteral("--email"),       QString()}
                           << "--email";
    QTest::newRow("environment") << QStringList{QStringLiteral("deactivate"), user, QStringLiteral("--environment"),
                                                QString()}
                                 << "--environment";
    QTest::newRow("reason") << QStringList{QStringLiteral("deactivate"), user, QStringLiteral("--environment"),
                                           QStringLiteral("local"), QStringLiteral("--reason=")}
                            << "--reason";
    QTest::newRow("sign") << QStringList{QStringLiteral("sign"), QStringLiteral("--partner-id"), QString()}
                          << "--partner-id";
    QTest::newRow("profile add") << QStringList{QStringLiteral("profile"),
                                                QStringLiteral("add"),
                                                QStringLiteral("p"),
                                                QStringLiteral("--partner-id"),
                                                QString(),
                                                QStringLiteral("--email"),
                                                QStringLiteral("o@example.org")}
                                 << "--partner-id";
    QTest::newRow("sandbox port") << QStringList{QStringLiteral("sandbox"), QStringLiteral("--port"), QString()}
                                  << "--port";
    QTest::newRow("history user") << QStringList{QStringLiteral("history"), QStringLiteral("--user-id"), QString()}
                                  << "--user-id";
}

void TestCliInput::emptyOptionValuesRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, option);
    // The local profile would fill an empty partner ID with 001: refusing it is the point.
    const QStringList withBase = arguments.first() == QLatin1String("deactivate")
        ? arguments + QStringList{QStringLiteral("--base-url"), m_server->origin().toString()}
        : arguments;
    const int requests = m_server->requestCount();
    const CliRun run = m_cli.run(withBase);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains((option + QStringLiteral(" was given an empty value")).toUtf8()), run.err.constData());
    QCOMPARE(m_server->requestCount(), requests);
    QVERIFY(AppSettings(m_cli.settingsFile()).profiles().isEmpty());
}

void TestCliInput::profileUseAndRemoveNeedSavedSettings()
{
    const QString origin = m_server->origin().toString();
    for (const char *name : {"first", "second"}) {
        const CliRun add = m_cli.run({QStringLiteral("profile"), QStringLiteral("add"), QLatin1String(name),
                                      QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
                                      QStringLiteral("o@example.org"), QStringLiteral("--base-url"), origin});
        QVERIFY2(add.exitCode == 0, add.err.constData());
    }
    m_cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString());
    const CliRun setKey = m_cli.run({QStringLiteral("profile"), QStringLiteral("set-key"), QStringLiteral("first")},
                                    m_key + '\n');
    const bool keychain = !setKey.warnedNoKeychain();
    if (keychain)
        QVERIFY2(setKey.exitCode == 0, setKey.err.constData());
    QFile settingsFile(m_cli.settingsFile());
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    const QByteArray before = settingsFile.readAll();
    settingsFile.close();

    const CliRun use = m_cli.runShell(kNoFileGrowth,
                                      {QStringLiteral("profile"), QStringLiteral("use"), QStringLiteral("second")});
    QCOMPARE(use.exitCode, 5);
    QVERIFY2(use.err.contains("Could not write") && !use.out.contains("now the default"), use.err.constData());
    const CliRun removed = m_cli.runShell(
        kNoFileGrowth, {QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("first")});
    QCOMPARE(removed.exitCode, 5);
    QVERIFY2(removed.err.contains("are kept") && !removed.out.contains("removed"), removed.err.constData());

    // The failure was real: the file is as it was, "first" is still the default, and its key still works.
    QVERIFY(settingsFile.open(QIODevice::ReadOnly));
    QCOMPARE(settingsFile.readAll(), before);
    settingsFile.close();
    QCOMPARE(AppSettings(m_cli.settingsFile()).activeProfile(), QStringLiteral("first"));
    if (keychain) {
        const CliRun act = m_cli.run(
            {QStringLiteral("deactivate"), QStringLiteral("input-user")}); // the default: "first"
        QVERIFY2(act.exitCode == 0, act.err.constData());
    }

    // With a writable disk both work.
    QCOMPARE(m_cli.run({QStringLiteral("profile"), QStringLiteral("use"), QStringLiteral("second")}).exitCode, 0);
    QCOMPARE(AppSettings(m_cli.settingsFile()).activeProfile(), QStringLiteral("second"));
    for (const char *name : {"first", "second"})
        QCOMPARE(m_cli.run({QStringLiteral("profile"), QStringLiteral("remove"), QLatin1String(name)}).exitCode, 0);
    QVERIFY(AppSettings(m_cli.settingsFile()).profiles().isEmpty());
    m_cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString::fromLatin1(m_key));
}

QTEST_GUILESS_MAIN(TestCliInput)
#include "tst_cli_input.moc"
