#include "SqliteHistoryIndex.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
// Bumped when the rows change shape: an index of another format is rebuilt, never read.
constexpr int kFormat = 3;

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
      m_connection(QStringLiteral("history-index-%1").arg(reinterpret_cast<quintptr>(this), 0, 16))
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
    int format = 0;
    if (existed && exec(query, QStringLiteral("PRAGMA user_version")) && query.next())
        format = query.value(0).toInt();
    if (format == kFormat)
        return Status::success();
    // Another format, or a file that is not ours: the index is derived, so it is made afresh.
    return createSchema();
}

Status SqliteHistoryIndex::createSchema()
{
    QSqlDatabase db = database(m_connection);
    QSqlQuery query(db);
    const QStringList statements{
        QStringLiteral("DROP TABLE IF EXISTS records"),
        QStringLiteral("DROP TABLE IF EXISTS shards"),
        QStringLiteral("DROP TABLE IF EXISTS meta"),
        QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB)"),
        QStringLiteral("CREATE TABLE shards (name TEXT PRIMARY KEY, first_seq INTEGER NOT NULL, size INTEGER NOT "
                       "NULL, modified_ns INTEGER NOT NULL, inode INTEGER NOT NULL, readable INTEGER NOT NULL)"),
        // One row per record; the shard's name is stored once, in shards, and referred to by its rowid.
        QStringLiteral("CREATE TABLE records (shard INTEGER NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, "
                       "entry INTEGER NOT NULL, user_id TEXT, run_id TEXT, outcome TEXT, PRIMARY KEY (shard, seq)) "
                       "WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX records_user ON records (user_id) WHERE kind = 'b'"),
        QStringLiteral("CREATE INDEX records_answer ON records (entry) WHERE kind = 'c'"),
        QStringLiteral("CREATE INDEX records_run ON records (run_id) WHERE run_id IS NOT NULL"),
        // Partial indexes whose conditions the queries below repeat word for word, so SQLite uses them.
        QStringLiteral("CREATE INDEX records_problem ON records (shard, seq) WHERE kind IN ('d', 'u')"),
        QStringLiteral("CREATE INDEX records_epoch ON records (seq) WHERE kind = 'e'"),
        QStringLiteral("PRAGMA user_version = %1").arg(kFormat),
    };
    if (!db.transaction())
        return failure(db.lastError().text());
    for (const QString &sql : statements) {
        if (!exec(query, sql)) {
            const QString why = query.lastError().text();
            db.rollback();
            return failure(why);
        }
    }
    if (!db.commit())
        return failure(db.lastError().text());
    return Status::success();
}

Result<QList<HistoryIndex::Shard>> SqliteHistoryIndex::shards()
{
    if (Status opened = open(); !opened.ok())
        return opened;
    QSqlQuery query(database(m_connection));
    query.setForwardOnly(true);
    if (!exec(query, QStringLiteral("SELECT name, first_seq, size, modified_ns, inode, readable FROM shards")))
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

Status SqliteHistoryIndex::store(const QList<Shard> &shards, const QList<QList<Row>> &rows, const QStringList &gone)
{
    if (Status opened = open(); !opened.ok())
        return opened;
    QSqlDatabase db = database(m_connection);
    if (!db.transaction())
        return failure(db.lastError().text());
    QSqlQuery find(db);
    QSqlQuery forgetRows(db);
    QSqlQuery forgetShard(db);
    QSqlQuery putShard(db);
    QSqlQuery putRow(db);
    find.prepare(QStringLiteral("SELECT rowid FROM shards WHERE name = ?"));
    forgetRows.prepare(QStringLiteral("DELETE FROM records WHERE shard = ?"));
    forgetShard.prepare(QStringLiteral("DELETE FROM shards WHERE rowid = ?"));
    putShard.prepare(QStringLiteral(
        "INSERT INTO shards (name, first_seq, size, modified_ns, inode, readable) VALUES (?, ?, ?, ?, ?, ?)"));
    putRow.prepare(QStringLiteral("INSERT OR REPLACE INTO records (shard, seq, kind, entry, user_id, run_id, outcome) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    const auto abandon = [&db, this](const QSqlQuery &failed) {
        const QString why = failed.lastError().text();
        db.rollback();
        return failure(why);
    };
    const auto forget = [&](const QString &name) -> bool {
        find.bindValue(0, name);
        if (!find.exec())
            return false;
        const bool known = find.next();
        const QVariant id = known ? find.value(0) : QVariant();
        find.finish();
        if (!known)
            return true;
        forgetRows.bindValue(0, id);
        forgetShard.bindValue(0, id);
        return forgetRows.exec() && forgetShard.exec();
    };
    // Rows changed: the digest of the stamps no longer says the index is in step.
    if (QSqlQuery stale(db); !stale.exec(QStringLiteral("DELETE FROM meta WHERE key = 'stamps'")))
        return abandon(stale);
    for (const QString &name : gone) {
        if (!forget(name))
            return abandon(find.lastError().isValid() ? find : forgetRows);
    }
    for (qsizetype i = 0; i < shards.size(); ++i) {
        const Shard &s = shards.at(i);
        if (!forget(s.name))
            return abandon(find.lastError().isValid() ? find : forgetRows);
        putShard.bindValue(0, s.name);
        putShard.bindValue(1, s.firstSeq);
        putShard.bindValue(2, s.size);
        putShard.bindValue(3, s.modifiedNs);
        putShard.bindValue(4, s.inode);
        putShard.bindValue(5, s.readable ? 1 : 0);
        if (!putShard.exec())
            return abandon(putShard);
        const QVariant shard = putShard.lastInsertId();
        for (const Row &r : rows.value(i)) {
            putRow.bindValue(0, shard);
            putRow.bindValue(1, r.seq);
            putRow.bindValue(2, QString(QChar::fromLatin1(char(r.kind))));
            putRow.bindValue(3, r.entry);
            putRow.bindValue(4, r.kind == Kind::Begin ? QVariant(r.userId) : QVariant());
            putRow.bindValue(5, r.runId.isEmpty() ? QVariant() : QVariant(r.runId));
            putRow.bindValue(6, r.outcome.isEmpty() ? QVariant() : QVariant(r.outcome));
            if (!putRow.exec())
                return abandon(putRow);
        }
    }
    if (!db.commit())
        return failure(db.lastError().text());
    return Status::success();
}

Result<QList<HistoryIndex::Location>> SqliteHistoryIndex::userRecords(const QString &userId)
{
    if (Status opened = open(); !opened.ok())
        return opened;
    QSqlQuery query(database(m_connection));
    query.setForwardOnly(true);
    query.prepare(
        QStringLiteral("SELECT r.seq, s.name, r.kind FROM records r JOIN shards s ON s.rowid = r.shard "
                       "WHERE r.kind = 'b' AND r.user_id = ? "
                       "UNION ALL "
                       "SELECT c.seq, s.name, c.kind FROM records c JOIN shards s ON s.rowid = c.shard "
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
