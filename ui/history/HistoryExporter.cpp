#include "HistoryExporter.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace {
QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

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
    const QString crlf = QStringLiteral("\r\n");
    QString out = csvHeader().join(QLatin1Char(',')) + crlf;
    out.reserve(entries.size() * 200);
    const QString comma(QLatin1Char(','));
    for (const HistoryEntry &e : entries) {
        const QStringList cells{
            QString::number(e.id),
            timeText(e.time),
            timeText(e.completedAt),
            csvField(e.operatorEmail),
            csvField(e.profileName),
            environmentName(e.environment),
            csvField(e.partnerId),
            csvField(e.host),
            csvField(e.userId),
            ActionInfo::cliName(e.action),
            csvField(e.reason),
            csvField(e.face),
            HistoryEntry::outcomeName(e.outcome),
            e.httpStatus > 0 ? QString::number(e.httpStatus) : QString(),
            csvField(e.code),
            csvField(e.message),
            QString::number(e.elapsedMs),
            QString::number(e.attempts.size()),
            chainVouches(e, info) ? QStringLiteral("yes") : QStringLiteral("no"),
            e.recordHash,
            e.completionRecord > 0 ? QString::number(e.completionRecord) : QString(),
            e.completionHash,
            csvField(e.runId),
            e.runId.isEmpty() ? QString() : QString::number(e.runLine),
        };
        out += cells.join(comma) + crlf;
    }
    return out.toUtf8();
}

QByteArray HistoryExporter::json(const QList<HistoryEntry> &entries, const HistoryExportInfo &info)
{
    QJsonArray array;
    for (const HistoryEntry &e : entries) {
        QJsonObject o = e.toJson();
        o.insert(QStringLiteral("chain_verified"), chainVouches(e, info));
        array.append(o);
    }
    QJsonObject verification{{QStringLiteral("checked"), info.chainChecked}};
    if (info.chainChecked) {
        verification.insert(QStringLiteral("ok"), info.chain.ok);
        verification.insert(QStringLiteral("records_checked"), info.chain.records);
        verification.insert(QStringLiteral("keyed"), info.chain.keyed);
        verification.insert(QStringLiteral("first_bad_record"), info.chain.firstBadSeq);
        verification.insert(QStringLiteral("first_bad_entry"), info.chain.firstBadEntry);
        verification.insert(QStringLiteral("problem"), info.chain.problem);
        verification.insert(QStringLiteral("head_record"), info.chain.headSeq);
        verification.insert(QStringLiteral("head_hash"), info.chain.headHash);
    }
    verification.insert(QStringLiteral("how_to_verify"),
                        QStringLiteral("Run enrollee-cli history --verify on the store named in history_directory: it "
                                       "must pass. Each entry names its records (id = the begin record, "
                                       "completion_record) and their HMAC-SHA256 chain hashes (record_hash, "
                                       "completion_hash): the store's records with those numbers must carry "
                                       "exactly those hashes, and head_record/head_hash must still be in the "
                                       "chain. chain_verified tells whether both records lay in the part of "
                                       "the chain that verified at export time."));
    const QDateTime at = info.exportedAt.isValid() ? info.exportedAt : QDateTime::currentDateTimeUtc();
    const QJsonObject root{
        {QStringLiteral("format"), QStringLiteral("enrollee-history-export/1")},
        {QStringLiteral("exported_at"), timeText(at)},
        {QStringLiteral("count"), qint64(entries.size())},
        {QStringLiteral("filter"), info.filterDescription},
        {QStringLiteral("history_directory"), info.historyDirectory},
        {QStringLiteral("verification"), verification},
        {QStringLiteral("entries"), array},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
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
    const QByteArray bytes = format == Format::Csv ? csv(entries, info) : json(entries, info);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return tr("Cannot write the export to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    }
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return tr("Writing the export to %1 failed: %2").arg(QDir::toNativeSeparators(path), reason);
    }
    if (!file.commit())
        return tr("Could not finish the export to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}
