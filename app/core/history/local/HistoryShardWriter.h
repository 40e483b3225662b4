#pragma once

#include "base/Status.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>

class FileBatch;

// The shards one append touches, each written once at the end: a batch of 1,000 begins costs ten
// file writes, not a thousand. A shard that exists is read first and written back whole, with the
// new records added, as the INI text QSettings would write (IniText).
class HistoryShardWriter
{
public:
    // Sets `key` ("section/name") in the shard at `path`.
    void set(const QString &path, const QString &key, const QString &value);
    // Adds every shard touched to `batch`; fails, adding nothing, when a shard that exists could not be
    // read back whole (its records would be lost by writing it).
    Status stage(FileBatch &batch) const;

private:
    struct Shard {
        QMap<QString, QVariant> values;
        bool readable = true;
    };
    Shard &shard(const QString &path);

    QMap<QString, Shard> m_shards;
    QStringList m_order;
};
