#include "HistoryExporter.h"

#include "history/HistoryExportWriter.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace {
bool isFormulaStart(QChar c)
{
    return c == QLatin1Char('=') || c == QLatin1Char('+') || c == QLatin1Char('-') || c == QLatin1Char('@');
}

// Whether a spreadsheet could read the cell as a formula: it starts with = + - @, or with a tab or CR,
// or with spaces and line breaks before one of those (some importers trim them first).
bool looksLikeFormula(const QString &value)
{
    for (const QChar c : value) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\r'))
            return true;
        if (c == QLatin1Char(' ') || c == QLatin1Char('\n'))
            continue;
        return isFormulaStart(c);
    }
    return false;
}

// Characters that end a cell in some importer: RFC 4180's comma, and the semicolon and tab that
// spreadsheets use as the separator in many locales. Quoting keeps "a;=CMD()" one cell everywhere, so
// the formula guard on the cell's start is the only start there is.
bool needsQuotes(const QString &value)
{
    for (const QChar c : value) {
        if (c == QLatin1Char(',') || c == QLatin1Char(';') || c == QLatin1Char('\t') || c == QLatin1Char('"')
            || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            return true;
    }
    return false;
}
} // namespace

QStringList HistoryExporter::csvHeader()
{
    // Stable machine names (those of HistoryEntry::toJson()), not translated: tools read these.
    // run_id and run_line come last, so tools that read the older columns by position keep working.
    return {
        QStringLiteral("id"),
        QStringLiteral("time"),
        QStringLiteral("completed_at"),
        QStringLiteral("operator"),
        QStringLiteral("profile"),
        QStringLiteral("environment"),
        QStringLiteral("partner_id"),
        QStringLiteral("host"),
        QStringLiteral("user_id"),
        QStringLiteral("action"),
        QStringLiteral("reason"),
        QStringLiteral("face"),
        QStringLiteral("outcome"),
        QStringLiteral("http_status"),
        QStringLiteral("code"),
        QStringLiteral("message"),
        QStringLiteral("elapsed_ms"),
        QStringLiteral("attempts"),
        QStringLiteral("chain_verified"),
        QStringLiteral("record_hash"),
        QStringLiteral("completion_record"),
        QStringLiteral("completion_hash"),
        QStringLiteral("run_id"),
        QStringLiteral("run_line"),
    };
}

QString HistoryExporter::csvField(const QString &text, bool neutralise)
{
    QString value = text;
    // A user ID or reason such as "=HYPERLINK(...)" must stay text when a spreadsheet opens the file.
    if (neutralise && looksLikeFormula(value))
        value.prepend(QLatin1Char('\''));
    if (!needsQuotes(value))
        return value;
    value.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + value + QLatin1Char('"');
}

bool HistoryExporter::chainVouches(const HistoryEntry &entry, const HistoryExportInfo &info)
{
    if (!info.chainChecked)
        return false;
    if (info.chain.ok)
        return true;
    // The walk stops at the first bad record: everything numbered before it was checked, so both of
    // the entry's records must come before it.
    return info.chain.firstBadSeq > 0 && entry.id < info.chain.firstBadSeq
        && entry.completionRecord < info.chain.firstBadSeq;
}

QByteArray HistoryExporter::csv(const QList<HistoryEntry> &entries, const HistoryExportInfo &info)
{
    return render(Format::Csv, entries, info);
}

QByteArray HistoryExporter::json(const QList<HistoryEntry> &entries, const HistoryExportInfo &info)
{
    return render(Format::Json, entries, info);
}

QByteArray HistoryExporter::render(Format format, const QList<HistoryEntry> &entries, const HistoryExportInfo &info)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    HistoryExportWriter writer(&buffer, format, info);
    writer.begin();
    for (const HistoryEntry &e : entries)
        writer.add(e);
    writer.end();
    return bytes;
}

QString HistoryExporter::pathError(const QString &path)
{
    if (path.trimmed().isEmpty())
        return tr("No file name was given for the export.");
    const QFileInfo info(path);
    if (info.isDir())
        return tr("%1 is a folder; choose a file name for the export.").arg(QDir::toNativeSeparators(path));
    const QFileInfo parent(info.absolutePath());
    if (!parent.isDir())
        return tr("The folder %1 does not exist.").arg(QDir::toNativeSeparators(info.absolutePath()));
    if (info.exists() && !info.isWritable())
        return tr("%1 cannot be overwritten: it is read-only.").arg(QDir::toNativeSeparators(path));
    return {};
}

QString HistoryExporter::write(const QString &path, Format format, const QList<HistoryEntry> &entries,
                               const HistoryExportInfo &info)
{
    QString problem = pathError(path);
    if (!problem.isEmpty())
        return problem;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return openError(path, file);
    HistoryExportWriter writer(&file, format, info);
    writer.begin();
    for (const HistoryEntry &e : entries)
        writer.add(e);
    writer.end();
    return finish(path, file, writer.ok());
}

QString HistoryExporter::openError(const QString &path, const QSaveFile &file)
{
    return tr("Cannot write the export to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
}

QString HistoryExporter::finish(const QString &path, QSaveFile &file, bool written)
{
    if (!written) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return tr("Writing the export to %1 failed: %2").arg(QDir::toNativeSeparators(path), reason);
    }
    if (!file.commit())
        return tr("Could not finish the export to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}
