// ActionRunner + HistoryStore against a misbehaving sandbox: which failures are retried (503, 429 with
// Retry-After, 2201, connection refused) and which never are (400s, timeouts, resets, 502 pages), with
// every attempt in the history entry and the final outcome and message checked.

#include "action/ActionRunner.h"
#include "base/Clock.h"
#include "support/SandboxTestSupport.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace SandboxTest;

class TestRunnerRetry : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void successIsRecorded();
    void policyIsAppliedForEveryFace();
    void retriedFaults_data();
    void retriedFaults();
    void retryAfterIsHonoured();
    void givesUpAfterMaxAttempts();
    void connectionRefusedIsRetried();
    void notRetried_data();
    void notRetried();
    void serverClockAheadGivesClockAdvice();
    void runnerClockBehindIsRefused();
    void successNamingAnotherUserIsUnknown();

private:
    ActionOutcome run(ActionKind action, const QString &userId, const Profile &profile, const QByteArray &key,
                      QList<int> *retryDelays = nullptr);
    HistoryEntry stored(qint64 id);

    QTemporaryDir m_home;
    std::unique_ptr<SandboxServer> m_server;
    OffsetClock m_clock;
    std::unique_ptr<CoreContext> m_core;
    EnrolleeClient *m_client = nullptr;
    HistoryService *m_history = nullptr;
    ActionRunner *m_runner = nullptr;
};

void TestRunnerRetry::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("ENROLLEE_HOME", m_home.path().toUtf8());
    qputenv("ENROLLEE_KEYCHAIN_SERVICE", "enrollee-console-test-runner-retry");
    isolate("tst_runner_retry");
}

void TestRunnerRetry::init()
{
    m_server = start();
    QVERIFY(m_server);
    m_clock.setOffsetMs(0);
    m_core = core(m_home.filePath(QString::fromLatin1(QTest::currentTestFunction())), &m_clock);
    m_client = m_core->client();
    m_client->setTimeoutMs(1500);
    m_history = m_core->history();
    m_runner = m_core->runner();
    RetryPolicy fast;
    fast.maxAttempts = 3;
    fast.baseDelayMs = 20;
    fast.maxDelayMs = 2000;
    m_runner->setRetryPolicy(fast);
}

void TestRunnerRetry::cleanup()
{
    m_core.reset();
    m_server.reset();
}

ActionOutcome TestRunnerRetry::run(ActionKind action, const QString &userId, const Profile &profile,
                                   const QByteArray &key, QList<int> *retryDelays)
{
    ActionRequest request;
    request.action = action;
    request.userId = userId;
    request.reason = QStringLiteral("CASE-42");
    request.profile = profile;
    request.apiKey = secret(key);
    request.face = QStringLiteral("test");
    request.confirmed = Confirmation::TypedUserId;
    QSignalSpy finished(m_runner, &ActionRunner::actionFinished);
    QSignalSpy failed(m_runner, &ActionRunner::attemptFailed);
    const Result<quint64> ticket = m_runner->submit(request);
    if (!ticket.ok()) {
        qWarning().noquote() << "refused:" << ticket.message();
        return {};
    }
    if (!finished.wait(8000)) {
        qWarning("the action did not finish");
        return {};
    }
    if (retryDelays) {
        for (const QList<QVariant> &args : std::as_const(failed))
            retryDelays->append(args.at(3).toInt());
    }
    const ActionOutcome outcome = finished.first().first().value<ActionOutcome>();
    qInfo().noquote() << "runner:" << outcome.headline << "|" << outcome.advice;
    return outcome;
}

HistoryEntry TestRunnerRetry::stored(qint64 id)
{
    QStringList problems;
    for (const HistoryEntry &entry : readAll(m_history, &problems)) {
        if (entry.id == id)
            return entry;
    }
    qWarning() << "no history entry" << id << problems;
    return {};
}

