// enrollee-cli end to end as a process against an in-process sandbox: every action in both signing
// schemes, server refusals, retries, the delete confirmation rule, bad input refused before anything
// is sent, the default profile, history output, the chain check, and no API key left in any file.
#include "history/local/LocalHistoryBackend.h"
#include "sandbox/SandboxServer.h"
#include "settings/AppSettings.h"
#include "support/CliHarness.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

class TestCliActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyAction_data();
    void everyAction();
    void serverRefusal();
    void wrongKeyRefused();
    void retriesThenSucceeds();
    void networkFailure();
    void unansweredIsUnknown();
    void environmentMustMatchHost_data();
    void environmentMustMatchHost();
    void deleteNeedsYesWithoutTerminal();
    void policyNeedsAReason_data();
    void policyNeedsAReason();
    void reasonRuleFromTheSettings();
    void badInputRefusedBeforeSending_data();
    void badInputRefusedBeforeSending();
    void defaultProfileAndKeychain();
    void localProfileUsesItsSavedKey();
    void historyListing();
    void historyVerifyCatchesOneByte();
    void apiKeyNeverWrittenOrPrinted();

private:
    QStringList target(const QStringList &extra = {}) const;
    qsizetype historySize() const;
    void setMaxAttempts(int attempts);

    CliHarness m_cli;
    SandboxServer *m_server = nullptr;
    QByteArray m_key;
    QTemporaryDir m_outside; // where the legacy key file lives: not under ENROLLEE_HOME
    QString m_secKeyFile;
    QByteArray m_secKey;
};

void TestCliActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(CliHarness::program()));
    m_key = "cli-test-key-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    SandboxConfig config;
    config.apiKey = m_key;
    m_server = new SandboxServer(config, this);
    const Status listening = m_server->listen(QHostAddress::LocalHost, 0);
    QVERIFY2(listening.ok(), qPrintable(listening.message()));
    m_cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString::fromLatin1(m_key));

    m_secKey = m_server->secKeyApiKey();
    QVERIFY(!m_secKey.isEmpty());
    m_secKeyFile = QDir(m_outside.path()).filePath(QStringLiteral("legacy.key"));
    QFile file(m_secKeyFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(m_secKey + '\n');
}

QStringList TestCliActions::target(const QStringList &extra) const
{
    return extra + QStringList{QStringLiteral("--base-url"),   m_server->origin().toString(),
                               QStringLiteral("--partner-id"), QStringLiteral("001"),
                               QStringLiteral("--email"),      QStringLiteral("officer@example.org")};
}

qsizetype TestCliActions::historySize() const
{
    return LocalHistoryBackend(m_cli.historyDir()).read(1).value().entries.size();
}

void TestCliActions::setMaxAttempts(int attempts)
{
    AppSettings settings(m_cli.settingsFile());
    settings.setMaxAttempts(attempts);
    QVERIFY(settings.sync());
}

void TestCliActions::everyAction_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("action");
    for (const char *scheme : {"signature", "sec_key"}) {
        for (const char *action : {"re-enroll", "deactivate", "reactivate", "flag-fraud", "unflag-fraud", "delete"})
            QTest::addRow("%s %s", scheme, action) << QString::fromLatin1(scheme) << QString::fromLatin1(action);
    }
}

