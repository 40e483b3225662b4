#include "HistoryFilterProxy.h"

#include "history/HistoryTableModel.h"
#include "widgets/TimeText.h"

HistoryFilterProxy::HistoryFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(HistoryTableModel::SortRole);
    setDynamicSortFilter(true);
}

void HistoryFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_history = qobject_cast<const HistoryTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void HistoryFilterProxy::setTextFilter(const QString &text)
{
    // The model joins fields with U+001F; folding it here as there keeps a match inside one field.
    const QString needle = text.trimmed().toLower().replace(QChar(0x1f), QLatin1Char(' '));
    m_text = text;
    if (needle == m_needle)
        return;
    m_needle = needle;
    refilter();
}

void HistoryFilterProxy::setActionFilter(std::optional<ActionKind> action)
{
    if (action == m_action)
        return;
    m_action = action;
    refilter();
}

void HistoryFilterProxy::setOutcomeFilter(std::optional<HistoryEntry::Outcome> outcome)
{
    if (outcome == m_outcome)
        return;
    m_outcome = outcome;
    refilter();
}

void HistoryFilterProxy::setDateRange(const QDate &from, const QDate &to)
{
    if (from == m_from && to == m_to)
        return;
    m_from = from;
    m_to = to;
    refilter();
}

void HistoryFilterProxy::setSessionStart(const QDateTime &start)
{
    if (start == m_sessionStart)
        return;
    m_sessionStart = start;
    if (m_sessionOnly)
        refilter();
}

void HistoryFilterProxy::setSessionOnly(bool on)
{
    if (on == m_sessionOnly)
        return;
    m_sessionOnly = on;
    refilter();
}

void HistoryFilterProxy::refilter()
{
    // Fold the date range and the session start into one half-open interval so each row costs two
    // integer comparisons.
    m_hasLower = false;
    m_hasUpper = false;
    if (m_from.isValid()) {
        m_hasLower = true;
        m_lowerMs = m_from.startOfDay(Qt::LocalTime).toMSecsSinceEpoch();
    }
    if (m_sessionOnly && m_sessionStart.isValid()) {
        const qint64 session = m_sessionStart.toMSecsSinceEpoch();
        m_lowerMs = m_hasLower ? qMax(m_lowerMs, session) : session;
        m_hasLower = true;
    }
    if (m_to.isValid()) {
        m_hasUpper = true;
        m_upperMs = m_to.addDays(1).startOfDay(Qt::LocalTime).toMSecsSinceEpoch();
    }
    invalidateFilter();
}

bool HistoryFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_history || sourceParent.isValid())
        return true;
    const HistoryEntry &e = m_history->entryRef(sourceRow);
    if (m_action && e.action != *m_action)
        return false;
    if (m_outcome && e.outcome != *m_outcome)
        return false;
    const qint64 t = m_history->timeMsecs(sourceRow);
    if (m_hasLower && t < m_lowerMs)
        return false;
    if (m_hasUpper && t >= m_upperMs)
        return false;
    return m_needle.isEmpty() || m_history->searchText(sourceRow).contains(m_needle);
}

bool HistoryFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_history)
        return QSortFilterProxyModel::lessThan(left, right);
    if (left.column() == HistoryTableModel::TimeColumn) {
        // The common case touches only the packed times; ties fall to the ids below.
        const qint64 ta = m_history->timeMsecs(left.row());
        const qint64 tb = m_history->timeMsecs(right.row());
        if (ta != tb)
            return ta < tb;
    }
    const HistoryEntry &a = m_history->entryRef(left.row());
    const HistoryEntry &b = m_history->entryRef(right.row());
    // Typed comparisons straight off the entries: sorting 100,000 rows builds no QVariants. Ties fall
    // back to the entry id so the order is stable and newest-first stays newest-first.
    int c = 0;
    switch (left.column()) {
    case HistoryTableModel::OperatorColumn:
        c = a.operatorEmail.compare(b.operatorEmail, Qt::CaseInsensitive);
        break;
    case HistoryTableModel::EnvironmentColumn:
        c = int(a.environment) - int(b.environment);
        break;
    case HistoryTableModel::UserColumn:
        c = a.userId.compare(b.userId, Qt::CaseInsensitive);
        break;
    case HistoryTableModel::ActionColumn:
        c = int(a.action) - int(b.action);
        break;
    case HistoryTableModel::ReasonColumn:
        c = a.reason.compare(b.reason, Qt::CaseInsensitive);
        break;
    case HistoryTableModel::OutcomeColumn:
        c = int(a.outcome) - int(b.outcome);
        break;
    case HistoryTableModel::HttpStatusColumn:
        c = a.httpStatus - b.httpStatus;
        break;
    case HistoryTableModel::CodeColumn:
        c = a.code.compare(b.code, Qt::CaseInsensitive);
        break;
    case HistoryTableModel::OfficerColumn:
        c = a.dbRole.compare(b.dbRole, Qt::CaseInsensitive);
        break;
    case HistoryTableModel::MachineColumn:
        c = a.machine.compare(b.machine, Qt::CaseInsensitive);
        break;
    default:
        break;
    }
    return c != 0 ? c < 0 : a.id < b.id;
}

QString HistoryFilterProxy::description() const
{
    QStringList parts;
    if (!m_needle.isEmpty())
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

QList<HistoryEntry> HistoryFilterProxy::visibleEntries() const
{
    QList<HistoryEntry> entries;
    const int rows = rowCount();
    entries.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex source = mapToSource(index(row, 0));
        entries.append(m_history ? m_history->entryRef(source.row())
                                 : source.data(HistoryTableModel::EntryRole).value<HistoryEntry>());
    }
    return entries;
}
