#include "HistoryChain.h"

#include <QCoreApplication>
#include <QDir>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>

namespace {
// The first break is also the report's headline; the walk goes on to find the others.
void addBreak(ChainReport &report, qint64 seq, qint64 entry, const QString &problem)
{
    if (report.ok) {
        report.ok = false;
        report.firstBadSeq = seq;
        report.firstBadEntry = entry;
        report.problem = problem;
    }
    report.breaks.append({seq, entry, problem});
}

qint64 entryOf(const HistoryShard::Record &r)
{
    return r.json.value(QLatin1String("type")) == QLatin1String("complete")
        ? qint64(r.json.value(QLatin1String("ref")).toDouble())
        : r.seq;
}

const HistoryShard::Record *findRecord(const QList<HistoryShard::Record> &records, qint64 seq)
{
    const auto it = std::find_if(records.cbegin(), records.cend(),
                                 [seq](const HistoryShard::Record &r) { return r.seq == seq; });
    return it == records.cend() ? nullptr : &*it;
}

qint64 newestSeq(const QList<HistoryShard::Record> &records)
{
    qint64 newest = 0;
    for (const HistoryShard::Record &r : records)
        newest = std::max(newest, r.seq);
    return newest;
}

// Finds the newest key-epoch record and says in the report what it means; returns its number (0: none).
qint64 noteEpoch(const QList<HistoryShard::Record> &records, ChainReport &report)
{
    const HistoryShard::Record *epoch = nullptr;
    for (const HistoryShard::Record &r : records) {
        if (r.parsed && r.json.value(QLatin1String("type")) == QLatin1String("epoch"))
            epoch = &r;
    }
    if (!epoch)
        return 0;
    report.epochRecord = epoch->seq;
    report.unverifiableThrough = epoch->seq - 1;
    const QDateTime time = HistoryShard::parseTime(epoch->json.value(QLatin1String("time")));
    report.epochNote = QCoreApplication::translate("HistoryStore",
                                                   "Records #1 to #%1 were chained with a key that was given up for "
                                                   "good on %2 by %3 (\"%4\"; record #%5): they cannot be verified, "
                                                   "and are not reported as altered.")
                           .arg(epoch->seq - 1)
                           .arg(time.toUTC().toString(Qt::ISODate),
                                epoch->json.value(QLatin1String("operator")).toString(),
                                epoch->json.value(QLatin1String("reason")).toString())
                           .arg(epoch->seq);
    return epoch->seq;
}
} // namespace

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

HistoryChain::AnchorVerdict HistoryChain::checkAnchor(const QList<HistoryShard::Record> &records,
                                                      const HistoryShard::Head &head, const AnchorState &anchor,
                                                      const QString &where, ChainReport &report) const
{
    if (!anchor.present)
        return AnchorVerdict::None;
    if (!HistoryAnchor::authentic(anchor, *this)) {
        addBreak(report, 0, 0,
                 QCoreApplication::translate("HistoryStore",
                                             "The history's anchor %1 is damaged, or was made with another chain key.")
                     .arg(where));
        return AnchorVerdict::None;
    }
    const qint64 last = newestSeq(records);
    if (anchor.seq > last) {
        const HistoryShard::Record *newest = findRecord(records, last);
        const bool headAgrees = last > 0 && newest && head.seq == last && head.hash == newest->hash
            && headAuthentic(head);
        if (headAgrees)
            addBreak(report, last + 1, last + 1,
                     QCoreApplication::translate("HistoryStore",
                                                 "The history was rolled back to record #%1: the anchor %2 says "
                                                 "record #%3 was written.")
                         .arg(last)
                         .arg(where)
                         .arg(anchor.seq));
        else
            addBreak(report, last + 1, last + 1,
                     QCoreApplication::translate("HistoryStore",
                                                 "The newest %n record(s) were removed (#%1 to #%2): the anchor %3 "
                                                 "says record #%2 was written.",
                                                 nullptr, int(anchor.seq - last))
                         .arg(last + 1)
                         .arg(anchor.seq)
                         .arg(where));
        return AnchorVerdict::RemovalNamed;
    }
    // An anchor behind the newest record is a crash between HEAD and the anchor, or a release without one.
    if (const HistoryShard::Record *anchored = findRecord(records, anchor.seq)) {
        if (anchored->hash != anchor.hash)
            addBreak(report, anchor.seq, entryOf(*anchored),
                     QCoreApplication::translate("HistoryStore",
                                                 "Record #%1 is not the record the anchor %2 vouches for: the "
                                                 "history was replaced from there (rolled back and written again, "
                                                 "or files swapped).")
                         .arg(anchor.seq)
                         .arg(where));
        else if (anchor.seq == last)
            return AnchorVerdict::MatchesNewest;
    }
    return AnchorVerdict::None;
}

