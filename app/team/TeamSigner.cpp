#include "TeamSigner.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <openssl/evp.h>

#include <memory>

namespace {
constexpr int kKeyBytes = 32;
constexpr int kSignatureBytes = 64;

struct KeyFree {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct ContextFree {
    void operator()(EVP_MD_CTX *ctx) const { EVP_MD_CTX_free(ctx); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;
using Context = std::unique_ptr<EVP_MD_CTX, ContextFree>;

const auto *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}
} // namespace

TeamSigner::TeamSigner(const QByteArray &chainKey)
{
    if (chainKey.isEmpty())
        return;
    m_seed = QMessageAuthenticationCode::hash(QByteArrayLiteral("enrollee-console team trail signing key 1"), chainKey,
                                              QCryptographicHash::Sha256);
    const Key key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes(m_seed), size_t(m_seed.size())));
    QByteArray pub(kKeyBytes, '\0');
    size_t length = size_t(pub.size());
    if (!key || EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char *>(pub.data()), &length) != 1
        || length != size_t(kKeyBytes)) {
        m_seed.clear();
        return;
    }
    m_publicKey = pub;
}

QString TeamSigner::fingerprint() const
{
    return QString::fromLatin1(QCryptographicHash::hash(m_publicKey, QCryptographicHash::Sha256).toHex().left(16));
}

QString TeamSigner::trailName(const QString &installation) const
{
    return installation + QLatin1Char('.') + fingerprint();
}

QString TeamSigner::sign(const QString &text) const
{
    if (!ready())
        return {};
    const Key key(EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr, bytes(m_seed), size_t(m_seed.size())));
    const Context ctx(EVP_MD_CTX_new());
    const QByteArray message = text.toUtf8();
    QByteArray signature(kSignatureBytes, '\0');
    size_t length = size_t(signature.size());
    if (!key || !ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1
        || EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, bytes(message),
                          size_t(message.size()))
            != 1)
        return {};
    return QString::fromLatin1(signature.left(int(length)).toBase64());
}

bool TeamSigner::verify(const QString &publicKeyHex, const QString &text, const QString &signature)
{
    const QByteArray pub = QByteArray::fromHex(publicKeyHex.toLatin1());
    const QByteArray sig = QByteArray::fromBase64(signature.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (pub.size() != kKeyBytes || sig.size() != kSignatureBytes)
        return false;
    const Key key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes(pub), size_t(pub.size())));
    const Context ctx(EVP_MD_CTX_new());
    const QByteArray message = text.toUtf8();
    return key && ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1
        && EVP_DigestVerify(ctx.get(), bytes(sig), size_t(sig.size()), bytes(message), size_t(message.size())) == 1;
}
