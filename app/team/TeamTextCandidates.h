#pragma once

#include "base/Status.h"
#include "history/HistoryQuery.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

// The begins a text filter may match, found where the team trail lives: those whose own words (the
// column `words`: what HistoryQuery::searchText() joins, read from the record) hold the needle, and
// those an answer's words name. A common word is met soon in order and a rare one is found at once by
// the words' trigram index, but the planner cannot tell which: the next few thousand records are looked
// at in order first, and only beyond them is the trigram index asked, one slice of the trail at a time
// in the query's order (TeamQueryIndexes::version6()), each slice's candidates at once (a bitmap, never
// a walk of every record), until the batch is full; after a few slices, once for the rest of the trail,
// cut short when it finds many candidates (then the slices go on). A rare needle costs a few slices and
// one look; a needle whose matches all lie far back costs the empty slices' index lookups and one
// slice's records, never every match. Candidates only: each is confirmed by HistoryQuery::matches().
class TeamTextCandidates
{
public:
    enum class Of { Begins, Answers };
    // `conditions` and `values`: the exact filters on begin records `b`, as TeamQueries states them.
    TeamTextCandidates(QSqlDatabase &db, const HistoryQuery &query, QString conditions, QVariantList values);

    // The LIKE pattern that narrows `query`'s text filter, or nothing when it cannot narrow it.
    static QString pattern(const HistoryQuery &query);
    // The same for the words' runs (TeamQueryIndexes::wordRuns()), which the trigram index holds.
    static QString runPattern(const HistoryQuery &query);
    // How many records are looked at in order before the trigram index is asked (5,000): tests make it
    // small so both ways are taken.
    static void setWindow(int records);
    // How many slices are looked at before one look at the rest of the index (8), and how many
    // candidates that look may find before the slices are looked at on instead (500): tests make them small.
    static void setProbe(int candidates, int slicesFirst);

    // Up to `size` begins past `bound` (0: from the start) in the query's order; `full` when more may follow.
    Result<QList<qint64>> next(Of of, qint64 bound, int size, bool *full);

private:
    // Candidates past `bound` (`bound` itself included) by the trigram index, slice by slice, appended
    // to `seqs` until it holds `size`; `full` when more may follow.
    Status sliced(Of of, qint64 bound, int size, QList<qint64> *seqs, bool *full);
    bool newestFirst() const;

    QSqlDatabase &m_db;
    HistoryQuery m_query;
    QString m_pattern;
    QString m_runPattern;
    QString m_conditions;
    QVariantList m_values;
};
