#include "HistoryShardWriter.h"

#include "history/local/FileBatch.h"
#include "history/local/HistoryShard.h"
#include "history/local/IniText.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

#include <memory>

HistoryShardWriter::Shard &HistoryShardWriter::shard(const QString &path)
{
    auto it = m_shards.find(path);
    if (it != m_shards.end())
        return *it;
    Shard loaded;
    if (QFileInfo::exists(path)) {
        const std::unique_ptr<QSettings> opened = HistoryShard::open(path);
        loaded.readable = opened != nullptr;
        if (opened) {
            for (const QString &key : opened->allKeys())
                loaded.values.insert(key, opened->value(key));
        }
    }
    m_order.append(path);
    return *m_shards.insert(path, loaded);
}

void HistoryShardWriter::set(const QString &path, const QString &key, const QString &value)
{
    shard(path).values.insert(key, value);
}

Status HistoryShardWriter::stage(FileBatch &batch) const
{
    QList<QPair<QString, QByteArray>> texts;
    for (const QString &path : m_order) {
        const Shard &s = m_shards[path];
        const std::optional<QByteArray> text = s.readable ? IniText::encode(s.values) : std::nullopt;
        if (!text)
            return Status::failure(QCoreApplication::translate("HistoryStore",
                                                               "The history file %1 cannot be read back whole, so "
                                                               "it is not written to; run the history check. "
                                                               "Nothing was sent.")
                                       .arg(path),
                                   Status::Kind::Storage);
        texts.append({path, *text});
    }
    for (const auto &[path, text] : std::as_const(texts))
        batch.add(path, text);
    return Status::success();
}
