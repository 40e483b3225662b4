// Every FaultPlan kind injected into a real sandbox, and what EnrolleeClient makes of it: outcome,
// summary, advice, retryability, and that a faulty answer never changed the enrollee.

#include "support/SandboxTestSupport.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QtTest>

using namespace SandboxTest;

class TestClientFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void faultKindNames();
    void httpErrors_data();
    void httpErrors();
    void htmlPage();
    void emptyBody();
    void truncatedBody();
    void resetConnection();
    void resetOnceIsNotSilentlyResent();
    void hangTimesOut();
    void latencyOnly();
    void latencyBeyondTimeoutStillApplies();
    void remainingCountsDown();
    void plainHttpToRemoteHostNotSent();

private:
    ApiResult deactivate(const QString &userId = QStringLiteral("demo-user-002"), int timeoutMs = 3000);
    void expectUnchanged(const QString &userId = QStringLiteral("demo-user-002"));

    std::unique_ptr<SandboxServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EnrolleeClient> m_client;
};

void TestClientFaults::initTestCase()
{
    isolate("tst_client_faults");
}

void TestClientFaults::init()
{
    // A fresh sandbox and manager per test: no connection or state leaks from one fault to the next.
    m_client.reset();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<EnrolleeClient>(m_network.get());
    m_client->setTimeoutMs(2000);
    m_server = start();
    QVERIFY(m_server);
}

ApiResult TestClientFaults::deactivate(const QString &userId, int timeoutMs)
{
    const Profile p = profile(*m_server);
    const SignedRequest request = RequestBuilder::build(p, ActionKind::Deactivate, userId, keyFor(*m_server, p.scheme),
                                                        QDateTime::currentDateTimeUtc());
    ApiResult result;
    if (!request.ok() || !wait(m_client->post(p.endpoint(), request.json), &result, timeoutMs))
        qWarning("no answer");
    qInfo().noquote() << "client:" << result.outcomeName() << "|" << result.summary() << "|" << result.advice();
    return result;
}

void TestClientFaults::expectUnchanged(const QString &userId)
{
    QVERIFY2(m_server->registry().state(userId).active, "a faulty answer must not change the enrollee");
}

void TestClientFaults::faultKindNames()
{
    const QList<FaultPlan::Kind> kinds{
        FaultPlan::Kind::None,  FaultPlan::Kind::HttpError,     FaultPlan::Kind::Html,
        FaultPlan::Kind::Empty, FaultPlan::Kind::Truncated,     FaultPlan::Kind::Reset,
        FaultPlan::Kind::Hang,  FaultPlan::Kind::SystemError,   FaultPlan::Kind::Drip,
        FaultPlan::Kind::Body,  FaultPlan::Kind::BrokenChunked, FaultPlan::Kind::Interim};
    QSet<QString> names;
    for (FaultPlan::Kind kind : kinds) {
        const QString name = FaultPlan::kindName(kind);
        names.insert(name);
        FaultPlan::Kind parsed = FaultPlan::Kind::None;
        QVERIFY(FaultPlan::kindFromName(name, &parsed));
        QCOMPARE(parsed, kind);
    }
    QCOMPARE(names.size(), kinds.size());
    QVERIFY(names.contains(QStringLiteral("http-error")) && names.contains(QStringLiteral("system-error")));
    FaultPlan::Kind parsed = FaultPlan::Kind::Hang;
    QVERIFY(!FaultPlan::kindFromName(QStringLiteral("explode"), &parsed));
    QCOMPARE(parsed, FaultPlan::Kind::Hang);
}

void TestClientFaults::httpErrors_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("retryable");
    QTest::addColumn<QString>("advicePart");
    QTest::newRow("500") << int(FaultPlan::Kind::HttpError) << 500 << -1 << "" << false << "server had a problem";
    QTest::newRow("503") << int(FaultPlan::Kind::HttpError) << 503 << -1 << "" << true << "server had a problem";
    QTest::newRow("429 Retry-After") << int(FaultPlan::Kind::HttpError) << 429 << 7 << "" << true << "rate-limiting";
    QTest::newRow("system error 2201") << int(FaultPlan::Kind::SystemError) << 500 << -1 << "2201" << true
                                       << "Smile ID's side";
}

