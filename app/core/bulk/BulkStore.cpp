#include "BulkStore.h"

#include "base/Clock.h"
#include "bulk/BulkRowsFile.h"
#include "history/DurableFile.h"
#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <algorithm>
#include <sys/stat.h>

namespace {
constexpr qint64 kMaxRunFile = 256 * 1024 * 1024;
// A run's files beside its id: header, rows, send log, lock (BulkRunLock).
constexpr const char *kRunFileSuffixes[] = {".json", ".rows", ".sent", ".lock"};

bool isRunId(const QString &id)
{
    static const QRegularExpression shape(QStringLiteral("^[0-9]{8}-[0-9]{6}-[0-9a-f]{4}$"));
    return shape.match(id).hasMatch();
}
} // namespace

BulkStore::BulkStore(QString folder) : m_folder(std::move(folder))
{
}

QString BulkStore::pathOf(const QString &id) const
{
    return QDir(m_folder).filePath(id + QStringLiteral(".json"));
}

QString BulkStore::rowsPath(const QString &id) const
{
    return QDir(m_folder).filePath(id + QStringLiteral(".rows"));
}

QString BulkStore::sendLogPath(const QString &id) const
{
    return QDir(m_folder).filePath(id + QStringLiteral(".sent"));
}

QList<BulkRowResult> BulkStore::rowsOf(const BulkRecord &record, const QList<HistoryEntry> &history) const
{
    return record.results(history, BulkSendLog::read(sendLogPath(record.id)));
}

QString BulkStore::defaultResultsPath(const QString &id) const
{
    return QDir(m_folder).filePath(id + QStringLiteral(".results.csv"));
}

