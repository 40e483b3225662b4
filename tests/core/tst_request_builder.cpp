#include "api/RequestBuilder.h"
#include "api/Signer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestRequestBuilder : public QObject
{
    Q_OBJECT
private:
    Profile profile(SigningScheme scheme, Environment env = Environment::Sandbox)
    {
        Profile p;
        p.name = QStringLiteral("p");
        p.partnerId = QStringLiteral("085");
        p.email = QStringLiteral("officer@example.com");
        p.environment = env;
        p.scheme = scheme;
        return p;
    }
    const QDateTime m_now = QDateTime(QDate(2023, 2, 13), QTime(15, 7, 42, 214), Qt::UTC);

private slots:
    void currentSchemeBodies_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("flag");
        QTest::addColumn<bool>("value");
        QTest::newRow("re-enroll") << int(ActionKind::ReEnroll) << "allow_new_enroll" << true;
        QTest::newRow("deactivate") << int(ActionKind::Deactivate) << "active" << false;
        QTest::newRow("reactivate") << int(ActionKind::Reactivate) << "active" << true;
        QTest::newRow("flag-fraud") << int(ActionKind::FlagFraud) << "is_fraudulent" << true;
        QTest::newRow("unflag-fraud") << int(ActionKind::UnflagFraud) << "is_fraudulent" << false;
        QTest::newRow("delete") << int(ActionKind::Delete) << "delete" << true;
    }

    void currentSchemeBodies()
    {
        QFETCH(int, action);
        QFETCH(QString, flag);
        QFETCH(bool, value);
        const SignedRequest r = RequestBuilder::build(profile(SigningScheme::Signature), ActionKind(action),
                                                      QStringLiteral("  user-42 "), "apiKey", m_now);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QJsonObject b = QJsonDocument::fromJson(r.json).object();
        QCOMPARE(b, r.body);
        // Exactly seed 001's fields: the common ones plus one flag.
        QCOMPARE(b.size(), 7);
        QCOMPARE(b.value(QLatin1String("user_id")).toString(), QStringLiteral("user-42"));
        QVERIFY(b.value(QLatin1String("partner_id")).isString());
        QCOMPARE(b.value(QLatin1String("partner_id")).toString(), QStringLiteral("085"));
        QCOMPARE(b.value(QLatin1String("email")).toString(), QStringLiteral("officer@example.com"));
        QCOMPARE(b.value(QLatin1String("environment")).toString(), QStringLiteral("test"));
        QCOMPARE(b.value(QLatin1String("timestamp")).toString(), QStringLiteral("2023-02-13T15:07:42.214Z"));
        QCOMPARE(r.timestamp, QStringLiteral("2023-02-13T15:07:42.214Z"));
        QVERIFY(b.value(flag).isBool());
        QCOMPARE(b.value(flag).toBool(), value);
        QCOMPARE(b.value(QLatin1String("signature")).toString(),
                 Signer::signature("apiKey", QStringLiteral("085"), r.timestamp).value);
        QVERIFY(!b.contains(QLatin1String("sec_key")));
        // Booleans are JSON booleans on the wire, not strings.
        QVERIFY(r.json.contains(QByteArray("\"") + flag.toLatin1() + (value ? "\":true" : "\":false")));
    }

    void legacySchemeBodies_data() { currentSchemeBodies_data(); }

    void legacySchemeBodies()
    {
        QFETCH(int, action);
        QFETCH(QString, flag);
        QFETCH(bool, value);
        if (ActionKind(action) == ActionKind::ReEnroll)
            flag = QStringLiteral("allow_re_enroll");
        const Signer::RsaKeyPair keys = Signer::generateRsaKeyPair(1024);
        const SignedRequest r = RequestBuilder::build(profile(SigningScheme::SecKey, Environment::Production),
                                                      ActionKind(action), QStringLiteral("user-42"), keys.apiKey(),
                                                      m_now);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QJsonObject b = r.body;
        QCOMPARE(b.size(), 7);
        QCOMPARE(b.value(QLatin1String("environment")).toString(), QStringLiteral("production"));
        QCOMPARE(b.value(flag).toBool(), value);
        QVERIFY(!b.contains(QLatin1String("allow_new_enroll")));
        QVERIFY(!b.contains(QLatin1String("signature")));
        // An integer unix-seconds timestamp, written as a JSON integer.
        QVERIFY(r.json.contains("\"timestamp\":1676300862"));
        QVERIFY(Signer::verifySecKey(keys.privateKeyPem, b.value(QLatin1String("sec_key")).toString(),
                                     QStringLiteral("085"), 1676300862)
                    .ok());
    }

    void freshTimestampPerBuild()
    {
        const Profile p = profile(SigningScheme::Signature);
        const SignedRequest a = RequestBuilder::build(p, ActionKind::Deactivate, QStringLiteral("u"), "k", m_now);
        const SignedRequest b = RequestBuilder::build(p, ActionKind::Deactivate, QStringLiteral("u"), "k",
                                                      m_now.addMSecs(1));
        QVERIFY(a.timestamp != b.timestamp);
        QVERIFY(a.body.value(QLatin1String("signature")) != b.body.value(QLatin1String("signature")));
    }

    void refusesBadInput()
    {
        const Profile p = profile(SigningScheme::Signature);
        QVERIFY(!RequestBuilder::build(p, ActionKind::Delete, QStringLiteral("   "), "k", m_now).ok());
        QVERIFY(!RequestBuilder::build(p, ActionKind::Delete, QStringLiteral("a\u0007b"), "k", m_now).ok());
        QVERIFY(!RequestBuilder::build(p, ActionKind::Delete, QStringLiteral("u"), QByteArray(), m_now).ok());
        QVERIFY(!RequestBuilder::build(profile(SigningScheme::SecKey), ActionKind::Delete, QStringLiteral("u"),
                                       "not-a-pem", m_now)
                     .ok());
    }

    void environmentHosts()
    {
        Profile p = profile(SigningScheme::Signature);
        QCOMPARE(p.endpoint().toString(), QStringLiteral("https://portal.smileidentity.com/api/v2/partner/enrollee"));
        p.environment = Environment::Production;
        QCOMPARE(p.endpoint().toString(), QStringLiteral("https://prod.smileidentity.com/api/v2/partner/enrollee"));
        QCOMPARE(p.bodyEnvironment(), QStringLiteral("production"));
        p.environment = Environment::Local;
        QCOMPARE(p.endpoint().toString(), QStringLiteral("http://127.0.0.1:8787/api/v2/partner/enrollee"));
        QCOMPARE(p.bodyEnvironment(), QStringLiteral("test"));
        p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9000"));
        QCOMPARE(p.endpoint().toString(), QStringLiteral("http://127.0.0.1:9000/api/v2/partner/enrollee"));
    }

    void actionNamesRoundTrip()
    {
        QCOMPARE(ActionInfo::all().size(), 6);
        for (ActionKind k : ActionInfo::all()) {
            ActionKind back;
            QVERIFY(ActionInfo::fromCliName(ActionInfo::cliName(k), &back));
            QCOMPARE(back, k);
            QVERIFY(!ActionInfo::displayName(k).isEmpty());
        }
        ActionKind k;
        QVERIFY(!ActionInfo::fromCliName(QStringLiteral("block"), &k));
    }
};

QTEST_GUILESS_MAIN(TestRequestBuilder)
#include "tst_request_builder.moc"
