#pragma once

#include "history/HistoryAnchor.h"
#include "history/HistoryBackend.h"
#include "history/HistoryChain.h"
#include "history/local/HistoryIndex.h"
#include "history/local/HistoryTail.h"
#include "history/local/InFlightActions.h"
#include "history/local/LocalChainCheck.h"

#include <QJsonObject>

#include <memory>

class Clock;
class FolderWatch;
class LocalHistoryQueries;
class QSettings;

// The audit trail in a folder of QSettings INI files (the format every release so far has written).
// Each action is two records, a begin written (and synced) before the request is sent and a
// completion written when the answer arrives; records are append-only, numbered, and each carries
// HMAC-SHA256(key, previous hash, its number, its text), so editing, removing or reordering any record
// breaks the chain. Files are shards of at most shardCapacity() records, started afresh each month, so
// an append rewrites a few small files however long the history grows, and retention removes whole
// months. Several processes (the console and enrollee-cli) may append at once: every write holds a
// lock file, and a check holds it while it takes what it checks (see LocalChainCheck). The folder is private to this
// user (0700, files 0600). With an anchor file (outside the folder), an append refuses to continue a history that ends
// before the anchor, so record numbers are never reused and a truncation or rollback stays visible to every check.
class LocalHistoryBackend : public HistoryBackend
{
    Q_OBJECT
public:
    explicit LocalHistoryBackend(const QString &directory, const Clock *clock = nullptr, QObject *parent = nullptr);
    ~LocalHistoryBackend() override;

    QString directory() const { return m_directory; }
    void setShardCapacity(int records) { m_shardCapacity = records; }
    int shardCapacity() const { return m_shardCapacity; }
    // How long a writer waits for another program's lock before giving up.
    void setLockTimeoutMs(int ms) { m_lockTimeoutMs = ms; }
    // Where the newest (record number, hash) is kept outside the folder; none when empty.
    void setAnchorFile(const QString &path) { m_anchor = HistoryAnchor(path); }
    QString anchorFile() const { return m_anchor.path(); }
    // The index beside the shards (see HistoryIndex): kept up to date after each append and used to
    // answer readUser(), page(), count() and readEntry(). Without one, or with one that cannot be
    // used, those answers walk the shards.
    void setIndex(std::unique_ptr<HistoryIndex> index);

    QString location() const override;
    QString address() const override { return m_directory; }
    void setChainKey(const QByteArray &key) override { m_chain.setKey(key); }
    bool hasChainKey() const { return m_chain.keyed(); }
    Result<QList<qint64>> begin(const QList<HistoryEntry> &entries) override;
    Status complete(const QList<HistoryEntry> &completions) override;
    Result<HistoryRead> read(qint64 from) override;
    ChainReport verify() override;
    std::optional<ChainReport> verifyInSlices() override;
    Result<QStringList> walkEntries(const EntryVisitor &visit) override;
    // The shards walked newest first a shard at a time (NewestFirstWalk::step).
    std::optional<Result<HistoryRead>> walkRunsInSlices(RunWalk &walk) override;
    Result<HistoryRead> readUser(const QString &userId) override;
    Result<HistoryPage> page(const HistoryQuery &query, qint64 after, int limit) override;
    // From the index when there is one (each entry read from its shard); the walk of every shard otherwise.
    Result<QStringList> walkRunEntries(const QStringList &runIds, const EntryVisitor &visit) override;
    Result<HistoryCounts> count(const HistoryQuery &query) override;
    Result<HistoryEntry> readEntry(qint64 id) override;
    Result<PruneReport> prune(const QDate &keepFrom, const QString &operatorEmail) override;
    Result<PruneReport> planPrune(const QDate &keepFrom) override;
    void refuseWrites(const Status &why) override { m_refusal = why; }
    void watch() override;
    void setKeychainAnchor(const QByteArray &line) override;
    Result<qint64> beginKeyEpoch(const QString &operatorEmail, const QString &reason) override;

    // The shard files in record order, for tooling and tests.
    QStringList shardFiles() const { return m_tail.shardFiles(); }

private:
    using Tail = HistoryTail::Position;
    Status append(const QList<QJsonObject> &records, QList<qint64> *numbers);
    // Under the lock, after the checks: writes the records after `tail`, then HEAD and the anchors.
    // `anchorInPlace`: the anchor file vouches for the history as it was before this append.
    Status writeRecords(Tail tail, const QList<QJsonObject> &records, QList<qint64> *numbers, bool anchorInPlace);
    Status checkClock() const;
    // What a check checks, taken under the lock (see LocalChainCheck).
    LocalChainCheck::Snapshot checkSnapshot();
    Status ensureFolder() const;
    QDateTime now() const;

    QString m_directory;
    const Clock *m_clock;
    HistoryChain m_chain;
    HistoryTail m_tail; // reads HEAD with m_chain's key, so declared after it
    HistoryAnchor m_anchor;
    AnchorState m_keychainAnchor; // the keychain's copy; not present where there is none
    bool m_keychainInUse = false; // the keychain keeps a copy of the anchor
    Status m_refusal;
    int m_shardCapacity = 100;
    int m_lockTimeoutMs = 10000;
    InFlightActions m_inFlight;
    FolderWatch *m_watch;                           // a child, so it moves to the service's thread with the backend
    std::unique_ptr<LocalHistoryQueries> m_queries; // over the index, when there is one
    std::unique_ptr<LocalChainCheck> m_check;       // a check in slices under way
};
