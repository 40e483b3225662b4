// The sandbox as an HTTP/1.1 server: 404 and 405 answers, many requests in flight over many connections,
// keep-alive and pipelined requests answered in order with exact Content-Lengths.

#include "support/SandboxTestSupport.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

using namespace SandboxTest;

class TestSandboxHttp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listenFailureIsReported();
    void wrongPathAndMethod();
    void manyConcurrentRequests();
    void keepAliveAndPipelining();
    void requestHandledReportsEachRequest();

private:
    ApiResult sendBody(const QByteArray &json, const QUrl &url);

    std::unique_ptr<SandboxServer> m_server;
    QNetworkAccessManager m_network;
    EnrolleeClient m_client{&m_network};
};

void TestSandboxHttp::initTestCase()
{
    isolate("tst_sandbox_http");
    m_server = start();
    QVERIFY(m_server);
}

ApiResult TestSandboxHttp::sendBody(const QByteArray &json, const QUrl &url)
{
    ApiResult result;
    if (!wait(m_client.post(url, json), &result))
        qWarning("no answer within the wait");
    return result;
}

void TestSandboxHttp::wrongPathAndMethod()
{
    QUrl other = m_server->origin();
    other.setPath(QStringLiteral("/api/v1/partner/enrollee"));
    const ApiResult notFound = sendBody("{}", other);
    QCOMPARE(notFound.httpStatus, 404);
    QCOMPARE(notFound.outcome, ApiResult::Outcome::ServerError);
    QVERIFY(notFound.message.contains(QLatin1String("/api/v2/partner/enrollee")));
    QVERIFY(notFound.advice().contains(QLatin1String("base URL")));
    QVERIFY(notFound.hasClockSkew);

    QNetworkRequest request(profile(*m_server).endpoint());
    QNetworkReply *reply = m_network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(5000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 405);
    QCOMPARE(reply->rawHeader("Allow"), QByteArray("POST"));
    QVERIFY(reply->hasRawHeader("Date"));
    QVERIFY(QJsonDocument::fromJson(reply->readAll())
                .object()
                .value(QLatin1String("error"))
                .toString()
                .contains(QLatin1String("POST")));
    reply->deleteLater();
}

void TestSandboxHttp::manyConcurrentRequests()
{
    // Several managers so that many connections are open at once (one manager uses six per host),
    // plus latency so the requests really overlap on the server.
    constexpr int kManagers = 5;
    constexpr int kPerManager = 10;
    FaultPlan slow;
    slow.latencyMs = 150;
    m_server->setFaultPlan(slow);
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    std::vector<std::unique_ptr<EnrolleeClient>> clients;
    const Profile p = profile(*m_server);
    QHash<QString, ApiResult> results;
    int pending = 0;
    const int before = m_server->requestCount();
    // The server reports each request when it has read it, before the latency holds the answer back;
    // how many it had read when the first answer reached a client says whether requests overlapped.
    int received = 0;
    int receivedBeforeFirstAnswer = -1;
    connect(m_server.get(), &SandboxServer::requestHandled, this, [&received] { ++received; });
    for (int m = 0; m < kManagers; ++m) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        clients.push_back(std::make_unique<EnrolleeClient>(managers.back().get()));
        for (int i = 0; i < kPerManager; ++i) {
            const QString userId = QStringLiteral("concurrent-%1-%2").arg(m).arg(i);
            m_server->registry().add(userId);
            const ActionKind action = i % 2 ? ActionKind::Deactivate : ActionKind::FlagFraud;
            const SignedRequest request = RequestBuilder::build(p, action, userId, keyFor(*m_server, p.scheme),
                                                                QDateTime::currentDateTimeUtc());
            QVERIFY(request.ok());
            ClientCall *call = clients.back()->post(p.endpoint(), request.json);
            ++pending;
            connect(call, &ClientCall::finished, this, [&, userId](const ApiResult &r) {
                if (receivedBeforeFirstAnswer < 0)
                    receivedBeforeFirstAnswer = received;
                results.insert(userId, r);
                --pending;
            });
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(pending, 0, 10000);
    m_server->setFaultPlan({});
    disconnect(m_server.get(), &SandboxServer::requestHandled, this, nullptr);
    // Every manager had a request on the server while the first answer was still held back: the server
    // reads new requests while others wait, on many connections at once. (How long the fifty take is a
    // figure, not a verdict: tests/bench/bench_sandbox_concurrency prints it.)
    QVERIFY2(receivedBeforeFirstAnswer >= kManagers, qPrintable(QString::number(receivedBeforeFirstAnswer)));
    QCOMPARE(received, kManagers * kPerManager);
    QCOMPARE(results.size(), kManagers * kPerManager);
    QCOMPARE(m_server->requestCount() - before, kManagers * kPerManager);
    for (auto it = results.cbegin(); it != results.cend(); ++it) {
        QVERIFY2(it->ok(), qPrintable(it.key() + QLatin1String(": ") + it->summary()));
        // Each answer is about its own request: no mix-ups between connections.
        QCOMPARE(it->json.value(QLatin1String("user_id")).toString(), it.key());
        const bool deactivated = it->json.value(QLatin1String("action")).toString() == QLatin1String("deactivate");
        const EnrolleeRegistry::State state = m_server->registry().state(it.key());
        QCOMPARE(state.active, !deactivated);
        QCOMPARE(state.fraudulent, !deactivated);
    }
}

void TestSandboxHttp::keepAliveAndPipelining()
{
    // Raw HTTP/1.1 on one connection: two requests written back to back (the first one slow) are answered
    // in order with exact Content-Lengths, then "Connection: close" gets an answer and a close.
    const Profile p = profile(*m_server);
    auto rawRequest = [&](const QString &userId, ActionKind action, bool close) {
        const SignedRequest r = RequestBuilder::build(p, action, userId, keyFor(*m_server, p.scheme),
                                                      QDateTime::currentDateTimeUtc());
        return QByteArray("POST /api/v2/partner/enrollee HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          "Content-Type: application/json\r\nContent-Length: ")
            + QByteArray::number(r.json.size()) + (close ? "\r\nConnection: close" : "") + "\r\n\r\n" + r.json;
    };
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(3000));
    QByteArray received;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });
    m_server->registry().add(QStringLiteral("pipelined-1"));
    m_server->registry().add(QStringLiteral("pipelined-2"));
    FaultPlan slowFirst;
    slowFirst.latencyMs = 200;
    slowFirst.remaining = 1;
    m_server->setFaultPlan(slowFirst);
    socket.write(rawRequest(QStringLiteral("pipelined-1"), ActionKind::Deactivate, false)
                 + rawRequest(QStringLiteral("pipelined-2"), ActionKind::FlagFraud, false));
    QTRY_VERIFY_WITH_TIMEOUT(received.count("\"success\":true") == 2, 5000);
    const qsizetype first = received.indexOf("pipelined-1");
    const qsizetype second = received.indexOf("pipelined-2");
    QVERIFY2(first > 0 && second > first, received.constData());
    QCOMPARE(received.count("Connection: keep-alive"), 2);
    QVERIFY(received.contains("\r\nDate: "));
    // Each body is exactly as long as its Content-Length says.
    int bodies = 0;
    qsizetype offset = 0;
    while ((offset = received.indexOf("Content-Length: ", offset)) >= 0) {
        const qsizetype end = received.indexOf("\r\n", offset);
        const int length = received.mid(offset + 16, end - offset - 16).toInt();
        const qsizetype bodyStart = received.indexOf("\r\n\r\n", offset) + 4;
        QVERIFY(QJsonDocument::fromJson(received.mid(bodyStart, length)).isObject());
        offset = bodyStart + length;
        ++bodies;
    }
    QCOMPARE(bodies, 2);
    QVERIFY(socket.state() == QAbstractSocket::ConnectedState);

    received.clear();
    QSignalSpy closed(&socket, &QTcpSocket::disconnected);
    socket.write(rawRequest(QStringLiteral("pipelined-1"), ActionKind::Reactivate, true));
    QVERIFY(closed.wait(3000));
    QVERIFY(received.startsWith("HTTP/1.1 200 OK"));
    QVERIFY(received.contains("Connection: close"));
    QVERIFY(m_server->registry().state(QStringLiteral("pipelined-1")).active);
    QVERIFY(m_server->registry().state(QStringLiteral("pipelined-2")).fraudulent);
}

