#include "LocalChainCheck.h"

#include "history/ChainWalk.h"

#include <QCoreApplication>
#include <QFileInfo>

LocalChainCheck::LocalChainCheck(const HistoryChain &chain, const AnchorState &keychainAnchor, TakeSnapshot take)
    : m_chain(chain), m_keychainAnchor(keychainAnchor), m_take(std::move(take))
{
}

LocalChainCheck::~LocalChainCheck() = default;

void LocalChainCheck::begin()
{
    m_snapshot = m_take();
    m_epoch = m_snapshot.epochHint;
    m_pass = 0;
    startPass();
}

void LocalChainCheck::startPass()
{
    // A walk that met a key epoch it was not told of is done once more knowing it (records before it
    // cannot be checked).
    m_walk = std::make_unique<ChainWalk>(m_chain, m_epoch, m_pass > 0, m_snapshot.head, m_snapshot.anchor,
                                         m_keychainAnchor);
    m_next = 0;
}

bool LocalChainCheck::step(const std::function<bool()> &giveWay)
{
    if (m_done)
        return true;
    if (!m_walk)
        begin();
    if (!m_snapshot.locked.ok()) {
        m_report = ChainReport();
        m_report.ok = false;
        m_report.keyed = m_chain.keyed();
        m_report.problem = QCoreApplication::translate("HistoryStore", "The history could not be checked: %1")
                               .arg(m_snapshot.locked.message());
        m_done = true;
        return true;
    }
    QList<HistoryShard::Record> records;
    for (;;) {
        while (m_next < m_snapshot.shards.size()) {
            const QString &path = m_snapshot.shards.at(m_next);
            const bool last = m_next == m_snapshot.shards.size() - 1;
            records.clear();
            bool readable = last ? m_snapshot.lastReadable : HistoryShard::read(path, &records, nullptr);
            if (!readable && !last && !QFileInfo::exists(path)) {
                // Removed since the snapshot (retention under the lock): what it vouched for changed.
                begin();
                continue;
            }
            if (!readable)
                m_walk->addUnreadable(QFileInfo(path).fileName());
            for (const HistoryShard::Record &r : std::as_const(last ? m_snapshot.lastRecords : records))
                m_walk->add(r);
            ++m_next;
            if (giveWay && m_next < m_snapshot.shards.size() && giveWay())
                return false;
        }
        if (!m_walk->mustWalkAgain())
            break;
        m_epoch = m_walk->epochFound();
        ++m_pass;
        startPass();
    }
    m_report = m_walk->finish();
    m_done = true;
    return true;
}
