#pragma once

#include "history/HistoryEntry.h"
#include "history/HistoryQuery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class HistoryService;

// The answers to one HistoryQuery as a table, fetched on demand: the first page when the query is
// set, the next as the view scrolls (canFetchMore/fetchMore), each a keyset page the history service
// answers from its index or database. Only the rows fetched are held, so a million-entry history
// costs the window what it shows. refresh() asks again for the rows held and merges the answer row
// by row (new entries inserted, answers updated, rows that no longer match removed), so the view
// keeps its place and selection while actions come in. An entry is listed as the history reads it,
// whichever way it reached this process, so it is listed once. Only the time column sorts (by entry
// id, both ways): every other order would need the whole history.
class HistoryTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        OperatorColumn,
        EnvironmentColumn,
        UserColumn,
        ActionColumn,
        ReasonColumn,
        OutcomeColumn,
        HttpStatusColumn,
        CodeColumn,
        // With a team trail: the database role that wrote the entry and the machine it came from. Last, so
        // a console of its own (which hides them) keeps the columns it always had.
        OfficerColumn,
        MachineColumn,
        ColumnCount
    };
    enum Role {
        EntryRole = Qt::UserRole + 1,   // QVariant::fromValue(HistoryEntry) of the row
        IdRole = Qt::UserRole + 2,      // the entry id (qint64)
        AlteredRole = Qt::UserRole + 3, // the chain check's problem (QString) for an altered entry, else invalid
    };

    explicit HistoryTableModel(HistoryService *service, QObject *parent = nullptr);

    HistoryService *service() const { return m_service; }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Only TimeColumn: sets the query's order and starts again. Other columns are ignored.
    void sort(int column, Qt::SortOrder order) override;

    // Starts again with `query`'s answers (its order is replaced by the table's sort order).
    void setQuery(const HistoryQuery &query);
    HistoryQuery query() const { return m_query; }
    // Asks again for the rows held (the first page when none) and merges the answer.
    void refresh();
    // Rows asked per page; the first page and each fetchMore.
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }
    // Whether the first page for the current query has arrived.
    bool hasLoaded() const { return m_loaded; }
    // Whether the first page for the current query is on its way.
    bool isLoading() const { return m_loading; }
    // Whether more rows than those held match the query.
    bool hasMore() const { return m_more; }
    // What the last answer said could not be read (translated), or why the history could not answer.
    QStringList problems() const { return m_problems; }

    // Marks the entries the last chain check found altered, removed around or reordered (id -> problem, in
    // the reader's language); every other row is unmarked. Marked rows carry an icon, a colour and a tooltip.
    void setAlteredEntries(const QHash<qint64, QString> &problems);
    qsizetype alteredCount() const { return m_altered.size(); }
    // Whether any entry held came from a team trail (has an officer's database role): the view shows the
    // officer and machine columns only then.
    bool hasOfficers() const { return m_hasOfficers; }
    HistoryEntry entryAt(int row) const;
    const HistoryEntry &entryRef(int row) const { return m_rows.at(row); }
    int rowForId(qint64 id) const;

signals:
    // The first page for the current query arrived (also after a failure: see problems()).
    void loaded();
    // An answer arrived: a first page, a further page or a refresh.
    void changed();
    // A refresh found news: rows were added, answered or removed.
    void refreshed();
    void problemsChanged(const QStringList &problems);
    // hasOfficers() changed.
    void officersChanged(bool hasOfficers);

private:
    enum class Ask { First, More, Refresh };
    void ask(Ask what);
    void onPage(int generation, Ask what, const Result<HistoryPage> &page);
    bool merge(const HistoryPage &page); // whether any row changed
    void append(const QList<HistoryEntry> &entries);
    bool before(const HistoryEntry &a, const HistoryEntry &b) const; // a comes first in the query's order
    void setProblems(const QStringList &problems);
    void noteOfficers();

    HistoryService *m_service;
    HistoryQuery m_query;
    QList<HistoryEntry> m_rows; // in the query's order
    QHash<qint64, QString> m_altered;
    QStringList m_problems;
    qint64 m_next = 0; // the keyset cursor after the last row held
    int m_pageSize = 200;
    int m_generation = 0;
    bool m_more = false;
    bool m_started = false; // a query was set: the history may be asked
    bool m_loaded = false;
    bool m_loading = false;
    bool m_busy = false;         // one request at a time: a page and a refresh never cross
    bool m_refreshAgain = false; // a refresh was asked while busy
    bool m_fetchAgain = false;   // a fetchMore was asked while busy
    bool m_hasOfficers = false;
};
