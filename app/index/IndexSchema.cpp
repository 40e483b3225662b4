#include "IndexSchema.h"

#include "SearchGrams.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

QString IndexSchema::make(const QSqlDatabase &connection, SearchGrams &grams)
{
    QSqlDatabase db = connection;
    QSqlQuery query(db);
    const QStringList statements{
        QStringLiteral("DROP TABLE IF EXISTS grams"),
        QStringLiteral("DROP TABLE IF EXISTS records"),
        QStringLiteral("DROP TABLE IF EXISTS shards"),
        QStringLiteral("DROP TABLE IF EXISTS meta"),
        QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB)"),
        QStringLiteral("CREATE TABLE shards (name TEXT PRIMARY KEY, first_seq INTEGER NOT NULL, size INTEGER NOT "
                       "NULL, modified_ns INTEGER NOT NULL, inode INTEGER NOT NULL, readable INTEGER NOT NULL)"),
        // One row per record; the shard's name is stored once, in shards, and referred to by its rowid.
        // Keyed by kind first, so the begins lie together in number order: a page is a range of them,
        // read newest first, stopping once it has enough. A begin's row also holds what its answer
        // says (answer_seq, answer_shard, outcome, answer), kept by IndexRowStore.
        QStringLiteral("CREATE TABLE records (kind TEXT NOT NULL, seq INTEGER NOT NULL, shard INTEGER NOT NULL, "
                       "entry INTEGER NOT NULL, user_id TEXT, run_id TEXT, time INTEGER, action INTEGER, pid "
                       "INTEGER, outcome INTEGER, search TEXT, answer_seq INTEGER, answer_shard INTEGER, answer "
                       "TEXT, PRIMARY KEY (kind, seq, shard)) WITHOUT ROWID"),
        QStringLiteral("CREATE INDEX records_shard ON records (shard)"),
        QStringLiteral("CREATE INDEX records_user ON records (user_id, seq) WHERE kind = 'b'"),
        QStringLiteral("CREATE INDEX records_run ON records (run_id, seq) WHERE kind = 'b' AND run_id IS NOT NULL"),
        QStringLiteral("CREATE INDEX records_outcome ON records (outcome, seq) WHERE kind = 'b'"),
        QStringLiteral("CREATE INDEX records_answer ON records (entry, seq) WHERE kind = 'c'"),
        QStringLiteral("PRAGMA user_version = %1").arg(kFormat),
    };
    if (!db.transaction())
        return db.lastError().text();
    for (const QString &sql : statements) {
        if (!query.exec(sql)) {
            QString why = query.lastError().text();
            db.rollback();
            return why;
        }
    }
    if (!grams.make()) {
        db.rollback();
        return grams.error();
    }
    if (!db.commit())
        return db.lastError().text();
    return {};
}

QString IndexSchema::addGrams(const QSqlDatabase &connection, SearchGrams &grams)
{
    QSqlDatabase db = connection;
    if (!db.transaction())
        return db.lastError().text();
    QSqlQuery query(db);
    if (!grams.make() || !grams.addAll()) {
        db.rollback();
        return grams.error();
    }
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(kFormat))) {
        QString why = query.lastError().text();
        db.rollback();
        return why;
    }
    if (!db.commit())
        return db.lastError().text();
    return {};
}
