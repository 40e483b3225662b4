// HistoryPanel's exports: the shown entries or the selected ones, as CSV or JSON, checked, read and
// written on the history thread.
#include "history/HistoryExportNotice.h"
#include "history/HistoryFilterProxy.h"
#include "history/HistoryPanel.h"
#include "history/HistoryService.h"
#include "history/HistoryTableMenu.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QStandardPaths>
#include <QToolButton>

void HistoryPanel::exportCsv()
{
    askAndExport(HistoryExporter::Format::Csv);
}

void HistoryPanel::exportJson()
{
    askAndExport(HistoryExporter::Format::Json);
}

QString HistoryPanel::suggestedExportPath(HistoryExporter::Format format, const QDate &day)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("enrollee-history-%1.%2")
                             .arg(day.toString(Qt::ISODate),
                                  format == HistoryExporter::Format::Csv ? QStringLiteral("csv")
                                                                         : QStringLiteral("json"));
    return QDir(folder.isEmpty() ? QDir::homePath() : folder).filePath(name);
}

QString HistoryPanel::askExportPath(HistoryExporter::Format format)
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

void HistoryPanel::askAndExport(HistoryExporter::Format format)
{
    const QString path = askExportPath(format);
    if (!path.isEmpty())
        exportTo(path, format);
}

void HistoryPanel::exportSelection()
{
    const QList<HistoryEntry> entries = m_tableMenu->selectedEntries();
    if (entries.isEmpty())
        return;
    const QString path = askExportPath(HistoryExporter::Format::Csv);
    if (!path.isEmpty())
        exportEntries(path, HistoryExporter::Format::Csv, entries, tr("%n selected entries", "", int(entries.size())));
}

void HistoryPanel::exportTo(const QString &path, HistoryExporter::Format format)
{
    exportEntries(path, format, m_proxy->visibleEntries(), m_proxy->description());
}

void HistoryPanel::exportEntries(const QString &path, HistoryExporter::Format format,
                                 const QList<HistoryEntry> &entries, const QString &description)
{
    const QString problem = HistoryExporter::pathError(path);
    if (!problem.isEmpty()) {
        showMessage(problem, true);
        emit exportFinished(path, problem);
        return;
    }
    HistoryExportInfo info;
    info.exportedAt = QDateTime::currentDateTimeUtc();
    info.filterDescription = description;
    info.historyDirectory = m_service->address(); // a path a tool can use, not a sentence
    m_exportButton->setEnabled(false);
    showMessage(tr("Exporting %n entries…", "", int(entries.size())), false);
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
    m_service->run<QString>(work, this, [this, path, count](const QString &error) {
        m_exportButton->setEnabled(true);
        m_notice->showResult(path, count, error);
        emit exportFinished(path, error);
    });
}
