// Answers that look like success but are not, and answers that arrive strangely: a 200 carrying Smile ID's
// error shape, a 2xx body that stops short or whose chunked framing breaks, an interim 102 before the real
// answer, a server that drips its answer past the deadline, and hostile text in code/error/message. Each
// through a real sandbox on loopback and the real EnrolleeClient.

#include "base/SafeText.h"
#include "support/SandboxTestSupport.h"

#include <QNetworkAccessManager>
#include <QtTest>

using namespace SandboxTest;

namespace {
// What a hostile server would send to clear the screen and retitle the terminal window.
const QString kHostile = QStringLiteral("\x1b[2J\x1b]0;pwned\x07");

bool isInert(const QString &text)
{
    for (const QChar c : text) {
        if (SafeText::isUnsafe(c))
            return false;
    }
    return !text.contains(QLatin1String("pwned")) && !text.contains(QLatin1String("[2J"));
}
} // namespace

class TestClientAnswers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void sandboxSuccessStaysSuccess();
    void okStatusWithErrorCodeIsRefusal_data();
    void okStatusWithErrorCodeIsRefusal();
    void shortBodyIsUnknownOutcome();
    void brokenChunkingIsUnknownOutcome();
    void interimContinueIsSkipped();
    void otherInterimIsNeverTheAnswer_data();
    void otherInterimIsNeverTheAnswer();
    void drippingServerHitsDeadline();
    void deadlineDefaultsToTwiceTimeout();
    void hostileTextIsInert();
    void sanitiserDropsWholeSequences_data();
    void sanitiserDropsWholeSequences();

private:
    ApiResult deactivate(const QString &userId = QStringLiteral("demo-user-002"));
    bool isActive(const QString &userId = QStringLiteral("demo-user-002"))
    {
        return m_server->registry().state(userId).active;
    }

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EnrolleeClient> m_client;
};

void TestClientAnswers::initTestCase()
{
    isolate("tst_client_answers");
}

void TestClientAnswers::init()
{
    m_client.reset();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<EnrolleeClient>(m_network.get());
    m_client->setTimeoutMs(5000);
    m_server = start();
    QVERIFY(m_server);
}

ApiResult TestClientAnswers::deactivate(const QString &userId)
{
    const Profile p = profile(*m_server);
    const SignedRequest request = RequestBuilder::build(p, ActionKind::Deactivate, userId, keyFor(*m_server, p.scheme),
                                                        QDateTime::currentDateTimeUtc());
    ApiResult result;
    // A generous wait for the outcome, not a bound on how long it may take.
    if (!request.ok() || !wait(m_client->post(p.endpoint(), request.json), &result, 120000))
        qWarning("no answer");
    qInfo().noquote() << "client:" << result.outcomeName() << "|" << result.summary() << "|" << result.bodyProblem;
    return result;
}

void TestClientAnswers::sandboxSuccessStaysSuccess()
{
    // The sandbox's real success body carries "success": true and a "message", but no code or error.
    const ApiResult result = deactivate();
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(result.json.value(QLatin1String("success")).toBool(), true);
    QVERIFY(!result.json.contains(QLatin1String("code")) && !result.json.contains(QLatin1String("error")));
    QVERIFY(!isActive());
}

void TestClientAnswers::okStatusWithErrorCodeIsRefusal_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::newRow("200 code+error") << 200
                                    << QByteArray(R"({"code":"2205","error":"You are not authorized to do that"})")
                                    << "2205";
    QTest::newRow("200 int code+error") << 200 << QByteArray(R"({"code":2210,"error":"No enrolled user found"})")
                                        << "2210";
    QTest::newRow("201 success false") << 201 << QByteArray(R"({"success":false,"message":"nope"})") << "";
}

void TestClientAnswers::okStatusWithErrorCodeIsRefusal()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    FaultPlan plan;
    plan.kind = FaultPlan::Kind::Body;
    plan.httpStatus = status;
    plan.body = body;
    m_server->setFaultPlan(plan);
    const ApiResult result = deactivate();
    QCOMPARE(result.httpStatus, status);
    QCOMPARE(result.outcome, ApiResult::Outcome::ServerError);
    QVERIFY(!result.ok());
    QCOMPARE(result.code, code);
    QVERIFY2(!result.summary().contains(QLatin1String("accepted")), qPrintable(result.summary()));
    QVERIFY(isActive()); // and indeed nothing happened
}

