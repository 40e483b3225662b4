#pragma once

#include "history/HistoryEntry.h"
#include "history/HistoryExporter.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

class HistoryFilter;
class HistoryService;
class HistoryTableModel;

// The history view's exports, from the file prompt to the written file: every entry the filter
// matches (in view order, read as it is written, so a million entries cost the memory of one) or a
// selection, as CSV or JSON. The chain is checked and the file written on the history thread, so the
// file states what held when it was written and the window never waits on disk; progress is reported
// as it goes, and a cancelled or failed export leaves no file behind.
class HistoryExportFlow : public QObject
{
    Q_OBJECT
public:
    // Asks for a file to save to, starting from `suggested`; returns an empty string when the officer
    // cancels. Tests pre-answer it.
    using SaveFileNameProvider =
        std::function<QString(const QString &title, const QString &filter, const QString &suggested)>;

    HistoryExportFlow(HistoryService *service, HistoryFilter *filter, HistoryTableModel *model,
                      QObject *parent = nullptr);

    void setSaveFileNameProvider(SaveFileNameProvider provider) { m_saveFileName = std::move(provider); }
    // Where an export is offered first: Documents/enrollee-history-YYYY-MM-DD.csv (or .json).
    static QString suggestedExportPath(HistoryExporter::Format format, const QDate &day);

    // Asks for a file and exports the rows shown.
    void askAndExport(HistoryExporter::Format format);
    // Exports the rows shown to `path` without asking.
    void exportTo(const QString &path, HistoryExporter::Format format);
    // Asks for a CSV file and exports `entries` (the selected rows, in view order).
    void exportSelection(const QList<HistoryEntry> &entries);
    // How many entries the rows shown stand for (the view's last count): the progress bar's end.
    void setExpectedCount(qint64 count) { m_expected = count; }
    bool isExporting() const { return m_job != nullptr; }
    // Stops the export under way; its file is not written.
    void cancel();

signals:
    void started(const QString &progress);
    // `written` entries so far of about `expected` (0 when unknown); `checking` while the chain is checked.
    void progress(qint64 written, qint64 expected, bool checking);
    // The path cannot be written to (nothing was started).
    void refused(const QString &path, const QString &why);
    // `error` is empty when `count` entries were written to `path`.
    void finished(const QString &path, qsizetype count, const QString &error);

private:
    QString askExportPath(HistoryExporter::Format format);

    // Shared with the history thread while an export runs.
    struct Job {
        std::atomic<qint64> written{0};
        std::atomic<bool> checking{true};
        std::atomic<bool> cancelled{false};
    };
    void start(const QString &path, HistoryExporter::Format format, const QList<HistoryEntry> &selection, bool all,
               const QString &description, qint64 expected);
    void report();

    HistoryService *m_service;
    HistoryFilter *m_filter;
    HistoryTableModel *m_model;
    SaveFileNameProvider m_saveFileName;
    std::shared_ptr<Job> m_job;
    qint64 m_expected = 0;
    qint64 m_jobExpected = 0;
    QTimer m_progress;
};
