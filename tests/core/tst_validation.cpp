#include "action/Validation.h"
#include "settings/Profile.h"

#include <QTest>

class TestValidation : public QObject
{
    Q_OBJECT
private slots:
    void userIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << "user-001" << true;
        QTest::newRow("trimmed") << "  user-001  " << true;
        QTest::newRow("inner space") << "jane doe" << true;
        QTest::newRow("unicode") << QStringLiteral("usér-ñ-日本-😀") << true;
        QTest::newRow("256") << QString(256, QLatin1Char('a')) << true;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("blank") << " \t " << false;
        QTest::newRow("newline") << "a\nb" << false;
        QTest::newRow("nul") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b")) << false;
        QTest::newRow("bell") << "a\u0007b" << false;
        QTest::newRow("zero-width space") << QStringLiteral("a\u200Bb") << false;
        QTest::newRow("bidi override") << QStringLiteral("a\u202Eb") << false;
        QTest::newRow("257") << QString(257, QLatin1Char('a')) << false;
        QTest::newRow("10000") << QString(10000, QLatin1Char('x')) << false;
        QTest::newRow("lone surrogate") << QString(QChar(0xD800)) << false;
    }

    void userIds()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        const Status checked = Validation::checkUserId(id);
        QCOMPARE(checked.ok(), valid);
        // A refusal is Invalid and says why; an acceptance carries no message.
        QCOMPARE(checked.message().isEmpty(), valid);
        if (!valid)
            QCOMPARE(checked.kind(), Status::Kind::Invalid);
    }

    void baseUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("valid");
        QTest::newRow("https") << "https://portal.smileidentity.com" << true;
        QTest::newRow("https port") << "https://example.com:8443" << true;
        QTest::newRow("loopback http") << "http://127.0.0.1:8787" << true;
        QTest::newRow("localhost http") << "http://localhost:8787" << true;
        QTest::newRow("ipv6 loopback") << "http://[::1]:8787" << true;
        QTest::newRow("127.x") << "http://127.0.0.2:80" << true;
        QTest::newRow("trailing slash") << "https://example.com/" << true;
        QTest::newRow("remote http") << "http://example.com" << false;
        QTest::newRow("private http") << "http://192.168.1.10:8080" << false;
        QTest::newRow("path") << "https://example.com/api" << false;
        QTest::newRow("query") << "https://example.com?x=1" << false;
        QTest::newRow("credentials") << "https://user:pw@example.com" << false;
        QTest::newRow("ftp") << "ftp://example.com" << false;
        QTest::newRow("no scheme") << "example.com" << false;
        QTest::newRow("garbage") << "http//::" << false;
        QTest::newRow("empty") << "" << false;
    }

    void baseUrls()
    {
        QFETCH(QString, url);
        QFETCH(bool, valid);
        QCOMPARE(Validation::checkBaseUrl(url).ok(), valid);
        if (valid)
            QVERIFY(Validation::parseBaseUrl(url).isValid());
    }

    void emails()
    {
        QVERIFY(Validation::checkEmail(QStringLiteral("officer@example.com")).ok());
        QVERIFY(!Validation::checkEmail(QString()).ok());
        QVERIFY(!Validation::checkEmail(QStringLiteral("officer")).ok());
        QVERIFY(!Validation::checkEmail(QStringLiteral("a@b")).ok());
        QVERIFY(!Validation::checkEmail(QStringLiteral("a b@example.com")).ok());
        QVERIFY(!Validation::checkEmail(QString(300, QLatin1Char('a')) + QStringLiteral("@example.com")).ok());
    }

    void partnerIds()
    {
        QVERIFY(Validation::checkPartnerId(QStringLiteral("085")).ok());
        QVERIFY(Validation::checkPartnerId(QStringLiteral("partner")).ok());
        QVERIFY(!Validation::checkPartnerId(QString()).ok());
        QVERIFY(!Validation::checkPartnerId(QStringLiteral("0 85")).ok());
    }

    void profileValidation()
    {
        Profile p;
        QVERIFY(!p.validate().ok());
        p.partnerId = QStringLiteral("085");
        QVERIFY(!p.validate().ok()); // email missing
        p.email = QStringLiteral("o@example.com");
        QVERIFY(p.validate().ok());
        p.baseUrl = QUrl(QStringLiteral("http://example.com"));
        QVERIFY(!p.validate().ok());
    }

    // A known Smile ID host decides the environment; a label that disagrees is
    // refused, because the label decides the confirmations and the banner.
    void environmentAgainstHost_data()
    {
        QTest::addColumn<QString>("environment");
        QTest::addColumn<QString>("baseUrl");
        QTest::addColumn<bool>("valid");
        QTest::newRow("sandbox on portal") << "sandbox"
                                           << "https://portal.smileidentity.com" << true;
        QTest::newRow("production on prod") << "production"
                                            << "https://prod.smileidentity.com" << true;
        QTest::newRow("sandbox on prod") << "sandbox"
                                         << "https://prod.smileidentity.com" << false;
        QTest::newRow("sandbox on PROD, trailing dot") << "sandbox"
                                                       << "https://PROD.SmileIdentity.com." << false;
        QTest::newRow("local on prod") << "local"
                                       << "https://prod.smileidentity.com" << false;
        QTest::newRow("local on portal") << "local"
                                         << "https://portal.smileidentity.com" << false;
        QTest::newRow("production on portal") << "production"
                                              << "https://portal.smileidentity.com" << false;
        QTest::newRow("local on a remote host") << "local"
                                                << "https://sandbox.example.com" << false;
        QTest::newRow("local on loopback") << "local"
                                           << "http://127.0.0.1:8787" << true;
        QTest::newRow("sandbox on loopback") << "sandbox"
                                             << "http://127.0.0.1:8787" << true;
        QTest::newRow("sandbox on a proxy") << "sandbox"
                                            << "https://proxy.example.com" << true;
        QTest::newRow("no base URL") << "local"
                                     << "" << true;
    }

    void environmentAgainstHost()
    {
        QFETCH(QString, environment);
        QFETCH(QString, baseUrl);
        QFETCH(bool, valid);
        Profile p;
        p.partnerId = QStringLiteral("085");
        p.email = QStringLiteral("o@example.com");
        QVERIFY(environmentFromName(environment, &p.environment));
        p.baseUrl = Validation::parseBaseUrl(baseUrl);
        const Status s = p.validate();
        QCOMPARE(s.ok(), valid);
        if (!valid) {
            QCOMPARE(s.kind(), Status::Kind::Invalid);
            QVERIFY2(s.message().contains(p.baseUrl.host(), Qt::CaseInsensitive)
                         || s.message().contains(u"smileidentity"),
                     qPrintable(s.message()));
        }
    }

    void knownHosts()
    {
        Environment env = Environment::Local;
        QVERIFY(environmentForHost(QStringLiteral("portal.smileidentity.com"), &env));
        QCOMPARE(env, Environment::Sandbox);
        QVERIFY(environmentForHost(QStringLiteral("prod.smileidentity.com"), &env));
        QCOMPARE(env, Environment::Production);
        QVERIFY(!environmentForHost(QStringLiteral("smileidentity.com.example.org"), &env));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
