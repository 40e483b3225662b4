#include "KeyEpochPlan.h"

#include "history/HistoryChain.h"
#include "history/HistoryRecords.h"
#include "history/local/HistoryShard.h"

#include <QCoreApplication>

#include <algorithm>

KeyEpochPlan::KeyEpochPlan(const QString &directory, const HistoryChain &chain, const AnchorState &anchor,
                           const AnchorState &keychainAnchor)
    : m_directory(directory), m_chain(chain), m_anchor(anchor), m_keychainAnchor(keychainAnchor)
{
}

bool KeyEpochPlan::keyVouchesForHistory() const
{
    const HistoryShard::Head head = HistoryShard::readHead(m_directory);
    if (m_chain.headAuthentic(head))
        return true;
    return HistoryAnchor::authentic(m_anchor, m_chain) || HistoryAnchor::authentic(m_keychainAnchor, m_chain);
}

Result<KeyEpochPlan::Plan> KeyEpochPlan::plan(const HistoryTail &tail, const QDateTime &now,
                                              const QString &operatorEmail, const QString &reason) const
{
    auto refuse = [](const QString &why) { return Status::failure(why, Status::Kind::Storage); };
    if (keyVouchesForHistory())
        return refuse(QCoreApplication::translate("HistoryStore",
                                                  "The chain key in hand still vouches for this history: it was not "
                                                  "lost, so no new key epoch was begun."));
    // The newest record on disk, found by walking the shards (HEAD's MAC was made with the lost key).
    Result<HistoryTail::Position> read = tail.read(now);
    if (!read.ok())
        return read.status();
    Plan plan{read.value(), {}};
    // HEAD and the anchors can no longer be authenticated, but the numbers they claim are never reused.
    const HistoryShard::Head head = HistoryShard::readHead(m_directory);
    const qint64 claimed = std::max({plan.tail.seq, head.seq, m_anchor.seq, m_keychainAnchor.seq});
    if (claimed == 0)
        return refuse(
            QCoreApplication::translate("HistoryStore", "The history is empty: there is no earlier key to give up."));
    const qint64 stored = plan.tail.seq;
    const QString previous = plan.tail.hash;
    plan.tail.seq = claimed;
    plan.record = HistoryRecords::epoch(now, operatorEmail, reason, stored, previous, claimed);
    return plan;
}
