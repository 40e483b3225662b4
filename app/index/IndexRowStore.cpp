#include "IndexRowStore.h"

#include "BeginFilter.h"
#include "SearchGrams.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}
} // namespace

IndexRowStore::IndexRowStore(const QSqlDatabase &db, SearchGrams &grams) : m_db(db), m_grams(grams)
{
}

QString IndexRowStore::store(const QList<Shard> &shards, const QList<QList<Row>> &rows, const QStringList &gone)
{
    QSqlDatabase db = m_db;
    if (!db.transaction())
        return db.lastError().text();
    const auto abandon = [&db](const QSqlQuery &failed) {
        QString why = failed.lastError().text();
        db.rollback();
        return why;
    };
    // The begins whose answer may have changed: those stored here, those answered by a completion
    // stored here, and those a forgotten completion answered. Their answer columns are made again at
    // the end, whichever shard (theirs or their answer's) changed.
    QSqlQuery prepareAffected(db);
    if (!prepareAffected.exec(QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS affected (seq INTEGER PRIMARY KEY)"))
        || !prepareAffected.exec(QStringLiteral("DELETE FROM temp.affected")))
        return abandon(prepareAffected);
    QSqlQuery find(db);
    QSqlQuery touch(db);
    QSqlQuery forgetRows(db);
    QSqlQuery forgetShard(db);
    QSqlQuery putShard(db);
    QSqlQuery putRow(db);
    find.prepare(QStringLiteral("SELECT rowid FROM shards WHERE name = ?"));
    touch.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO temp.affected (seq) SELECT entry FROM records WHERE shard = ? AND kind IN ('b', 'c')"));
    forgetRows.prepare(QStringLiteral("DELETE FROM records WHERE shard = ?"));
    forgetShard.prepare(QStringLiteral("DELETE FROM shards WHERE rowid = ?"));
    putShard.prepare(QStringLiteral(
        "INSERT INTO shards (name, first_seq, size, modified_ns, inode, readable) VALUES (?, ?, ?, ?, ?, ?)"));
    putRow.prepare(QStringLiteral("INSERT OR REPLACE INTO records (shard, seq, kind, entry, user_id, run_id, time, "
                                  "action, pid, outcome, search) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery *failed = nullptr;
    const auto forget = [&](const QString &name) -> bool {
        find.bindValue(0, name);
        if (!find.exec())
            return (failed = &find, false);
        const bool known = find.next();
        const QVariant id = known ? find.value(0) : QVariant();
        find.finish();
        if (!known)
            return true;
        touch.bindValue(0, id);
        if (!touch.exec())
            return (failed = &touch, false);
        if (!m_grams.forget(id))
            return false;
        forgetRows.bindValue(0, id);
        forgetShard.bindValue(0, id);
        if (!forgetRows.exec())
            return (failed = &forgetRows, false);
        return forgetShard.exec() || (failed = &forgetShard, false);
    };
    // Rows changed: the digest of the stamps no longer says the index is in step.
    if (QSqlQuery stale(db); !stale.exec(QStringLiteral("DELETE FROM meta WHERE key = 'stamps'")))
        return abandon(stale);
    // A failure of the trigram table's names no query: its own words say why.
    const auto abandonGrams = [&db, this] {
        db.rollback();
        return m_grams.error();
    };
    for (const QString &name : gone) {
        if (!forget(name))
            return failed ? abandon(*failed) : abandonGrams();
    }
    QList<qint64> stored; // the shards put, whose trigrams come in one statement once all are
    for (qsizetype i = 0; i < shards.size(); ++i) {
        const Shard &s = shards.at(i);
        if (!forget(s.name))
            return failed ? abandon(*failed) : abandonGrams();
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
            const bool begin = r.kind == Kind::Begin;
            const bool answer = r.kind == Kind::Complete;
            putRow.bindValue(0, shard);
            putRow.bindValue(1, r.seq);
            putRow.bindValue(2, QString(QChar::fromLatin1(char(r.kind))));
            putRow.bindValue(3, r.entry);
            putRow.bindValue(4, begin ? QVariant(r.userId) : QVariant());
            putRow.bindValue(5, r.runId.isEmpty() ? QVariant() : QVariant(r.runId));
            putRow.bindValue(6, begin ? timeValue(r.time) : QVariant());
            putRow.bindValue(7, begin ? QVariant(r.action) : QVariant());
            putRow.bindValue(8, begin ? QVariant(r.pid) : QVariant());
            putRow.bindValue(9, answer ? QVariant(r.outcome) : QVariant());
            putRow.bindValue(10, begin || answer ? QVariant(r.search) : QVariant());
            if (!putRow.exec())
                return abandon(putRow);
        }
        stored.append(shard.toLongLong());
        touch.bindValue(0, shard);
        if (!touch.exec())
            return abandon(touch);
    }
    if (!m_grams.add(stored))
        return abandonGrams();
    // The answer a read merges into an entry is the newest completion naming it that comes after it
    // (found through the answers' index: the table's own order would scan every later completion).
    QSqlQuery answers(db);
    if (!answers.exec(
            QStringLiteral("UPDATE records AS r SET (answer_seq, answer_shard, outcome, answer) = "
                           "(SELECT c.seq, c.shard, c.outcome, c.search FROM records c INDEXED BY records_answer "
                           " WHERE c.kind = 'c' AND c.entry = r.seq AND c.seq > r.seq ORDER BY c.seq DESC LIMIT 1) "
                           "WHERE r.kind = 'b' AND r.seq IN (SELECT seq FROM temp.affected)"))
        || !answers.exec(QStringLiteral("UPDATE records SET outcome = %1 WHERE kind = 'b' AND outcome IS NULL AND "
                                        "seq IN (SELECT seq FROM temp.affected)")
                             .arg(BeginFilter::kUnanswered)))
        return abandon(answers);
    if (!db.commit())
        return db.lastError().text();
    return {};
}