void TestClientFaults::httpErrors()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(int, retryAfter);
    QFETCH(QString, code);
    QFETCH(bool, retryable);
    QFETCH(QString, advicePart);
    FaultPlan plan;
    plan.kind = FaultPlan::Kind(kind);
    plan.httpStatus = status;
    plan.retryAfterSeconds = retryAfter;
    m_server->setFaultPlan(plan);
    const ApiResult result = deactivate();
    QCOMPARE(result.outcome, ApiResult::Outcome::ServerError);
    QCOMPARE(result.httpStatus, status);
    QCOMPARE(result.code, code);
    QCOMPARE(result.retryAfterSeconds, retryAfter);
    QCOMPARE(result.isRetryable(), retryable);
    QVERIFY(result.requestSent);
    QVERIFY(result.hasClockSkew); // a Date header comes with faulty answers too
    QVERIFY2(result.summary().startsWith(QStringLiteral("HTTP %1").arg(status)), qPrintable(result.summary()));
    QVERIFY(!result.message.isEmpty());
    QVERIFY2(result.advice().contains(advicePart), qPrintable(result.advice()));
    expectUnchanged();
}

void TestClientFaults::htmlPage()
{
    m_server->setFaultPlan({FaultPlan::Kind::Html});
    const ApiResult result = deactivate();
    QCOMPARE(result.outcome, ApiResult::Outcome::ServerError);
    QCOMPARE(result.httpStatus, 502);
    QVERIFY(result.contentType.startsWith(QLatin1String("text/html")));
    QVERIFY(result.code.isEmpty());
    QVERIFY2(result.bodyProblem.contains(QLatin1String("web page")), qPrintable(result.bodyProblem));
    QVERIFY2(result.summary().contains(QLatin1String("web page")), qPrintable(result.summary()));
    QVERIFY(result.body.contains("502 Bad Gateway"));
    QVERIFY(result.advice().contains(QLatin1String("server had a problem")));
    QVERIFY(!result.isRetryable()); // a 502 may have come after the upstream acted
    expectUnchanged();
}

void TestClientFaults::emptyBody()
{
    m_server->setFaultPlan({FaultPlan::Kind::Empty});
    const ApiResult result = deactivate();
    // Success is judged by the status alone (the success body is undocumented); the empty body is noted.
    QCOMPARE(result.outcome, ApiResult::Outcome::Success);
    QCOMPARE(result.httpStatus, 200);
    QCOMPARE(result.bodySize, 0);
    QVERIFY2(result.bodyProblem.contains(QLatin1String("empty")), qPrintable(result.bodyProblem));
    expectUnchanged();
}

void TestClientFaults::truncatedBody()
{
    m_server->setFaultPlan({FaultPlan::Kind::Truncated});
    const ApiResult result = deactivate();
    QCOMPARE(result.httpStatus, 200);
    QVERIFY(result.requestSent);
    QVERIFY(result.bodySize > 0);
    QVERIFY2(result.bodyProblem.contains(QLatin1String("broke off")), qPrintable(result.bodyProblem));
    QVERIFY(result.json.isEmpty());
    expectUnchanged();
    // A 200 whose body stopped short is no answer (the rest might have said "refused"): a network fault
    // whose outcome is unknown, and the summary says so.
    QCOMPARE(result.outcome, ApiResult::Outcome::NetworkError);
    QVERIFY(!result.isRetryable());
    QVERIFY2(result.summary().contains(QLatin1String("broke off")), qPrintable(result.summary()));
}

void TestClientFaults::resetConnection()
{
    m_server->setFaultPlan({FaultPlan::Kind::Reset});
    const ApiResult result = deactivate();
    QCOMPARE(result.outcome, ApiResult::Outcome::NetworkError);
    QCOMPARE(result.httpStatus, 0);
    QVERIFY2(result.requestSent, "the request left before the reset: the action may have been applied");
    QVERIFY(!result.isRetryable());
    QVERIFY2(result.advice().contains(QLatin1String("may have been applied")), qPrintable(result.advice()));
    QVERIFY2(result.summary().startsWith(QLatin1String("Network error")), qPrintable(result.summary()));
    QVERIFY2(result.message.contains(QLatin1String("closed the connection")), qPrintable(result.message));
    expectUnchanged();
    // Qt's HTTP channel would re-send a request whose connection closed before any answer byte, silently;
    // the client's body cannot be rewound, so the POST went out exactly once.
    QCOMPARE(m_server->requestCount(), 1);
}

void TestClientFaults::resetOnceIsNotSilentlyResent()
{
    // One reset, then a healthy sandbox: without the client's one-way body, Qt would quietly re-send and
    // report a plain success. The officer must instead hear that the connection broke, and the sandbox
    // must have seen the request once; what the client reports agrees with what the sandbox did.
    FaultPlan plan;
    plan.kind = FaultPlan::Kind::Reset;
    plan.remaining = 1;
    m_server->setFaultPlan(plan);
    const ApiResult result = deactivate();
    QCOMPARE(result.outcome, ApiResult::Outcome::NetworkError);
    QCOMPARE(result.ok(), !m_server->registry().state(QStringLiteral("demo-user-002")).active);
    QCOMPARE(m_server->requestCount(), 1);
    // The next, deliberate attempt goes through.
    QVERIFY(deactivate().ok());
    QCOMPARE(m_server->requestCount(), 2);
}

