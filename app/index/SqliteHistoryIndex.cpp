#include "SqliteHistoryIndex.h"

#include "IndexQueries.h"
#include "IndexRowStore.h"
#include "IndexSchema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

QSqlDatabase database(const QString &connection)
{
    return QSqlDatabase::database(connection, false);
}

bool exec(QSqlQuery &query, const QString &sql)
{
    return query.exec(sql);
}

// The rows of a query that selects a record's number, its shard's name and its kind, in that order.
QList<HistoryIndex::Location> locations(QSqlQuery &query)
{
    QList<HistoryIndex::Location> found;
    while (query.next())
        found.append({query.value(0).toLongLong(), query.value(1).toString(),
                      HistoryIndex::Kind(query.value(2).toString().at(0).toLatin1())});
    return found;
}
} // namespace

SqliteHistoryIndex::SqliteHistoryIndex(QString path)
    : m_path(std::move(path)),
      m_connection(QStringLiteral("history-index-%1").arg(reinterpret_cast<quintptr>(this), 0, 16)),
      m_grams(m_connection)
{
}

SqliteHistoryIndex::~SqliteHistoryIndex()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = database(m_connection);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString SqliteHistoryIndex::location() const
{
    return QCoreApplication::translate("HistoryStore", "the history's index %1").arg(QDir::toNativeSeparators(m_path));
}

Status SqliteHistoryIndex::failure(const QString &what) const
{
    return Status::failure(QCoreApplication::translate("HistoryStore", "The history's index %1 cannot be used: %2")
                               .arg(QDir::toNativeSeparators(m_path), what),
                           Status::Kind::Storage);
}

Status SqliteHistoryIndex::open()
{
    if (m_open)
        return Status::success();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return failure(QCoreApplication::translate("HistoryStore", "Qt's SQLite driver is not installed."));
    // A link (or a device, a folder) in the index's place is never followed: SQLite would write through
    // it, and making the index private would change its target's mode. The shards answer instead.
    for (const QString &path : QStringList{m_path, m_path + QStringLiteral("-wal"), m_path + QStringLiteral("-shm")}) {
        const QFileInfo file(path);
        if (file.isSymLink() || (file.exists() && !file.isFile()))
            return failure(QCoreApplication::translate("HistoryStore", "%1 is not a plain file; it is left alone.")
                               .arg(QDir::toNativeSeparators(path)));
    }
    const bool existed = QFileInfo::exists(m_path);
    {
        QSqlDatabase db = QSqlDatabase::contains(m_connection)
            ? database(m_connection)
            : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(m_path);
        // Writers wait for each other (a rebuild commits every 200 shards, a fraction of a second), but
        // not for long: an append's index update runs before its request is sent, and a query that
        // cannot wait walks the shards instead.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
        if (!db.open())
            return failure(db.lastError().text());
    }
    // Private like the history beside it.
    QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
    m_open = true;
    QSqlQuery query(database(m_connection));
    exec(query, QStringLiteral("PRAGMA journal_mode=WAL"));
    exec(query, QStringLiteral("PRAGMA synchronous=OFF"));
    // The write-ahead log is cut back after each checkpoint, so it never holds megabytes of disk.
    exec(query, QStringLiteral("PRAGMA journal_size_limit=1048576"));
    exec(query, QStringLiteral("PRAGMA wal_autocheckpoint=256"));
    // A filter that matches little reads every begin's row: through a cache of bounded size (not
    // mapped, which would count the whole file in the process's resident memory).
    exec(query, QStringLiteral("PRAGMA cache_size=-16384"));
    // The candidates a text filter is narrowed to, and the begins a store touches, are few and short-lived.
    exec(query, QStringLiteral("PRAGMA temp_store=MEMORY"));
    int format = 0;
    if (existed && exec(query, QStringLiteral("PRAGMA user_version")) && query.next())
        format = query.value(0).toInt();
    // Done with: a statement still open keeps SQLite from dropping a table.
    query.finish();
    if (format == IndexSchema::kFormat)
        return Status::success();
    if (format == IndexSchema::kFormatWithoutGrams && addGrams().ok())
        return Status::success();
    // Another format, or a file that is not ours: the index is derived, so it is made afresh.
    return createSchema();
}

Result<QList<HistoryIndex::Shard>> SqliteHistoryIndex::shards()
{
    return shardsWhere(QString());
}

Result<QList<HistoryIndex::Shard>> SqliteHistoryIndex::shardsWhere(const QString &condition)
{
    if (Status opened = open(); !opened.ok())
        return opened;
    QSqlQuery query(database(m_connection));
    query.setForwardOnly(true);
    if (!exec(query,
              QStringLiteral("SELECT name, first_seq, size, modified_ns, inode, readable FROM shards")
                  + (condition.isEmpty() ? QString() : QStringLiteral(" WHERE ") + condition)))
        return failure(query.lastError().text());
    QList<Shard> found;
    while (query.next())
        found.append({query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toLongLong(),
                      query.value(3).toLongLong(), query.value(4).toLongLong(), query.value(5).toBool()});
    return found;
}

