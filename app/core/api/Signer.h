#pragma once

#include "base/Status.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

// Both of Smile ID's request-signing schemes, on OpenSSL's libcrypto. Stateless; every function
// reports a malformed key as an error string rather than producing a signature that cannot work.
namespace Signer {

struct Result {
    QString value; // the signature or sec_key
    QString error; // translated; empty on success
    bool ok() const { return error.isEmpty(); }
};

// ISO 8601 UTC with milliseconds, always three digits ("...:42.000Z"): the SDKs that dropped ".000"
// got 2205 back.
QString formatTimestamp(const QDateTime &time);

// Current scheme: base64(HMAC-SHA256(key = apiKey, msg = timestamp + partnerId + "sid_request")).
Result signature(const QByteArray &apiKey, const QString &partnerId, const QString &timestamp);
// Constant-time comparison of a received signature against the expected one.
bool verifySignature(const QByteArray &apiKey, const QString &partnerId, const QString &timestamp,
                     const QString &received);

// Legacy scheme: lowercase hex SHA-256 of "<int(partnerId)>:<timestamp>".
Result secKeyHash(const QString &partnerId, qint64 unixSeconds);
// Legacy scheme: base64(RSA-PKCS#1-v1.5(publicKey, hash-hex)) + "|" + hash-hex. The API key of such
// accounts is base64 of a PEM public key; a bare PEM is accepted too.
Result secKey(const QByteArray &apiKey, const QString &partnerId, qint64 unixSeconds);
// Decrypts with the partner's private key (PEM) and checks it against the hash of partnerId/timestamp.
// On failure, the message says what did not match (for the sandbox's logs, never for the client).
Status verifySecKey(const QByteArray &privateKeyPem, const QString &secKey, const QString &partnerId,
                    qint64 unixSeconds);

bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

struct RsaKeyPair {
    QByteArray publicKeyPem;
    QByteArray privateKeyPem;
    // What a legacy account's API key looks like: base64 of the public PEM.
    QByteArray apiKey() const { return publicKeyPem.toBase64(); }
};
// A fresh key pair, for the sandbox and for tests.
RsaKeyPair generateRsaKeyPair(int bits = 2048);

} // namespace Signer
