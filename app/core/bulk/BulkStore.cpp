#include "BulkStore.h"

#include "base/Clock.h"
#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>
#include <sys/stat.h>

namespace {
constexpr qint64 kMaxRunFile = 256 * 1024 * 1024;

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
    if (canonicalParent.canonicalFilePath() == QFileInfo(m_folder).canonicalFilePath()
        && file.fileName().endsWith(QLatin1String(".json")) && isRunId(file.fileName().chopped(5)))
        return refuse(QCoreApplication::translate("BulkStore", "is a run file"));
    return Status::success();
}

QString BulkStore::newId(const Clock &clock) const
{
    const QString stamp = clock.now().toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    for (;;) {
        QString id = stamp + QLatin1Char('-')
            + QStringLiteral("%1").arg(QRandomGenerator::global()->bounded(0x10000), 4, 16, QLatin1Char('0'));
        if (!QFile::exists(pathOf(id)))
            return id;
    }
}

Status BulkStore::save(const BulkRecord &record) const
{
    if (Status folder = PrivateFiles::ensureFolder(m_folder); !folder.ok())
        return folder;
    // A temporary file, synced, then renamed over the old one; any short or failed write (a full disk)
    // discards the temporary file and leaves the old run file as it was.
    const QByteArray bytes = QJsonDocument(record.toJson()).toJson(QJsonDocument::Indented);
    QSaveFile file(pathOf(record.id));
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(bytes) != bytes.size() || !file.commit())
        return PrivateFiles::writeFailure(
            m_folder, QCoreApplication::translate("BulkStore", "the run file of %1").arg(record.id));
    return Status::success();
}

Result<BulkRecord> BulkStore::load(const QString &id) const
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
        if (Result<BulkRecord> r = load(id); r.ok())
            records.append(r.value());
    }
    std::sort(records.begin(), records.end(), [](const BulkRecord &a, const BulkRecord &b) {
        return a.created != b.created ? a.created > b.created : a.id > b.id;
    });
    return records;
}
