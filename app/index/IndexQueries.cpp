#include "IndexQueries.h"

#include "BeginFilter.h"
#include "SearchGrams.h"

#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

QDateTime timeOf(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

bool run(QSqlQuery &query, const QString &sql, const QVariantList &binds)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return false;
    for (qsizetype i = 0; i < binds.size(); ++i)
        query.bindValue(int(i), binds.at(i));
    return query.exec();
}

Status sqlFailure(const QSqlQuery &query)
{
    return Status::failure(query.lastError().text(), Status::Kind::Storage);
}

// The rows of a query that selects a begin's number and shard's name, then its answer's, in that order.
QList<HistoryIndex::EntryAt> entriesOf(QSqlQuery &rows)
{
    QList<HistoryIndex::EntryAt> found;
    while (rows.next())
        found.append({rows.value(0).toLongLong(), rows.value(1).toString(), rows.value(2).toLongLong(),
                      rows.value(3).toString()});
    return found;
}
} // namespace

IndexQueries::IndexQueries(const QSqlDatabase &db, SearchGrams &grams) : m_db(db), m_grams(grams)
{
}

Result<QString> IndexQueries::source(const HistoryQuery &query, bool unanswered, bool *narrowed)
{
    // A user's or a run's begins are few through their own index already.
    if (query.userId.isEmpty() && query.runId.isEmpty()) {
        bool ok = true;
        // The candidates lead (CROSS JOIN keeps them the outer loop): otherwise SQLite may walk every
        // begin and look each up among them.
        if (m_grams.narrow(query.needle(), &ok)) {
            if (narrowed)
                *narrowed = true;
            return QStringLiteral("temp.hits h CROSS JOIN records r ON r.kind = 'b' AND r.seq = h.seq");
        }
        if (!ok)
            return Status::failure(m_grams.error(), Status::Kind::Storage);
    }
    return QString(QStringLiteral("records r ") + BeginFilter::index(query, unanswered));
}

Result<QList<IndexQueries::EntryAt>> IndexQueries::entries(const HistoryQuery &query, qint64 after, int limit)
{
    const bool newestFirst = query.order == HistoryQuery::Order::NewestFirst;
    QVariantList binds;
    QString where = BeginFilter::where(query, &binds);
    if (after > 0 || !newestFirst) {
        where += newestFirst ? QStringLiteral(" AND r.seq < ?") : QStringLiteral(" AND r.seq > ?");
        binds.append(after);
    }
    binds.append(limit);
    const Result<QString> from = source(query);
    if (!from.ok())
        return from.status();
    QSqlQuery rows(m_db);
    if (!run(rows,
             QStringLiteral("SELECT r.seq, s.name, r.answer_seq, a.name FROM %1 "
                            "JOIN shards s ON s.rowid = r.shard LEFT JOIN shards a ON a.rowid = r.answer_shard "
                            "WHERE %2 ORDER BY r.seq %3 LIMIT ?")
                 .arg(from.value(), where, newestFirst ? QStringLiteral("DESC") : QStringLiteral("ASC")),
             binds))
        return sqlFailure(rows);
    return entriesOf(rows);
}

Result<QList<IndexQueries::EntryAt>> IndexQueries::entry(qint64 seq)
{
    QSqlQuery rows(m_db);
    if (!run(rows,
             QStringLiteral("SELECT r.seq, s.name, r.answer_seq, a.name FROM records r "
                            "JOIN shards s ON s.rowid = r.shard LEFT JOIN shards a ON a.rowid = r.answer_shard "
                            "WHERE r.kind = 'b' AND r.seq = ?"),
             {seq}))
        return sqlFailure(rows);
    return entriesOf(rows);
}

Result<QList<IndexQueries::Tally>> IndexQueries::answered(const HistoryQuery &query, qint64 slice,
                                                          const std::function<bool()> &giveWay)
{
    QVariantList binds;
    const QString where = BeginFilter::where(query, &binds);
    // With nothing asked but the outcome, the outcome's index alone holds the answer.
    HistoryQuery rest = query;
    rest.outcome.reset();
    const bool alone = rest.isEmpty();
    bool narrowed = false;
    const Result<QString> from = alone ? Result<QString>(QStringLiteral("records r INDEXED BY records_outcome"))
                                       : source(query, false, &narrowed);
    if (!from.ok())
        return from.status();
    // What no index narrows to a few reads every begin's row (400 ms at 1,000,000 entries; even the
    // outcome's index alone, 40 ms warm and 160 cold): a slice of numbers at a time, giving way between
    // slices to the pages and lookups asked meanwhile.
    const bool sliced = !narrowed && query.userId.isEmpty() && query.runId.isEmpty();
    qint64 newest = 0;
    if (sliced) {
        QSqlQuery last(m_db);
        if (!last.exec(QStringLiteral("SELECT max(seq) FROM records WHERE kind = 'b'")))
            return sqlFailure(last);
        newest = last.next() ? last.value(0).toLongLong() : 0;
    }
    // The conditions go in last, in one pass: a needle written into them may hold "%1".
    // The answered outcomes named one by one: through the outcome's index (outcome, seq) each is then
    // a range of numbers, where "outcome > pending" would read the whole index for every slice.
    using Outcome = HistoryEntry::Outcome;
    const QString answeredOutcomes =
        QStringLiteral("%1, %2, %3").arg(int(Outcome::Success)).arg(int(Outcome::Failure)).arg(int(Outcome::Unknown));
    const QString sql = QStringLiteral("SELECT r.outcome, count(*) FROM %1 WHERE %2 AND r.outcome IN (%3)")
                            .arg(from.value(), where, answeredOutcomes)
        + (sliced ? QStringLiteral(" AND r.seq > ? AND r.seq <= ?") : QString())
        + QStringLiteral(" GROUP BY r.outcome");
    QMap<int, qint64> tallies;
    for (qint64 low = 0;; low += slice) {
        QVariantList sliceBinds = binds;
        if (sliced)
            sliceBinds << low << low + slice;
        QSqlQuery rows(m_db);
        if (!run(rows, sql, sliceBinds))
            return sqlFailure(rows);
        while (rows.next())
            tallies[rows.value(0).toInt()] += rows.value(1).toLongLong();
        if (!sliced || low + slice >= newest)
            break;
        if (giveWay && giveWay())
            return Status::failure(QStringLiteral("gave way"), Status::Kind::GaveWay);
    }
    QList<Tally> found;
    for (auto it = tallies.cbegin(); it != tallies.cend(); ++it)
        found.append({it.key(), it.value()});
    return found;
}

Result<QList<IndexQueries::Unanswered>> IndexQueries::unanswered(const HistoryQuery &query)
{
    QVariantList binds;
    const QString where = BeginFilter::where(query, &binds);
    const Result<QString> from = source(query, true);
    if (!from.ok())
        return from.status();
    QSqlQuery rows(m_db);
    if (!run(rows,
             QStringLiteral("SELECT r.seq, r.pid, r.time FROM %1 WHERE %2 AND r.outcome IN (%3, %4)")
                 .arg(from.value(), where, QString::number(BeginFilter::kUnanswered),
                      QString::number(int(HistoryEntry::Outcome::Pending))),
             binds))
        return sqlFailure(rows);
    QList<Unanswered> found;
    while (rows.next())
        found.append({rows.value(0).toLongLong(), rows.value(1).toLongLong(), timeOf(rows.value(2))});
    return found;
}
