// The sandbox's protocol, driven by the real client: every action in both signing schemes, every error
// code the sandbox answers, the Date header and clock skew, and that no secret reaches its log.

#include "api/EnrolleeClient.h"
#include "api/Signer.h"
#include "base/Clock.h"
#include "support/SandboxTestSupport.h"

#include <QMutex>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QtTest>

using namespace SandboxTest;

namespace {
QStringList g_log;
QMutex g_logMutex;
QtMessageHandler g_previousHandler = nullptr;

void recordMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}
} // namespace

class TestSandboxProtocol : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void demoEnrollees();
    void everyActionSucceeds_data();
    void everyActionSucceeds();
    void configuredRsaKey();
    void errorCodes_data();
    void errorCodes();
    void rawInvalidJson_data();
    void rawInvalidJson();
    void deletedUserIs2208();
    void serverClockSkewGivesClockAdvice();
    void secretsNeverLogged();

private:
    ApiResult send(const Profile &profile, ActionKind action, const QString &userId, const QByteArray &key,
                   const QDateTime &now = QDateTime::currentDateTimeUtc());
    ApiResult sendBody(const QByteArray &json, const QUrl &url = {});

    std::unique_ptr<SandboxServer> m_server;
    QNetworkAccessManager m_network;
    EnrolleeClient m_client{&m_network};
    QStringList m_signatures; // every signature / sec_key sent, to prove none reaches the log
};

void TestSandboxProtocol::initTestCase()
{
    isolate("tst_sandbox_protocol");
    g_previousHandler = qInstallMessageHandler(recordMessage);
    m_server = start();
    QVERIFY(m_server);
    QCOMPARE(m_server->origin().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(m_server->port() != 0);
}

void TestSandboxProtocol::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
}

ApiResult TestSandboxProtocol::send(const Profile &profile, ActionKind action, const QString &userId,
                                    const QByteArray &key, const QDateTime &now)
{
    const SignedRequest request = RequestBuilder::build(profile, action, userId, key, now);
    if (!request.ok()) {
        qWarning().noquote() << "could not build request:" << request.error;
        return {};
    }
    for (const char *field : {"signature", "sec_key"}) {
        const QString secret = request.body.value(QLatin1String(field)).toString();
        if (!secret.isEmpty())
            m_signatures.append(secret);
    }
    ApiResult result;
    if (!wait(m_client.post(profile.endpoint(), request.json), &result))
        qWarning("no answer within the wait");
    return result;
}

ApiResult TestSandboxProtocol::sendBody(const QByteArray &json, const QUrl &url)
{
    ApiResult result;
    if (!wait(m_client.post(url.isEmpty() ? profile(*m_server).endpoint() : url, json), &result))
        qWarning("no answer within the wait");
    return result;
}

void TestSandboxProtocol::demoEnrollees()
{
    const QStringList ids = SandboxConfig::defaultEnrollees();
    QCOMPARE(ids.size(), 5);
    QCOMPARE(m_server->registry().userIds(), ids);
    QVERIFY(m_server->registry().state(QStringLiteral("demo-user-001")).active);
    QVERIFY(!m_server->registry().state(QStringLiteral("demo-user-004")).active);
    QVERIFY(m_server->registry().state(QStringLiteral("demo-user-005")).fraudulent);
}

void TestSandboxProtocol::everyActionSucceeds_data()
{
    QTest::addColumn<SigningScheme>("scheme");
    QTest::addColumn<ActionKind>("action");
    for (SigningScheme scheme : {SigningScheme::Signature, SigningScheme::SecKey}) {
        for (ActionKind action : ActionInfo::all()) {
            const QString name = schemeName(scheme) + QLatin1Char('/') + ActionInfo::cliName(action);
            QTest::newRow(qPrintable(name)) << scheme << action;
        }
    }
}