void TestClientFaults::hangTimesOut()
{
    m_server->setFaultPlan({FaultPlan::Kind::Hang});
    QSignalSpy handled(m_server.get(), &SandboxServer::requestHandled);
    m_client->setTimeoutMs(300);
    const ApiResult result = deactivate();
    // What ended the call is the inactivity timer (not the deadline, not an error), after the request
    // reached the sandbox, which never answered it.
    QCOMPARE(result.outcome, ApiResult::Outcome::Timeout);
    QVERIFY2(result.message.startsWith(QLatin1String("no progress for 0.3 seconds")), qPrintable(result.message));
    QVERIFY(result.requestSent);
    QVERIFY2(result.message.contains(QLatin1String("unknown")), qPrintable(result.message));
    QCOMPARE(result.httpStatus, 0);
    QCOMPARE(handled.count(), 1);
    QCOMPARE(handled.first().at(0).toString(), QStringLiteral("demo-user-002"));
    QCOMPARE(handled.first().at(2).toInt(), 0); // the sandbox logged it as unanswered
    QVERIFY(result.summary().startsWith(QLatin1String("No answer from the server")));
    QVERIFY(result.advice().contains(QLatin1String("may or may not have been applied")));
    QVERIFY(!result.isRetryable());
    QCOMPARE(m_server->requestCount(), 1);
    expectUnchanged();
}

void TestClientFaults::latencyOnly()
{
    FaultPlan slow;
    slow.latencyMs = 250;
    m_server->setFaultPlan(slow);
    const ApiResult result = deactivate();
    QVERIFY2(result.ok(), qPrintable(result.summary()));
    QVERIFY2(result.elapsedMs >= 240, qPrintable(QString::number(result.elapsedMs)));
    QVERIFY(!m_server->registry().state(QStringLiteral("demo-user-002")).active);
}

void TestClientFaults::latencyBeyondTimeoutStillApplies()
{
    // A slow server acts and answers late; the client gives up first. The timeout's advice says the action
    // may have happened, and here it did.
    FaultPlan slow;
    slow.latencyMs = 800;
    m_server->setFaultPlan(slow);
    m_client->setTimeoutMs(300);
    const ApiResult result = deactivate();
    QCOMPARE(result.outcome, ApiResult::Outcome::Timeout);
    QVERIFY(result.advice().contains(QLatin1String("may or may not")));
    QVERIFY(!m_server->registry().state(QStringLiteral("demo-user-002")).active);
}

void TestClientFaults::remainingCountsDown()
{
    FaultPlan plan;
    plan.kind = FaultPlan::Kind::SystemError;
    plan.remaining = 2;
    m_server->setFaultPlan(plan);
    QCOMPARE(deactivate().code, QStringLiteral("2201"));
    QCOMPARE(m_server->faultPlan().remaining, 1);
    expectUnchanged();
    QCOMPARE(deactivate().code, QStringLiteral("2201"));
    QCOMPARE(m_server->faultPlan().kind, FaultPlan::Kind::None);
    expectUnchanged();
    const ApiResult third = deactivate();
    QVERIFY2(third.ok(), qPrintable(third.summary()));
    QVERIFY(!m_server->registry().state(QStringLiteral("demo-user-002")).active);
    QCOMPARE(m_server->requestCount(), 3);
}

void TestClientFaults::plainHttpToRemoteHostNotSent()
{
    // 192.0.2.1 is TEST-NET-1: never a real host. The client must refuse before any connection is tried.
    QSignalSpy networkFinished(m_network.get(), &QNetworkAccessManager::finished);
    QUrl url(QStringLiteral("http://192.0.2.1/api/v2/partner/enrollee"));
    const Profile p = profile(*m_server);
    const SignedRequest request = RequestBuilder::build(p, ActionKind::Deactivate, QStringLiteral("demo-user-002"),
                                                        keyFor(*m_server, p.scheme), QDateTime::currentDateTimeUtc());
    ApiResult result;
    QVERIFY(wait(m_client->post(url, request.json), &result, 1000));
    QCOMPARE(result.outcome, ApiResult::Outcome::NotSent);
    QVERIFY(!result.requestSent);
    QVERIFY(result.message.contains(QLatin1String("https://")));
    QVERIFY(result.summary().startsWith(QLatin1String("Not sent")));
    QVERIFY(!result.isRetryable());
    QCOMPARE(networkFinished.count(), 0); // no QNetworkReply was ever created
    QCOMPARE(m_server->requestCount(), 0);
}

QTEST_GUILESS_MAIN(TestClientFaults)
#include "tst_client_faults.moc"
