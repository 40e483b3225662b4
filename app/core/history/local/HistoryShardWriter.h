#pragma once

#include "base/Status.h"

#include <QSettings>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>

// The shards one append touches, each written once at the end: a batch of 1,000 begins costs ten
// file writes, not a thousand.
class HistoryShardWriter
{
public:
    QSettings *shard(const QString &path);
    // Writes every shard touched (complete file, fsync, atomic rename), 0600; the first failure stops it.
    Status commit(const QString &directory);

private:
    std::map<QString, std::unique_ptr<QSettings>> m_open;
    QStringList m_order;
};
