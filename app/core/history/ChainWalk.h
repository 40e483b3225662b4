#pragma once

#include "history/HistoryAnchor.h"
#include "history/HistoryChain.h"
#include "history/local/HistoryShard.h"

#include <QList>
#include <QString>
#include <QStringList>

// The walk over the hash chain one record at a time, so that a history of millions of records is
// checked holding only the chain's state (the previous hash, the number expected next, the breaks
// found) and never every record at once. Records are handed in the order they are stored, file by
// file; finish() compares the end with HEAD and the anchors and says what HistoryChain::check says.
//
// Records before the newest key epoch cannot be checked, and that epoch is known only once its record
// has gone by: the walk is told where the epoch is believed to begin (`epochHint`, 0 for none) and
// says, when it was wrong, that the records must be walked again with epochFound() as the hint.
class ChainWalk
{
public:
    // `chain`, the states and `head` must outlive the walk.
    // `hintExact`: the epoch is known (a second walk), so the walk never gives up keeping its breaks.
    ChainWalk(const HistoryChain &chain, qint64 epochHint, bool hintExact, const HistoryShard::Head &head,
              const AnchorState &anchor, const AnchorState &keychainAnchor);

    void add(const HistoryShard::Record &r);
    void addUnreadable(const QString &fileName);
    // The newest key epoch as walked (the last epoch record in storage order), 0 for none.
    qint64 epochFound() const { return m_epoch.seq; }
    // The hint was wrong: the report would not be the one of a walk that knew the epoch.
    bool mustWalkAgain() const { return !m_hintExact && (m_hintWrong || m_epoch.seq != m_epochHint); }
    ChainReport finish();

private:
    struct Found {
        bool present = false;
        QString hash;
        qint64 entry = 0;
    };
    struct Break {
        ChainBreak what;
        qint64 headSeq = 0; // the newest record the walk vouched for before this break
        QString headHash;
    };
    struct Epoch {
        qint64 seq = 0;
        QString time;
        QString operatorEmail;
        QString reason;
    };
    void addBreak(QList<Break> &to, qint64 seq, qint64 entry, const QString &problem);
    void remember(const HistoryShard::Record &r);
    // The tail's comparisons (see HistoryChain): what the anchor and HEAD say of the history's end.
    enum class AnchorVerdict { None, RemovalNamed, MatchesNewest };
    AnchorVerdict checkAnchor(const AnchorState &anchor, const Found &anchored, const QString &where);
    bool checkAnchors(ChainReport &report);
    void checkHead(bool removalNamed);

    const HistoryChain &m_chain;
    const qint64 m_epochHint;
    const bool m_hintExact;
    const HistoryShard::Head &m_head;
    const AnchorState &m_anchor;
    const AnchorState &m_keychainAnchor;

    QStringList m_unreadable;
    qint64 m_count = 0;   // records handed in
    qint64 m_checked = 0; // records walked (not those out of order)
    qint64 m_newest = 0;  // the highest record number seen, and the first record stored with it
    Found m_newestFound;
    Found m_anchorFound; // the first records stored with the numbers the anchors and HEAD name
    Found m_keychainFound;
    Found m_headFound;
    Epoch m_epoch;
    bool m_hintWrong = false; // an epoch newer than the hint went by: breaks are no longer kept

    // A history that does not start at record #1 is vouched for by a prune record that may come
    // later: its first record waits until then.
    bool m_started = false;
    bool m_waiting = false;
    HistoryShard::Record m_first;
    bool m_vouched = false;
    QString m_vouchedHash;

    qint64 m_expected = 1;
    QString m_previous;
    qint64 m_lastSeq = 0; // the newest record walked, for the breaks' "vouched before"
    QString m_lastHash;
    QList<Break> m_breaks; // after the first record, in the order found
    QList<Break> m_end;    // the anchors' and HEAD's
};
