#include "UserTimelineModel.h"

#include "history/HistoryService.h"
#include "widgets/TimeText.h"

#include <QLocale>

#include <algorithm>

UserTimelineModel::UserTimelineModel(HistoryService *service, QObject *parent)
    : QAbstractTableModel(parent), m_service(service)
{
}

void UserTimelineModel::setUser(const QString &userId, Environment environment, const QString &partnerId)
{
    if (userId == m_userId && environment == m_environment && partnerId == m_partnerId)
        return;
    m_userId = userId;
    m_environment = environment;
    m_partnerId = partnerId;
    // Another person's actions never stay on screen while this one's are read.
    m_problems.clear();
    m_readFailed = false;
    if (!m_entries.isEmpty()) {
        beginResetModel();
        m_entries.clear();
        endResetModel();
    }
    // Until answered the lookup says it is reading; a refresh keeps showing what it will replace.
    m_current = false;
    ++m_generation;
    ask();
}

void UserTimelineModel::refresh()
{
    if (!m_userId.isEmpty())
        ask();
}

bool UserTimelineModel::matches(const HistoryEntry &e) const
{
    return !m_userId.isEmpty() && e.userId == m_userId && e.environment == m_environment && e.partnerId == m_partnerId;
}

void UserTimelineModel::ask()
{
    // Answers for the same user come back in the order asked, each whole as of its reading: a refresh
    // asked meanwhile (the history changed) follows the first answer rather than holding it back.
    const int generation = m_generation;
    if (m_userId.isEmpty()) {
        m_current = true;
        emit changed();
        return;
    }
    m_service->readUser(m_userId, this, [this, generation](const Result<HistoryRead> &read) {
        if (generation != m_generation)
            return; // the user changed meanwhile
        m_readFailed = !read.ok();
        m_problems = read.ok() ? read.value().problems : QStringList{read.message()};
        QList<HistoryEntry> mine;
        if (read.ok()) {
            for (const HistoryEntry &e : read.value().entries) {
                if (matches(e))
                    mine.append(e);
            }
        }
        std::sort(mine.begin(), mine.end(), [](const HistoryEntry &a, const HistoryEntry &b) { return a.id > b.id; });
        show(mine);
    });
}

void UserTimelineModel::show(const QList<HistoryEntry> &entries)
{
    const bool sameRows = entries.size() == m_entries.size()
        && std::equal(entries.cbegin(), entries.cend(), m_entries.cbegin(),
                      [](const HistoryEntry &a, const HistoryEntry &b) { return a.id == b.id; });
    if (sameRows) {
        // Answers came in: the rows stay, their cells change, the view keeps its place.
        m_entries = entries;
        if (!m_entries.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_entries.size()) - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_entries = entries;
        endResetModel();
    }
    m_current = true;
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
