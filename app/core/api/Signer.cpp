#include "Signer.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>

namespace {
struct BioFree {
    void operator()(BIO *b) const { BIO_free(b); }
};
struct PkeyFree {
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;

QString opensslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return {};
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    return QString::fromLatin1(buffer);
}

// Legacy keys are base64 of a PEM; people also paste the PEM itself. Accept both, nothing else.
QByteArray pemFromApiKey(const QByteArray &apiKey)
{
    QByteArray trimmed = apiKey.trimmed();
    if (trimmed.startsWith("-----BEGIN"))
        return trimmed;
    const auto decoded = QByteArray::fromBase64Encoding(trimmed, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return {};
    return decoded.decoded.trimmed();
}

PkeyPtr readPublicKey(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    if (!bio)
        return {};
    PkeyPtr key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
    ERR_clear_error();
    return key;
}

PkeyPtr readPrivateKey(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    if (!bio)
        return {};
    // An empty passphrase callback result makes an encrypted key fail instead of prompting on a terminal.
    PkeyPtr key(PEM_read_bio_PrivateKey(
        bio.get(), nullptr, [](char *, int, int, void *) { return 0; }, nullptr));
    ERR_clear_error();
    return key;
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}
} // namespace

namespace Signer {

QString formatTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

Result signature(const QByteArray &apiKey, const QString &partnerId, const QString &timestamp)
{
    if (apiKey.isEmpty())
        return {{}, QCoreApplication::translate("Signer", "The API key is empty.")};
    if (partnerId.isEmpty())
        return {{}, QCoreApplication::translate("Signer", "The partner ID is empty.")};
    if (timestamp.isEmpty())
        return {{}, QCoreApplication::translate("Signer", "The timestamp is empty.")};
    const QByteArray message = timestamp.toUtf8() + partnerId.toUtf8() + QByteArrayLiteral("sid_request");
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!HMAC(EVP_sha256(), apiKey.constData(), int(apiKey.size()),
              reinterpret_cast<const unsigned char *>(message.constData()), size_t(message.size()), digest, &length))
        return {{}, QCoreApplication::translate("Signer", "HMAC-SHA256 failed: %1").arg(opensslError())};
    return {QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(length)).toBase64()), {}};
}

bool verifySignature(const QByteArray &apiKey, const QString &partnerId, const QString &timestamp,
                     const QString &received)
{
    const Result expected = signature(apiKey, partnerId, timestamp);
    if (!expected.ok())
        return false;
    return constantTimeEquals(expected.value.toLatin1(), received.toUtf8());
}

Result secKeyHash(const QString &partnerId, qint64 unixSeconds)
{
    bool isNumber = false;
    const qulonglong id = partnerId.toULongLong(&isNumber);
    if (!isNumber)
        return {{},
                QCoreApplication::translate("Signer",
                                            "The legacy sec_key scheme needs a numeric partner ID; \"%1\" is not one.")
                    .arg(partnerId.left(80))};
    const QByteArray message = QByteArray::number(id) + ':' + QByteArray::number(unixSeconds);
    return {QString::fromLatin1(QCryptographicHash::hash(message, QCryptographicHash::Sha256).toHex()), {}};
}

