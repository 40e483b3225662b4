#pragma once

#include "history/HistoryEntry.h"
#include "history/HistoryQuery.h"

#include <QDate>
#include <QDateTime>
#include <QObject>

#include <optional>

// What the officer asked the History tab to show: the filter controls' state, turned into the
// HistoryQuery the history service answers (from its index or database, never by filtering a copy of
// everything here). Filters combine with AND. Dates are local calendar days, both inclusive.
class HistoryFilter : public QObject
{
    Q_OBJECT
public:
    explicit HistoryFilter(QObject *parent = nullptr);

    // Case-insensitive substring of user ID, operator, reason, message, code, run id, officer or machine.
    void setTextFilter(const QString &text);
    QString textFilter() const { return m_text; }
    void setActionFilter(std::optional<ActionKind> action);
    std::optional<ActionKind> actionFilter() const { return m_action; }
    void setOutcomeFilter(std::optional<HistoryEntry::Outcome> outcome);
    std::optional<HistoryEntry::Outcome> outcomeFilter() const { return m_outcome; }
    // An invalid date leaves that end open.
    void setDateRange(const QDate &from, const QDate &to);
    QDate fromDate() const { return m_from; }
    QDate toDate() const { return m_to; }
    // "This session": only entries at or after the session start.
    void setSessionStart(const QDateTime &start);
    QDateTime sessionStart() const { return m_sessionStart; }
    void setSessionOnly(bool on);
    bool sessionOnly() const { return m_sessionOnly; }

    // The filters as a query, newest first (the table sets the order it shows).
    HistoryQuery query() const;
    // A translated one-line account of the active filters, for exports and the status line.
    QString description() const;

signals:
    void changed();

private:
    QString m_text;
    std::optional<ActionKind> m_action;
    std::optional<HistoryEntry::Outcome> m_outcome;
    QDate m_from;
    QDate m_to;
    QDateTime m_sessionStart;
    bool m_sessionOnly = false;
};
