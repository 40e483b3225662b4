#include "HistoryExportFlow.h"

#include "history/HistoryFilterProxy.h"
#include "history/HistoryService.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>

HistoryExportFlow::HistoryExportFlow(HistoryService *service, HistoryFilterProxy *proxy, QObject *parent)
    : QObject(parent), m_service(service), m_proxy(proxy)
{
}

QString HistoryExportFlow::suggestedExportPath(HistoryExporter::Format format, const QDate &day)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("enrollee-history-%1.%2")
                             .arg(day.toString(Qt::ISODate),
                                  format == HistoryExporter::Format::Csv ? QStringLiteral("csv")
                                                                         : QStringLiteral("json"));
    return QDir(folder.isEmpty() ? QDir::homePath() : folder).filePath(name);
}

QString HistoryExportFlow::askExportPath(HistoryExporter::Format format)
{
    const bool csv = format == HistoryExporter::Format::Csv;
    const QString title = csv ? tr("Export history as CSV") : tr("Export history as JSON");
    const QString filter = csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)");
    QString path = m_saveFileName ? m_saveFileName(title, filter, suggestedExportPath(format, QDate::currentDate()))
                                  : QString();
    if (path.isEmpty())
        return {}; // cancelled
    const QFileInfo info(path);
    if (!info.isDir() && info.suffix().isEmpty())
        path += csv ? QStringLiteral(".csv") : QStringLiteral(".json");
    return path;
}

void HistoryExportFlow::askAndExport(HistoryExporter::Format format)
{
    const QString path = askExportPath(format);
    if (!path.isEmpty())
        exportTo(path, format);
}

void HistoryExportFlow::exportSelection(const QList<HistoryEntry> &entries)
{
    if (entries.isEmpty())
        return;
    const QString path = askExportPath(HistoryExporter::Format::Csv);
    if (!path.isEmpty())
        exportEntries(path, HistoryExporter::Format::Csv, entries, tr("%n selected entries", "", int(entries.size())));
}

void HistoryExportFlow::exportTo(const QString &path, HistoryExporter::Format format)
{
    exportEntries(path, format, m_proxy->visibleEntries(), m_proxy->description());
}

void HistoryExportFlow::exportEntries(const QString &path, HistoryExporter::Format format,
                                      const QList<HistoryEntry> &entries, const QString &description)
{
    const QString problem = HistoryExporter::pathError(path);
    if (!problem.isEmpty()) {
        emit refused(path, problem);
        return;
    }
    HistoryExportInfo info;
    info.exportedAt = QDateTime::currentDateTimeUtc();
    info.filterDescription = description;
    info.historyDirectory = m_service->address(); // a path a tool can use, not a sentence
    emit started(tr("Exporting %n entries…", "", int(entries.size())));
    const qsizetype count = entries.size();
    // Checked, read and written on the history thread, so the file states what held when it was written.
    auto work = [path, format, entries, info](HistoryBackend &backend) mutable {
        info.chain = backend.verify();
        info.chainChecked = true;
        // The rows on screen may have arrived live, before their hashes existed on disk: take each
        // entry's place in the chain from the trail itself.
        QHash<qint64, HistoryEntry> stored;
        if (const Result<HistoryRead> read = backend.read(1); read.ok()) {
            for (const HistoryEntry &e : read.value().entries)
                stored.insert(e.id, e);
        }
        QList<HistoryEntry> rows = entries;
        for (HistoryEntry &e : rows) {
            const auto it = stored.constFind(e.id);
            if (it != stored.constEnd()) {
                e.recordHash = it->recordHash;
                e.completionRecord = it->completionRecord;
                e.completionHash = it->completionHash;
            }
        }
        return HistoryExporter::write(path, format, rows, info);
    };
    m_service->run<QString>(work, this,
                            [this, path, count](const QString &error) { emit finished(path, count, error); });
}