// Whatever face submits, the runner applies the core's policy: no reason or no confirmation, nothing
// recorded and nothing sent.
void TestRunnerRetry::policyIsAppliedForEveryFace()
{
    const Profile p = profile(*m_server);
    ActionRequest request;
    request.action = ActionKind::Delete;
    request.userId = QStringLiteral("demo-user-003");
    request.profile = p;
    request.apiKey = secret(keyFor(*m_server, p.scheme));
    request.face = QStringLiteral("script");
    Result<quint64> ticket = m_runner->submit(request);
    QCOMPARE(ticket.kind(), Status::Kind::Invalid); // no reason
    request.reason = QStringLiteral("CASE-7");
    ticket = m_runner->submit(request);
    QCOMPARE(ticket.kind(), Status::Kind::NotConfirmed);
    request.confirmed = Confirmation::Plain;
    QCOMPARE(m_runner->submit(request).kind(), Status::Kind::NotConfirmed); // a delete needs the typed ID
    QTest::qWait(50);
    QCOMPARE(m_server->requestCount(), 0);
    QVERIFY(readAll(m_history).isEmpty());
}

void TestRunnerRetry::successIsRecorded()
{
    const Profile p = profile(*m_server);
    const ActionOutcome outcome = run(ActionKind::Deactivate, QStringLiteral("demo-user-001"), p,
                                      keyFor(*m_server, p.scheme));
    QVERIFY2(outcome.ok(), qPrintable(outcome.headline));
    QCOMPARE(outcome.attempts, 1);
    QVERIFY(outcome.headline.contains(QLatin1String("demo-user-001")));
    QVERIFY(outcome.historyError.isEmpty());
    const HistoryEntry entry = stored(outcome.entry.id);
    QCOMPARE(entry.outcome, HistoryEntry::Outcome::Success);
    QCOMPARE(entry.httpStatus, 200);
    QCOMPARE(entry.userId, QStringLiteral("demo-user-001"));
    QCOMPARE(entry.reason, QStringLiteral("CASE-42"));
    QVERIFY(entry.response.contains(QLatin1String("\"active\":false")));
    QCOMPARE(entry.attempts.size(), 1);
    QCOMPARE(entry.attempts.at(0).toObject().value(QLatin1String("outcome")).toString(), QStringLiteral("success"));
    QVERIFY(!m_server->registry().state(QStringLiteral("demo-user-001")).active);
    QVERIFY(verify(m_history).ok);
}

void TestRunnerRetry::retriedFaults_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("failures");
    QTest::addColumn<QString>("code");
    QTest::newRow("503 twice") << int(FaultPlan::Kind::HttpError) << 503 << 2 << "";
    QTest::newRow("429 once") << int(FaultPlan::Kind::HttpError) << 429 << 1 << "";
    QTest::newRow("2201 twice") << int(FaultPlan::Kind::SystemError) << 500 << 2 << "2201";
}

void TestRunnerRetry::retriedFaults()
{
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(int, failures);
    QFETCH(QString, code);
    FaultPlan plan;
    plan.kind = FaultPlan::Kind(kind);
    plan.httpStatus = status;
    plan.remaining = failures;
    m_server->setFaultPlan(plan);
    const Profile p = profile(*m_server);
    QList<int> delays;
    const ActionOutcome outcome = run(ActionKind::FlagFraud, QStringLiteral("demo-user-002"), p,
                                      keyFor(*m_server, p.scheme), &delays);
    QVERIFY2(outcome.ok(), qPrintable(outcome.headline));
    QCOMPARE(outcome.attempts, failures + 1);
    QCOMPARE(delays.size(), failures);
    // Exponential backoff with +/-25 % jitter from a 20 ms base.
    QVERIFY2(delays.at(0) >= 15 && delays.at(0) <= 25, qPrintable(QString::number(delays.at(0))));
    if (failures > 1)
        QVERIFY2(delays.at(1) >= 30 && delays.at(1) <= 50, qPrintable(QString::number(delays.at(1))));
    QCOMPARE(m_server->requestCount(), failures + 1);
    QVERIFY(m_server->registry().state(QStringLiteral("demo-user-002")).fraudulent);

    const HistoryEntry entry = stored(outcome.entry.id);
    QCOMPARE(entry.outcome, HistoryEntry::Outcome::Success);
    QCOMPARE(entry.attempts.size(), failures + 1);
    for (int i = 0; i < failures; ++i) {
        const QJsonObject attempt = entry.attempts.at(i).toObject();
        QCOMPARE(attempt.value(QLatin1String("attempt")).toInt(), i + 1);
        QCOMPARE(attempt.value(QLatin1String("outcome")).toString(), QStringLiteral("http-error"));
        QCOMPARE(attempt.value(QLatin1String("http_status")).toInt(), status);
        QCOMPARE(attempt.value(QLatin1String("code")).toString(), code);
        QVERIFY(attempt.value(QLatin1String("message")).toString().startsWith(QStringLiteral("HTTP %1").arg(status)));
    }
    QCOMPARE(entry.attempts.last().toObject().value(QLatin1String("http_status")).toInt(), 200);
}