Result secKey(const QByteArray &apiKey, const QString &partnerId, qint64 unixSeconds)
{
    if (apiKey.trimmed().isEmpty())
        return {{}, QCoreApplication::translate("Signer", "The API key is empty.")};
    Result hash = secKeyHash(partnerId, unixSeconds);
    if (!hash.ok())
        return hash;
    const QByteArray pem = pemFromApiKey(apiKey);
    PkeyPtr key = pem.isEmpty() ? PkeyPtr() : readPublicKey(pem);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return {{},
                QCoreApplication::translate(
                    "Signer",
                    "This API key is not a legacy (sec_key) key: it should be base64 of a PEM RSA public key. "
                    "Accounts created recently use the signature scheme instead.")};
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
    if (!ctx || EVP_PKEY_encrypt_init(ctx.get()) <= 0
        || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) <= 0)
        return {{}, QCoreApplication::translate("Signer", "RSA encryption could not start: %1").arg(opensslError())};
    const QByteArray plain = hash.value.toLatin1();
    size_t outLength = 0;
    if (EVP_PKEY_encrypt(ctx.get(), nullptr, &outLength, reinterpret_cast<const unsigned char *>(plain.constData()),
                         size_t(plain.size()))
        <= 0)
        return {{}, QCoreApplication::translate("Signer", "RSA encryption failed: %1").arg(opensslError())};
    QByteArray cipher(int(outLength), Qt::Uninitialized);
    if (EVP_PKEY_encrypt(ctx.get(), reinterpret_cast<unsigned char *>(cipher.data()), &outLength,
                         reinterpret_cast<const unsigned char *>(plain.constData()), size_t(plain.size()))
        <= 0)
        return {{},
                QCoreApplication::translate("Signer", "RSA encryption failed (is the key large enough?): %1")
                    .arg(opensslError())};
    cipher.truncate(int(outLength));
    return {QString::fromLatin1(cipher.toBase64()) + QLatin1Char('|') + hash.value, {}};
}

Status verifySecKey(const QByteArray &privateKeyPem, const QString &secKey, const QString &partnerId,
                    qint64 unixSeconds)
{
    auto fail = [](const QString &reason) { return Status::failure(reason, Status::Kind::Invalid); };
    const Result expected = secKeyHash(partnerId, unixSeconds);
    if (!expected.ok())
        return fail(expected.error);
    const qsizetype bar = secKey.indexOf(QLatin1Char('|'));
    if (bar <= 0)
        return fail(QCoreApplication::translate("Signer", "sec_key has no '|' separator"));
    const QByteArray sentHash = secKey.mid(bar + 1).toLatin1();
    if (!constantTimeEquals(sentHash, expected.value.toLatin1()))
        return fail(QCoreApplication::translate("Signer", "sec_key hash does not match partner_id and timestamp"));
    const auto cipher = QByteArray::fromBase64Encoding(secKey.left(bar).toLatin1(),
                                                       QByteArray::AbortOnBase64DecodingErrors);
    if (!cipher)
        return fail(QCoreApplication::translate("Signer", "sec_key ciphertext is not base64"));
    PkeyPtr key = readPrivateKey(privateKeyPem);
    if (!key)
        return fail(QCoreApplication::translate("Signer", "private key is unreadable"));
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
    if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) <= 0
        || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) <= 0)
        return fail(QCoreApplication::translate("Signer", "RSA decryption could not start"));
    size_t outLength = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(cipher.decoded.constData());
    if (EVP_PKEY_decrypt(ctx.get(), nullptr, &outLength, in, size_t(cipher.decoded.size())) <= 0) {
        ERR_clear_error();
        return fail(QCoreApplication::translate("Signer", "sec_key does not decrypt with this key"));
    }
    QByteArray plain(int(outLength), Qt::Uninitialized);
    if (EVP_PKEY_decrypt(ctx.get(), reinterpret_cast<unsigned char *>(plain.data()), &outLength, in,
                         size_t(cipher.decoded.size()))
        <= 0) {
        ERR_clear_error();
        return fail(QCoreApplication::translate("Signer", "sec_key does not decrypt with this key"));
    }
    plain.truncate(int(outLength));
    if (!constantTimeEquals(plain, expected.value.toLatin1()))
        return fail(QCoreApplication::translate("Signer", "decrypted sec_key does not match its hash"));
    return Status::success();
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    return CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

RsaKeyPair generateRsaKeyPair(int bits)
{
    PkeyPtr key(EVP_RSA_gen(static_cast<unsigned int>(bits)));
    if (!key)
        return {};
    RsaKeyPair pair;
    BioPtr pub(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PUBKEY(pub.get(), key.get()) == 1)
        pair.publicKeyPem = bioContents(pub.get());
    BioPtr priv(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PrivateKey(priv.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1)
        pair.privateKeyPem = bioContents(priv.get());
    return pair;
}

} // namespace Signer
