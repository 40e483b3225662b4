#pragma once

#include "HistoryChain.h"
#include "HistoryEntry.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

// Everything a reader gets back from disk: the merged entries, oldest first, and what could not be read.
struct HistoryLoad {
    QList<HistoryEntry> entries;
    QStringList problems;    // translated, one per file or record that could not be used
    QStringList quarantined; // files moved aside because they could not be parsed
};


// The audit trail, kept in QSettings INI files. Each action is two records, a begin written (and
// synced) before the request is sent and a completion written when the answer arrives; records are
// append-only, numbered, and each carries HMAC-SHA256(key, previous hash, its number, its text), so
// editing, removing or reordering any record breaks the chain. Files are shards of at most
// shardCapacity() records, started afresh each month, so an append rewrites one small file however
// long the history grows, and retention removes whole months. Several processes (the console and
// enrollee-cli) may append at once: appends are serialised by a lock file.
class Clock;

class HistoryStore : public QObject
{
    Q_OBJECT
public:
    explicit HistoryStore(const QString &directory, QObject *parent = nullptr);

    QString directory() const { return m_directory; }
    // Set before the first append; an empty key still chains with SHA-256 but cannot stop forgery.
    void setChainKey(const QByteArray &key) { m_chain.setKey(key); }
    bool hasChainKey() const { return m_chain.keyed(); }
    void setShardCapacity(int records) { m_shardCapacity = records; }
    // Decides which month a new record belongs to (and its default time); the system clock by default.
    void setClock(const Clock *clock) { m_clock = clock; }
    int shardCapacity() const { return m_shardCapacity; }

    // Records an action before it is sent. Returns its id (>0), synced to disk, or 0 with *error set.
    qint64 begin(const HistoryEntry &entry, QString *error = nullptr);
    // Records the outcome of the action `id`. `result` supplies outcome, completedAt, httpStatus, code,
    // message, response, elapsedMs and attempts.
    bool complete(qint64 id, const HistoryEntry &result, QString *error = nullptr);

    // Reads every shard. Safe to call from a worker thread while this or another process appends.
    HistoryLoad load() const;
    ChainReport verify() const;

    // Removes whole shards whose month is before `keepFrom` (never the one being written), and records
    // the removal in the chain. Returns how many entries were removed, or -1 with *error set.
    qint64 prune(const QDate &keepFrom, const QString &operatorEmail, QString *error = nullptr);

    // Raw access for tooling and tests: the shard files in sequence order.
    QStringList shardFiles() const;

    static QString genesisHash() { return HistoryChain::genesis(); }

signals:
    void entryBegun(const HistoryEntry &entry);
    void entryCompleted(const HistoryEntry &entry);

private:
    struct Tail {
        QString shard;
        qint64 seq = 0;
        QString hash;
        int count = 0;
        QString month;
    };
    qint64 appendRecord(const QJsonObject &record, QString *error);
    bool readTail(Tail *tail, QString *error) const;
    bool writeHead(qint64 seq, const QString &hash, const QString &shard, QString *error) const;
    bool readShardTail(const QString &path, Tail *tail) const;

    QString m_directory;
    HistoryChain m_chain;
    int m_shardCapacity = 100;
    const Clock *m_clock = nullptr;
    QDateTime now() const;
    QSet<qint64> m_inFlight; // begun by this process, not yet completed
};