void TestRunnerRetry::retryAfterIsHonoured()
{
    FaultPlan plan;
    plan.kind = FaultPlan::Kind::HttpError;
    plan.httpStatus = 429;
    plan.retryAfterSeconds = 1;
    plan.remaining = 1;
    m_server->setFaultPlan(plan);
    const Profile p = profile(*m_server);
    QList<int> delays;
    QElapsedTimer timer;
    timer.start();
    const ActionOutcome outcome = run(ActionKind::ReEnroll, QStringLiteral("demo-user-003"), p,
                                      keyFor(*m_server, p.scheme), &delays);
    QVERIFY2(outcome.ok(), qPrintable(outcome.headline));
    QCOMPARE(delays, QList<int>{1000});
    QVERIFY(timer.elapsed() >= 1000);
    QCOMPARE(stored(outcome.entry.id).attempts.size(), 2);
}

void TestRunnerRetry::givesUpAfterMaxAttempts()
{
    FaultPlan plan;
    plan.kind = FaultPlan::Kind::HttpError;
    plan.httpStatus = 503;
    m_server->setFaultPlan(plan);
    const Profile p = profile(*m_server);
    const ActionOutcome outcome = run(ActionKind::Deactivate, QStringLiteral("demo-user-001"), p,
                                      keyFor(*m_server, p.scheme));
    QVERIFY(!outcome.ok());
    QCOMPARE(outcome.attempts, 3);
    QCOMPARE(m_server->requestCount(), 3);
    QVERIFY2(outcome.headline.contains(QLatin1String("after 3 attempts")), qPrintable(outcome.headline));
    QVERIFY(outcome.advice.contains(QLatin1String("server had a problem")));
    const HistoryEntry entry = stored(outcome.entry.id);
    QCOMPARE(entry.outcome, HistoryEntry::Outcome::Failure);
    QCOMPARE(entry.httpStatus, 503);
    QVERIFY2(entry.message.startsWith(QLatin1String("HTTP 503")), qPrintable(entry.message));
    QCOMPARE(entry.attempts.size(), 3);
    QVERIFY(m_server->registry().state(QStringLiteral("demo-user-001")).active);
}

void TestRunnerRetry::connectionRefusedIsRetried()
{
    // A port that was just free and is closed again: nothing listens, every connect is refused.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 closedPort = probe.serverPort();
    probe.close();
    Profile p = profile(*m_server);
    p.baseUrl.setPort(closedPort);
    const ActionOutcome outcome = run(ActionKind::Deactivate, QStringLiteral("demo-user-001"), p,
                                      keyFor(*m_server, p.scheme));
    QCOMPARE(outcome.result.outcome, ApiResult::Outcome::NetworkError);
    QVERIFY(!outcome.result.requestSent);
    QCOMPARE(outcome.attempts, 3);
    QVERIFY2(outcome.advice.contains(QLatin1String("Nothing reached the server")), qPrintable(outcome.advice));
    const HistoryEntry entry = stored(outcome.entry.id);
    QCOMPARE(entry.outcome, HistoryEntry::Outcome::Failure);
    QCOMPARE(entry.attempts.size(), 3);
    for (const QJsonValue &attempt : entry.attempts)
        QCOMPARE(attempt.toObject().value(QLatin1String("outcome")).toString(), QStringLiteral("network-error"));
    QVERIFY(entry.message.contains(QLatin1String("refused"), Qt::CaseInsensitive));
}

