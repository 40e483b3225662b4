#include "HistoryExportFlow.h"

#include "history/HistoryExportWriter.h"
#include "history/HistoryFilter.h"
#include "history/HistoryService.h"
#include "history/HistoryTableModel.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <utility>

HistoryExportFlow::HistoryExportFlow(HistoryService *service, HistoryFilter *filter, HistoryTableModel *model,
                                     QObject *parent)
    : QObject(parent), m_service(service), m_filter(filter), m_model(model)
{
    m_progress.setInterval(200);
    connect(&m_progress, &QTimer::timeout, this, &HistoryExportFlow::report);
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
        start(path, HistoryExporter::Format::Csv, entries, false, tr("%n selected entries", "", int(entries.size())),
              entries.size());
}

void HistoryExportFlow::exportTo(const QString &path, HistoryExporter::Format format)
{
    start(path, format, {}, true, m_filter->description(), m_expected);
}

void HistoryExportFlow::cancel()
{
    if (m_job)
        m_job->cancelled = true;
}

void HistoryExportFlow::report()
{
    if (m_job)
        emit progress(m_job->written, m_jobExpected, m_job->checking);
}

void HistoryExportFlow::start(const QString &path, HistoryExporter::Format format, const QList<HistoryEntry> &selection,
                              bool all, const QString &description, qint64 expected)
{
    const QString problem = m_job ? tr("An export is already running; wait for it or cancel it.")
                                  : HistoryExporter::pathError(path);
    if (!problem.isEmpty()) {
        emit refused(path, problem);
        return;
    }
    HistoryExportInfo info;
    info.exportedAt = QDateTime::currentDateTimeUtc();
    info.filterDescription = description;
    info.historyDirectory = m_service->address(); // a path a tool can use, not a sentence
    const HistoryQuery query = all ? m_model->query() : HistoryQuery();
    auto job = std::make_shared<Job>();
    m_job = job;
    m_jobExpected = expected;
    emit started(tr("Exporting %n entries…", "", int(qMin<qint64>(expected, INT_MAX))));
    m_progress.start();
    using Outcome = std::pair<qint64, QString>;
    // Checked, read and written on the history thread, so the file states what held when it was written.
    auto work = [path, format, selection, all, query, info, job](HistoryBackend &backend) mutable -> Outcome {
        info.chain = backend.verify();
        info.chainChecked = true;
        job->checking = false;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {0, HistoryExporter::openError(path, file)};
        HistoryExportWriter writer(&file, format, info);
        writer.begin();
        const auto take = [&](const HistoryEntry &e) {
            writer.add(e);
            job->written = writer.count();
            return writer.ok() && !job->cancelled;
        };
        QString readError;
        if (!all) {
            for (const HistoryEntry &e : std::as_const(selection)) {
                if (!take(e))
                    break;
            }
        } else if (query.order == HistoryQuery::Order::NewestFirst) {
            const Result<QStringList> walked = backend.walkEntries(
                [&](const HistoryEntry &e) { return !query.matches(e) || take(e); });
            readError = walked.ok() ? QString() : walked.message();
        } else {
            // Oldest first: keyset pages, each answered where the history keeps its index.
            bool going = true;
            for (qint64 after = 0; going;) {
                const Result<HistoryPage> page = backend.page(query, after, 1000);
                if (!page.ok()) {
                    readError = page.message();
                    break;
                }
                for (const HistoryEntry &e : page.value().entries) {
                    going = take(e);
                    if (!going)
                        break;
                }
                going = going && page.value().more;
                after = page.value().next;
            }
        }
        if (job->cancelled) {
            file.cancelWriting();
            return {0, tr("The export was cancelled; no file was written.")};
        }
        if (!readError.isEmpty()) {
            file.cancelWriting();
            return {0, tr("The export stopped: the history could not be read: %1").arg(readError)};
        }
        writer.end();
        return {writer.count(), HistoryExporter::finish(path, file, writer.ok())};
    };
    m_service->run<Outcome>(work, this, [this, path](const Outcome &outcome) {
        m_progress.stop();
        m_job.reset();
        emit finished(path, outcome.first, outcome.second);
    });
}
