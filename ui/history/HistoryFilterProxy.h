#pragma once

#include "history/HistoryEntry.h"

#include <QDate>
#include <QDateTime>
#include <QSortFilterProxyModel>

#include <optional>

class HistoryTableModel;

// Narrows and orders the history table for the view and for exports. Filters combine with AND.
// It reads HistoryTableModel's cached lower-cased text and times directly, so filtering 100,000
// rows allocates nothing per row; over any other source model it accepts every row.
class HistoryFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit HistoryFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    // Case-insensitive substring of user ID, operator, reason, message or code; blank = any.
    void setTextFilter(const QString &text);
    QString textFilter() const { return m_text; }
    void setActionFilter(std::optional<ActionKind> action);
    std::optional<ActionKind> actionFilter() const { return m_action; }
    void setOutcomeFilter(std::optional<HistoryEntry::Outcome> outcome);
    std::optional<HistoryEntry::Outcome> outcomeFilter() const { return m_outcome; }
    // Local calendar dates, both inclusive; an invalid date leaves that end open.
    void setDateRange(const QDate &from, const QDate &to);
    QDate fromDate() const { return m_from; }
    QDate toDate() const { return m_to; }
    // "This session": only entries at or after the session start.
    void setSessionStart(const QDateTime &start);
    QDateTime sessionStart() const { return m_sessionStart; }
    void setSessionOnly(bool on);
    bool sessionOnly() const { return m_sessionOnly; }

    // A translated one-line account of the active filters, for exports and the status line.
    QString description() const;
    // The accepted entries in the current sort order (what the officer sees, what an export writes).
    QList<HistoryEntry> visibleEntries() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();

    const HistoryTableModel *m_history = nullptr;
    QString m_text;   // as typed
    QString m_needle; // trimmed, lower-cased
    std::optional<ActionKind> m_action;
    std::optional<HistoryEntry::Outcome> m_outcome;
    QDate m_from;
    QDate m_to;
    QDateTime m_sessionStart;
    bool m_sessionOnly = false;
    // Bounds in msecs since the epoch, worked out once per filter change rather than per row.
    qint64 m_lowerMs = 0;
    qint64 m_upperMs = 0; // exclusive
    bool m_hasLower = false;
    bool m_hasUpper = false;
};