Status BulkStore::checkResultsPath(const QString &results, const QString &input) const
{
    const auto refuse = [&results](const QString &why) {
        return Status::failure(QCoreApplication::translate("BulkStore", "The results file %1 %2.").arg(results, why),
                               Status::Kind::Invalid);
    };
    if (results.isEmpty())
        return Status::success();
    const QFileInfo file(results);
    if (file.isDir())
        return refuse(QCoreApplication::translate("BulkStore", "is a folder"));
    // The store's own folder is made with the run file.
    const bool inStore = QDir::cleanPath(file.absolutePath())
        == QDir::cleanPath(QFileInfo(m_folder).absoluteFilePath());
    if (!inStore && !file.absoluteDir().exists())
        return refuse(QCoreApplication::translate("BulkStore", "is in a folder that does not exist"));
    if (!input.isEmpty() && file.exists()) {
        // The same file by another name (a symbolic or a hard link) is the same file.
        struct stat a {};
        struct stat b {};
        if (::stat(QFile::encodeName(results).constData(), &a) == 0
            && ::stat(QFile::encodeName(input).constData(), &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
            return refuse(QCoreApplication::translate("BulkStore", "is the input file"));
    }
    const QFileInfo canonicalParent(file.absolutePath());
    const QString name = file.fileName();
    // A run's own files (its header, rows, send log and lock) all end in a five-character suffix.
    const bool ownSuffix = std::any_of(std::begin(kRunFileSuffixes), std::end(kRunFileSuffixes),
                                       [&name](const char *suffix) { return name.endsWith(QLatin1String(suffix)); });
    if (canonicalParent.canonicalFilePath() == QFileInfo(m_folder).canonicalFilePath() && ownSuffix
        && isRunId(name.chopped(5)))
        return refuse(QCoreApplication::translate("BulkStore", "is a run file"));
    return Status::success();
}

QString BulkStore::newId(const Clock &clock) const
{
    const QString stamp = clock.now().toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    for (;;) {
        QString id = stamp + QLatin1Char('-')
            + QStringLiteral("%1").arg(QRandomGenerator::global()->bounded(0x10000), 4, 16, QLatin1Char('0'));
        // A rows file without a header is what a process killed while making a run leaves: not reused.
        if (!QFile::exists(pathOf(id)) && !QFile::exists(rowsPath(id)))
            return id;
    }
}

bool BulkStore::exists(const QString &id) const
{
    const QFileInfo at(pathOf(id));
    return at.exists() || at.isSymLink();
}

Status BulkStore::save(const BulkRecord &record) const
{
    if (Status folder = PrivateFiles::ensureFolder(m_folder); !folder.ok())
        return folder;
    if (record.headerOnly && record.format < 3)
        return Status::failure(
            QCoreApplication::translate("BulkStore", "The run file of %1 was read without its rows; it is not saved.")
                .arg(record.id));
    // A new run's rows go first, whole and synced: its header only ever names a rows file that is on disk.
    // An existing run's rows file is never written again (its header binds it by its SHA-256).
    bool rowsWritten = false;
    const bool isNew = !QFile::exists(pathOf(record.id));
    if (record.format >= 3 && (isNew || !QFile::exists(rowsPath(record.id)))) {
        if (record.headerOnly)
            return Status::failure(
                QCoreApplication::translate("BulkStore", "The rows file of run %1 is missing.").arg(record.id),
                Status::Kind::Storage);
        if (Status written = BulkRowsFile::write(rowsPath(record.id), BulkRowsFile::encode(record.rows)); !written.ok())
            return written;
        rowsWritten = true;
    }
    // A temporary file, synced, then renamed over the old one; any short or failed write (a full disk)
    // discards the temporary file and leaves the old run file as it was.
    // The header's own fields (its rows hashed once, not for each of the digest and the file).
    const QByteArray bytes = QJsonDocument(record.header().toJson()).toJson(QJsonDocument::Indented);
    Status written = DurableFile::write(pathOf(record.id), bytes);
    // A new run without its header does not exist: its rows go with it.
    if (!written.ok() && rowsWritten && isNew)
        QFile::remove(rowsPath(record.id));
    return written;
}

Result<BulkRecord> BulkStore::load(const QString &id) const
{
    Result<BulkRecord> header = loadHeader(id);
    if (!header.ok())
        return header;
    return withRows(header.value());
}

Result<BulkRecord> BulkStore::withRows(const BulkRecord &header) const
{
    if (!header.headerOnly)
        return header;
    Result<QList<BulkRow>> rows = BulkRowsFile::readAll(rowsPath(header.id), header.id, header.rowCount,
                                                        header.rowsSha256);
    if (!rows.ok())
        return rows.status();
    BulkRecord record = header;
    record.rows = rows.value();
    record.headerOnly = false;
    if (record.validCount() != header.validRows)
        return Status::failure(QCoreApplication::translate(
                                   "BulkStore", "The run file of %1 counts %2 valid rows where its rows file has %3.")
                                   .arg(header.id)
                                   .arg(header.validRows)
                                   .arg(record.validCount()),
                               Status::Kind::Storage);
    return record;
}

Status BulkStore::eachRow(const BulkRecord &record, const std::function<void(const BulkRow &)> &visit) const
{
    if (!record.headerOnly) {
        for (const BulkRow &row : record.rows)
            visit(row);
        return Status::success();
    }
    BulkRowsFile file(rowsPath(record.id), record.id, record.rowCount, record.rowsSha256);
    if (Status s = file.open(); !s.ok())
        return s;
    BulkRow row;
    while (file.next(&row))
        visit(row);
    return file.finish();
}

Result<BulkRecord> BulkStore::loadHeader(const QString &id) const
{
    if (!isRunId(id))
        return Status::failure(QCoreApplication::translate("BulkStore", "\"%1\" is not a run id.").arg(id.left(60)),
                               Status::Kind::Invalid);
    QFile file(pathOf(id));
    if (!file.open(QIODevice::ReadOnly))
        return Status::failure(QCoreApplication::translate("BulkStore", "No run %1 in %2.").arg(id, m_folder),
                               Status::Kind::Invalid);
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(kMaxRunFile));
    BulkRecord record;
    if (!doc.isObject() || !BulkRecord::fromJson(doc.object(), &record) || record.id != id)
        return Status::failure(
            QCoreApplication::translate("BulkStore", "The run file %1 is damaged.").arg(file.fileName()),
            Status::Kind::Storage);
    // A run file of an earlier format holds its rows (and its digest needs them): it is read whole.
    return record;
}

QList<BulkRecord> BulkStore::list() const
{
    QList<BulkRecord> records;
    const QStringList names = QDir(m_folder).entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &name : names) {
        const QString id = name.chopped(5);
        if (!isRunId(id))
            continue;
        if (Result<BulkRecord> r = loadHeader(id); r.ok())
            records.append(r.value());
    }
    std::sort(records.begin(), records.end(), [](const BulkRecord &a, const BulkRecord &b) {
        return a.created != b.created ? a.created > b.created : a.id > b.id;
    });
    return records;
}
