#pragma once

#include "history/HistoryChain.h"
#include "history/HistoryEntry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

class QSaveFile;

// What an export says about itself, so an auditor can tell what was exported and whether the trail
// was intact at that moment.
struct HistoryExportInfo {
    QDateTime exportedAt;      // when; defaults to now
    QString filterDescription; // which rows (HistoryFilter::description())
    QString historyDirectory;  // where the store lives, to re-run `enrollee-cli history --verify`
    bool chainChecked = false; // whether `chain` holds a verification result
    ChainReport chain;
};

// Writes history entries to CSV (for spreadsheets) and JSON (for auditors and tools). No widgets:
// it runs on a worker thread. Files are written through QSaveFile, so a failed export leaves nothing
// half-written behind; every failure comes back as a translated sentence.
class HistoryExporter
{
    Q_DECLARE_TR_FUNCTIONS(HistoryExporter)
public:
    enum class Format { Csv, Json };

    // RFC 4180: header row, CRLF line ends, UTF-8, fields quoted when they hold a comma, quote or line
    // break. Text cells that a spreadsheet would run as a formula get a leading apostrophe.
    static QByteArray csv(const QList<HistoryEntry> &entries, const HistoryExportInfo &info);
    // {"format", "exported_at", "count", "filter", "history_directory", "verification": {...},
    //  "entries": [HistoryEntry::toJson() + "chain_verified"]}
    static QByteArray json(const QList<HistoryEntry> &entries, const HistoryExportInfo &info);

    // A translated reason `path` cannot be written, or an empty string.
    static QString pathError(const QString &path);
    // Writes the export; returns an empty string on success, else a translated error.
    static QString write(const QString &path, Format format, const QList<HistoryEntry> &entries,
                         const HistoryExportInfo &info);

    // Opened through QSaveFile by the caller, written with HistoryExportWriter, finished here: the
    // translated reason the file could not be opened, or could not be finished (empty: written).
    static QString openError(const QString &path, const QSaveFile &file);
    static QString finish(const QString &path, QSaveFile &file, bool written);
    static QStringList csvHeader();
    static QString csvField(const QString &text, bool neutralise = true);
    // Whether the chain walk vouched for this entry's begin record.
    static bool chainVouches(const HistoryEntry &entry, const HistoryExportInfo &info);

private:
    static QByteArray render(Format format, const QList<HistoryEntry> &entries, const HistoryExportInfo &info);
};
