#include "api/ResponseParser.h"

#include <QTest>

class TestResponseParser : public QObject
{
    Q_OBJECT
private slots:
    void codeAsStringOrInteger()
    {
        ApiResult a = ResponseParser::parseBody(
            400, "{\"code\":\"2205\",\"error\":\"You are not authorized to do that\"}", {});
        QCOMPARE(a.code, QStringLiteral("2205"));
        QCOMPARE(a.message, QStringLiteral("You are not authorized to do that"));
        QCOMPARE(a.outcome, ApiResult::Outcome::ServerError);
        QVERIFY(a.advice().contains(QLatin1String("API key")));
        ApiResult b = ResponseParser::parseBody(400, "{\"code\":2210,\"message\":\"No user\",\"success\":false}", {});
        QCOMPARE(b.code, QStringLiteral("2210"));
        QCOMPARE(b.message, QStringLiteral("No user"));
        QVERIFY(b.summary().contains(QLatin1String("2210")));
    }

    void successJudgedByStatus()
    {
        QVERIFY(ResponseParser::parseBody(200, "{\"success\":true}", {}).ok());
        QVERIFY(ResponseParser::parseBody(204, {}, {}).ok());
        QVERIFY(!ResponseParser::parseBody(200, "{\"success\":false,\"code\":\"2201\"}", {}).ok());
        QVERIFY(!ResponseParser::parseBody(500, "{\"success\":true}", {}).ok());
    }

    void unexpectedBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("problem");
        QTest::newRow("empty") << QByteArray() << "empty";
        QTest::newRow("html") << QByteArray("<html><body>Bad gateway</body></html>") << "web page";
        QTest::newRow("truncated") << QByteArray("{\"code\":\"22") << "not valid JSON";
        QTest::newRow("not utf8") << QByteArray("\xff\xfe\x00{") << "UTF-8";
        QTest::newRow("array") << QByteArray("[1,2]") << "not an object";
        QTest::newRow("huge") << QByteArray(200000, 'x') << "only the first";
    }

    void unexpectedBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, problem);
        const ApiResult r = ResponseParser::parseBody(502, body, {});
        QVERIFY2(r.bodyProblem.contains(problem), qPrintable(r.bodyProblem));
        QVERIFY(r.body.size() <= ResponseParser::kMaxKeptBody);
        QVERIFY(!r.summary().isEmpty());
    }

    void retryableClassification()
    {
        QVERIFY(ResponseParser::parseBody(503, {}, {}).isRetryable());
        QVERIFY(ResponseParser::parseBody(429, {}, {}).isRetryable());
        QVERIFY(ResponseParser::parseBody(500, "{\"code\":\"2201\"}", {}).isRetryable());
        QVERIFY(!ResponseParser::parseBody(500, "{\"code\":\"9999\"}", {}).isRetryable());
        QVERIFY(!ResponseParser::parseBody(400, "{\"code\":\"2205\"}", {}).isRetryable());
        ApiResult refused;
        refused.outcome = ApiResult::Outcome::NetworkError;
        refused.requestSent = false;
        QVERIFY(refused.isRetryable());
        refused.requestSent = true;
        QVERIFY(!refused.isRetryable());
        ApiResult timeout;
        timeout.outcome = ApiResult::Outcome::Timeout;
        QVERIFY(!timeout.isRetryable());
    }

    void clockSkewAdvice()
    {
        ApiResult r = ResponseParser::parseBody(400, "{\"code\":\"2205\",\"error\":\"no\"}", {});
        r.hasClockSkew = true;
        r.clockSkewSeconds = 600;
        QVERIFY2(r.advice().contains(QLatin1String("clock")), qPrintable(r.advice()));
        r.clockSkewSeconds = 2;
        QVERIFY(r.advice().contains(QLatin1String("API key")));
    }
};

QTEST_GUILESS_MAIN(TestResponseParser)
#include "tst_response_parser.moc"
