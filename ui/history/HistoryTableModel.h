#pragma once

#include "history/HistoryEntry.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>

// The audit trail as a table: one row per HistoryEntry value, never a widget per row, so the view
// stays smooth at 100,000 entries. Rows keep arrival order; sorting and filtering belong to
// HistoryFilterProxy, which reads the per-row caches below instead of building strings per row.
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
        SortRole = Qt::UserRole,        // the raw value of a cell: msecs, enum values as int, plain strings
        EntryRole = Qt::UserRole + 1,   // QVariant::fromValue(HistoryEntry) of the row
        IdRole = Qt::UserRole + 2,      // the entry id (qint64)
        AlteredRole = Qt::UserRole + 3, // the chain check's problem (QString) for an altered entry, else invalid
    };

    explicit HistoryTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setEntries(const QList<HistoryEntry> &entries);
    // Inserts an entry not seen before; for a known id takes the completion fields (outcome, completedAt,
    // status, code, message, response, elapsed, attempts) and keeps the begin fields already shown.
    void upsert(const HistoryEntry &entry);
    void clear();
    // Marks the entries the last chain check found altered, removed around or reordered (id -> problem, in
    // the reader's language); every other row is unmarked. Marked rows carry an icon, a colour and a tooltip.
    void setAlteredEntries(const QHash<qint64, QString> &problems);
    qsizetype alteredCount() const { return m_altered.size(); }
    // Whether any entry came from a team trail (has an officer's database role): the view shows the
    // officer and machine columns only then.
    bool hasOfficers() const { return m_hasOfficers; }

    HistoryEntry entryAt(int row) const;
    int rowForId(qint64 id) const { return m_rowById.value(id, -1); }
    // Every entry for exactly this user ID, newest first (for the lookup timeline).
    QList<HistoryEntry> entriesForUser(const QString &userId) const;

    // Per-row caches for the proxy: cheap references, no allocation per call.
    const HistoryEntry &entryRef(int row) const { return m_rows.at(row).entry; }
    // Lower-cased user ID, operator, reason, message, code, run id, officer role and machine, separated by a
    // control character.
    const QString &searchText(int row) const { return m_rows.at(row).search; }
    qint64 timeMsecs(int row) const { return m_times.at(row); }

signals:
    // hasOfficers() changed.
    void officersChanged(bool hasOfficers);

private:
    struct Row {
        HistoryEntry entry;
        QString search;
        qint64 timeMs = 0;
    };
    void insertOrUpdate(const HistoryEntry &entry);
    void storeRow(int row, Row &&value);
    static Row makeRow(const HistoryEntry &entry);
    QVariant displayValue(const HistoryEntry &e, int column) const;
    QVariant sortValue(const Row &row, int column) const;
    QVariant alteredData(const QString &problem, int column, int role) const;

    QList<Row> m_rows;
    // The times again, packed: sorting and date filters walk this instead of striding over whole entries.
    QList<qint64> m_times;
    QHash<qint64, int> m_rowById;
    QHash<qint64, QString> m_altered;
    bool m_hasOfficers = false;
};