void TestCliActions::everyAction()
{
    QFETCH(QString, scheme);
    QFETCH(QString, action);
    const QString user = scheme + QLatin1Char('-') + action;
    EnrolleeRegistry::State start;
    start.active = action != QLatin1String("reactivate");
    start.fraudulent = action == QLatin1String("unflag-fraud");
    m_server->registry().add(user, start);
    const int requests = m_server->requestCount();

    QStringList args = target({action, user, QStringLiteral("--scheme"), scheme, QStringLiteral("--reason"),
                               QStringLiteral("case 42"), QStringLiteral("--json"), QStringLiteral("--yes")});
    if (scheme == QLatin1String("sec_key"))
        args << QStringLiteral("--api-key-file") << m_secKeyFile;
    const CliRun run = m_cli.run(args);
    QVERIFY2(run.finished && run.exitCode == 0, run.err.constData());
    const QJsonObject o = run.object();
    QCOMPARE(o.value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(o.value(QLatin1String("action")).toString(), action);
    QCOMPARE(o.value(QLatin1String("user_id")).toString(), user);
    QCOMPARE(o.value(QLatin1String("outcome")).toString(), QStringLiteral("success"));
    QCOMPARE(o.value(QLatin1String("http_status")).toInt(), 200);
    QCOMPARE(o.value(QLatin1String("face")).toString(), QStringLiteral("cli"));
    QCOMPARE(o.value(QLatin1String("reason")).toString(), QStringLiteral("case 42"));
    QCOMPARE(o.value(QLatin1String("operator")).toString(), QStringLiteral("officer@example.org"));
    QCOMPARE(o.value(QLatin1String("environment")).toString(), QStringLiteral("sandbox"));
    QCOMPARE(o.value(QLatin1String("attempt_count")).toInt(), 1);
    QVERIFY(o.value(QLatin1String("id")).toInteger() > 0);
    QCOMPARE(m_server->requestCount(), requests + 1);

    const EnrolleeRegistry::State s = m_server->registry().state(user);
    if (action == QLatin1String("re-enroll"))
        QVERIFY(s.reEnrollAllowed);
    else if (action == QLatin1String("deactivate"))
        QVERIFY(!s.active);
    else if (action == QLatin1String("reactivate"))
        QVERIFY(s.active);
    else if (action == QLatin1String("flag-fraud"))
        QVERIFY(s.fraudulent);
    else if (action == QLatin1String("unflag-fraud"))
        QVERIFY(!s.fraudulent);
    else
        QVERIFY(!m_server->registry().contains(user));

    // The human form: one line on stdout, exit 0.
    if (action == QLatin1String("reactivate")) {
        const CliRun human = m_cli.run(target({action, user, QStringLiteral("--scheme"), scheme})
                                       + (scheme == QLatin1String("sec_key")
                                              ? QStringList{QStringLiteral("--api-key-file"), m_secKeyFile}
                                              : QStringList{}));
        QCOMPARE(human.exitCode, 0);
        QCOMPARE(human.out.count('\n'), 1);
        QVERIFY(human.out.contains(user.toUtf8()));
    }
}

void TestCliActions::serverRefusal()
{
    const CliRun run = m_cli.run(
        target({QStringLiteral("reactivate"), QStringLiteral("no-such-user"), QStringLiteral("--json")}));
    QCOMPARE(run.exitCode, 3);
    const QJsonObject o = run.object();
    QCOMPARE(o.value(QLatin1String("ok")).toBool(), false);
    QCOMPARE(o.value(QLatin1String("outcome")).toString(), QStringLiteral("failure"));
    QCOMPARE(o.value(QLatin1String("code")).toString(), QStringLiteral("2210"));
    QCOMPARE(o.value(QLatin1String("http_status")).toInt(), 400);
    QVERIFY(!o.value(QLatin1String("advice")).toString().isEmpty());
    QVERIFY(run.errLine().contains(QLatin1String("2210")));
    QCOMPARE(run.reasonLines(), 1);
}

void TestCliActions::wrongKeyRefused()
{
    const QString wrong = QDir(m_outside.path()).filePath(QStringLiteral("wrong.key"));
    QFile file(wrong);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not-the-key\n");
    file.close();
    const CliRun run = m_cli.run(target({QStringLiteral("deactivate"), QStringLiteral("demo-user-001"),
                                         QStringLiteral("--json"), QStringLiteral("--api-key-file"), wrong}));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.object().value(QLatin1String("code")).toString(), QStringLiteral("2205"));
    QVERIFY(m_server->registry().state(QStringLiteral("demo-user-001")).active);
}

void TestCliActions::retriesThenSucceeds()
{
    setMaxAttempts(3);
    FaultPlan plan;
    plan.kind = FaultPlan::Kind::HttpError;
    plan.httpStatus = 503;
    plan.retryAfterSeconds = 0;
    plan.remaining = 1;
    m_server->setFaultPlan(plan);
    const CliRun run = m_cli.run(
        target({QStringLiteral("flag-fraud"), QStringLiteral("demo-user-002"), QStringLiteral("--json"),
                QStringLiteral("--reason"), QStringLiteral("CASE-2")}));
    m_server->setFaultPlan({});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(run.object().value(QLatin1String("attempt_count")).toInt(), 2);
    QCOMPARE(run.object().value(QLatin1String("attempts")).toArray().size(), 2);
    QVERIFY(run.err.contains("attempt 1 failed"));
    QVERIFY(m_server->registry().state(QStringLiteral("demo-user-002")).fraudulent);
}

