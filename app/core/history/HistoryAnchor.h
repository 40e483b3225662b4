#pragma once

#include "base/Status.h"

#include <QString>

class HistoryChain;

// What the anchor file says, as read.
struct AnchorState {
    bool present = false; // the file exists
    bool readable = true; // it could be read and parsed (false: damaged or unreadable)
    qint64 seq = 0;       // the newest record number ever written
    QString hash;         // that record's hash
    QString mac;          // HMAC over both with the chain key
    QString path;         // where the anchor file belongs; empty for the keychain's copy or when there is none
};

// The newest (record number, hash) of the history, MAC'd with the chain key and kept outside the
// history folder (beside settings.ini), so someone who can edit the history folder but not the
// settings folder cannot remove the newest records or copy back older ones unnoticed: every append
// refuses to continue a history that ends before its anchor, and every check compares against it.
// An absent anchor is a history written before anchors existed, or by a test without one.
class HistoryAnchor
{
public:
    explicit HistoryAnchor(QString path = QString()) : m_path(std::move(path)) {}
    bool enabled() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }
    AnchorState read() const;
    // The anchor's one line, as the file and the keychain copy hold it.
    static QByteArray format(qint64 seq, const QString &hash, const HistoryChain &chain);
    static AnchorState parse(const QByteArray &line);
    // Written atomically, 0600 from the first byte.
    Status write(qint64 seq, const QString &hash, const HistoryChain &chain) const;
    // Whether a history whose newest record is (seq, hash) may be appended to: not when it ends before
    // the anchor (records removed or rolled back: their numbers must not be reused), nor when the
    // anchored record was replaced, nor when the anchor itself is damaged or keyed differently.
    Status admits(qint64 seq, const QString &hash, const HistoryChain &chain) const;
    // The same for an anchor kept elsewhere (the keychain's copy); `where` names it, translated.
    static Status admits(const AnchorState &anchor, const QString &where, qint64 seq, const QString &hash,
                         const HistoryChain &chain);
    // Whether `state` carries a MAC made with this chain's key.
    static bool authentic(const AnchorState &state, const HistoryChain &chain);

private:
    QString m_path;
};