Result<QByteArray> SqliteHistoryIndex::stampsDigest()
{
    if (Status opened = open(); !opened.ok())
        return opened;
    QSqlQuery query(database(m_connection));
    if (!exec(query, QStringLiteral("SELECT value FROM meta WHERE key = 'stamps'")))
        return failure(query.lastError().text());
    return query.next() ? query.value(0).toByteArray() : QByteArray();
}

Status SqliteHistoryIndex::setStampsDigest(const QByteArray &digest)
{
    if (Status opened = open(); !opened.ok())
        return opened;
    QSqlQuery query(database(m_connection));
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('stamps', ?)"));
    query.bindValue(0, digest);
    if (!query.exec())
        return failure(query.lastError().text());
    return Status::success();
}

Status SqliteHistoryIndex::createSchema()
{
    const QString why = IndexSchema::make(database(m_connection), m_grams);
    return why.isEmpty() ? Status::success() : failure(why);
}

Status SqliteHistoryIndex::addGrams()
{
    const QString why = IndexSchema::addGrams(database(m_connection), m_grams);
    return why.isEmpty() ? Status::success() : failure(why);
}

Status SqliteHistoryIndex::store(const QList<Shard> &shards, const QList<QList<Row>> &rows, const QStringList &gone)
{
    if (Status opened = open(); !opened.ok())
        return opened;
    const QString why = IndexRowStore(database(m_connection), m_grams).store(shards, rows, gone);
    return why.isEmpty() ? Status::success() : failure(why);
}

template <typename T>
Result<T> SqliteHistoryIndex::named(const Result<T> &answer) const
{
    if (answer.ok() || answer.kind() != Status::Kind::Storage)
        return answer;
    return failure(answer.message());
}

Result<QList<HistoryIndex::EntryAt>> SqliteHistoryIndex::entries(const HistoryQuery &query, qint64 after, int limit)
{
    if (Status opened = open(); !opened.ok())
        return opened;
    return named(IndexQueries(database(m_connection), m_grams).entries(query, after, limit));
}

Result<QList<HistoryIndex::EntryAt>> SqliteHistoryIndex::entry(qint64 seq)
{
    if (Status opened = open(); !opened.ok())
        return opened;
    return named(IndexQueries(database(m_connection), m_grams).entry(seq));
}

Result<QList<HistoryIndex::Tally>> SqliteHistoryIndex::answered(const HistoryQuery &query)
{
    if (Status opened = open(); !opened.ok())
        return opened;
    return named(
        IndexQueries(database(m_connection), m_grams).answered(query, m_countSlice, [this] { return mustGiveWay(); }));
}

Result<QList<HistoryIndex::Unanswered>> SqliteHistoryIndex::unanswered(const HistoryQuery &query)
{
    if (Status opened = open(); !opened.ok())
        return opened;
    return named(IndexQueries(database(m_connection), m_grams).unanswered(query));
}

bool SqliteHistoryIndex::narrowsText()
{
    return open().ok() && m_grams.usable();
}

Result<QList<HistoryIndex::Shard>> SqliteHistoryIndex::unreadableShards()
{
    return shardsWhere(QStringLiteral("readable = 0"));
}

Result<QList<HistoryIndex::Location>> SqliteHistoryIndex::userRecords(const QString &userId)
{
    if (Status opened = open(); !opened.ok())
        return opened;
    QSqlQuery query(database(m_connection));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral(
        "SELECT r.seq, s.name, r.kind FROM records r INDEXED BY records_user JOIN shards s ON s.rowid = r.shard "
        "WHERE r.kind = 'b' AND r.user_id = ? "
        "UNION ALL "
        "SELECT c.seq, s.name, c.kind FROM records c INDEXED BY records_answer JOIN shards s ON s.rowid = c.shard "
        "WHERE c.kind = 'c' AND c.entry IN (SELECT seq FROM records WHERE kind = 'b' AND user_id = ?) "
        "ORDER BY 1"));
    query.bindValue(0, userId);
    query.bindValue(1, userId);
    if (!query.exec())
        return failure(query.lastError().text());
    return locations(query);
}

Result<QList<HistoryIndex::Location>> SqliteHistoryIndex::problemRecords()
{
    if (Status opened = open(); !opened.ok())
        return opened;
    QSqlQuery query(database(m_connection));
    query.setForwardOnly(true);
    if (!exec(query,
              QStringLiteral("SELECT r.seq, s.name, r.kind FROM records r JOIN shards s ON s.rowid = r.shard "
                             "WHERE r.kind IN ('d', 'u')")))
        return failure(query.lastError().text());
    return locations(query);
}

Result<qint64> SqliteHistoryIndex::newestEpoch()
{
    // Only a hint: a check does not make an index where there is none.
    if (!m_open && !QFileInfo::exists(m_path))
        return qint64(0);
    if (Status opened = open(); !opened.ok())
        return opened;
    QSqlQuery query(database(m_connection));
    if (!exec(query, QStringLiteral("SELECT max(seq) FROM records WHERE kind = 'e'")))
        return failure(query.lastError().text());
    return query.next() ? query.value(0).toLongLong() : qint64(0);
}

Status SqliteHistoryIndex::clear()
{
    if (Status opened = open(); !opened.ok())
        return opened;
    return createSchema();
}
