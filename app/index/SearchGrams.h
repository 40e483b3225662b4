#pragma once

#include <QList>
#include <QString>
#include <QVariant>

// The trigrams of every begin's and answer's folded search text, in an SQLite FTS5 table that keeps no
// text of its own ("grams", keyed by the record's number, trigram tokenizer, no positions): a needle
// of three characters or more is in a text only if each of its trigrams is, so the few records that
// hold them all are found without reading every row. Only narrows: SqliteHistoryIndex still compares
// the needle with each candidate's text, and the reader confirms it on the shard.
//
// The table holds what `records` holds, shard by shard: rows are added after a shard's records are
// put, and taken out (with the very text they were added with, as a table without content requires)
// before they are deleted. Two records under one number (a copied or tampered shard) share a key: it
// then stands for both texts' trigrams, which only widens a needle's candidates, but removing one
// would take trigrams the other still holds, so instead the table is emptied and set aside until the
// index is made afresh, and text filters read every row as they did before it. An SQLite built
// without FTS5 leaves it set aside too.
class SearchGrams
{
public:
    // Works on the QSqlDatabase connection of that name (the index's), inside its transactions.
    explicit SearchGrams(QString connection);

    // For a schema made afresh: drops the table and makes it again, empty. Without FTS5 it is set aside.
    bool make();
    // Whether text filters may be narrowed (asked of the index's meta table each time).
    bool usable();
    // Before a shard's rows are deleted: their trigrams go (`shard`: its rowid in shards), or the table
    // is set aside when one of its numbers is held by another record too (see above).
    bool forget(const QVariant &shard);
    // After shards' rows are put (`shards`: their rowids in shards): their trigrams come.
    bool add(const QList<qint64> &shards);
    // Every record's trigrams, into an empty table.
    bool addAll();
    // Fills temp.hits with the begins that may hold `needle`: begins holding every trigram, and those
    // answered by a record that does. False when it cannot narrow (set aside, a needle under three
    // characters, more than kMostHits records hold the trigrams, where reading the rows newest first
    // finds a page soon anyway); `ok` false on an SQL failure, described by error().
    bool narrow(const QString &needle, bool *ok);
    QString error() const { return m_error; }

    // Records past which narrowing stops paying: the candidates are joined with their rows one by one.
    static constexpr int kMostHits = 5000;

private:
    bool setAside();
    bool fail(const QString &why);

    QString m_connection;
    QString m_error;
};
