#pragma once

#include "history/HistoryBackend.h"
#include "history/HistoryChain.h"
#include "history/TeamStatus.h"
#include "team/TeamAnswers.h"
#include "team/TeamCheckpoint.h"
#include "team/TeamForwarder.h"
#include "team/TeamPolicyCache.h"
#include "team/TeamSigner.h"

#include <QDateTime>
#include <QJsonObject>

#include <memory>
#include <utility>

class LocalHistoryBackend;
class QSqlDatabase;
class QTimer;
class TeamConnection;
class TeamQueries;
class TeamTrailCheck;

// The team's shared trail on PostgreSQL over this console's own trail. Every write goes to the
// LocalHistoryBackend first (durable before anything is sent, and offline too, as always); a
// forwarder then sends this console's records to the team trail exactly once (keyed by installation
// and local entry number) whenever the database can be reached, retrying every two seconds while it
// cannot. Reads come from the team trail when it can be reached (every officer's actions, each
// naming its database role and machine), from the local trail otherwise. LISTEN/NOTIFY wakes the
// console when a colleague writes, and a cheap poll covers lost notifications. The newest verified
// team record is kept as a checkpoint outside the database, so rewrites, deletes of the newest
// records and truncation are reported by verify(). Lives on the history thread with its connection.
class TeamHistoryBackend : public HistoryBackend
{
    Q_OBJECT
public:
    struct Config {
        QString conninfo;     // without password
        QString installation; // this console's id, stable
        QString machine;
        QString stateDir; // where the checkpoint and the forwarder's mark are kept (the settings folder)
    };
    TeamHistoryBackend(std::unique_ptr<LocalHistoryBackend> local, Config config, QObject *parent = nullptr);
    ~TeamHistoryBackend() override;

    QString location() const override;
    QString address() const override;
    void setChainKey(const QByteArray &key) override;
    Result<QList<qint64>> begin(const QList<HistoryEntry> &entries) override;
    Status complete(const QList<HistoryEntry> &completions) override;
    Result<HistoryRead> read(qint64 from) override;
    // Answered by the team database while it can be reached, by this console's own copy otherwise (TeamAnswers).
    Result<QStringList> walkEntries(const EntryVisitor &visit) override { return m_answers.walk(visit); }
    Result<HistoryRead> readUser(const QString &userId) override { return m_answers.readUser(userId); }
    // A run is this console's own (its files are here): its copy holds every entry of it, sent to the
    // trail or not yet (an outage, a command without the signing key), so a resume, a retry or a count
    // of its rows never decides from a trail that lacks them.
    Result<QStringList> walkRunRecords(const QStringList &runIds, const EntryVisitor &visit) override;
    Result<QStringList> walkRunEntries(const QStringList &runIds, const EntryVisitor &visit) override;
    std::optional<Result<HistoryRead>> walkRunsInSlices(RunWalk &walk) override;
    Result<HistoryPage> page(const HistoryQuery &query, qint64 after, int limit) override
    {
        return m_answers.page(query, after, limit);
    }
    Result<HistoryCounts> count(const HistoryQuery &query) override { return m_answers.count(query); }
    Result<HistoryEntry> readEntry(qint64 id) override { return m_answers.readEntry(id); }
    ChainReport verify() override;
    std::optional<ChainReport> verifyInSlices() override;
    Result<PruneReport> prune(const QDate &keepFrom, const QString &operatorEmail) override;
    Result<PruneReport> planPrune(const QDate &keepFrom) override;
    void refuseWrites(const Status &why) override;
    void watch() override;
    // The local trail's anchors and key epochs are the local backend's.
    void setKeychainAnchor(const QByteArray &line) override;
    Result<qint64> beginKeyEpoch(const QString &operatorEmail, const QString &reason) override;

    // The keychain's password for the role (empty: libpq's PGPASSWORD / ~/.pgpass).
    void setPassword(const QString &password);
    // Sends what is waiting now; ok when nothing is left.
    Status sync();
    TeamStatus status();
    // The open connection, opened when needed; null with `why` when the database cannot be reached.
    QSqlDatabase *database(Status *why);
    // The team connection behind any history backend (call on the history thread), or null with `why`:
    // no team trail is configured, or its database cannot be reached.
    static QSqlDatabase *databaseOf(HistoryBackend &backend, Status *why);
    // `work(db)` on that connection, or the reason it cannot be reached; `work` returns a Status or a Result.
    template <typename Work>
    static auto withDatabase(HistoryBackend &backend, Work work) -> decltype(work(std::declval<QSqlDatabase &>()))
    {
        Status why;
        QSqlDatabase *db = databaseOf(backend, &why);
        if (!db)
            return why;
        return work(*db);
    }
    LocalHistoryBackend *local() const { return m_local; }
    // The team's four-eyes policy as this console last read it, kept beside the checkpoint and MAC'd
    // with the chain key (call on the history thread): what holds while the database cannot be reached.
    TeamPolicyCache::State keptPolicy() const { return m_policyCache.read(m_chain); }
    Status keepPolicy(const TeamPolicyCache::Policy &policy) const { return m_policyCache.write(policy, m_chain); }
    // The same for any history backend: null when it is not a team one.
    static TeamHistoryBackend *teamOf(HistoryBackend &backend);
    static QString checkpointPath(const QString &stateDir, const QString &conninfo);

signals:
    void teamStatusChanged(const TeamStatus &status);

private:
    Status ensureOpen();
    // A check of the trail (see TeamTrailCheck), begun in `run` when it is empty and walked on from
    // there; nothing while it gave way, the report once done.
    std::optional<ChainReport> check(std::unique_ptr<TeamTrailCheck> &run, bool mayGiveWay);
    void dropConnection(const Status &why);
    // Moves the checkpoint over the records that extend it (a bounded walk: see TeamCheckpointKeeper).
    void advanceCheckpoint();
    // What a move of the checkpoint found: the newest record read, or why it stayed where it was.
    void noteMoved(qint64 head, const QString &problem);
    // The trail's queries when it can be reached now, else null (m_problem says why).
    std::unique_ptr<TeamQueries> queries();
    // What a read says while the trail cannot be reached.
    QString unreachable() const;
    QString trailName() const { return m_signer.trailName(m_config.installation); }
    void tick();

    LocalHistoryBackend *m_local; // a child: it moves to the history thread with this object
    Config m_config;
    std::unique_ptr<TeamConnection> m_connection; // its header names SQL types: kept out of this one
    HistoryChain m_chain;                         // this installation's key: MACs the checkpoint
    TeamCheckpoint m_checkpoint;
    TeamPolicyCache m_policyCache;
    TeamForwarder m_forwarder;
    TeamSigner m_signer;                     // derived from the chain key: signs every record this console sends
    std::unique_ptr<TeamTrailCheck> m_check; // the window's check in slices, while it is under way
    QString m_problem;
    QString m_refused; // why the trail will not take this console's records (the database is reachable)
    qint64 m_waiting = 0;
    qint64 m_newestSeen = 0;
    QDateTime m_nextAttempt;
    bool m_dirty = false; // wrote locally in this process: try once more before going away
    bool m_watching = false;
    bool m_online = true;  // the trail answered at the last poll
    bool m_polled = false; // the first poll is done
    TeamAnswers m_answers; // after everything its callbacks use
    QTimer *m_timer = nullptr;
};
