#pragma once

#include "history/HistoryEntry.h"
#include "history/HistoryExporter.h"

#include <QDate>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class HistoryFilterProxy;
class HistoryService;

// The history view's exports, from the file prompt to the written file: the rows the filter shows (in
// view order) or a selection, as CSV or JSON. The chain is checked, the entries' places in it read and
// the file written on the history thread, so the file states what held when it was written and the
// window never waits on disk.
class HistoryExportFlow : public QObject
{
    Q_OBJECT
public:
    // Asks for a file to save to, starting from `suggested`; returns an empty string when the officer
    // cancels. Tests pre-answer it.
    using SaveFileNameProvider =
        std::function<QString(const QString &title, const QString &filter, const QString &suggested)>;

    HistoryExportFlow(HistoryService *service, HistoryFilterProxy *proxy, QObject *parent = nullptr);

    void setSaveFileNameProvider(SaveFileNameProvider provider) { m_saveFileName = std::move(provider); }
    // Where an export is offered first: Documents/enrollee-history-YYYY-MM-DD.csv (or .json).
    static QString suggestedExportPath(HistoryExporter::Format format, const QDate &day);

    // Asks for a file and exports the rows shown.
    void askAndExport(HistoryExporter::Format format);
    // Exports the rows shown to `path` without asking.
    void exportTo(const QString &path, HistoryExporter::Format format);
    // Asks for a CSV file and exports `entries` (the selected rows, in view order).
    void exportSelection(const QList<HistoryEntry> &entries);

signals:
    void started(const QString &progress);
    // The path cannot be written to (nothing was started).
    void refused(const QString &path, const QString &why);
    // `error` is empty when `count` entries were written to `path`.
    void finished(const QString &path, qsizetype count, const QString &error);

private:
    QString askExportPath(HistoryExporter::Format format);
    void exportEntries(const QString &path, HistoryExporter::Format format, const QList<HistoryEntry> &entries,
                       const QString &description);

    HistoryService *m_service;
    HistoryFilterProxy *m_proxy;
    SaveFileNameProvider m_saveFileName;
};
