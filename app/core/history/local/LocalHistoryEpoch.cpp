// LocalHistoryBackend's key epochs: what is done when the chain key was lost for good.
#include "history/HistoryRecords.h"
#include "history/local/HistoryLock.h"
#include "history/local/HistoryShard.h"
#include "history/local/LocalHistoryBackend.h"

#include <QCoreApplication>
#include <QDir>

#include <algorithm>

void LocalHistoryBackend::setKeychainAnchor(const QByteArray &line)
{
    m_keychainInUse = true;
    m_keychainAnchor = line.trimmed().isEmpty() ? AnchorState() : HistoryAnchor::parse(line);
}

bool LocalHistoryBackend::keyVouchesForHistory() const
{
    const HistoryShard::Head head = HistoryShard::readHead(m_directory);
    if (head.seq > 0 && head.mac == m_chain.headMac(head.seq, head.hash))
        return true;
    return HistoryAnchor::authentic(m_anchor.read(), m_chain) || HistoryAnchor::authentic(m_keychainAnchor, m_chain);
}

Result<qint64> LocalHistoryBackend::beginKeyEpoch(const QString &operatorEmail, const QString &reason)
{
    auto refuse = [](const QString &why) { return Status::failure(why, Status::Kind::Storage); };
    if (!m_chain.keyed())
        return refuse(QCoreApplication::translate("HistoryStore", "No new chain key is set."));
    if (Status folder = ensureFolder(); !folder.ok())
        return folder;
    const HistoryLock lock(m_directory, m_lockTimeoutMs);
    if (Status locked = lock.status(); !locked.ok())
        return locked;
    if (keyVouchesForHistory())
        return refuse(QCoreApplication::translate("HistoryStore",
                                                  "The chain key in hand still vouches for this history: it was not "
                                                  "lost, so no new key epoch was begun."));
    // The newest record on disk, found by walking the shards (HEAD's MAC was made with the lost key).
    Result<Tail> read = readTail();
    if (!read.ok())
        return read.status();
    Tail tail = read.value();
    // HEAD and the anchors can no longer be authenticated, but the numbers they claim are never reused.
    const HistoryShard::Head head = HistoryShard::readHead(m_directory);
    const AnchorState anchor = m_anchor.read();
    const qint64 claimed = std::max({tail.seq, head.seq, anchor.seq, m_keychainAnchor.seq});
    if (claimed == 0)
        return refuse(
            QCoreApplication::translate("HistoryStore", "The history is empty: there is no earlier key to give up."));
    const qint64 stored = tail.seq;
    const QString previous = tail.hash;
    tail.seq = claimed;
    QList<qint64> numbers;
    const QJsonObject record = HistoryRecords::epoch(now(), operatorEmail, reason, stored, previous, claimed);
    if (Status written = writeRecords(tail, {record}, &numbers); !written.ok())
        return written;
    return numbers.value(0);
}
