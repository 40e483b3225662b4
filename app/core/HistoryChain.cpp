#include "HistoryChain.h"

#include <QCoreApplication>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>

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

QString HistoryChain::headMac(qint64 seq, const QString &hash) const
{
    return recordHash(QStringLiteral("HEAD"), seq, hash);
}

ChainReport HistoryChain::check(const QList<HistoryShard::Record> &records, const QStringList &unreadable,
                                const HistoryShard::Head &head) const
{
    ChainReport report;
    report.keyed = keyed();
    auto fail = [&report](qint64 seq, qint64 entry, const QString &problem) {
        report.ok = false;
        report.firstBadSeq = seq;
        report.firstBadEntry = entry;
        report.problem = problem;
        return report;
    };
    if (!unreadable.isEmpty())
        return fail(0, 0,
                    QCoreApplication::translate("HistoryStore", "History files cannot be read: %1.")
                        .arg(unreadable.join(QStringLiteral(", "))));

    qint64 expected = 1;
    QString previous = genesis();
    if (!records.isEmpty() && records.first().seq != 1) {
        // Retention may have removed the oldest shards; a chained prune record must vouch for exactly that.
        const qint64 first = records.first().seq;
        bool vouched = false;
        for (const HistoryShard::Record &r : records) {
            if (r.parsed && r.json.value(QLatin1String("type")) == QLatin1String("prune")
                && qint64(r.json.value(QLatin1String("removed_through")).toDouble()) == first - 1) {
                previous = r.json.value(QLatin1String("anchor_hash")).toString();
                vouched = true;
            }
        }
        if (!vouched)
            return fail(1, 1,
                        QCoreApplication::translate("HistoryStore",
                                                    "Records #1 to #%1 are missing: the oldest entries were removed.")
                            .arg(first - 1));
        expected = first;
    }
    for (const HistoryShard::Record &r : records) {
        const qint64 entry = r.json.value(QLatin1String("type")) == QLatin1String("complete")
            ? qint64(r.json.value(QLatin1String("ref")).toDouble())
            : r.seq;
        if (r.seq > expected)
            return fail(
                expected, expected,
                QCoreApplication::translate("HistoryStore", "Records #%1 to #%2 are missing: entries were removed.")
                    .arg(expected)
                    .arg(r.seq - 1));
        if (r.seq < expected)
            return fail(
                r.seq, entry,
                QCoreApplication::translate("HistoryStore", "Record #%1 appears twice or out of order.").arg(r.seq));
        if (r.hash != recordHash(previous, r.seq, r.text)) {
            return fail(
                r.seq, entry,
                QCoreApplication::translate(
                    "HistoryStore", "%1 was altered, or its neighbours were reordered: its hash does not match.")
                    .arg(HistoryShard::describe(r)));
        }
        if (!r.parsed)
            return fail(
                r.seq, entry,
                QCoreApplication::translate("HistoryStore", "Record #%1 is not valid JSON although its hash matches.")
                    .arg(r.seq));
        previous = r.hash;
        ++expected;
        ++report.records;
        report.headSeq = r.seq;
        report.headHash = r.hash;
    }
    if (head.seq > 0) {
        if (head.mac != headMac(head.seq, head.hash))
            return fail(head.seq, head.seq,
                        QCoreApplication::translate("HistoryStore", "The history head file was altered."));
        if (head.seq >= expected)
            return fail(expected, expected,
                        QCoreApplication::translate("HistoryStore",
                                                    "Records #%1 to #%2 are missing: the newest entries were removed.")
                            .arg(expected)
                            .arg(head.seq));
        const auto it = std::find_if(records.cbegin(), records.cend(),
                                     [&head](const HistoryShard::Record &r) { return r.seq == head.seq; });
        if (it == records.cend() || it->hash != head.hash)
            return fail(head.seq, head.seq,
                        QCoreApplication::translate("HistoryStore", "Record #%1 does not match the history head.")
                            .arg(head.seq));
    } else if (!records.isEmpty()) {
        return fail(records.last().seq, records.last().seq,
                    QCoreApplication::translate("HistoryStore", "The history head file is missing."));
    }
    return report;
}
