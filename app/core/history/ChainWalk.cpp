#include "ChainWalk.h"

#include <QCoreApplication>
#include <QDir>

namespace {
const QLatin1String kType("type");

qint64 entryOf(const HistoryShard::Record &r)
{
    return r.json.value(kType) == QLatin1String("complete") ? qint64(r.json.value(QLatin1String("ref")).toDouble())
                                                            : r.seq;
}
} // namespace

ChainWalk::ChainWalk(const HistoryChain &chain, qint64 epochHint, bool hintExact, const HistoryShard::Head &head,
                     const AnchorState &anchor, const AnchorState &keychainAnchor)
    : m_chain(chain), m_epochHint(epochHint), m_hintExact(hintExact), m_head(head), m_anchor(anchor),
      m_keychainAnchor(keychainAnchor), m_previous(HistoryChain::genesis())
{
}

void ChainWalk::addBreak(QList<Break> &to, qint64 seq, qint64 entry, const QString &problem)
{
    // Once the hint is known wrong the walk is done again: keeping what it finds would only cost memory.
    if (m_hintWrong)
        return;
    to.append({{seq, entry, problem}, m_lastSeq, m_lastHash});
}

void ChainWalk::addUnreadable(const QString &fileName)
{
    m_unreadable.append(fileName);
}

void ChainWalk::remember(const HistoryShard::Record &r)
{
    ++m_count;
    if (r.seq > m_newest || (r.seq == m_newest && !m_newestFound.present)) {
        m_newest = r.seq;
        m_newestFound = {true, r.hash, entryOf(r)};
    }
    const auto note = [&r](Found &found, qint64 seq) {
        if (!found.present && r.seq == seq)
            found = {true, r.hash, entryOf(r)};
    };
    if (m_anchor.present)
        note(m_anchorFound, m_anchor.seq);
    if (m_keychainAnchor.present)
        note(m_keychainFound, m_keychainAnchor.seq);
    if (m_head.seq > 0)
        note(m_headFound, m_head.seq);
    if (!r.parsed)
        return;
    const QJsonValue type = r.json.value(kType);
    if (type == QLatin1String("epoch")) {
        m_epoch = {r.seq, r.json.value(QLatin1String("time")).toString(),
                   r.json.value(QLatin1String("operator")).toString(),
                   r.json.value(QLatin1String("reason")).toString()};
        if (r.seq > m_epochHint && !m_hintExact)
            m_hintWrong = true;
    } else if (m_waiting && type == QLatin1String("prune")
               && qint64(r.json.value(QLatin1String("removed_through")).toDouble()) == m_first.seq - 1) {
        // Retention removed the oldest shards; a chained prune record vouches for exactly that.
        m_vouched = true;
        m_vouchedHash = r.json.value(QLatin1String("anchor_hash")).toString();
    }
}

void ChainWalk::add(const HistoryShard::Record &r)
{
    if (!m_started) {
        m_started = true;
        if (r.seq != 1) {
            // Checked in finish(), once every prune record has gone by.
            m_waiting = true;
            m_first = r;
            remember(r);
            m_expected = r.seq + 1;
            m_previous = r.hash;
            ++m_checked;
            m_lastSeq = r.seq;
            m_lastHash = r.hash;
            return;
        }
    }
    remember(r);
    const qint64 entry = entryOf(r);
    if (r.seq < m_expected) {
        addBreak(m_breaks, r.seq, entry,
                 QCoreApplication::translate("HistoryStore", "Record #%1 appears twice or out of order.").arg(r.seq));
        return;
    }
    bool linked = true; // false after a gap: the record's predecessor is not there to check it against
    if (r.seq > m_expected) {
        addBreak(m_breaks, m_expected, m_expected,
                 QCoreApplication::translate("HistoryStore", "Records #%1 to #%2 are missing: entries were removed.")
                     .arg(m_expected)
                     .arg(r.seq - 1));
        linked = false;
    }
    // Before the current key epoch the key is gone: such records cannot be checked, only counted.
    const bool checkable = r.seq >= m_epochHint;
    if (checkable && linked && r.hash != m_chain.recordHash(m_previous, r.seq, r.text))
        addBreak(m_breaks, r.seq, entry,
                 QCoreApplication::translate(
                     "HistoryStore", "%1 was altered, or its neighbours were reordered: its hash does not match.")
                     .arg(HistoryShard::describe(r)));
    else if (checkable && !r.parsed)
        addBreak(m_breaks, r.seq, entry,
                 QCoreApplication::translate("HistoryStore", "Record #%1 is not valid JSON although its hash matches.")
                     .arg(r.seq));
    // The walk goes on from the record as stored, so one altered record is one break, not all that follow.
    m_previous = r.hash;
    m_expected = r.seq + 1;
    ++m_checked;
    m_lastSeq = r.seq;
    m_lastHash = r.hash;
}

