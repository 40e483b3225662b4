#pragma once

#include "history/HistoryAnchor.h"
#include "history/local/HistoryShard.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// One place where the chain does not hold.
struct ChainBreak {
    qint64 seq = 0;   // the record concerned (0: no one record, e.g. an unreadable file)
    qint64 entry = 0; // the action entry that record belongs to
    QString problem;  // translated
};

// The result of walking the hash chain.
struct ChainReport {
    bool ok = true;
    qint64 records = 0;       // records checked
    qint64 firstBadSeq = 0;   // the first record that was altered, removed or reordered (0 when ok)
    qint64 firstBadEntry = 0; // the action entry that record belongs to
    QString problem;          // translated, names the record and what is wrong
    QList<ChainBreak> breaks; // every break, in the order found; the first is the one above
    qint64 headSeq = 0;       // the newest record the walk vouched for, and its hash: an export's anchor
    QString headHash;
    bool keyed = false;              // whether a chain key was set
    bool anchored = false;           // the newest record matches the anchor kept outside the history folder
    bool anchoredInKeychain = false; // ... and the anchor's copy in the keychain
    // Records #1 to #unverifiableThrough were chained with a key given up for good (a key epoch began
    // after them): their hashes cannot be checked, and they are reported as unverifiable, not altered.
    qint64 unverifiableThrough = 0;
    qint64 epochRecord = 0; // the record that began the current key epoch (0: the first key)
    QString epochNote;      // translated: when, by whom and why the earlier key was given up
    // The trail could not be read at all (a team database out of reach): `ok` is false, yet nothing was
    // found altered — a face shows "behind", not tampering.
    bool unreachable = false;
    // Translated: the history has records but no anchor file, and was never anchored (written before
    // anchors, or the anchor was removed before HEAD could say it had one); empty otherwise.
    QString anchorNote;
};

// The keyed hash chain over the history's records: how a record's hash and the head's and anchor's
// MACs are made, and the check that finds every record altered, removed or reordered (ChainWalk, one
// record at a time; check() walks a list already read). Each hash is
// HMAC-SHA256(key, previous hash + number + text); without a key it still chains, but cannot stop a
// forger who recomputes it.
class HistoryChain
{
public:
    void setKey(const QByteArray &key) { m_key = key; }
    bool keyed() const { return !m_key.isEmpty(); }
    static QString genesis(); // the "previous hash" of record #1
    QString recordHash(const QString &previous, qint64 seq, const QString &text) const;
    // `anchored`: the HEAD says the anchor was in place when it was written (its own MAC domain).
    QString headMac(qint64 seq, const QString &hash, bool anchored = false) const;
    // Whether HEAD names a record and carries a MAC made with this chain's key.
    bool headAuthentic(const HistoryShard::Head &head) const;
    QString anchorMac(qint64 seq, const QString &hash) const;
    // `records` in number order from every readable shard; `unreadable` names the others.
    // `keychainAnchor` is the anchor's copy in the keychain, where there is one.
    ChainReport check(const QList<HistoryShard::Record> &records, const QStringList &unreadable,
                      const HistoryShard::Head &head, const AnchorState &anchor = AnchorState(),
                      const AnchorState &keychainAnchor = AnchorState()) const;

private:
    QByteArray m_key;
};
