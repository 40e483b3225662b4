#pragma once

#include "history/HistoryBackend.h"
#include "history/HistoryQuery.h"
#include "team/TeamConsoles.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class TeamTextCandidates;

// The history's questions answered where the team trail lives: PostgreSQL finds the candidate begin
// records through the indexes of schema versions 4 to 6, one keyset batch at a time (seq below or above the
// last one seen, never an offset), and the console builds each candidate's entry exactly as a read
// does (TeamEntries: the begin merged with its answers, the same problems) and keeps it only when
// HistoryQuery::matches() says so. What SQL cannot say exactly (the text filter, dates, outcomes, a
// body that is not plain JSON) only widens the candidates, never narrows the answer. Records past the
// checkpoint this console verified are each checked as a read checks them. Errors are the database's:
// the backend decides what an outage shows.
class TeamQueries
{
public:
    // `file`: where a record is said to be kept (the database's address); `verifiedThrough`: this
    // console's checkpoint (0: none); `keys`: the registered consoles, for the records past it.
    TeamQueries(QSqlDatabase &db, QString file, qint64 verifiedThrough, TeamConsoles::Keys keys);
    // Asked between the slices of a long count (see TeamCounts).
    void setGiveWay(std::function<bool()> giveWay) { m_giveWay = std::move(giveWay); }

    Result<HistoryPage> page(const HistoryQuery &query, qint64 after, int limit);
    Result<HistoryCounts> count(const HistoryQuery &query);
    Result<HistoryEntry> readEntry(qint64 id);
    // Oldest first, as a read has them.
    Result<HistoryRead> readUser(const QString &userId);
    // Every entry `query` matches, in its order, one batch in memory at a time; returns the problems met.
    Result<QStringList> walk(const HistoryQuery &query, const HistoryBackend::EntryVisitor &visit);

private:
    struct Batch {
        QList<HistoryEntry> entries; // the candidates' entries in the query's order, not yet confirmed
        qint64 next = 0;             // the bound of the next batch
        bool exhausted = false;      // no candidate lies past this batch
    };
    // Up to about `size` candidates past `bound` (0: from the start) in the query's order; `text`: the
    // text filter's candidates (null without one).
    Result<Batch> nextBatch(const HistoryQuery &query, TeamTextCandidates *text, qint64 bound, int size,
                            QStringList *problems);
    // The text filter's candidates for one listing, or null when `query` has none SQL can narrow.
    std::unique_ptr<TeamTextCandidates> textOf(const HistoryQuery &query);
    // Where candidates come from: begins kept by the exact filters, records that are not plain, and for
    // a text filter the begins and answers whose words hold it (TeamTextCandidates) or cannot be judged by SQL.
    enum class Source { Plain, NotPlain, BeginText, CompletionText, BeginUnjudged, CompletionUnjudged };
    // One source's candidates past `bound` in the query's order, at most `size`; `full` when it may have more.
    Result<QList<qint64>> listed(const HistoryQuery &query, Source source, qint64 bound, int size, bool *full);
    // The entries begun by `seqs`, with every record that may answer them.
    Result<QList<HistoryEntry>> entriesOf(const QList<qint64> &seqs, QStringList *problems);

    QSqlDatabase &m_db;
    std::function<bool()> m_giveWay;
    QString m_file;
    qint64 m_verifiedThrough = 0;
    TeamConsoles::Keys m_keys;
};
