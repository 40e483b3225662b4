#include "api/Signer.h"

#include <QRandomGenerator>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

class TestSigner : public QObject
{
    Q_OBJECT
private:
    Signer::RsaKeyPair m_keys;

private slots:
    void initTestCase()
    {
        m_keys = Signer::generateRsaKeyPair(2048);
        QVERIFY(m_keys.publicKeyPem.startsWith("-----BEGIN PUBLIC KEY-----"));
        QVERIFY(m_keys.privateKeyPem.startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    void knownVector()
    {
        // From Smile ID's Java SDK tests (see SMILE_ID_API.md).
        const Signer::Result r = Signer::signature("apiKey", QStringLiteral("partner"),
                                                   QStringLiteral("2023-02-13T15:07:42.214Z"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.value, QStringLiteral("XxThLHZy2ij1WINkqNEPgzVs9RvUDHWlebDYzprqS74="));
        QCOMPARE(r.value.size(), 44);
    }

    void timestampKeepsZeroMilliseconds()
    {
        const QDateTime t(QDate(2024, 1, 2), QTime(3, 4, 5, 0), Qt::UTC);
        QCOMPARE(Signer::formatTimestamp(t), QStringLiteral("2024-01-02T03:04:05.000Z"));
        // A local time is converted, never sent without its offset.
        const QDateTime local = t.toOffsetFromUtc(3600);
        QCOMPARE(Signer::formatTimestamp(local), QStringLiteral("2024-01-02T03:04:05.000Z"));
    }

    void roundTrips()
    {
        auto *rng = QRandomGenerator::global();
        for (int i = 0; i < 200; ++i) {
            QByteArray key(int(rng->bounded(1, 64)), Qt::Uninitialized);
            for (char &c : key)
                c = char(rng->bounded(256));
            const QString partner = QString::number(rng->bounded(1, 100000));
            const QString ts = Signer::formatTimestamp(QDateTime::currentDateTimeUtc().addMSecs(rng->bounded(1000000)));
            const Signer::Result r = Signer::signature(key, partner, ts);
            QVERIFY(r.ok());
            QVERIFY(Signer::verifySignature(key, partner, ts, r.value));
            // Any change to key, partner, timestamp or signature fails.
            QVERIFY(!Signer::verifySignature(key + 'x', partner, ts, r.value));
            QVERIFY(!Signer::verifySignature(key, partner + QLatin1Char('1'), ts, r.value));
            QVERIFY(!Signer::verifySignature(key, partner, ts + QLatin1Char(' '), r.value));
            QString tampered = r.value;
            tampered[int(rng->bounded(tampered.size() - 1))] = tampered.at(0) == QLatin1Char('A') ? QLatin1Char('B')
                                                                                                  : QLatin1Char('A');
            if (tampered != r.value)
                QVERIFY(!Signer::verifySignature(key, partner, ts, tampered));
        }
    }

    void emptyInputsAreErrors()
    {
        QVERIFY(!Signer::signature({}, QStringLiteral("1"), QStringLiteral("t")).ok());
        QVERIFY(!Signer::signature("k", {}, QStringLiteral("t")).ok());
        QVERIFY(!Signer::signature("k", QStringLiteral("1"), {}).ok());
        QVERIFY(!Signer::verifySignature({}, QStringLiteral("1"), QStringLiteral("t"), QStringLiteral("x")));
    }

    void secKeyHashVector()
    {
        const Signer::Result r = Signer::secKeyHash(QStringLiteral("001"), 1700000000);
        QVERIFY(r.ok());
        QCOMPARE(r.value, QStringLiteral("c39be36c5ff94772ea06eac8738252507d5062c112ad925294bc240771ca6343"));
        QVERIFY(!Signer::secKeyHash(QStringLiteral("partner"), 1).ok());
    }

    void secKeyDecryptsToTheHash()
    {
        const qint64 ts = 1700000000;
        const Signer::Result r = Signer::secKey(m_keys.apiKey(), QStringLiteral("001"), ts);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QStringList parts = r.value.split(QLatin1Char('|'));
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts[1], Signer::secKeyHash(QStringLiteral("001"), ts).value);

        // Decrypt independently with libcrypto and the private key: the plaintext is the hex text.
        const QByteArray cipher = QByteArray::fromBase64(parts[0].toLatin1());
        QCOMPARE(cipher.size(), 256);
        BIO *bio = BIO_new_mem_buf(m_keys.privateKeyPem.constData(), int(m_keys.privateKeyPem.size()));
        EVP_PKEY *pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
        BIO_free(bio);
        QVERIFY(pkey);
        EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(pkey, nullptr);
        QVERIFY(EVP_PKEY_decrypt_init(ctx) > 0);
        QVERIFY(EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) > 0);
        unsigned char out[512];
        size_t outLen = sizeof out;
        QVERIFY(EVP_PKEY_decrypt(ctx, out, &outLen, reinterpret_cast<const unsigned char *>(cipher.constData()),
                                 size_t(cipher.size()))
                > 0);
        EVP_PKEY_CTX_free(ctx);
        EVP_PKEY_free(pkey);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(out), int(outLen)), parts[1].toLatin1());