void TestCliActions::networkFailure()
{
    setMaxAttempts(1);
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const QString origin = QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort());
    closed.close();
    const CliRun run = m_cli.run({QStringLiteral("deactivate"), QStringLiteral("demo-user-001"),
                                  QStringLiteral("--base-url"), origin, QStringLiteral("--partner-id"),
                                  QStringLiteral("001"), QStringLiteral("--email"),
                                  QStringLiteral("officer@example.org"), QStringLiteral("--json")});
    setMaxAttempts(3);
    QCOMPARE(run.exitCode, 4);
    QCOMPARE(run.object().value(QLatin1String("ok")).toBool(), false);
    QCOMPARE(run.object().value(QLatin1String("outcome")).toString(), QStringLiteral("failure"));
    QCOMPARE(run.reasonLines(), 1);
}

// A request that reached the server and got no answer may have been applied;
// the trail says "unknown", not "failure". The exit status (4, no usable answer) is unchanged.
void TestCliActions::unansweredIsUnknown()
{
    setMaxAttempts(1);
    AppSettings(m_cli.settingsFile()).setTimeoutSeconds(1);
    FaultPlan plan;
    plan.kind = FaultPlan::Kind::Hang;
    m_server->setFaultPlan(plan);
    const CliRun run = m_cli.run(
        target({QStringLiteral("deactivate"), QStringLiteral("demo-user-001"), QStringLiteral("--json")}));
    m_server->setFaultPlan({});
    AppSettings(m_cli.settingsFile()).setTimeoutSeconds(30);
    setMaxAttempts(3);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 4);
    const QJsonObject o = run.object();
    QCOMPARE(o.value(QLatin1String("ok")).toBool(), false);
    QCOMPARE(o.value(QLatin1String("result")).toString(), QStringLiteral("timeout"));
    QCOMPARE(o.value(QLatin1String("outcome")).toString(), QStringLiteral("unknown"));
    QVERIFY2(o.value(QLatin1String("headline")).toString().contains(QLatin1String("outcome unknown")),
             qPrintable(o.value(QLatin1String("headline")).toString()));
    const QList<HistoryEntry> entries = LocalHistoryBackend(m_cli.historyDir()).read(1).value().entries;
    QCOMPARE(entries.last().outcome, HistoryEntry::Outcome::Unknown);
}

void TestCliActions::environmentMustMatchHost_data()
{
    QTest::addColumn<QStringList>("args");
    const QString prod = QStringLiteral("https://prod.smileidentity.com");
    const QStringList who{QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
                          QStringLiteral("officer@example.org")};
    for (const char *env : {"sandbox", "local"}) {
        QTest::newRow(qPrintable(QStringLiteral("%1 on prod").arg(QLatin1String(env))))
            << (QStringList{QStringLiteral("deactivate"), QStringLiteral("demo-user-001"),
                            QStringLiteral("--environment"), QLatin1String(env), QStringLiteral("--base-url"), prod,
                            QStringLiteral("--yes")}
                + who);
    }
    QTest::newRow("production on portal")
        << (QStringList{QStringLiteral("reactivate"), QStringLiteral("demo-user-001"), QStringLiteral("--environment"),
                        QStringLiteral("production"), QStringLiteral("--base-url"),
                        QStringLiteral("https://portal.smileidentity.com"), QStringLiteral("--yes")}
            + who);
    QTest::newRow("profile add sandbox on prod")
        << (QStringList{QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("mislabelled"),
                        QStringLiteral("--environment"), QStringLiteral("sandbox"), QStringLiteral("--base-url"), prod}
            + who);
}

// A known Smile ID host decides the environment; a label that disagrees (and so
// would skip production's confirmations) is refused before anything is recorded or sent.
void TestCliActions::environmentMustMatchHost()
{
    QFETCH(QStringList, args);
    const qsizetype entries = historySize();
    const CliRun run = m_cli.run(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("smileidentity.com"), run.err.constData());
    QVERIFY2(run.err.contains("environment"), run.err.constData());
    QCOMPARE(historySize(), entries);
    const CliRun listed = m_cli.run({QStringLiteral("profile"), QStringLiteral("list")});
    QVERIFY2(!listed.out.contains("mislabelled"), listed.out.constData());
}

