#pragma once

#include "base/Status.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

class FileBatch;
class HistoryChain;

// Where the local history ends, as an append finds it in the folder: the shard files in record order,
// the newest record (number, hash, its shard and how full that shard is) and the HEAD file that names
// it. HEAD is trusted only when the chain key vouches for it, so a damaged or forged HEAD costs a walk
// over the shards, never a reused record number; a history that ends before the record an authentic
// HEAD names had records removed, and is not continued.
class HistoryTail
{
public:
    struct Position {
        QString shard;
        qint64 seq = 0;
        QString hash;
        int count = 0;
        QString month;
    };

    // `chain` must outlive this object (the backend owns both).
    HistoryTail(const QString &directory, const HistoryChain &chain);

    // The shard files in record order.
    QStringList shardFiles() const;
    // The newest record, `now` deciding which month a freshly started shard would belong to.
    Result<Position> read(const QDateTime &now) const;
    // Adds HEAD naming the newest record, with the chain key's MAC over it, to `batch`; `anchored` when
    // the anchor outside the folder is in place (a missing anchor is then a removal).
    void stageHead(FileBatch &batch, qint64 seq, const QString &hash, const QString &shard, bool anchored) const;

private:
    bool readShard(const QString &path, Position *tail) const;

    QString m_directory;
    const HistoryChain &m_chain;
};
