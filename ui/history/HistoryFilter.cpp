#include "HistoryFilter.h"

#include "widgets/TimeText.h"

HistoryFilter::HistoryFilter(QObject *parent) : QObject(parent)
{
}

void HistoryFilter::setTextFilter(const QString &text)
{
    const bool same = HistoryQuery::fold(text) == HistoryQuery::fold(m_text);
    m_text = text;
    if (!same)
        emit changed();
}

void HistoryFilter::setActionFilter(std::optional<ActionKind> action)
{
    if (action == m_action)
        return;
    m_action = action;
    emit changed();
}

void HistoryFilter::setOutcomeFilter(std::optional<HistoryEntry::Outcome> outcome)
{
    if (outcome == m_outcome)
        return;
    m_outcome = outcome;
    emit changed();
}

void HistoryFilter::setDateRange(const QDate &from, const QDate &to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    emit changed();
}

void HistoryFilter::setSessionStart(const QDateTime &start)
{
    if (start == m_sessionStart)
        return;
    m_sessionStart = start;
    if (m_sessionOnly)
        emit changed();
}

void HistoryFilter::setSessionOnly(bool on)
{
    if (on == m_sessionOnly)
        return;
    m_sessionOnly = on;
    emit changed();
}

HistoryQuery HistoryFilter::query() const
{
    HistoryQuery query;
    query.text = m_text;
    query.action = m_action;
    query.outcome = m_outcome;
    // The date range and the session start fold into one half-open interval on the entry's time.
    if (m_from.isValid())
        query.from = m_from.startOfDay(Qt::LocalTime);
    if (m_sessionOnly && m_sessionStart.isValid() && (!query.from.isValid() || m_sessionStart > query.from))
        query.from = m_sessionStart;
    if (m_to.isValid())
        query.until = m_to.addDays(1).startOfDay(Qt::LocalTime);
    return query;
}

QString HistoryFilter::description() const
{
    QStringList parts;
    if (!HistoryQuery::fold(m_text).isEmpty())
        parts.append(tr("text contains \"%1\"").arg(m_text.trimmed()));
    if (m_action)
        parts.append(tr("action is %1").arg(ActionInfo::displayName(*m_action)));
    if (m_outcome)
        parts.append(tr("outcome is %1").arg(HistoryEntry::outcomeDisplayName(*m_outcome)));
    if (m_from.isValid())
        parts.append(tr("from %1").arg(m_from.toString(Qt::ISODate)));
    if (m_to.isValid())
        parts.append(tr("to %1").arg(m_to.toString(Qt::ISODate)));
    if (m_sessionOnly && m_sessionStart.isValid())
        parts.append(tr("this session (since %1)").arg(TimeText::display(m_sessionStart)));
    return parts.isEmpty() ? tr("all entries") : parts.join(QStringLiteral("; "));
}