void TestClientAnswers::shortBodyIsUnknownOutcome()
{
    // 200 and a Content-Length 512 bytes longer than what comes before the connection closes.
    m_server->setFaultPlan({FaultPlan::Kind::Truncated});
    const ApiResult result = deactivate();
    QCOMPARE(result.outcome, ApiResult::Outcome::NetworkError);
    QCOMPARE(result.httpStatus, 200);
    QVERIFY(result.requestSent);
    QVERIFY(!result.isRetryable());
    QVERIFY2(result.message.contains(QLatin1String("unknown")), qPrintable(result.message));
    QVERIFY2(result.advice().contains(QLatin1String("may have been applied")), qPrintable(result.advice()));
    QCOMPARE(m_server->requestCount(), 1);
}

void TestClientAnswers::brokenChunkingIsUnknownOutcome()
{
    // Qt 6.4 reads the non-hex size as 0, the last chunk, and reports no error at all (it ignores the
    // parse result in QHttpNetworkReplyPrivate::getChunkSize); the client tells by the JSON stopping short.
    m_server->setFaultPlan({FaultPlan::Kind::BrokenChunked});
    const ApiResult result = deactivate();
    QVERIFY2(result.bodyProblem.contains(QLatin1String("stops before its end")), qPrintable(result.bodyProblem));
    QCOMPARE(result.outcome, ApiResult::Outcome::NetworkError);
    QCOMPARE(result.httpStatus, 200);
    QVERIFY(result.requestSent);
    QVERIFY(!result.isRetryable());
    QVERIFY2(result.message.contains(QLatin1String("unknown")), qPrintable(result.message));
    QCOMPARE(m_server->requestCount(), 1);
}

void TestClientAnswers::interimContinueIsSkipped()
{
    // "100 Continue", then the real 200: Qt 6.4 skips the 100, so the 200 is the answer.
    FaultPlan plan;
    plan.kind = FaultPlan::Kind::Interim;
    plan.httpStatus = 100;
    m_server->setFaultPlan(plan);
    const ApiResult result = deactivate();
    QCOMPARE(result.httpStatus, 200);
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QCOMPARE(result.json.value(QLatin1String("success")).toBool(), true);
    QVERIFY(!isActive());
    QCOMPARE(m_server->requestCount(), 1);
}

void TestClientAnswers::otherInterimIsNeverTheAnswer_data()
{
    QTest::addColumn<int>("interim");
    QTest::newRow("102 Processing") << 102;
    QTest::newRow("103 Early Hints") << 103;
}

void TestClientAnswers::otherInterimIsNeverTheAnswer()
{
    // Qt 6.4's HTTP layer skips only 100 and ends the reply at any other 1xx, dropping the 200 behind it
    // (see ClientCall::classify). The client cannot skip it, so it must not call it success or refusal:
    // the server did act, and the report says the outcome is unknown.
    QFETCH(int, interim);
    FaultPlan plan;
    plan.kind = FaultPlan::Kind::Interim;
    plan.httpStatus = interim;
    m_server->setFaultPlan(plan);
    const ApiResult result = deactivate();
    QCOMPARE(result.outcome, ApiResult::Outcome::NetworkError);
    QVERIFY(result.requestSent);
    QVERIFY(!result.isRetryable());
    QVERIFY2(result.message.contains(QLatin1String("unknown")), qPrintable(result.message));
    QVERIFY(!isActive());
    QCOMPARE(m_server->requestCount(), 1);
}

