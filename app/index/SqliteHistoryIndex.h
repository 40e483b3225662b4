#pragma once

#include "SearchGrams.h"
#include "history/local/HistoryIndex.h"

#include <QString>

// HistoryIndex in an SQLite file (WAL, so readers in other processes are not blocked; commits are not
// synced: the index is derived, and one that lost its last commits is stale, which the next refresh
// sees and repairs). The connection is opened on first use, on the thread that uses it (the history
// thread), and closed when the index is destroyed there. A file this release cannot use (another
// format, damaged) is deleted and made afresh.
class SqliteHistoryIndex : public HistoryIndex
{
public:
    explicit SqliteHistoryIndex(QString path);
    ~SqliteHistoryIndex() override;
    SqliteHistoryIndex(const SqliteHistoryIndex &) = delete;
    SqliteHistoryIndex &operator=(const SqliteHistoryIndex &) = delete;

    QString path() const { return m_path; }
    QString location() const override;
    Result<QList<Shard>> shards() override;
    Result<QByteArray> stampsDigest() override;
    Status setStampsDigest(const QByteArray &digest) override;
    Status store(const QList<Shard> &shards, const QList<QList<Row>> &rows, const QStringList &gone) override;
    Result<QList<Location>> userRecords(const QString &userId) override;
    Result<QList<Location>> problemRecords() override;
    Result<qint64> newestEpoch() override;
    Status clear() override;
    Result<QList<EntryAt>> entries(const HistoryQuery &query, qint64 after, int limit) override;
    Result<QList<EntryAt>> entry(qint64 seq) override;
    Result<QList<Tally>> answered(const HistoryQuery &query) override;
    Result<QList<Unanswered>> unanswered(const HistoryQuery &query) override;
    Result<QList<Shard>> unreadableShards() override;
    // How many record numbers a count that no index narrows reads between chances to give way (tests
    // make it small, so that every count crosses slices).
    void setCountSlice(qint64 records) { m_countSlice = records; }
    // Whether a text filter of three characters or more is narrowed by the trigram table (see SearchGrams).
    bool narrowsText();

private:
    // The shards whose row meets `condition` (SQL; empty: every shard).
    Result<QList<Shard>> shardsWhere(const QString &condition);
    // An answer of IndexQueries, an SQL failure in it named as this index's.
    template <typename T>
    Result<T> named(const Result<T> &answer) const;
    Status open();
    Status createSchema();
    // An index of the previous format gains its trigram table, made from the rows it holds.
    Status addGrams();
    Status failure(const QString &what) const;

    QString m_path;
    QString m_connection; // the QSqlDatabase connection's name, unique to this object
    bool m_open = false;
    qint64 m_countSlice = 25000; // about 10 ms of reading rows
    SearchGrams m_grams;
};
