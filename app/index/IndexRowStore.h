#pragma once

#include "history/local/HistoryIndex.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

class SearchGrams;

// SqliteHistoryIndex's store(): puts shards' rows in one transaction. A shard stored again or gone
// first takes its rows and their trigrams out; then its rows and trigrams go in; last, every begin
// whose answer may have changed (stored here, answered by a completion stored here, or answered by one
// taken out) has its answer columns made again from the newest completion naming it.
class IndexRowStore
{
public:
    using Shard = HistoryIndex::Shard;
    using Row = HistoryIndex::Row;
    using Kind = HistoryIndex::Kind;

    IndexRowStore(const QSqlDatabase &db, SearchGrams &grams);
    // Empty on success; otherwise why, everything rolled back.
    QString store(const QList<Shard> &shards, const QList<QList<Row>> &rows, const QStringList &gone);

private:
    QSqlDatabase m_db;
    SearchGrams &m_grams;
};
