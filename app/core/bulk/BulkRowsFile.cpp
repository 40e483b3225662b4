#include "BulkRowsFile.h"

#include "history/DurableFile.h"
#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

namespace {
// A row is a line number, a user ID, a reason and a problem, each bounded by the input's checks; a line
// longer than this was not written by a run.
constexpr qint64 kMaxLine = 64 * 1024;
} // namespace

QByteArray BulkRowsFile::encode(const QList<BulkRow> &rows)
{
    QByteArray bytes;
    for (const BulkRow &row : rows) {
        bytes += QJsonDocument(row.toJson()).toJson(QJsonDocument::Compact);
        bytes += '\n';
    }
    return bytes;
}

QString BulkRowsFile::sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

Status BulkRowsFile::write(const QString &path, const QByteArray &bytes)
{
    // A temporary file, synced, then renamed: a kill or a full disk leaves no rows file, never half of one.
    return DurableFile::write(path, bytes);
}

BulkRowsFile::BulkRowsFile(QString path, QString runId, int rows, QString sha256)
    : m_path(std::move(path)), m_runId(std::move(runId)), m_rows(rows), m_sha256(std::move(sha256))
{
}

Status BulkRowsFile::damaged(const QString &why) const
{
    return Status::failure(
        QCoreApplication::translate("BulkRowsFile", "The rows file of run %1 (%2) %3; nothing of it is sent.")
            .arg(m_runId, m_path, why),
        Status::Kind::Storage);
}

Status BulkRowsFile::open(qint64 offset, int index)
{
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::ReadOnly))
        return m_problem = damaged(QCoreApplication::translate("BulkRowsFile", "cannot be read (%1)")
                                       .arg(m_file.exists() ? m_file.errorString()
                                                            : QCoreApplication::translate("BulkRowsFile", "missing")));
    if (offset > 0 && !m_file.seek(offset))
        return m_problem = damaged(QCoreApplication::translate("BulkRowsFile", "is shorter than its header says"));
    m_offset = offset;
    m_index = index;
    m_hash.reset();
    m_problem = Status::success();
    return m_problem;
}

bool BulkRowsFile::next(BulkRow *row)
{
    if (!m_problem.ok() || !m_file.isOpen())
        return false;
    // Into one buffer kept for the whole walk: readLine(max) would allocate (and map) max bytes per line.
    if (m_buffer.size() != kMaxLine + 2)
        m_buffer.resize(kMaxLine + 2);
    const qint64 read = m_file.readLine(m_buffer.data(), kMaxLine + 2);
    if (read <= 0)
        return false;
    const QByteArray line = QByteArray::fromRawData(m_buffer.constData(), read);
    if (!line.endsWith('\n')) {
        m_problem = damaged(
            QCoreApplication::translate("BulkRowsFile", "ends in a cut or overlong line (row %1)").arg(m_index + 1));
        return false;
    }
    m_hash.addData(line);
    const QJsonDocument doc = QJsonDocument::fromJson(line);
    const QJsonObject o = doc.object();
    if (!doc.isObject() || !o.value(QLatin1String("line")).isDouble()
        || !o.value(QLatin1String("user_id")).isString()) {
        m_problem = damaged(
            QCoreApplication::translate("BulkRowsFile", "has a damaged line (row %1)").arg(m_index + 1));
        return false;
    }
    if (m_index >= m_rows) {
        m_problem = damaged(
            QCoreApplication::translate("BulkRowsFile", "holds more rows than its header says (%1)").arg(m_rows));
        return false;
    }
    *row = BulkRow::fromJson(o);
    m_offset += line.size();
    ++m_index;
    return true;
}

Status BulkRowsFile::finish(bool whole)
{
    if (!m_problem.ok())
        return m_problem;
    if (m_index != m_rows)
        return m_problem = damaged(QCoreApplication::translate("BulkRowsFile", "holds %1 rows where its header says %2")
                                       .arg(m_index)
                                       .arg(m_rows));
    if (whole && QString::fromLatin1(m_hash.result().toHex()) != m_sha256)
        return m_problem = damaged(QCoreApplication::translate("BulkRowsFile",
                                                               "was altered: it no longer matches the SHA-256 its "
                                                               "run's header records"));
    return m_problem;
}

Result<QList<BulkRow>> BulkRowsFile::readAll(const QString &path, const QString &runId, int rows, const QString &sha256)
{
    BulkRowsFile file(path, runId, rows, sha256);
    if (Status s = file.open(); !s.ok())
        return s;
    QList<BulkRow> out;
    out.reserve(qBound(0, rows, 1 << 20));
    BulkRow row;
    while (file.next(&row))
        out.append(row);
    if (Status s = file.finish(); !s.ok())
        return s;
    return out;
}

Status BulkRowsFile::verify(const QString &path, const QString &runId, int rows, const QString &sha256)
{
    BulkRowsFile file(path, runId, rows, sha256);
    if (Status s = file.open(); !s.ok())
        return s;
    BulkRow row;
    while (file.next(&row)) {
    }
    return file.finish();
}

Result<BulkRowsFile::Page> BulkRowsFile::readPage(const QString &path, const QString &runId, int rows, qint64 offset,
                                                  int index, int limit)
{
    BulkRowsFile file(path, runId, rows, QString());
    if (Status s = file.open(offset, index); !s.ok())
        return s;
    Page page;
    BulkRow row;
    while (page.rows.size() < limit && file.next(&row))
        page.rows.append(row);
    if (!file.problem().ok())
        return file.problem();
    if (page.rows.size() < limit && file.index() != rows)
        return file.finish(false);
    page.next = file.offset();
    return page;
}