void TestSandboxProtocol::everyActionSucceeds()
{
    QFETCH(SigningScheme, scheme);
    QFETCH(ActionKind, action);
    // Each row gets its own user, starting in the state the action visibly changes.
    const QString userId = QStringLiteral("user-%1-%2").arg(schemeName(scheme), ActionInfo::cliName(action));
    EnrolleeRegistry::State before;
    before.active = action != ActionKind::Reactivate;
    before.fraudulent = action == ActionKind::UnflagFraud;
    m_server->registry().add(userId, before);

    const ApiResult result = send(profile(*m_server, scheme), action, userId, keyFor(*m_server, scheme));
    QCOMPARE(result.outcomeName(), QStringLiteral("success"));
    QCOMPARE(result.httpStatus, 200);
    QVERIFY2(result.bodyProblem.isEmpty(), qPrintable(result.bodyProblem));
    QCOMPARE(result.json.value(QLatin1String("success")).toBool(), true);
    QCOMPARE(result.json.value(QLatin1String("user_id")).toString(), userId);
    QCOMPARE(result.json.value(QLatin1String("action")).toString(), ActionInfo::cliName(action));
    QVERIFY(result.message.contains(userId));
    QVERIFY(result.advice().isEmpty());

    const EnrolleeRegistry::State after = m_server->registry().state(userId);
    const QJsonObject state = result.json.value(QLatin1String("state")).toObject();
    QCOMPARE(state.value(QLatin1String("active")).toBool(), after.active);
    QCOMPARE(state.value(QLatin1String("is_fraudulent")).toBool(), after.fraudulent);
    QCOMPARE(state.value(QLatin1String("allow_new_enroll")).toBool(), after.reEnrollAllowed);
    QCOMPARE(state.value(QLatin1String("deleted")).toBool(), after.deleted);
    switch (action) {
    case ActionKind::ReEnroll:
        QVERIFY(after.reEnrollAllowed && after.active);
        break;
    case ActionKind::Deactivate:
        QVERIFY(!after.active);
        break;
    case ActionKind::Reactivate:
        QVERIFY(after.active);
        break;
    case ActionKind::FlagFraud:
        QVERIFY(after.fraudulent);
        break;
    case ActionKind::UnflagFraud:
        QVERIFY(!after.fraudulent);
        break;
    case ActionKind::Delete:
        QVERIFY(after.deleted);
        QVERIFY(!m_server->registry().contains(userId));
        break;
    }
}

void TestSandboxProtocol::configuredRsaKey()
{
    // A sandbox given its own private key derives the legacy API key from it, and refuses the demo key.
    const Signer::RsaKeyPair pair = Signer::generateRsaKeyPair(2048);
    SandboxConfig config;
    config.rsaPrivateKeyPem = pair.privateKeyPem;
    auto server = start(config);
    QVERIFY(server);
    QCOMPARE(server->secKeyApiKey(), pair.apiKey());
    const Profile p = profile(*server, SigningScheme::SecKey);
    ApiResult result = send(p, ActionKind::Deactivate, QStringLiteral("demo-user-002"), pair.apiKey());
    QCOMPARE(result.httpStatus, 200);
    QVERIFY(!server->registry().state(QStringLiteral("demo-user-002")).active);
    result = send(p, ActionKind::Reactivate, QStringLiteral("demo-user-002"),
                  SandboxServer::demoPublicKeyPem().toBase64());
    QCOMPARE(result.httpStatus, 400);
    QCOMPARE(result.code, QStringLiteral("2205"));
    QVERIFY(!server->registry().state(QStringLiteral("demo-user-002")).active);
}

void TestSandboxProtocol::errorCodes_data()
{
    QTest::addColumn<QString>("setup"); // what to do to a valid request
    QTest::addColumn<SigningScheme>("scheme");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messagePart");
    const auto sig = SigningScheme::Signature;
    const auto sec = SigningScheme::SecKey;
    QTest::newRow("2204 user_id number") << "user_id=42" << sig << "2204"
                                         << "user_id";
    QTest::newRow("2204 flag string") << "active=\"false\"" << sig << "2204"
                                      << "active";
    QTest::newRow("2204 ISO timestamp with sec_key") << "timestamp=iso" << sec << "2204"
                                                     << "timestamp";
    QTest::newRow("2204 integer timestamp with signature") << "timestamp=int" << sig << "2204"
                                                           << "timestamp";
    QTest::newRow("2204 two action flags") << "two-flags" << sig << "2204"
                                           << "one action";
    QTest::newRow("2204 delete false") << "delete=false" << sig << "2204"
                                       << "delete";
    QTest::newRow("2205 wrong key") << "wrong-key" << sig << "2205"
                                    << "not authorized";
    QTest::newRow("2205 bad signature") << "bad-signature" << sig << "2205"
                                        << "signature";
    QTest::newRow("2205 wrong partner") << "partner=002" << sig << "2205"
                                        << "partner_id";
    QTest::newRow("2205 stale timestamp") << "stale" << sig << "2205"
                                          << "timestamp";
    QTest::newRow("2205 future timestamp") << "future" << sig << "2205"
                                           << "timestamp";
    QTest::newRow("2205 bad sec_key") << "wrong-key" << sec << "2205"
                                      << "sec_key";
    QTest::newRow("2205 stale sec_key") << "stale" << sec << "2205"
                                        << "not authorized";
    QTest::newRow("2205 tampered sec_key hash") << "bad-sec-key-hash" << sec << "2205"
                                                << "sec_key";
    QTest::newRow("2210 unknown user") << "unknown-user" << sig << "2210"
                                       << "no-such-user";
    QTest::newRow("2213 missing email") << "remove=email" << sig << "2213"
                                        << "email";
    QTest::newRow("2213 missing signature") << "remove=signature" << sig << "2213"
                                            << "signature";
    QTest::newRow("2213 missing sec_key timestamp") << "remove=timestamp" << sec << "2213"
                                                    << "timestamp";
    QTest::newRow("2213 no action flag") << "remove=active" << sig << "2213"
                                         << "action flag";
    QTest::newRow("2220 production body") << "production" << sig << "2220"
                                          << "local sandbox";
    QTest::newRow("2204 unknown environment") << "environment=staging" << sig << "2204"
                                              << "environment";
}

