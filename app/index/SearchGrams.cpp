#include "SearchGrams.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {
// Which records have trigrams: the same words in add() and forget(), so each removal names exactly
// the text its row was added with.
const QLatin1String kIndexed("kind IN ('b', 'c') AND search IS NOT NULL");
} // namespace

SearchGrams::SearchGrams(QString connection) : m_connection(std::move(connection))
{
}

bool SearchGrams::fail(const QString &why)
{
    m_error = why;
    return false;
}

bool SearchGrams::make()
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("DROP TABLE IF EXISTS grams")))
        return fail(query.lastError().text());
    // Positions are not kept (detail=none): a needle's trigrams are asked for together, not in order,
    // which is all narrowing needs, at a third of the size. The text is already folded, so the
    // tokenizer keeps it as it is.
    const bool made = query.exec(QStringLiteral(
        "CREATE VIRTUAL TABLE grams USING fts5(x, content='', detail=none, tokenize='trigram case_sensitive 1')"));
    if (!query.exec(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('grams', '%1')")
                        .arg(made ? QStringLiteral("on") : QStringLiteral("aside"))))
        return fail(query.lastError().text());
    return true;
}

bool SearchGrams::usable()
{
    // Asked every time: another process writing the same index may have set the table aside.
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    return query.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'grams'")) && query.next()
        && query.value(0).toString() == QLatin1String("on");
}

bool SearchGrams::setAside()
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("INSERT INTO grams (grams) VALUES ('delete-all')"))
        || !query.exec(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('grams', 'aside')")))
        return fail(query.lastError().text());
    return true;
}

bool SearchGrams::forget(const QVariant &shard)
{
    if (!usable())
        return true;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.setForwardOnly(true);
    // A number this shard shares with another record (in another shard, or a begin and an answer in
    // this one): both were added under one key, and removing one would take trigrams the other holds.
    query.prepare(QStringLiteral(
        "SELECT 1 FROM records r WHERE r.shard = ? AND r.kind IN ('b', 'c') AND EXISTS (SELECT 1 FROM records o "
        "WHERE o.kind IN ('b', 'c') AND o.seq = r.seq AND (o.shard <> r.shard OR o.kind <> r.kind)) LIMIT 1"));
    query.bindValue(0, shard);
    if (!query.exec())
        return fail(query.lastError().text());
    if (query.next())
        return setAside();
    query.finish();
    query.prepare(QStringLiteral("INSERT INTO grams (grams, rowid, x) SELECT 'delete', seq, search FROM records "
                                 "WHERE shard = ? AND ")
                  + kIndexed);
    query.bindValue(0, shard);
    return query.exec() || fail(query.lastError().text());
}

bool SearchGrams::add(const QList<qint64> &shards)
{
    if (shards.isEmpty() || !usable())
        return true;
    // Two records under one number are both added, under one key: the key then stands for the
    // trigrams of both, which only widens what a needle narrows to (see forget()). One statement for
    // every shard put: a rebuild stores 200 at a time, and one each cost a third more time.
    QStringList ids;
    for (const qint64 id : shards)
        ids.append(QString::number(id));
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    return query.exec(QStringLiteral("INSERT INTO grams (rowid, x) SELECT seq, search FROM records WHERE shard IN (%1) "
                                     "AND %2")
                          .arg(ids.join(QLatin1Char(',')), kIndexed))
        || fail(query.lastError().text());
}

bool SearchGrams::addAll()
{
    if (!usable())
        return true;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    return query.exec(QStringLiteral("INSERT INTO grams (rowid, x) SELECT seq, search FROM records WHERE ") + kIndexed)
        || fail(query.lastError().text());
}

bool SearchGrams::narrow(const QString &needle, bool *ok)
{
    *ok = true;
    const QList<uint> chars = needle.toUcs4();
    if (chars.size() < 3 || needle.contains(QChar(0)) || !usable())
        return false;
    QStringList terms;
    QSet<QString> seen;
    for (qsizetype i = 0; i + 3 <= chars.size(); ++i) {
        const QString gram = QString::fromUcs4(reinterpret_cast<const char32_t *>(chars.constData() + i), 3);
        if (seen.contains(gram))
            continue;
        seen.insert(gram);
        terms.append(QLatin1Char('"') + QString(gram).replace(QLatin1Char('"'), QStringLiteral("\"\""))
                     + QLatin1Char('"'));
    }
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS hits (seq INTEGER PRIMARY KEY)"))
        || !query.exec(QStringLiteral("DELETE FROM temp.hits"))) {
        *ok = fail(query.lastError().text());
        return false;
    }
    query.prepare(
        QStringLiteral("INSERT OR IGNORE INTO temp.hits (seq) SELECT rowid FROM grams WHERE grams MATCH ? LIMIT ?"));
    query.bindValue(0, terms.join(QStringLiteral(" AND ")));
    query.bindValue(1, kMostHits + 1);
    if (!query.exec()) {
        *ok = fail(query.lastError().text());
        return false;
    }
    if (query.numRowsAffected() > kMostHits)
        return false;
    // An answer's trigrams stand for the begin it answers (the begin's row holds the answer's text).
    if (!query.exec(QStringLiteral("INSERT OR IGNORE INTO temp.hits (seq) SELECT c.entry FROM temp.hits h "
                                   "CROSS JOIN records c ON c.kind = 'c' AND c.seq = h.seq"))) {
        *ok = fail(query.lastError().text());
        return false;
    }
    return true;
}
