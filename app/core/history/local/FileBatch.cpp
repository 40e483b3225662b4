#include "FileBatch.h"

#include "history/DurableFile.h"

#include <QCoreApplication>
#include <QFile>

#include <memory>
#include <vector>

void FileBatch::add(const QString &path, const QByteArray &bytes)
{
    Change change;
    change.path = path;
    change.bytes = bytes;
    QFile file(path);
    change.existed = file.exists();
    if (change.existed && file.open(QIODevice::ReadOnly))
        change.before = file.readAll();
    m_changes.append(change);
}

Status FileBatch::commit()
{
    std::vector<std::unique_ptr<DurableFile>> prepared;
    prepared.reserve(size_t(m_changes.size()));
    for (const Change &change : std::as_const(m_changes)) {
        prepared.push_back(std::make_unique<DurableFile>(change.path));
        if (Status written = prepared.back()->prepare(change.bytes); !written.ok())
            return written; // nothing was renamed yet: every file is as it was
    }
    for (qsizetype i = 0; i < m_changes.size(); ++i) {
        if (Status placed = prepared[size_t(i)]->commit(); !placed.ok()) {
            putBack(m_changes.first(i));
            return placed;
        }
    }
    return Status::success();
}

void FileBatch::putBack(const QList<Change> &changes) const
{
    for (auto it = changes.crbegin(); it != changes.crend(); ++it) {
        const bool restored = it->existed ? DurableFile::write(it->path, it->before).ok() : QFile::remove(it->path);
        if (!restored)
            qWarning("%s",
                     qPrintable(QCoreApplication::translate("HistoryStore",
                                                            "%1 could not be put back as it was after a "
                                                            "failed write; run the history check.")
                                    .arg(it->path)));
    }
}