void TestRunnerRetry::notRetried_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("outcomeName");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("advicePart");
    // A request that may have reached the server without a usable answer is
    // recorded as unknown, not failure (an auditor reads "failure" as "nothing happened").
    QTest::addColumn<int>("recordedValue");
    constexpr int Failure = int(HistoryEntry::Outcome::Failure);
    constexpr int Unknown = int(HistoryEntry::Outcome::Unknown);
    QTest::newRow("400 wrong key") << "wrong-key"
                                   << "http-error" << 400 << "Check the API key" << Failure;
    QTest::newRow("400 unknown user") << "unknown-user"
                                      << "http-error" << 400 << "Check the user ID" << Failure;
    QTest::newRow("timeout") << "hang"
                             << "timeout" << 0 << "may or may not have been applied" << Unknown;
    QTest::newRow("reset after sending") << "reset"
                                         << "network-error" << 0 << "may have been applied" << Unknown;
    QTest::newRow("502 page") << "html"
                              << "http-error" << 502 << "server had a problem" << Failure;
    QTest::newRow("500 plain") << "http-error"
                               << "http-error" << 500 << "server had a problem" << Failure;
}

void TestRunnerRetry::notRetried()
{
    QFETCH(QString, fault);
    QFETCH(QString, outcomeName);
    QFETCH(int, status);
    QFETCH(QString, advicePart);
    QFETCH(int, recordedValue);
    const auto recorded = HistoryEntry::Outcome(recordedValue);
    const Profile p = profile(*m_server);
    QByteArray key = keyFor(*m_server, p.scheme);
    QString userId = QStringLiteral("demo-user-001");
    FaultPlan::Kind kind = FaultPlan::Kind::None;
    if (fault == QLatin1String("wrong-key"))
        key = QByteArrayLiteral("a-key-from-another-account");
    else if (fault == QLatin1String("unknown-user"))
        userId = QStringLiteral("nobody-here");
    else
        QVERIFY(FaultPlan::kindFromName(fault, &kind));
    FaultPlan plan;
    plan.kind = kind;
    m_server->setFaultPlan(plan);
    if (kind == FaultPlan::Kind::Hang)
        m_client->setTimeoutMs(300);

    const ActionOutcome outcome = run(ActionKind::Deactivate, userId, p, key);
    QCOMPARE(outcome.result.outcomeName(), outcomeName);
    QCOMPARE(outcome.result.httpStatus, status);
    QCOMPARE(outcome.attempts, 1);
    QVERIFY2(outcome.advice.contains(advicePart), qPrintable(outcome.advice));
    QVERIFY(!outcome.headline.contains(QLatin1String("attempts")));
    QCOMPARE(outcome.entry.outcome, recorded);
    if (recorded == HistoryEntry::Outcome::Unknown)
        QVERIFY2(outcome.headline.contains(QLatin1String("outcome unknown")), qPrintable(outcome.headline));
    else
        QVERIFY2(outcome.headline.contains(QLatin1String("failed")), qPrintable(outcome.headline));
    const HistoryEntry entry = stored(outcome.entry.id);
    QCOMPARE(entry.outcome, recorded);
    QCOMPARE(entry.attempts.size(), 1);
    QCOMPARE(entry.attempts.at(0).toObject().value(QLatin1String("outcome")).toString(), outcomeName);
    QCOMPARE(entry.message, outcome.result.summary());
    QVERIFY(m_server->registry().state(QStringLiteral("demo-user-001")).active);
    // The runner sent once; a reset is the exception where Qt itself sends again (see tst_client_faults).
    if (kind != FaultPlan::Kind::Reset)
        QCOMPARE(m_server->requestCount(), 1);
}