        QVERIFY(Signer::verifySecKey(m_keys.privateKeyPem, r.value, QStringLiteral("001"), ts).ok());
        QVERIFY(Signer::verifySecKey(m_keys.privateKeyPem, r.value, QStringLiteral("1"), ts).ok()); // int(partner_id)
        const Status wrongPartner = Signer::verifySecKey(m_keys.privateKeyPem, r.value, QStringLiteral("002"), ts);
        QVERIFY(!wrongPartner.ok());
        QVERIFY(!wrongPartner.message().isEmpty());
        QVERIFY(!Signer::verifySecKey(m_keys.privateKeyPem, r.value, QStringLiteral("001"), ts + 1).ok());
        // Random padding: two sec_keys differ but both verify.
        const Signer::Result again = Signer::secKey(m_keys.apiKey(), QStringLiteral("001"), ts);
        QVERIFY(again.value != r.value);
        QVERIFY(Signer::verifySecKey(m_keys.privateKeyPem, again.value, QStringLiteral("001"), ts).ok());
        // Another key pair cannot decrypt it.
        const Signer::RsaKeyPair other = Signer::generateRsaKeyPair(1024);
        QVERIFY(!Signer::verifySecKey(other.privateKeyPem, r.value, QStringLiteral("001"), ts).ok());
        // A bare PEM is accepted as the API key too.
        QVERIFY(Signer::secKey(m_keys.publicKeyPem, QStringLiteral("001"), ts).ok());
    }

    void malformedLegacyKeys_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("blank") << QByteArray("   ");
        QTest::newRow("not base64") << QByteArray("%%%not-base64%%%");
        QTest::newRow("base64 of junk") << QByteArray("aGVsbG8gd29ybGQ=");
        QTest::newRow("an HMAC-style key") << QByteArray("0123456789abcdef0123456789abcdef");
        QTest::newRow("private key instead")
            << QByteArray("-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");
        QTest::newRow("truncated PEM")
            << QByteArray("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----\n").toBase64();
    }

    void malformedLegacyKeys()
    {
        QFETCH(QByteArray, key);
        const Signer::Result r = Signer::secKey(key, QStringLiteral("001"), 1700000000);
        QVERIFY(!r.ok());
        QVERIFY(r.value.isEmpty());
        QVERIFY(!r.error.isEmpty());
    }

    void constantTimeEquals()
    {
        QVERIFY(Signer::constantTimeEquals("abc", "abc"));
        QVERIFY(!Signer::constantTimeEquals("abc", "abd"));
        QVERIFY(!Signer::constantTimeEquals("abc", "abcd"));
        QVERIFY(Signer::constantTimeEquals({}, {}));
    }
};

QTEST_GUILESS_MAIN(TestSigner)
#include "tst_signer.moc"