void TestSandboxHttp::requestHandledReportsEachRequest()
{
    QSignalSpy handled(m_server.get(), &SandboxServer::requestHandled);
    const Profile p = profile(*m_server);
    const SignedRequest ok = RequestBuilder::build(p, ActionKind::ReEnroll, QStringLiteral("demo-user-004"),
                                                   keyFor(*m_server, p.scheme), QDateTime::currentDateTimeUtc());
    QCOMPARE(sendBody(ok.json, p.endpoint()).httpStatus, 200);
    const SignedRequest unknown = RequestBuilder::build(p, ActionKind::Delete, QStringLiteral("ghost"),
                                                        keyFor(*m_server, p.scheme), QDateTime::currentDateTimeUtc());
    QCOMPARE(sendBody(unknown.json, p.endpoint()).httpStatus, 400);
    FaultPlan hang;
    hang.kind = FaultPlan::Kind::Hang;
    hang.remaining = 1;
    m_server->setFaultPlan(hang);
    m_client.setTimeoutMs(200);
    QCOMPARE(sendBody(ok.json, p.endpoint()).outcome, ApiResult::Outcome::Timeout);
    m_client.setTimeoutMs(EnrolleeClient::kDefaultTimeoutMs);

    QCOMPARE(handled.count(), 3);
    QCOMPARE(handled.at(0),
             (QList<QVariant>{QStringLiteral("demo-user-004"), QStringLiteral("re-enroll"), 200, QString()}));
    QCOMPARE(handled.at(1),
             (QList<QVariant>{QStringLiteral("ghost"), QStringLiteral("delete"), 400, QStringLiteral("2210")}));
    // A request that is never answered is still reported, with status 0.
    QCOMPARE(handled.at(2),
             (QList<QVariant>{QStringLiteral("demo-user-004"), QStringLiteral("re-enroll"), 0, QString()}));
    QVERIFY(m_server->registry().state(QStringLiteral("demo-user-004")).reEnrollAllowed);
    QVERIFY(!m_server->registry().state(QStringLiteral("demo-user-004")).active); // starts deactivated
}

void TestSandboxHttp::listenFailureIsReported()
{
    SandboxServer second;
    const Status refused = second.listen(QHostAddress::LocalHost, m_server->port());
    QVERIFY(!refused.ok());
    QVERIFY2(!refused.message().isEmpty(), "a refused listen says why");
    QCOMPARE(second.port(), quint16(0));
    QVERIFY(second.origin().isEmpty());
}

QTEST_GUILESS_MAIN(TestSandboxHttp)
#include "tst_sandbox_http.moc"