void TestRunnerRetry::serverClockAheadGivesClockAdvice()
{
    OffsetClock serverClock(2 * 3600 * 1000);
    m_server->setClock(&serverClock);
    const Profile p = profile(*m_server);
    const ActionOutcome outcome = run(ActionKind::Delete, QStringLiteral("demo-user-003"), p,
                                      keyFor(*m_server, p.scheme));
    m_server->setClock(nullptr);
    QCOMPARE(outcome.result.code, QStringLiteral("2205"));
    QCOMPARE(outcome.attempts, 1);
    QVERIFY2(outcome.advice.contains(QLatin1String("clock is")), qPrintable(outcome.advice));
    QVERIFY(m_server->registry().contains(QStringLiteral("demo-user-003")));
    const HistoryEntry entry = stored(outcome.entry.id);
    QCOMPARE(entry.code, QStringLiteral("2205"));
    QVERIFY(entry.message.contains(QLatin1String("timestamp")));
}

void TestRunnerRetry::runnerClockBehindIsRefused()
{
    // The runner's clock (what signs) is an hour behind: the sandbox refuses the stale timestamp.
    m_clock.setOffsetMs(-3600 * 1000);
    const Profile p = profile(*m_server);
    const ActionOutcome outcome = run(ActionKind::Deactivate, QStringLiteral("demo-user-001"), p,
                                      keyFor(*m_server, p.scheme));
    QCOMPARE(outcome.result.code, QStringLiteral("2205"));
    QVERIFY(outcome.result.message.contains(QLatin1String("timestamp")));
    QCOMPARE(outcome.attempts, 1);
    QVERIFY(outcome.result.hasClockSkew);
    // Skew is measured against the clock that signed, so the advice names the clock, and which way it is off.
    // The Date header has whole seconds, so the figure may be a second short.
    QVERIFY2(
        QRegularExpression(QStringLiteral("clock is 3(599|600|601) seconds behind")).match(outcome.advice).hasMatch(),
        qPrintable(outcome.advice));
    QVERIFY(outcome.advice.contains(QLatin1String("clock")));
}

// A 200 "success" that names another user ID is no success for the user sent: it is recorded as
// unknown with what the server said, never retried; the same body naming the right user is a success.
void TestRunnerRetry::successNamingAnotherUserIsUnknown()
{
    const Profile p = profile(*m_server);
    const QByteArray key = keyFor(*m_server, p.scheme);
    FaultPlan plan;
    plan.kind = FaultPlan::Kind::Body;
    plan.httpStatus = 200;
    plan.body = QByteArrayLiteral("{\"success\":true,\"user_id\":\"demo-user-002\"}");
    m_server->setFaultPlan(plan);
    const ActionOutcome other = run(ActionKind::Deactivate, QStringLiteral("demo-user-001"), p, key);
    QCOMPARE(other.attempts, 1);
    QCOMPARE(other.entry.outcome, HistoryEntry::Outcome::Unknown);
    QVERIFY2(other.result.message.contains(QLatin1String("answered for user_id \"demo-user-002\"")),
             qPrintable(other.result.message));
    QCOMPARE(stored(other.entry.id).outcome, HistoryEntry::Outcome::Unknown);

    plan.body = QByteArrayLiteral("{\"success\":true,\"user_id\":\"demo-user-001\"}");
    m_server->setFaultPlan(plan);
    const ActionOutcome same = run(ActionKind::Deactivate, QStringLiteral("demo-user-001"), p, key);
    QCOMPARE(same.entry.outcome, HistoryEntry::Outcome::Success);
}

QTEST_GUILESS_MAIN(TestRunnerRetry)
#include "tst_runner_retry.moc"
