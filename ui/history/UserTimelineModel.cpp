#include "UserTimelineModel.h"

#include "history/HistoryTableModel.h"
#include "widgets/TimeText.h"

#include <QLocale>

#include <algorithm>

UserTimelineModel::UserTimelineModel(HistoryTableModel *source, QObject *parent)
    : QAbstractTableModel(parent), m_source(source)
{
    connect(source, &QAbstractItemModel::modelReset, this, &UserTimelineModel::rebuild);
    connect(source, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
    connect(source, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &top, const QModelIndex &bottom) { onDataChanged(top.row(), bottom.row()); });
}

void UserTimelineModel::setUser(const QString &userId, Environment environment, const QString &partnerId)
{
    if (userId == m_userId && environment == m_environment && partnerId == m_partnerId)
        return;
    m_userId = userId;
    m_environment = environment;
    m_partnerId = partnerId;
    rebuild();
}

bool UserTimelineModel::matches(const HistoryEntry &e) const
{
    return !m_userId.isEmpty() && e.userId == m_userId && e.environment == m_environment && e.partnerId == m_partnerId;
}

void UserTimelineModel::rebuild()
{
    beginResetModel();
    m_entries.clear();
    if (!m_userId.isEmpty()) {
        for (const HistoryEntry &e : m_source->entriesForUser(m_userId)) {
            if (matches(e))
                m_entries.append(e);
        }
        std::sort(m_entries.begin(), m_entries.end(),
                  [](const HistoryEntry &a, const HistoryEntry &b) { return a.id > b.id; });
    }
    endResetModel();
    emit changed();
}

void UserTimelineModel::onRowsInserted(int first, int last)
{
    bool any = false;
    for (int row = first; row <= last; ++row) {
        const HistoryEntry &e = m_source->entryRef(row);
        if (!matches(e))
            continue;
        const auto at = std::lower_bound(m_entries.cbegin(), m_entries.cend(), e.id,
                                         [](const HistoryEntry &x, qint64 id) { return x.id > id; });
        const int position = int(at - m_entries.cbegin());
        beginInsertRows({}, position, position);
        m_entries.insert(position, e);
        endInsertRows();
        any = true;
    }
    if (any)
        emit changed();
}

void UserTimelineModel::onDataChanged(int first, int last)
{
    bool any = false;
    for (int row = first; row <= last && row < m_source->rowCount(); ++row) {
        const HistoryEntry &e = m_source->entryRef(row);
        if (!matches(e))
            continue;
        for (int i = 0; i < m_entries.size(); ++i) {
            if (m_entries.at(i).id == e.id) {
                m_entries[i] = e;
                emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
                any = true;
                break;
            }
        }
    }
    if (any)
        emit changed();
}

int UserTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int UserTimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UserTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const HistoryEntry &e = m_entries.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == OutcomeColumn)
        return e.message.isEmpty() ? QVariant() : QVariant(e.message);
    if (role == Qt::ToolTipRole && index.column() == ActionColumn && !e.runId.isEmpty())
        return tr("Row %1 of bulk run %2").arg(e.runLine).arg(e.runId);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return TimeText::display(e.time);
    case ActionColumn:
        // Actions that came from a bulk run say so: the lookup shows a run's work as its own.
        return e.runId.isEmpty() ? ActionInfo::displayName(e.action)
                                 : tr("%1 (bulk run)").arg(ActionInfo::displayName(e.action));
    case OutcomeColumn:
        return HistoryEntry::outcomeDisplayName(e.outcome);
    case CodeColumn:
        return e.code;
    case ReasonColumn:
        return e.reason;
    case ProfileColumn:
        return e.profileName;
    default:
        return {};
    }
}

QVariant UserTimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ActionColumn:
        return tr("Action");
    case OutcomeColumn:
        return tr("Outcome");
    case CodeColumn:
        return tr("Code");
    case ReasonColumn:
        return tr("Reason");
    case ProfileColumn:
        return tr("Profile");
    default:
        return {};
    }
}
