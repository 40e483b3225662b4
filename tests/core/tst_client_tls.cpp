// A TLS failure is a failure: a self-signed HTTPS server on loopback (certificate made here with OpenSSL)
// must end in Outcome::TlsError with a clear message, nothing decrypted by the server, nothing retried.

#include "action/ActionRunner.h"
#include "base/Clock.h"
#include "support/SandboxTestSupport.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

using namespace SandboxTest;

namespace {
QByteArray bioText(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(length));
}

// A certificate for 127.0.0.1 (CN and subjectAltName) that no one vouches for: the only thing wrong with
// it is that it is self-signed, which is exactly what an intercepting proxy or a misconfigured host shows.
bool makeSelfSigned(QByteArray *certPem, QByteArray *keyPem)
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509 *cert = X509_new();
    bool ok = key && cert;
    if (ok) {
        X509_set_version(cert, 2);
        ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
        X509_gmtime_adj(X509_getm_notBefore(cert), -60);
        X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
        X509_set_pubkey(cert, key);
        X509_NAME *name = X509_get_subject_name(cert);
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("127.0.0.1"), -1,
                                   -1, 0);
        X509_set_issuer_name(cert, name);
        X509V3_CTX ctx;
        X509V3_set_ctx_nodb(&ctx);
        X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
        X509_EXTENSION *san = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, "IP:127.0.0.1");
        ok = san && X509_add_ext(cert, san, -1) == 1 && X509_sign(cert, key, EVP_sha256()) > 0;
        X509_EXTENSION_free(san);
    }
    if (ok) {
        BIO *c = BIO_new(BIO_s_mem());
        BIO *k = BIO_new(BIO_s_mem());
        ok = PEM_write_bio_X509(c, cert) == 1
            && PEM_write_bio_PrivateKey(k, key, nullptr, nullptr, 0, nullptr, nullptr) == 1;
        *certPem = bioText(c);
        *keyPem = bioText(k);
        BIO_free(c);
        BIO_free(k);
    }
    X509_free(cert);
    EVP_PKEY_free(key);
    return ok;
}
} // namespace

class TestClientTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void selfSignedIsTlsError();
    void runnerDoesNotRetryTls();

private:
    QUrl endpoint() const;

    QTemporaryDir m_home;
    QSslServer m_tls;
    QByteArray m_decrypted; // whatever the server managed to read: must stay empty
    int m_handshakeFailures = 0;
};

void TestClientTls::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("ENROLLEE_HOME", m_home.path().toUtf8());
    isolate("tst_client_tls");
    QVERIFY2(QSslSocket::supportsSsl(), "Qt's TLS backend is missing");
    QByteArray certPem;
    QByteArray keyPem;
    QVERIFY(makeSelfSigned(&certPem, &keyPem));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificate(QSslCertificate(certPem, QSsl::Pem));
    config.setPrivateKey(QSslKey(keyPem, QSsl::Ec, QSsl::Pem));
    QVERIFY(!config.localCertificate().isNull() && !config.privateKey().isNull());
    config.setPeerVerifyMode(QSslSocket::VerifyNone); // the server does not ask for a client certificate
    m_tls.setSslConfiguration(config);
    connect(&m_tls, &QSslServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_tls.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { m_decrypted += socket->readAll(); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    connect(&m_tls, &QSslServer::errorOccurred, this, [this] { ++m_handshakeFailures; });
    QVERIFY(m_tls.listen(QHostAddress::LocalHost, 0));
}

QUrl TestClientTls::endpoint() const
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_tls.serverPort());
    url.setPath(QLatin1String(Defaults::kEndpointPath));
    return url;
}

void TestClientTls::selfSignedIsTlsError()
{
    QNetworkAccessManager network;
    EnrolleeClient client(&network);
    client.setTimeoutMs(3000);
    ApiResult result;
    QVERIFY(wait(client.post(endpoint(), QByteArrayLiteral("{\"user_id\":\"demo-user-001\"}")), &result, 5000));
    qInfo().noquote() << "client:" << result.summary() << "|" << result.advice();
    QCOMPARE(result.outcome, ApiResult::Outcome::TlsError);
    QCOMPARE(result.httpStatus, 0);
    QVERIFY(!result.requestSent);
    QVERIFY(!result.isRetryable());
    QVERIFY2(result.message.contains(QLatin1String("self signed"), Qt::CaseInsensitive)
                 || result.message.contains(QLatin1String("self-signed"), Qt::CaseInsensitive),
             qPrintable(result.message));
    QVERIFY(result.summary().startsWith(QLatin1String("Secure connection failed")));
    QVERIFY(result.advice().contains(QLatin1String("nothing was sent")));
    QVERIFY(result.advice().contains(QLatin1String("never ignores certificate errors")));
    QTRY_VERIFY(m_handshakeFailures > 0); // the server saw the client walk away during the handshake
    QVERIFY(m_decrypted.isEmpty());
}

void TestClientTls::runnerDoesNotRetryTls()
{
    const std::unique_ptr<CoreContext> context = SandboxTest::core(m_home.filePath(QStringLiteral("tls-runner")));
    context->client()->setTimeoutMs(3000);
    ActionRunner &runner = *context->runner();
    RetryPolicy fast;
    fast.baseDelayMs = 10;
    runner.setRetryPolicy(fast);

    ActionRequest request;
    request.action = ActionKind::Deactivate;
    request.userId = QStringLiteral("demo-user-001");
    request.profile.name = QStringLiteral("self-signed");
    request.profile.partnerId = QStringLiteral("001");
    request.profile.email = QStringLiteral("officer@example.com");
    request.profile.environment = Environment::Sandbox;
    request.profile.baseUrl = endpoint().adjusted(QUrl::RemovePath);
    request.apiKey = SandboxTest::secret(QByteArrayLiteral("sandbox-demo-key"));
    QSignalSpy finished(&runner, &ActionRunner::actionFinished);
    QSignalSpy retried(&runner, &ActionRunner::attemptFailed);
    const Result<quint64> ticket = runner.submit(request);
    QVERIFY2(ticket.ok(), qPrintable(ticket.message()));
    QVERIFY(finished.wait(8000));
    const ActionOutcome outcome = finished.first().first().value<ActionOutcome>();
    QCOMPARE(outcome.result.outcome, ApiResult::Outcome::TlsError);
    QCOMPARE(outcome.attempts, 1);
    QCOMPARE(retried.count(), 0);
    QVERIFY(outcome.advice.contains(QLatin1String("certificate")));
    const QList<HistoryEntry> entries = SandboxTest::readAll(context->history());
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().outcome, HistoryEntry::Outcome::Failure);
    QCOMPARE(entries.first().attempts.size(), 1);
    QCOMPARE(entries.first().attempts.at(0).toObject().value(QLatin1String("outcome")).toString(),
             QStringLiteral("tls-error"));
    QVERIFY(entries.first().message.startsWith(QLatin1String("Secure connection failed")));
    QVERIFY(m_decrypted.isEmpty());
}

QTEST_GUILESS_MAIN(TestClientTls)
#include "tst_client_tls.moc"
