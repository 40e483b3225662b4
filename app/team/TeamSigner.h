#pragma once

#include <QByteArray>
#include <QString>

// This console's Ed25519 key for the team trail. Every record it writes carries a signature over the
// record's text, and its public key is registered in the trail's database under the role that
// registered it, so any console can tell a record its author never signed: an officer or a
// superuser who writes a record in another console's name (with a correct chain hash) cannot make
// its signature. The private key is derived from this installation's chain key (HMAC-SHA256 with a
// fixed label), so it is kept where that key is kept and needs no secret of its own.
class TeamSigner
{
public:
    TeamSigner() = default;
    explicit TeamSigner(const QByteArray &chainKey);

    bool ready() const { return !m_publicKey.isEmpty(); }
    // 64 hex digits.
    QString publicKeyHex() const { return QString::fromLatin1(m_publicKey.toHex()); }
    // The first 16 hex digits of SHA-256 of the public key: short, and unknowable before it is registered.
    QString fingerprint() const;
    // The name this console writes under in the trail: its installation id and its key's fingerprint, so
    // a name cannot be registered by anyone before the console itself does.
    QString trailName(const QString &installation) const;
    // The signature of `text`, base64 (empty when there is no key).
    QString sign(const QString &text) const;
    static bool verify(const QString &publicKeyHex, const QString &text, const QString &signature);

private:
    QByteArray m_seed; // the 32-byte private key
    QByteArray m_publicKey;
};
