#include "HistoryChain.h"

#include "history/ChainWalk.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

QString HistoryChain::genesis()
{
    return QString(64, QLatin1Char('0'));
}

QString HistoryChain::recordHash(const QString &previous, qint64 seq, const QString &text) const
{
    const QByteArray message = previous.toLatin1() + '\n' + QByteArray::number(seq) + '\n' + text.toUtf8();
    static const unsigned char emptyKey = 0;
    const unsigned char *key = m_key.isEmpty() ? &emptyKey : reinterpret_cast<const unsigned char *>(m_key.constData());
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key, int(m_key.size()), reinterpret_cast<const unsigned char *>(message.constData()),
         size_t(message.size()), digest, &length);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
}

QString HistoryChain::headMac(qint64 seq, const QString &hash, bool anchored) const
{
    return recordHash(anchored ? QStringLiteral("HEAD anchored") : QStringLiteral("HEAD"), seq, hash);
}

bool HistoryChain::headAuthentic(const HistoryShard::Head &head) const
{
    return head.seq > 0 && head.mac == headMac(head.seq, head.hash, head.anchored);
}

QString HistoryChain::anchorMac(qint64 seq, const QString &hash) const
{
    // Its own domain, so a HEAD line copied into the anchor file does not pass for an anchor.
    return recordHash(QStringLiteral("ANCHOR"), seq, hash);
}

ChainReport HistoryChain::check(const QList<HistoryShard::Record> &records, const QStringList &unreadable,
                                const HistoryShard::Head &head, const AnchorState &anchor,
                                const AnchorState &keychainAnchor) const
{
    // Every record is at hand, so the newest key epoch is known before the walk begins.
    qint64 epoch = 0;
    for (const HistoryShard::Record &r : records) {
        if (r.parsed && r.json.value(QLatin1String("type")) == QLatin1String("epoch"))
            epoch = r.seq;
    }
    ChainWalk walk(*this, epoch, true, head, anchor, keychainAnchor);
    for (const QString &file : unreadable)
        walk.addUnreadable(file);
    for (const HistoryShard::Record &r : records)
        walk.add(r);
    return walk.finish();
}
