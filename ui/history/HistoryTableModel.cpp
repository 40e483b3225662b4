#include "HistoryTableModel.h"

#include "history/HistoryCells.h"
#include "history/HistoryService.h"

#include <algorithm>
#include <utility>

namespace {
// Whether a row already shows what a newer read of its entry says: a begin record never changes, so
// only the answer (and the hashes an export takes) can differ.
bool sameAsShown(const HistoryEntry &shown, const HistoryEntry &read)
{
    return shown.outcome == read.outcome && shown.completedAt == read.completedAt && shown.httpStatus == read.httpStatus
        && shown.code == read.code && shown.message == read.message && shown.recordHash == read.recordHash
        && shown.completionRecord == read.completionRecord && shown.dbRole == read.dbRole;
}
} // namespace

HistoryTableModel::HistoryTableModel(HistoryService *service, QObject *parent)
    : QAbstractTableModel(parent), m_service(service)
{
    qRegisterMetaType<HistoryEntry>();
}

int HistoryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HistoryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const HistoryEntry &e = m_rows.at(index.row());
    if (!m_altered.isEmpty()) {
        const auto altered = m_altered.constFind(e.id);
        if (altered != m_altered.constEnd()) {
            if (QVariant mark = HistoryCells::altered(*altered, index.column(), role); mark.isValid())
                return mark;
        }
    }
    return HistoryCells::data(e, index.column(), role);
}

QVariant HistoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return HistoryCells::header(section);
}

void HistoryTableModel::setAlteredEntries(const QHash<qint64, QString> &problems)
{
    if (problems == m_altered)
        return;
    m_altered = problems;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

HistoryEntry HistoryTableModel::entryAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : HistoryEntry();
}

int HistoryTableModel::rowForId(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

void HistoryTableModel::setQuery(const HistoryQuery &query)
{
    const HistoryQuery::Order order = m_query.order;
    m_query = query;
    m_query.order = order;
    ++m_generation; // answers to the previous query are dropped
    m_started = true;
    m_busy = false;
    m_refreshAgain = false;
    m_fetchAgain = false;
    ask(Ask::First);
}

void HistoryTableModel::sort(int column, Qt::SortOrder order)
{
    if (column != TimeColumn)
        return;
    const HistoryQuery::Order wanted = order == Qt::DescendingOrder ? HistoryQuery::Order::NewestFirst
                                                                    : HistoryQuery::Order::OldestFirst;
    if (wanted == m_query.order && m_loaded)
        return;
    m_query.order = wanted;
    if (m_started) // before the first question the order is only remembered
        setQuery(m_query);
}

void HistoryTableModel::refresh()
{
    if (m_busy) {
        m_refreshAgain = true;
        return;
    }
    if (m_loaded) // before the first page nothing is shown that could be stale
        ask(Ask::Refresh);
}

bool HistoryTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_loaded && m_more;
}

void HistoryTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !m_more)
        return;
    if (m_busy) {
        m_fetchAgain = true;
        return;
    }
    ask(Ask::More);
}

void HistoryTableModel::ask(Ask what)
{
    m_busy = true;
    if (what == Ask::First)
        m_loading = true;
    // A refresh asks for every row held, so rows far down the list learn their answers too.
    const int asked = what == Ask::Refresh ? qMax(m_pageSize, int(m_rows.size())) : m_pageSize;
    const qint64 after = what == Ask::More ? m_next : 0;
    const int generation = m_generation;
    m_service->page(m_query, after, asked, this,
                    [this, generation, what](const Result<HistoryPage> &page) { onPage(generation, what, page); });
}

void HistoryTableModel::onPage(int generation, Ask what, const Result<HistoryPage> &page)
{
    if (generation != m_generation)
        return;
    m_busy = false;
    const bool first = what == Ask::First;
    if (first)
        m_loading = false;
    if (!page.ok()) {
        if (first) {
            beginResetModel();
            m_rows.clear();
            m_more = false;
            m_next = 0;
            endResetModel();
        }
        setProblems({page.message()});
    } else if (first) {
        beginResetModel();
        m_rows = page.value().entries;
        m_next = page.value().next;
        m_more = page.value().more;
        endResetModel();
        setProblems(page.value().problems);
    } else if (what == Ask::More) {
        append(page.value().entries);
        if (!page.value().entries.isEmpty())
            m_next = page.value().next;
        m_more = page.value().more;
        setProblems(page.value().problems);
    } else {
        if (merge(page.value()))
            emit refreshed();
        setProblems(page.value().problems);
    }
    noteOfficers();
    if (first) {
        m_loaded = true;
        emit loaded();
    }
    emit changed();
    if (std::exchange(m_refreshAgain, false))
        ask(Ask::Refresh);
    else if (std::exchange(m_fetchAgain, false) && m_more)
        ask(Ask::More);
}

bool HistoryTableModel::before(const HistoryEntry &a, const HistoryEntry &b) const
{
    return m_query.order == HistoryQuery::Order::NewestFirst ? a.id > b.id : a.id < b.id;
}

void HistoryTableModel::append(const QList<HistoryEntry> &entries)
{
    QList<HistoryEntry> fresh;
    for (const HistoryEntry &e : entries) {
        // A page after the last row held never repeats one; a row a refresh brought in may already be here.
        if (m_rows.isEmpty() || before(m_rows.constLast(), e))
            fresh.append(e);
    }
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size()) - 1);
    m_rows.append(fresh);
    endInsertRows();
}

bool HistoryTableModel::merge(const HistoryPage &page)
{
    bool moved = false;
    const QList<HistoryEntry> &answer = page.entries;
    // The answer covers the rows up to its last entry, or every row when nothing follows it.
    int row = 0;
    qsizetype j = 0;
    while (j < answer.size()) {
        const HistoryEntry &e = answer.at(j);
        if (row < m_rows.size() && m_rows.at(row).id == e.id) {
            if (!sameAsShown(m_rows.at(row), e)) {
                m_rows[row] = e;
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
                moved = true;
            }
            ++row;
            ++j;
        } else if (row < m_rows.size() && before(m_rows.at(row), e)) {
            // Held but no longer answered: it stopped matching (an answer came) or left the history.
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
            moved = true;
        } else {
            beginInsertRows({}, row, row);
            m_rows.insert(row, e);
            endInsertRows();
            moved = true;
            ++row;
            ++j;
        }
    }
    if (!page.more) {
        if (row < m_rows.size()) {
            beginRemoveRows({}, row, int(m_rows.size()) - 1);
            m_rows.remove(row, m_rows.size() - row);
            endRemoveRows();
            moved = true;
        }
        m_more = false;
        m_next = page.next;
    } else if (row >= m_rows.size()) {
        m_more = true;
        m_next = page.next;
    }
    return moved;
}

void HistoryTableModel::setProblems(const QStringList &problems)
{
    if (problems == m_problems)
        return;
    m_problems = problems;
    emit problemsChanged(m_problems);
}

void HistoryTableModel::noteOfficers()
{
    const bool had = m_hasOfficers;
    m_hasOfficers = std::any_of(m_rows.cbegin(), m_rows.cend(),
                                [](const HistoryEntry &e) { return !e.dbRole.isEmpty(); });
    if (m_hasOfficers != had)
        emit officersChanged(m_hasOfficers);
}