void TestClientAnswers::drippingServerHitsDeadline()
{
    // Headers at once, then a byte every 200 ms: each byte resets the 1 s inactivity timer, so only the
    // overall deadline can end the call. The sandbox acts, so "unknown" is the honest word.
    FaultPlan plan;
    plan.kind = FaultPlan::Kind::Drip;
    plan.dripIntervalMs = 200;
    m_server->setFaultPlan(plan);
    m_client->setTimeoutMs(1000);
    m_client->setDeadlineMs(1500);
    const ApiResult result = deactivate();
    QCOMPARE(result.outcome, ApiResult::Outcome::Timeout);
    QVERIFY(result.requestSent);
    QCOMPARE(result.httpStatus, 200); // the status came; the body never finished
    QVERIFY2(result.message.contains(QLatin1String("no complete answer within 1.5 seconds")),
             qPrintable(result.message));
    QVERIFY2(result.message.contains(QLatin1String("unknown")), qPrintable(result.message));
    QVERIFY(!result.isRetryable());
    QVERIFY(result.bodySize > 0 && result.bodySize < 200); // a few dripped bytes, not the whole body
    QVERIFY(!isActive()); // the sandbox did act: the outcome really was unknown to the client
    QCOMPARE(m_server->requestCount(), 1);
}

void TestClientAnswers::deadlineDefaultsToTwiceTimeout()
{
    EnrolleeClient client(m_network.get());
    QCOMPARE(client.deadlineMs(), 2 * EnrolleeClient::kDefaultTimeoutMs);
    client.setTimeoutMs(4000);
    QCOMPARE(client.deadlineMs(), 8000);
    client.setDeadlineMs(500);
    QCOMPARE(client.deadlineMs(), 500);
}

void TestClientAnswers::hostileTextIsInert()
{
    const QString bidi = QStringLiteral("\u202Edetavitca\u202C");
    QJsonObject body{
        {QStringLiteral("code"), QStringLiteral("22") + kHostile + QStringLiteral("05")},
        {QStringLiteral("error"), QStringLiteral("refused ") + kHostile + bidi + QStringLiteral("\u009b2J")},
        {QStringLiteral("success"), false}};
    FaultPlan plan;
    plan.kind = FaultPlan::Kind::Body;
    plan.httpStatus = 400;
    plan.body = compact(body);
    m_server->setFaultPlan(plan);
    const ApiResult result = deactivate();
    QCOMPARE(result.outcome, ApiResult::Outcome::ServerError);
    QCOMPARE(result.code, QStringLiteral("2205"));
    QVERIFY2(isInert(result.message), qPrintable(result.message));
    QVERIFY2(isInert(result.summary()), qPrintable(result.summary()));
    QVERIFY(result.message.startsWith(QLatin1String("refused")));
    QVERIFY(result.body.contains("\\u001b]0;pwned\\u0007")); // the raw bytes are kept for the details view
}

void TestClientAnswers::sanitiserDropsWholeSequences_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("csi") << QStringLiteral("a\x1b[31mred\x1b[0m") << QStringLiteral("ared");
    QTest::newRow("osc bel") << QStringLiteral("x\x1b]0;pwned\x07y") << QStringLiteral("xy");
    QTest::newRow("osc st") << QStringLiteral("x\x1b]8;;http://e\x1b\\link\x1b]8;;\x1b\\y") << QStringLiteral("xlinky");
    QTest::newRow("c1 csi") << QStringLiteral("a\u009b2Jb") << QStringLiteral("ab");
    QTest::newRow("charset") << QStringLiteral("a\x1b(Bb") << QStringLiteral("ab");
    QTest::newRow("bidi") << QStringLiteral("a\u202Eb\u2066c\u200Bd") << QStringLiteral("abcd");
    QTest::newRow("lines") << QStringLiteral("a\nb\r\nc\td\u2028e") << QStringLiteral("a b c d e");
    QTest::newRow("c0 c1 del") << QStringLiteral("a\x01\x7f\u0085b") << QStringLiteral("ab");
    QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << QString(QChar(QChar::ReplacementCharacter));
    QTest::newRow("emoji kept") << QStringLiteral("ok \U0001F600") << QStringLiteral("ok \U0001F600");
    QTest::newRow("unterminated osc") << QStringLiteral("a\x1b]0;rest") << QStringLiteral("a");
}

void TestClientAnswers::sanitiserDropsWholeSequences()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(SafeText::line(in), out);
}

QTEST_GUILESS_MAIN(TestClientAnswers)
#include "tst_client_answers.moc"