void TestCliActions::policyNeedsAReason_data()
{
    QTest::addColumn<QString>("action");
    for (const char *action : {"delete", "flag-fraud", "unflag-fraud"})
        QTest::newRow(action) << QString::fromLatin1(action);
}

// The core's policy, not the window, says these need a case reference: the CLI refuses them too,
// before anything is recorded or sent, and whatever else the command line says (--yes included).
void TestCliActions::policyNeedsAReason()
{
    QFETCH(QString, action);
    m_server->registry().add(QStringLiteral("no-reason-user"));
    const int requests = m_server->requestCount();
    const qsizetype entries = historySize();
    for (const QStringList &extra :
         {QStringList{QStringLiteral("--yes")},
          QStringList{QStringLiteral("--yes"), QStringLiteral("--reason"), QStringLiteral("   ")}}) {
        const CliRun run = m_cli.run(target(QStringList{action, QStringLiteral("no-reason-user")} + extra));
        QCOMPARE(run.exitCode, 2);
        // No --reason: the policy's words; a blank one is refused as an empty value before that.
        QVERIFY2(
            run.errLine().contains(extra.size() == 1 ? QLatin1String("needs a reason") : QLatin1String("--reason")),
            run.err.constData());
        QVERIFY(run.out.isEmpty());
    }
    QCOMPARE(m_server->requestCount(), requests);
    QCOMPARE(historySize(), entries);
}

// The reason rule is a setting the runner's policy applies for every face: too short (the default
// minimum is four characters) or without the office's case reference, the CLI exits 2 and sends nothing.
void TestCliActions::reasonRuleFromTheSettings()
{
    m_server->registry().add(QStringLiteral("short-reason-user"));
    const int requests = m_server->requestCount();
    const qsizetype entries = historySize();
    CliRun run = m_cli.run(target({QStringLiteral("flag-fraud"), QStringLiteral("short-reason-user"),
                                   QStringLiteral("--reason"), QStringLiteral("x")}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("too short") && run.err.contains("at least 4 character"), run.err.constData());

    const QString settingsFile = m_cli.settingsFile();
    {
        AppSettings settings(settingsFile);
        ReasonRule rule;
        rule.pattern = QStringLiteral("CASE-\\d+");
        settings.setReasonRule(rule);
        QVERIFY(settings.sync());
    }
    run = m_cli.run(target({QStringLiteral("flag-fraud"), QStringLiteral("short-reason-user"),
                            QStringLiteral("--reason"), QStringLiteral("duplicate identity")}));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("CASE-\\d+"), run.err.constData());
    QCOMPARE(m_server->requestCount(), requests);
    QCOMPARE(historySize(), entries);
    {
        AppSettings settings(settingsFile);
        settings.setReasonRule(ReasonRule());
        QVERIFY(settings.sync());
    }
}

void TestCliActions::deleteNeedsYesWithoutTerminal()
{
    m_server->registry().add(QStringLiteral("keep-me"));
    const int requests = m_server->requestCount();
    const qsizetype entries = historySize();
    const CliRun run = m_cli.run(target({QStringLiteral("delete"), QStringLiteral("keep-me"),
                                         QStringLiteral("--reason"), QStringLiteral("CASE-3")}),
                                 "keep-me\n");
    QCOMPARE(run.exitCode, 6);
    QVERIFY(run.errLine().contains(QLatin1String("--yes")));
    QCOMPARE(run.reasonLines(), 1);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(m_server->requestCount(), requests);
    QCOMPARE(historySize(), entries);
    QVERIFY(m_server->registry().contains(QStringLiteral("keep-me")));
}