bool HistoryChain::checkAnchors(const QList<HistoryShard::Record> &records, const HistoryShard::Head &head,
                                const AnchorState &anchor, const AnchorState &keychainAnchor, ChainReport &report) const
{
    const AnchorVerdict file = checkAnchor(
        records, head, anchor, QCoreApplication::translate("HistoryStore", "outside the history folder"), report);
    // A history whose HEAD says it was anchored has lost its anchor: removing the anchor is how a
    // rollback would hide, so it is a break. One never anchored (written before anchors) is only noted.
    if (!anchor.present && !anchor.path.isEmpty() && !records.isEmpty()) {
        const QString where = QDir::toNativeSeparators(anchor.path);
        if (head.anchored && headAuthentic(head))
            addBreak(report, 0, 0,
                     QCoreApplication::translate("HistoryStore",
                                                 "The history's anchor %1 is missing, although the history was "
                                                 "anchored: it was removed, which is how a rollback would hide.")
                         .arg(where));
        else
            report.anchorNote = QCoreApplication::translate("HistoryStore",
                                                            "There is no anchor %1: the history was written before "
                                                            "anchors were kept, or it lost its anchor before it "
                                                            "recorded having one; the next action writes one.")
                                    .arg(where);
    }
    report.anchored = file == AnchorVerdict::MatchesNewest;
    // The keychain's copy says what the file cannot: someone who rewrote the history folder and the
    // settings folder together still cannot reach it. When it vouches for no more than the file, any
    // finding is the file's and is said once.
    const bool behindFile = HistoryAnchor::authentic(anchor, *this) && HistoryAnchor::authentic(keychainAnchor, *this)
        && keychainAnchor.seq <= anchor.seq;
    AnchorVerdict keychain = AnchorVerdict::None;
    if (keychainAnchor.present && !behindFile)
        keychain = checkAnchor(records, head, keychainAnchor,
                               QCoreApplication::translate("HistoryStore", "in the keychain"), report);
    else if (behindFile && report.anchored && keychainAnchor.seq == anchor.seq && keychainAnchor.hash == anchor.hash)
        keychain = AnchorVerdict::MatchesNewest;
    report.anchoredInKeychain = keychain == AnchorVerdict::MatchesNewest;
    return file == AnchorVerdict::RemovalNamed || keychain == AnchorVerdict::RemovalNamed;
}

ChainReport HistoryChain::check(const QList<HistoryShard::Record> &records, const QStringList &unreadable,
                                const HistoryShard::Head &head, const AnchorState &anchor,
                                const AnchorState &keychainAnchor) const
{
    ChainReport report;
    report.keyed = keyed();
    if (!unreadable.isEmpty())
        addBreak(report, 0, 0,
                 QCoreApplication::translate("HistoryStore", "History files cannot be read: %1.")
                     .arg(unreadable.join(QStringLiteral(", "))));

    qint64 expected = 1;
    QString previous = genesis();
    bool linked = true; // false after a gap: the next record's predecessor is not there to check it against
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
        if (!vouched) {
            addBreak(report, 1, 1,
                     QCoreApplication::translate("HistoryStore",
                                                 "Records #1 to #%1 are missing: the oldest entries were removed.")
                         .arg(first - 1));
            linked = false;
        }
        expected = first;
    }
    const qint64 epochStart = noteEpoch(records, report);
    for (const HistoryShard::Record &r : records) {
        const qint64 entry = entryOf(r);
        if (r.seq < expected) {
            addBreak(
                report, r.seq, entry,
                QCoreApplication::translate("HistoryStore", "Record #%1 appears twice or out of order.").arg(r.seq));
            continue;
        }
        if (r.seq > expected) {
            addBreak(
                report, expected, expected,
                QCoreApplication::translate("HistoryStore", "Records #%1 to #%2 are missing: entries were removed.")
                    .arg(expected)
                    .arg(r.seq - 1));
            linked = false;
        }
        // Before the current key epoch the key is gone: such records cannot be checked, only counted.
        const bool checkable = r.seq >= epochStart;
        if (checkable && linked && r.hash != recordHash(previous, r.seq, r.text))
            addBreak(report, r.seq, entry,
                     QCoreApplication::translate(
                         "HistoryStore", "%1 was altered, or its neighbours were reordered: its hash does not match.")
                         .arg(HistoryShard::describe(r)));
        else if (checkable && !r.parsed)
            addBreak(
                report, r.seq, entry,
                QCoreApplication::translate("HistoryStore", "Record #%1 is not valid JSON although its hash matches.")
                    .arg(r.seq));
        // The walk goes on from the record as stored, so one altered record is one break, not all that follow.
        previous = r.hash;
        linked = true;
        expected = r.seq + 1;
        ++report.records;
        if (report.ok) {
            report.headSeq = r.seq;
            report.headHash = r.hash;
        }
    }
    checkHead(records, head, checkAnchors(records, head, anchor, keychainAnchor, report), report);
    return report;
}

void HistoryChain::checkHead(const QList<HistoryShard::Record> &records, const HistoryShard::Head &head,
                             bool removalNamed, ChainReport &report) const
{
    const qint64 last = newestSeq(records);
    if (head.seq <= 0) {
        if (!records.isEmpty() && !removalNamed)
            addBreak(report, last, last,
                     QCoreApplication::translate("HistoryStore", "The history head file is missing."));
        return;
    }
    if (!headAuthentic(head)) {
        addBreak(report, head.seq, head.seq,
                 QCoreApplication::translate("HistoryStore", "The history head file was altered."));
    } else if (head.seq > last) {
        if (!removalNamed)
            addBreak(report, last + 1, last + 1,
                     QCoreApplication::translate("HistoryStore",
                                                 "Records #%1 to #%2 are missing: the newest entries were removed.")
                         .arg(last + 1)
                         .arg(head.seq));
    } else if (const HistoryShard::Record *r = findRecord(records, head.seq); !r || r->hash != head.hash) {
        addBreak(
            report, head.seq, head.seq,
            QCoreApplication::translate("HistoryStore", "Record #%1 does not match the history head.").arg(head.seq));
    }
}
