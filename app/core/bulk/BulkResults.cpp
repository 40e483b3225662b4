#include "BulkResults.h"

#include "history/DurableFile.h"
#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

#include <unistd.h>

namespace {
QString csvField(const QString &text)
{
    // Quoted always when it could break the row; a leading = + - @ is defused against spreadsheet formulas.
    QString t = text;
    if (!t.isEmpty() && QStringLiteral("=+-@").contains(t.at(0)))
        t.prepend(QLatin1Char('\''));
    if (t.contains(QLatin1Char(',')) || t.contains(QLatin1Char('"')) || t.contains(QLatin1Char('\n'))
        || t.contains(QLatin1Char('\r')) || t != text)
        return QLatin1Char('"') + t.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return t;
}

QString timeOf(const BulkRowResult &r)
{
    const QDateTime t = r.entry.completedAt.isValid() ? r.entry.completedAt : r.entry.time;
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}
} // namespace

BulkResults::BulkResults(QString path) : m_path(std::move(path))
{
    m_pool.setMaxThreadCount(1);
}

BulkResults::~BulkResults()
{
    m_pool.waitForDone();
}

bool BulkResults::isJson() const
{
    return m_path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
}

QString BulkResults::outcomeWord(BulkRowStatus status)
{
    return BulkRowResult::statusName(status == BulkRowStatus::InFlight ? BulkRowStatus::Unknown : status);
}

QJsonObject BulkResults::rowJson(const BulkRowResult &r)
{
    return QJsonObject{
        {QStringLiteral("line"), r.row.line},
        {QStringLiteral("user_id"), r.row.userId},
        {QStringLiteral("outcome"), outcomeWord(r.status)},
        {QStringLiteral("http_status"), r.entry.httpStatus},
        {QStringLiteral("code"), r.entry.code},
        {QStringLiteral("message"), r.message()},
        {QStringLiteral("time"), timeOf(r)},
        {QStringLiteral("attempts"), int(r.entry.attempts.size())},
        {QStringLiteral("record"), r.entry.id},
        {QStringLiteral("record_hash"), r.entry.recordHash},
        {QStringLiteral("completion_record"), r.entry.completionRecord},
        {QStringLiteral("completion_hash"), r.entry.completionHash},
    };
}

QByteArray BulkResults::csvHeader()
{
    return QByteArrayLiteral("line,user_id,outcome,http_status,code,message,time,attempts,record,record_hash,"
                             "completion_record,completion_hash\r\n");
}

QByteArray BulkResults::csvLines(const QList<BulkRowResult> &rows)
{
    QString out;
    for (const BulkRowResult &r : rows) {
        const QStringList fields{QString::number(r.row.line),
                                 csvField(r.row.userId),
                                 outcomeWord(r.status),
                                 r.entry.httpStatus ? QString::number(r.entry.httpStatus) : QString(),
                                 csvField(r.entry.code),
                                 csvField(r.message()),
                                 timeOf(r),
                                 QString::number(r.entry.attempts.size()),
                                 r.entry.id ? QString::number(r.entry.id) : QString(),
                                 r.entry.recordHash,
                                 r.entry.completionRecord ? QString::number(r.entry.completionRecord) : QString(),
                                 r.entry.completionHash};
        out += fields.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

QByteArray BulkResults::csv(const QList<BulkRowResult> &rows)
{
    return csvHeader() + csvLines(rows);
}

QByteArray BulkResults::json(const QString &runId, ActionKind action, const QList<BulkRowResult> &rows)
{
    QJsonArray array;
    for (const BulkRowResult &r : rows)
        array.append(rowJson(r));
    const QJsonObject doc{{QStringLiteral("run_id"), runId},
                          {QStringLiteral("action"), ActionInfo::cliName(action)},
                          {QStringLiteral("counts"), BulkCounts::of(rows).toJson()},
                          {QStringLiteral("rows"), array}};
    return QJsonDocument(doc).toJson(QJsonDocument::Indented);
}

void BulkResults::write(const QString &runId, ActionKind action, const QList<BulkRowResult> &rows)
{
    const bool asJson = isJson();
    m_pool.start([this, runId, action, rows, asJson] {
        const Status s = writeNow(asJson ? json(runId, action, rows) : csv(rows));
        const QMutexLocker lock(&m_mutex);
        m_last = s;
    });
}

void BulkResults::append(const QList<BulkRowResult> &rows)
{
    if (isJson() || rows.isEmpty())
        return;
    m_pool.start([this, rows] {
        const Status s = appendNow(csvLines(rows));
        const QMutexLocker lock(&m_mutex);
        m_last = s;
    });
}

Status BulkResults::appendNow(const QByteArray &lines)
{
    QFile file(m_path);
    const bool fresh = !file.exists() || file.size() == 0;
    // One write for the group, then a sync: every line is whole on disk before the next group.
    const QByteArray bytes = fresh ? csvHeader() + lines : lines;
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)
        || (fresh && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        || file.write(bytes) != bytes.size() || !file.flush() || ::fdatasync(file.handle()) != 0)
        return PrivateFiles::writeFailure(
            QFileInfo(m_path).absolutePath(),
            QCoreApplication::translate("BulkResults", "the results file %1").arg(m_path));
    return Status::success();
}

Status BulkResults::flush()
{
    m_pool.waitForDone();
    const QMutexLocker lock(&m_mutex);
    return m_last;
}

Status BulkResults::writeNow(const QByteArray &bytes)
{
    return DurableFile::write(m_path, bytes);
}