void TestCliActions::badInputRefusedBeforeSending_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    const QString base = QStringLiteral("--base-url");
    const QString del = QStringLiteral("deactivate");
    const QString user = QStringLiteral("demo-user-003");
    QTest::newRow("empty user") << target({del, QString()}) << "user ID";
    QTest::newRow("blank user") << target({del, QStringLiteral("   ")}) << "user ID";
    QTest::newRow("control character") << target({del, QStringLiteral("demo\x01user")}) << "control";
    QTest::newRow("tab") << target({del, QStringLiteral("demo\tuser")}) << "control";
    QTest::newRow("over-long") << target({del, QString(257, QLatin1Char('u'))}) << "257";
    QTest::newRow("missing user") << target({del}) << "USER_ID";
    QTest::newRow("two users") << target({del, user, QStringLiteral("other")}) << "One user ID";
    QTest::newRow("unknown action") << target({QStringLiteral("explode"), user}) << "unknown command or action";
    QTest::newRow("missing partner") << QStringList{del,
                                                    user,
                                                    base,
                                                    m_server->origin().toString(),
                                                    QStringLiteral("--email"),
                                                    QStringLiteral("a@example.org")}
                                     << "partner ID";
    QTest::newRow("missing email") << QStringList{del,
                                                  user,
                                                  base,
                                                  m_server->origin().toString(),
                                                  QStringLiteral("--partner-id"),
                                                  QStringLiteral("001")}
                                   << "email";
    QTest::newRow("bad email") << QStringList{del,
                                              user,
                                              base,
                                              m_server->origin().toString(),
                                              QStringLiteral("--partner-id"),
                                              QStringLiteral("001"),
                                              QStringLiteral("--email"),
                                              QStringLiteral("not-an-address")}
                               << "email";
    QTest::newRow("malformed base url") << QStringList{del,
                                                       user,
                                                       base,
                                                       QStringLiteral("http//nope"),
                                                       QStringLiteral("--partner-id"),
                                                       QStringLiteral("001"),
                                                       QStringLiteral("--email"),
                                                       QStringLiteral("a@example.org")}
                                        << "URL";
    QTest::newRow("plain http remote") << QStringList{del,
                                                      user,
                                                      base,
                                                      QStringLiteral("http://example.com"),
                                                      QStringLiteral("--partner-id"),
                                                      QStringLiteral("001"),
                                                      QStringLiteral("--email"),
                                                      QStringLiteral("a@example.org")}
                                       << "https://";
    QTest::newRow("base url with path") << QStringList{del,
                                                       user,
                                                       base,
                                                       QStringLiteral("http://127.0.0.1:1/api/v2"),
                                                       QStringLiteral("--partner-id"),
                                                       QStringLiteral("001"),
                                                       QStringLiteral("--email"),
                                                       QStringLiteral("a@example.org")}
                                        << "origin";
    QTest::newRow("api key argument") << target({del, user, QStringLiteral("--api-key"), QStringLiteral("typed-key")})
                                      << "SMILEID_API_KEY";
    QTest::newRow("api key equals") << target({del, user, QStringLiteral("--api-key=typed-key")}) << "--api-key-file";
    QTest::newRow("key before command") << QStringList{QStringLiteral("--key"), QStringLiteral("typed-key"), del, user}
                                        << "SMILEID_API_KEY";
    QTest::newRow("unknown scheme") << target({del, user, QStringLiteral("--scheme"), QStringLiteral("md5")})
                                    << "scheme";
    QTest::newRow("unknown environment") << target(
        {del, user, QStringLiteral("--environment"), QStringLiteral("staging")})
                                         << "environment";
    QTest::newRow("unknown option") << target({del, user, QStringLiteral("--frobnicate")}) << "frobnicate";
    QTest::newRow("reason control") << target({del, user, QStringLiteral("--reason"),
                                               QStringLiteral("a\x07"
                                                              "b")})
                                    << "control";
    QTest::newRow("key that cannot sign sec_key")
        << target({del, user, QStringLiteral("--scheme"), QStringLiteral("sec_key")}) << "legacy";
    QTest::newRow("missing key file") << target(
        {del, user, QStringLiteral("--api-key-file"), QStringLiteral("/nonexistent/key")})
                                      << "/nonexistent/key";
}

void TestCliActions::badInputRefusedBeforeSending()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const int requests = m_server->requestCount();
    const qsizetype entries = historySize();
    const CliRun run = m_cli.run(args);
    QVERIFY(run.finished && !run.crashed);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.errLine().contains(says, Qt::CaseInsensitive), run.err.constData());
    QVERIFY2(run.reasonLines() == 1, run.err.constData());
    QCOMPARE(m_server->requestCount(), requests);
    QCOMPARE(historySize(), entries);
    QVERIFY(m_server->registry().state(QStringLiteral("demo-user-003")).active);
}

