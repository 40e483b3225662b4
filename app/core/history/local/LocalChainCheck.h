#pragma once

#include "base/Status.h"
#include "history/HistoryAnchor.h"
#include "history/HistoryChain.h"
#include "history/local/HistoryShard.h"

#include <QStringList>

#include <functional>
#include <memory>

class ChainWalk;

// A check of the local history's chain that can be walked a few shards at a time, so that a check of
// a large history (15 s at 1,000,000 entries) stops between shards for the window's pages and lookups
// instead of holding the history's thread to the end.
//
// It checks the history as it was when it began: HEAD, the anchors, the list of shards and the records
// of the newest shard are taken together, under the history's lock (see Snapshot). The other shards are
// read later, one by one, without the lock: an append only ever writes the newest shard or new ones,
// which the snapshot already holds or leaves to the next check, so what is read is what was there,
// unless someone changed it, which is what a check is for. A shard removed meanwhile (retention) makes
// the check begin again from a new snapshot.
class LocalChainCheck
{
public:
    struct Snapshot {
        Status locked; // a failure: the lock could not be had, and the report says only that
        HistoryShard::Head head;
        AnchorState anchor;
        QStringList shards; // paths, in record order
        // The newest shard's records as they were (lastReadable false: it could not be parsed).
        QList<HistoryShard::Record> lastRecords;
        bool lastReadable = true;
        qint64 epochHint = 0; // where the newest key epoch is believed to begin, 0 for none
    };
    using TakeSnapshot = std::function<Snapshot()>;

    // `chain` and `keychainAnchor` must outlive the check.
    LocalChainCheck(const HistoryChain &chain, const AnchorState &keychainAnchor, TakeSnapshot take);
    ~LocalChainCheck();
    LocalChainCheck(const LocalChainCheck &) = delete;
    LocalChainCheck &operator=(const LocalChainCheck &) = delete;

    // Walks on, a shard at a time, asking `giveWay` (when given) after each: true once the report is
    // ready, false when it stopped to give way (call again to go on from there).
    bool step(const std::function<bool()> &giveWay = {});
    ChainReport report() const { return m_report; }

private:
    void begin();
    void startPass();

    const HistoryChain &m_chain;
    const AnchorState &m_keychainAnchor;
    TakeSnapshot m_take;
    Snapshot m_snapshot;
    std::unique_ptr<ChainWalk> m_walk;
    qsizetype m_next = 0; // the next shard to walk
    int m_pass = 0;
    qint64 m_epoch = 0;
    bool m_done = false;
    ChainReport m_report;
};
