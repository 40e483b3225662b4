#pragma once

#include "history/HistoryQuery.h"
#include "history/local/HistoryIndex.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

class SearchGrams;

// SqliteHistoryIndex's answers to a HistoryQuery, read from the begin rows: a page of the entries it may
// match, one entry, the answered ones counted by outcome, and the unanswered ones for the reader to
// settle. Each reads the begins a text filter's trigrams narrow it to when they can, otherwise the rows
// through the index that suits the query best (BeginFilter). An SQL failure comes back as a Status of
// kind Storage holding SQLite's own words, which the index names itself around; a count that gave way,
// as Status::Kind::GaveWay.
class IndexQueries
{
public:
    using EntryAt = HistoryIndex::EntryAt;
    using Tally = HistoryIndex::Tally;
    using Unanswered = HistoryIndex::Unanswered;

    IndexQueries(const QSqlDatabase &db, SearchGrams &grams);

    Result<QList<EntryAt>> entries(const HistoryQuery &query, qint64 after, int limit);
    Result<QList<EntryAt>> entry(qint64 seq);
    // What no index narrows is counted `slice` record numbers at a time, asking `giveWay` between slices.
    Result<QList<Tally>> answered(const HistoryQuery &query, qint64 slice, const std::function<bool()> &giveWay);
    Result<QList<Unanswered>> unanswered(const HistoryQuery &query);

private:
    // What a query over begins reads: the begins a text filter's trigrams narrowed it to when they
    // can (temp.hits), otherwise the records through the index that suits the query best.
    // `narrowed`, when given, is set when the trigrams narrowed it.
    Result<QString> source(const HistoryQuery &query, bool unanswered = false, bool *narrowed = nullptr);

    QSqlDatabase m_db;
    SearchGrams &m_grams;
};