ChainWalk::AnchorVerdict ChainWalk::checkAnchor(const AnchorState &anchor, const Found &anchored, const QString &where)
{
    if (!anchor.present)
        return AnchorVerdict::None;
    if (!HistoryAnchor::authentic(anchor, m_chain)) {
        addBreak(m_end, 0, 0,
                 QCoreApplication::translate("HistoryStore",
                                             "The history's anchor %1 is damaged, or was made with another chain key.")
                     .arg(where));
        return AnchorVerdict::None;
    }
    const qint64 last = m_newest;
    if (anchor.seq > last) {
        const bool headAgrees = last > 0 && m_newestFound.present && m_head.seq == last
            && m_head.hash == m_newestFound.hash && m_chain.headAuthentic(m_head);
        if (headAgrees)
            addBreak(m_end, last + 1, last + 1,
                     QCoreApplication::translate("HistoryStore",
                                                 "The history was rolled back to record #%1: the anchor %2 says "
                                                 "record #%3 was written.")
                         .arg(last)
                         .arg(where)
                         .arg(anchor.seq));
        else
            addBreak(m_end, last + 1, last + 1,
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
    if (anchored.present) {
        if (anchored.hash != anchor.hash)
            addBreak(m_end, anchor.seq, anchored.entry,
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

bool ChainWalk::checkAnchors(ChainReport &report)
{
    const AnchorVerdict file = checkAnchor(m_anchor, m_anchorFound,
                                           QCoreApplication::translate("HistoryStore", "outside the history folder"));
    // A history whose HEAD says it was anchored has lost its anchor: removing the anchor is how a
    // rollback would hide, so it is a break. One never anchored (written before anchors) is only noted.
    if (!m_anchor.present && !m_anchor.path.isEmpty() && m_count > 0) {
        const QString where = QDir::toNativeSeparators(m_anchor.path);
        if (m_head.anchored && m_chain.headAuthentic(m_head))
            addBreak(m_end, 0, 0,
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
    const bool behindFile = HistoryAnchor::authentic(m_anchor, m_chain)
        && HistoryAnchor::authentic(m_keychainAnchor, m_chain) && m_keychainAnchor.seq <= m_anchor.seq;
    AnchorVerdict keychain = AnchorVerdict::None;
    if (m_keychainAnchor.present && !behindFile)
        keychain = checkAnchor(m_keychainAnchor, m_keychainFound,
                               QCoreApplication::translate("HistoryStore", "in the keychain"));
    else if (behindFile && report.anchored && m_keychainAnchor.seq == m_anchor.seq
             && m_keychainAnchor.hash == m_anchor.hash)
        keychain = AnchorVerdict::MatchesNewest;
    report.anchoredInKeychain = keychain == AnchorVerdict::MatchesNewest;
    return file == AnchorVerdict::RemovalNamed || keychain == AnchorVerdict::RemovalNamed;
}

void ChainWalk::checkHead(bool removalNamed)
{
    const qint64 last = m_newest;
    if (m_head.seq <= 0) {
        if (m_count > 0 && !removalNamed)
            addBreak(m_end, last, last,
                     QCoreApplication::translate("HistoryStore", "The history head file is missing."));
        return;
    }
    if (!m_chain.headAuthentic(m_head)) {
        addBreak(m_end, m_head.seq, m_head.seq,
                 QCoreApplication::translate("HistoryStore", "The history head file was altered."));
    } else if (m_head.seq > last) {
        if (!removalNamed)
            addBreak(m_end, last + 1, last + 1,
                     QCoreApplication::translate("HistoryStore",
                                                 "Records #%1 to #%2 are missing: the newest entries were removed.")
                         .arg(last + 1)
                         .arg(m_head.seq));
    } else if (!m_headFound.present || m_headFound.hash != m_head.hash) {
        addBreak(
            m_end, m_head.seq, m_head.seq,
            QCoreApplication::translate("HistoryStore", "Record #%1 does not match the history head.").arg(m_head.seq));
    }
}

ChainReport ChainWalk::finish()
{
    ChainReport report;
    report.keyed = m_chain.keyed();
    // What comes before every record: unreadable files, then the first record when it is not #1. The
    // walk vouched for no record before these.
    QList<Break> front;
    const auto addFront = [&front](qint64 seq, qint64 entry, const QString &problem) {
        front.append({{seq, entry, problem}, 0, QString()});
    };
    if (!m_unreadable.isEmpty())
        addFront(0, 0,
                 QCoreApplication::translate("HistoryStore", "History files cannot be read: %1.")
                     .arg(m_unreadable.join(QStringLiteral(", "))));
    if (m_waiting) {
        if (!m_vouched)
            addFront(1, 1,
                     QCoreApplication::translate("HistoryStore",
                                                 "Records #1 to #%1 are missing: the oldest entries were removed.")
                         .arg(m_first.seq - 1));
        const bool checkable = m_first.seq >= m_epochHint;
        if (checkable && m_vouched && m_first.hash != m_chain.recordHash(m_vouchedHash, m_first.seq, m_first.text))
            addFront(m_first.seq, entryOf(m_first),
                     QCoreApplication::translate(
                         "HistoryStore", "%1 was altered, or its neighbours were reordered: its hash does not match.")
                         .arg(HistoryShard::describe(m_first)));
        else if (checkable && !m_first.parsed)
            addFront(
                m_first.seq, entryOf(m_first),
                QCoreApplication::translate("HistoryStore", "Record #%1 is not valid JSON although its hash matches.")
                    .arg(m_first.seq));
    }
    if (m_epoch.seq > 0) {
        report.epochRecord = m_epoch.seq;
        report.unverifiableThrough = m_epoch.seq - 1;
        const QDateTime time = HistoryShard::parseTime(m_epoch.time);
        report.epochNote = QCoreApplication::translate("HistoryStore",
                                                       "Records #1 to #%1 were chained with a key that was given up "
                                                       "for good on %2 by %3 (\"%4\"; record #%5): they cannot be "
                                                       "verified, and are not reported as altered.")
                               .arg(m_epoch.seq - 1)
                               .arg(time.toUTC().toString(Qt::ISODate), m_epoch.operatorEmail, m_epoch.reason)
                               .arg(m_epoch.seq);
    }
    report.records = m_checked;
    checkHead(checkAnchors(report));

    const QList<Break> all = front + m_breaks + m_end;
    report.headSeq = m_lastSeq;
    report.headHash = m_lastHash;
    if (!all.isEmpty()) {
        report.ok = false;
        report.firstBadSeq = all.first().what.seq;
        report.firstBadEntry = all.first().what.entry;
        report.problem = all.first().what.problem;
        report.headSeq = all.first().headSeq;
        report.headHash = all.first().headHash;
    }
    report.breaks.reserve(all.size());
    for (const Break &b : all)
        report.breaks.append(b.what);
    return report;
}