void TestCliActions::defaultProfileAndKeychain()
{
    const QString origin = m_server->origin().toString();
    const CliRun add = m_cli.run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("work"),
                                  QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
                                  QStringLiteral("profile-officer@example.org"), QStringLiteral("--base-url"), origin});
    QVERIFY2(add.exitCode == 0, add.err.constData());
    const QJsonArray profiles = m_cli.run({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")})
                                    .array();
    QCOMPARE(profiles.size(), 1);
    QCOMPARE(profiles.at(0)[QLatin1String("name")].toString(), QStringLiteral("work"));
    QCOMPARE(profiles.at(0)[QLatin1String("default")].toBool(), true);
    QCOMPARE(profiles.at(0)[QLatin1String("partner_id")].toString(), QStringLiteral("001"));

    // Everything but the user now comes from the default profile.
    const CliRun act = m_cli.run(
        {QStringLiteral("reactivate"), QStringLiteral("demo-user-004"), QStringLiteral("--json")});
    QVERIFY2(act.exitCode == 0, act.err.constData());
    QCOMPARE(act.object().value(QLatin1String("profile")).toString(), QStringLiteral("work"));
    QCOMPARE(act.object().value(QLatin1String("operator")).toString(), QStringLiteral("profile-officer@example.org"));
    QVERIFY(m_server->registry().state(QStringLiteral("demo-user-004")).active);

    QCOMPARE(m_cli.run({QStringLiteral("profile"), QStringLiteral("use"), QStringLiteral("nope")}).exitCode, 2);

    // The key typed on standard input goes to the keychain, or is refused plainly when there is none.
    m_cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString());
    const CliRun setKey = m_cli.run({QStringLiteral("profile"), QStringLiteral("set-key"), QStringLiteral("work")},
                                    m_key + '\n');
    const int requests = m_server->requestCount();
    const CliRun keyed = m_cli.run(
        {QStringLiteral("deactivate"), QStringLiteral("demo-user-004"), QStringLiteral("--json")});
    if (setKey.warnedNoKeychain()) {
        QCOMPARE(setKey.exitCode, 5);
        QCOMPARE(keyed.exitCode, 5);
        QVERIFY(keyed.err.contains("SMILEID_API_KEY"));
        QCOMPARE(m_server->requestCount(), requests);
    } else {
        QVERIFY2(setKey.exitCode == 0, setKey.err.constData());
        QVERIFY2(keyed.exitCode == 0, keyed.err.constData());
        QVERIFY(!m_server->registry().state(QStringLiteral("demo-user-004")).active);
    }
    m_cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString::fromLatin1(m_key));
    QCOMPARE(m_cli.run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("work")}).exitCode, 0);
    QCOMPARE(m_cli.run({QStringLiteral("profile"), QStringLiteral("list"), QStringLiteral("--json")}).array().size(),
             0);
}

// A local profile's own key, saved with set-key (a sandbox started with a key of its own), is used
// instead of the demo key.
void TestCliActions::localProfileUsesItsSavedKey()
{
    const CliRun add = m_cli.run({QStringLiteral("profile"), QStringLiteral("add"), QStringLiteral("bench"),
                                  QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
                                  QStringLiteral("local-officer@example.org"), QStringLiteral("--environment"),
                                  QStringLiteral("local"), QStringLiteral("--base-url"),
                                  m_server->origin().toString()});
    QVERIFY2(add.exitCode == 0, add.err.constData());
    m_cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString());
    // The demo key is not this sandbox's key.
    const CliRun demo = m_cli.run({QStringLiteral("reactivate"), QStringLiteral("demo-user-005")});
    QVERIFY2(demo.exitCode == 3, demo.err.constData());
    QVERIFY(demo.err.contains("2205"));
    const CliRun setKey = m_cli.run({QStringLiteral("profile"), QStringLiteral("set-key"), QStringLiteral("bench")},
                                    m_key + '\n');
    const CliRun keyed = m_cli.run({QStringLiteral("reactivate"), QStringLiteral("demo-user-005")});
    if (setKey.warnedNoKeychain()) {
        QCOMPARE(keyed.exitCode, 3); // nowhere to keep it: still the demo key, still refused
    } else {
        QVERIFY2(setKey.exitCode == 0, setKey.err.constData());
        QVERIFY2(keyed.exitCode == 0, keyed.err.constData());
    }
    m_cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString::fromLatin1(m_key));
    QCOMPARE(m_cli.run({QStringLiteral("profile"), QStringLiteral("remove"), QStringLiteral("bench")}).exitCode, 0);
}

