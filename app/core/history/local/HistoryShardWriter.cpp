#include "HistoryShardWriter.h"

#include "settings/PrivateFiles.h"

#include <QFileInfo>

QSettings *HistoryShardWriter::shard(const QString &path)
{
    auto it = m_open.find(path);
    if (it == m_open.end()) {
        it = m_open.emplace(path, std::make_unique<QSettings>(path, QSettings::IniFormat)).first;
        m_order.append(path);
    }
    return it->second.get();
}

Status HistoryShardWriter::commit(const QString &directory)
{
    for (const QString &path : std::as_const(m_order)) {
        QSettings *settings = m_open.at(path).get();
        settings->sync(); // QSettings writes through QSaveFile: complete file, fsync, atomic rename
        if (settings->status() != QSettings::NoError || !QFileInfo::exists(path))
            return PrivateFiles::writeFailure(directory, path);
        PrivateFiles::tightenFile(path);
    }
    return Status::success();
}
