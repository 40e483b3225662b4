#include "HistoryExportWriter.h"

#include "history/HistoryEntryJson.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

namespace {
constexpr qsizetype kBlock = 64 * 1024;

QString timeText(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}
} // namespace

HistoryExportWriter::HistoryExportWriter(QIODevice *out, HistoryExporter::Format format, HistoryExportInfo info)
    : m_out(out), m_format(format), m_info(std::move(info))
{
}

void HistoryExportWriter::begin()
{
    if (m_format == HistoryExporter::Format::Csv)
        put(HistoryExporter::csvHeader().join(QLatin1Char(',')).toUtf8() + "\r\n");
    else
        put(jsonHead());
}

void HistoryExportWriter::add(const HistoryEntry &entry)
{
    if (m_format == HistoryExporter::Format::Csv) {
        put(csvRow(entry));
    } else {
        if (m_count > 0)
            put(",\n");
        put(jsonElement(entry));
    }
    ++m_count;
}

void HistoryExportWriter::end()
{
    if (m_format == HistoryExporter::Format::Json)
        put((m_count > 0 ? "\n    ],\n" : "],\n") + QByteArray("    \"count\": ") + QByteArray::number(m_count)
            + "\n}\n");
    flush();
}

void HistoryExportWriter::put(const QByteArray &bytes)
{
    m_buffer += bytes;
    if (m_buffer.size() >= kBlock)
        flush();
}

void HistoryExportWriter::flush()
{
    if (m_ok && !m_buffer.isEmpty())
        m_ok = m_out->write(m_buffer) == m_buffer.size();
    m_buffer.clear();
}

QByteArray HistoryExportWriter::csvRow(const HistoryEntry &e) const
{
    const auto &info = m_info;
    using Exporter = HistoryExporter;
    const QStringList cells{
        QString::number(e.id),
        timeText(e.time),
        timeText(e.completedAt),
        Exporter::csvField(e.operatorEmail),
        Exporter::csvField(e.profileName),
        environmentName(e.environment),
        Exporter::csvField(e.partnerId),
        Exporter::csvField(e.host),
        Exporter::csvField(e.userId),
        ActionInfo::cliName(e.action),
        Exporter::csvField(e.reason),
        Exporter::csvField(e.face),
        HistoryEntry::outcomeName(e.outcome),
        e.httpStatus > 0 ? QString::number(e.httpStatus) : QString(),
        Exporter::csvField(e.code),
        Exporter::csvField(e.message),
        QString::number(e.elapsedMs),
        QString::number(e.attempts.size()),
        Exporter::chainVouches(e, info) ? QStringLiteral("yes") : QStringLiteral("no"),
        e.recordHash,
        e.completionRecord > 0 ? QString::number(e.completionRecord) : QString(),
        e.completionHash,
        Exporter::csvField(e.runId),
        e.runId.isEmpty() ? QString() : QString::number(e.runLine),
    };
    return (cells.join(QLatin1Char(',')) + QStringLiteral("\r\n")).toUtf8();
}

QByteArray HistoryExportWriter::jsonElement(const HistoryEntry &e) const
{
    const bool vouched = HistoryExporter::chainVouches(e, m_info);
    if (const std::optional<QByteArray> element = HistoryEntryJson::arrayElement(e)) {
        // The entry's fields as `history --json` writes them, with the check's verdict as the first field.
        const qsizetype open = element->indexOf('{');
        if (open >= 0) {
            QByteArray bytes = *element;
            bytes.insert(open + 1, QByteArray("\n        \"chain_verified\": ") + (vouched ? "true" : "false") + ',');
            return bytes;
        }
    }
    QJsonObject o = e.toJson();
    o.insert(QStringLiteral("chain_verified"), vouched);
    return "    " + QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray HistoryExportWriter::jsonHead() const
{
    const HistoryExportInfo &info = m_info;
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
    const QJsonObject head{
        {QStringLiteral("format"), QStringLiteral("enrollee-history-export/1")},
        {QStringLiteral("exported_at"), timeText(at)},
        {QStringLiteral("filter"), info.filterDescription},
        {QStringLiteral("history_directory"), info.historyDirectory},
        {QStringLiteral("verification"), verification},
    };
    // The head's fields as QJsonDocument writes them, left open for the entries and the count that follow.
    QByteArray bytes = QJsonDocument(head).toJson(QJsonDocument::Indented);
    bytes.chop(bytes.size() - bytes.lastIndexOf('}'));
    while (bytes.endsWith('\n') || bytes.endsWith(' '))
        bytes.chop(1);
    return bytes + ",\n    \"entries\": [\n";
}