void TestSandboxProtocol::errorCodes()
{
    QFETCH(QString, setup);
    QFETCH(SigningScheme, scheme);
    QFETCH(QString, code);
    QFETCH(QString, messagePart);

    // Every row starts from an active demo-user-003, so one row's failure does not cascade into the next.
    m_server->registry().add(QStringLiteral("demo-user-003"));
    Profile p = profile(*m_server, scheme);
    QByteArray key = keyFor(*m_server, scheme);
    QString userId = QStringLiteral("demo-user-003");
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (setup == QLatin1String("wrong-key"))
        key = scheme == SigningScheme::Signature ? QByteArrayLiteral("not-the-sandbox-key")
                                                 : Signer::generateRsaKeyPair(1024).apiKey();
    else if (setup == QLatin1String("partner=002"))
        p.partnerId = QStringLiteral("002");
    else if (setup == QLatin1String("stale"))
        now = now.addSecs(-m_server->config().maxClockSkewSeconds - 60);
    else if (setup == QLatin1String("future"))
        now = now.addSecs(m_server->config().maxClockSkewSeconds + 60);
    else if (setup == QLatin1String("unknown-user"))
        userId = QStringLiteral("no-such-user");
    else if (setup == QLatin1String("production"))
        p.environment = Environment::Production; // baseUrl still points at the sandbox

    const SignedRequest request = RequestBuilder::build(p, ActionKind::Deactivate, userId, key, now);
    QVERIFY2(request.ok(), qPrintable(request.error));
    QJsonObject body = request.body;
    if (setup == QLatin1String("user_id=42"))
        body.insert(QStringLiteral("user_id"), 42);
    else if (setup == QLatin1String("active=\"false\""))
        body.insert(QStringLiteral("active"), QStringLiteral("false"));
    else if (setup == QLatin1String("timestamp=iso"))
        body.insert(QStringLiteral("timestamp"), Signer::formatTimestamp(now));
    else if (setup == QLatin1String("timestamp=int"))
        body.insert(QStringLiteral("timestamp"), now.toSecsSinceEpoch());
    else if (setup == QLatin1String("two-flags"))
        body.insert(QStringLiteral("is_fraudulent"), true);
    else if (setup == QLatin1String("delete=false")) {
        body.remove(QStringLiteral("active"));
        body.insert(QStringLiteral("delete"), false);
    } else if (setup == QLatin1String("bad-signature")) {
        QString signature = body.value(QLatin1String("signature")).toString();
        signature[0] = signature.at(0) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        body.insert(QStringLiteral("signature"), signature);
    } else if (setup == QLatin1String("bad-sec-key-hash")) {
        // The ciphertext is genuine; the readable hash after '|' is for another timestamp.
        const QString secKey = body.value(QLatin1String("sec_key")).toString();
        const QString otherHash = Signer::secKeyHash(p.partnerId, now.toSecsSinceEpoch() + 1).value;
        body.insert(QStringLiteral("sec_key"), secKey.left(secKey.indexOf(QLatin1Char('|')) + 1) + otherHash);
    } else if (setup.startsWith(QLatin1String("remove=")))
        body.remove(setup.mid(7));
    else if (setup == QLatin1String("environment=staging"))
        body.insert(QStringLiteral("environment"), QStringLiteral("staging"));

    const EnrolleeRegistry::State before = m_server->registry().state(QStringLiteral("demo-user-003"));
    const ApiResult result = sendBody(compact(body));
    QCOMPARE(result.outcome, ApiResult::Outcome::ServerError);
    QCOMPARE(result.httpStatus, 400);
    QCOMPARE(result.code, code);
    QVERIFY2(result.message.contains(messagePart, Qt::CaseInsensitive), qPrintable(result.message));
    QVERIFY2(result.summary().contains(QStringLiteral("code ") + code), qPrintable(result.summary()));
    QVERIFY2(result.summary().contains(result.message), qPrintable(result.summary()));
    QCOMPARE(result.advice(), ErrorCodes::advice(code));
    QVERIFY(!result.advice().isEmpty());
    QVERIFY(!result.isRetryable());
    // A refused request changes nothing.
    const EnrolleeRegistry::State after = m_server->registry().state(QStringLiteral("demo-user-003"));
    QCOMPARE(after.active, before.active);
    QVERIFY(after.active);
}