void TestCliActions::historyListing()
{
    const CliRun all = m_cli.run({QStringLiteral("history"), QStringLiteral("--json")});
    QCOMPARE(all.exitCode, 0);
    const QJsonArray entries = all.array();
    QVERIFY(entries.size() >= 12);
    qint64 previous = std::numeric_limits<qint64>::max();
    for (const auto &v : entries) {
        const QJsonObject o = v.toObject();
        for (const char *key : {"time", "operator", "environment", "user_id", "action", "reason", "outcome",
                                "http_status", "code", "message"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QVERIFY(o.value(QLatin1String("id")).toInteger() < previous); // newest first
        previous = o.value(QLatin1String("id")).toInteger();
        QVERIFY(o.value(QLatin1String("outcome")).toString() != QLatin1String("pending"));
    }

    const QJsonArray one = m_cli
                               .run({QStringLiteral("history"), QStringLiteral("--user-id"),
                                     QStringLiteral("signature-flag-fraud"), QStringLiteral("--json")})
                               .array();
    QCOMPARE(one.size(), 1);
    QCOMPARE(one.at(0)[QLatin1String("action")].toString(), QStringLiteral("flag-fraud"));
    QCOMPARE(one.at(0)[QLatin1String("outcome")].toString(), QStringLiteral("success"));
    QCOMPARE(one.at(0)[QLatin1String("reason")].toString(), QStringLiteral("case 42"));
    QCOMPARE(one.at(0)[QLatin1String("http_status")].toInt(), 200);

    const CliRun human = m_cli.run({QStringLiteral("history")});
    QCOMPARE(human.exitCode, 0);
    QCOMPARE(human.out.count('\n'), entries.size() + 1); // a header, then one line per entry
    QVERIFY(human.out.contains("signature-flag-fraud"));
}

void TestCliActions::historyVerifyCatchesOneByte()
{
    const CliRun intact = m_cli.run({QStringLiteral("history"), QStringLiteral("--verify")});
    QVERIFY2(intact.finished && !intact.crashed && intact.exitCode == 0, qPrintable(intact.describe()));
    QVERIFY(intact.out.contains("intact"));

    const QByteArray user = "sec_key-flag-fraud";
    const qint64 id = m_cli
                          .run({QStringLiteral("history"), QStringLiteral("--user-id"), QString::fromLatin1(user),
                                QStringLiteral("--json")})
                          .array()
                          .at(0)[QLatin1String("id")]
                          .toInteger();
    QVERIFY(id > 0);
    QString shard;
    for (const QString &path : LocalHistoryBackend(m_cli.historyDir()).shardFiles()) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(user))
            shard = path;
    }
    QVERIFY(!shard.isEmpty());
    QFile file(shard);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    const qsizetype at = bytes.indexOf(user);
    bytes[at + 1] = char(bytes[at + 1] ^ 0x01); // "sec_key" -> "sdc_key" inside the begin record
    QVERIFY(file.seek(0));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();

    const CliRun tampered = m_cli.run({QStringLiteral("history"), QStringLiteral("--verify")});
    QCOMPARE(tampered.exitCode, 5);
    QVERIFY2(tampered.err.contains("#" + QByteArray::number(id)), tampered.err.constData());
    QCOMPARE(tampered.reasonLines(), 1);
}

void TestCliActions::apiKeyNeverWrittenOrPrinted()
{
    const QStringList files = m_cli.allFiles();
    QVERIFY(!LocalHistoryBackend(m_cli.historyDir()).shardFiles().isEmpty());
    QVERIFY(files.contains(m_cli.settingsFile()));
    QCOMPARE(m_cli.filesContaining(m_key), QStringList());
    QCOMPARE(m_cli.filesContaining(m_secKey), QStringList());
    QCOMPARE(m_cli.filesContaining("typed-key"), QStringList());
    QVERIFY(!m_cli.transcript().isEmpty());
    QVERIFY(!m_cli.transcript().contains(m_key));
    QVERIFY(!m_cli.transcript().contains(m_secKey));
    QVERIFY(!m_cli.transcript().contains("typed-key"));
}

QTEST_GUILESS_MAIN(TestCliActions)
#include "tst_cli_actions.moc"
