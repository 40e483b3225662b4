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
// at in order first, and only beyond them is the trigram index asked, for every candidate at once (a
// bitmap, never a walk of every record newest first), which are then kept for the next batches of the
// same listing. Candidates only: each is confirmed by HistoryQuery::matches().
class TeamTextCandidates
{
public:
    enum class Of { Begins, Answers };
    // `conditions` and `values`: the exact filters on begin records `b`, as TeamQueries states them.
    TeamTextCandidates(QSqlDatabase &db, const HistoryQuery &query, QString conditions, QVariantList values);

    // The LIKE pattern that narrows `query`'s text filter, or nothing when it cannot narrow it.
    static QString pattern(const HistoryQuery &query);
    // How many records are looked at in order before the trigram index is asked (5,000): tests make it
    // small so both ways are taken.
    static void setWindow(int records);

    // Up to `size` begins past `bound` (0: from the start) in the query's order; `full` when more may follow.
    Result<QList<qint64>> next(Of of, qint64 bound, int size, bool *full);

private:
    // Every candidate past `bound`, by the trigram index.
    Result<QList<qint64>> beyond(Of of, qint64 bound);
    bool newestFirst() const;
    // Up to `size` of `seqs` (in the query's order) past `bound`.
    QList<qint64> take(const QList<qint64> &seqs, qint64 bound, int size, bool *full) const;

    QSqlDatabase &m_db;
    HistoryQuery m_query;
    QString m_pattern;
    QString m_conditions;
    QVariantList m_values;
    // Every candidate past `from` (the window's and the index's), in the query's order: later batches
    // of the same listing take from it.
    struct Known {
        bool valid = false;
        qint64 from = 0;
        QList<qint64> seqs;
    };
    Known m_known[2];
};