void TestSandboxProtocol::rawInvalidJson_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("truncated object") << QByteArray("{\"user_id\": \"demo-user-001\", ");
    QTest::newRow("not json at all") << QByteArray("user_id=demo-user-001&active=false");
    QTest::newRow("array") << QByteArray("[{\"user_id\": \"demo-user-001\"}]");
    QTest::newRow("empty") << QByteArray();
}

void TestSandboxProtocol::rawInvalidJson()
{
    QFETCH(QByteArray, body);
    const ApiResult result = sendBody(body);
    QCOMPARE(result.httpStatus, 400);
    QCOMPARE(result.code, QStringLiteral("2203"));
    QVERIFY(result.message.contains(QLatin1String("JSON")));
    QCOMPARE(result.advice(), ErrorCodes::advice(QStringLiteral("2203")));
}

void TestSandboxProtocol::deletedUserIs2208()
{
    const QString userId = QStringLiteral("to-be-deleted");
    m_server->registry().add(userId);
    const Profile p = profile(*m_server);
    QCOMPARE(send(p, ActionKind::Delete, userId, keyFor(*m_server, p.scheme)).httpStatus, 200);
    const ApiResult again = send(p, ActionKind::Reactivate, userId, keyFor(*m_server, p.scheme));
    QCOMPARE(again.httpStatus, 400);
    QCOMPARE(again.code, QStringLiteral("2208"));
    QVERIFY(again.message.contains(userId));
    QCOMPARE(again.advice(), ErrorCodes::advice(QStringLiteral("2208")));
    QVERIFY(!m_server->registry().userIds().contains(userId));
}

void TestSandboxProtocol::serverClockSkewGivesClockAdvice()
{
    // The sandbox's clock runs an hour ahead, as a server would look to a computer whose clock is an hour
    // behind: the fresh signature is refused, and the Date header lets the client name the cause.
    OffsetClock serverClock(3600 * 1000);
    m_server->setClock(&serverClock);
    const Profile p = profile(*m_server);
    const ApiResult result = send(p, ActionKind::Deactivate, QStringLiteral("demo-user-001"),
                                  keyFor(*m_server, p.scheme));
    m_server->setClock(nullptr);
    QCOMPARE(result.httpStatus, 400);
    QCOMPARE(result.code, QStringLiteral("2205"));
    QVERIFY(result.message.contains(QLatin1String("timestamp")));
    QVERIFY(result.hasClockSkew);
    QVERIFY2(qAbs(result.clockSkewSeconds - 3600) <= 2, qPrintable(QString::number(result.clockSkewSeconds)));
    QVERIFY2(result.advice().contains(QLatin1String("clock")), qPrintable(result.advice()));
    QVERIFY2(
        QRegularExpression(QStringLiteral("clock is 3(599|600|601) seconds behind")).match(result.advice()).hasMatch(),
        qPrintable(result.advice()));
    QVERIFY(m_server->registry().state(QStringLiteral("demo-user-001")).active);

    // With agreeing clocks the same request goes through, and the skew reads as (about) zero.
    const ApiResult ok = send(p, ActionKind::Deactivate, QStringLiteral("demo-user-001"), keyFor(*m_server, p.scheme));
    QCOMPARE(ok.httpStatus, 200);
    QVERIFY(ok.hasClockSkew);
    QVERIFY(qAbs(ok.clockSkewSeconds) <= 2);
    QVERIFY(!m_server->registry().state(QStringLiteral("demo-user-001")).active);
}

void TestSandboxProtocol::secretsNeverLogged()
{
    QVERIFY(m_signatures.size() > 10);
    QMutexLocker lock(&g_logMutex);
    QVERIFY2(g_log.size() >= m_signatures.size(), "the sandbox logs one line per request");
    const QString demoKey = QString::fromLatin1(m_server->config().apiKey);
    const QString rsaKey = QString::fromLatin1(m_server->secKeyApiKey());
    for (const QString &line : std::as_const(g_log)) {
        QVERIFY2(!line.contains(demoKey), qPrintable(line));
        QVERIFY2(!line.contains(rsaKey.left(40)), qPrintable(line));
        QVERIFY2(!line.contains(QLatin1String("PRIVATE KEY")), qPrintable(line));
        for (const QString &secret : std::as_const(m_signatures)) {
            // The sec_key's readable hash part is no secret; its ciphertext and every signature are.
            QVERIFY2(!line.contains(secret.section(QLatin1Char('|'), 0, 0)), qPrintable(line));
        }
    }
}

QTEST_GUILESS_MAIN(TestSandboxProtocol)
#include "tst_sandbox_protocol.moc"
