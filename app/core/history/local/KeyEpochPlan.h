#pragma once

#include "base/Status.h"
#include "history/HistoryAnchor.h"
#include "history/local/HistoryTail.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

class HistoryChain;

// What the local history writes once its chain key was lost for good. A new key epoch is refused
// while the key in hand still vouches for HEAD or an anchor (then the key was not lost); otherwise its
// record goes after the highest number that HEAD, the anchors or the shards ever claimed, since none of
// them can be authenticated any more but no record number may be used twice.
class KeyEpochPlan
{
public:
    struct Plan {
        HistoryTail::Position tail; // what the epoch record continues from
        QJsonObject record;
    };

    // `chain` (holding the new key) must outlive this object.
    KeyEpochPlan(const QString &directory, const HistoryChain &chain, const AnchorState &anchor,
                 const AnchorState &keychainAnchor);

    // Whether the key in hand vouches for any of HEAD and the anchors (then it was not lost).
    bool keyVouchesForHistory() const;
    // Under the history lock: the record to write and where, or why no epoch begins.
    Result<Plan> plan(const HistoryTail &tail, const QDateTime &now, const QString &operatorEmail,
                      const QString &reason) const;

private:
    QString m_directory;
    const HistoryChain &m_chain;
    AnchorState m_anchor;
    AnchorState m_keychainAnchor;
};
