#include "BulkRowModel.h"

#include "bulk/BulkRun.h"

#include <QBrush>
#include <QColor>

namespace {
QList<BulkRowResult> waiting(const BulkRecord &record)
{
    QList<BulkRowResult> rows;
    rows.reserve(record.rows.size());
    for (const BulkRow &row : record.rows)
        rows.append(BulkRowResult{row, BulkRowStatus::NotSent, {}});
    return rows;
}
} // namespace

BulkRowModel::BulkRowModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(100);
    connect(&m_flush, &QTimer::timeout, this, &BulkRowModel::flush);
}

const QList<BulkRowResult> &BulkRowModel::rows() const
{
    // A run has no rows of its own until it has read the history; its plan stands in until then.
    return m_run && !m_run->rows().isEmpty() ? m_run->rows() : m_rows;
}

void BulkRowModel::setRows(const QList<BulkRowResult> &rows, bool ended)
{
    follow(nullptr);
    beginResetModel();
    m_rows = rows;
    m_ended = ended;
    endResetModel();
}

void BulkRowModel::stopFetching()
{
    m_fetch = nullptr;
    m_total = 0;
    m_nextOffset = 0;
    m_fetching = false;
    ++m_generation;
}

void BulkRowModel::setStored(int total, Fetch fetch, bool ended)
{
    follow(nullptr);
    beginResetModel();
    m_rows.clear();
    m_ended = ended;
    stopFetching();
    m_total = qMax(0, total);
    m_fetch = std::move(fetch);
    endResetModel();
    fetchMore({}); // the first rows at once; the view asks for more as it scrolls
}

bool BulkRowModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_run && m_fetch && !m_fetching && m_rows.size() < m_total;
}

void BulkRowModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    const quint64 generation = m_generation;
    const int from = int(m_rows.size());
    m_fetch(from, m_nextOffset, qMin(kChunk, m_total - from), this,
            [this, generation, from](const QList<BulkRowResult> &rows, qint64 next, const QString &problem) {
        if (generation != m_generation || from != m_rows.size())
            return;
        m_fetching = false;
        if (!problem.isEmpty() || rows.isEmpty()) {
            m_total = int(m_rows.size()); // nothing more will come
            if (!problem.isEmpty())
                emit fetchFailed(problem);
            return;
        }
        beginInsertRows({}, from, from + int(rows.size()) - 1);
        m_rows += rows;
        endInsertRows();
        m_nextOffset = next;
    });
}

void BulkRowModel::follow(const BulkRun *run)
{
    if (m_run)
        disconnect(m_run, nullptr, this, nullptr);
    m_flush.stop();
    m_first = m_last = -1;
    stopFetching();
    if (!run) {
        // What the run last showed stays on screen, as plain rows.
        if (m_run)
            m_rows = rows();
        m_run = nullptr;
        return;
    }
    beginResetModel();
    m_run = run;
    m_ended = false;
    m_rows = run->rows().isEmpty() ? waiting(run->record()) : run->rows();
    endResetModel();
    connect(run, &BulkRun::started, this, &BulkRowModel::onRunStarted);
    connect(run, &BulkRun::rowStarted, this, &BulkRowModel::markChanged);
    connect(run, &BulkRun::rowFinished, this, &BulkRowModel::markChanged);
    connect(run, &BulkRun::finished, this, [this] {
        flush();
        m_ended = true;
        if (rowCount() > 0)
            emit dataChanged(index(0, Outcome), index(rowCount() - 1, Message));
    });
    connect(run, &QObject::destroyed, this, [this] {
        // Keep what the run last showed (its rows were copied as they changed).
        m_run = nullptr;
    });
}

void BulkRowModel::onRunStarted()
{
    // The run's rows replace its plan: the same rows in the same order, now with what the history knows.
    if (!m_run)
        return;
    if (m_run->rows().size() != m_rows.size()) {
        beginResetModel();
        m_rows = m_run->rows();
        endResetModel();
        return;
    }
    m_rows = m_run->rows();
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const BulkRowResult &BulkRowModel::rowAt(int row) const
{
    return rows().at(row);
}

void BulkRowModel::markChanged(int row)
{
    m_first = m_first < 0 ? row : qMin(m_first, row);
    m_last = qMax(m_last, row);
    if (!m_flush.isActive())
        m_flush.start();
}

void BulkRowModel::flush()
{
    m_flush.stop();
    if (m_first < 0 || m_last >= rowCount())
        return;
    if (m_run) {
        // A copy of the changed rows, so the table keeps them when the run object goes.
        for (int i = m_first; i <= m_last && i < m_rows.size(); ++i)
            m_rows[i] = m_run->rows().at(i);
    }
    emit dataChanged(index(m_first, 0), index(m_last, ColumnCount - 1));
    m_first = m_last = -1;
}

int BulkRowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(rows().size());
}

int BulkRowModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BulkRowModel::outcomeText(const BulkRowResult &r, bool ended)
{
    if (!r.row.valid())
        return tr("Not sent"); // refused by the check: the message says why
    switch (r.status) {
    case BulkRowStatus::NotSent:
        return ended ? tr("Not sent") : tr("Waiting");
    case BulkRowStatus::InFlight:
        return tr("Sending…");
    case BulkRowStatus::Succeeded:
        return tr("Done");
    case BulkRowStatus::Already:
        return tr("Already so");
    case BulkRowStatus::Failed:
        return tr("Failed");
    case BulkRowStatus::Unknown:
        return tr("Unknown");
    }
    return {};
}

QStringList BulkRowModel::outcomeTexts()
{
    return {tr("Not sent"), tr("Waiting"), tr("Sending…"), tr("Done"), tr("Already so"), tr("Failed"), tr("Unknown")};
}

QVariant BulkRowModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const BulkRowResult &r = rows().at(index.row());
    if (role == StatusRole)
        return int(r.status);
    if (role == ProblemRole)
        return !r.row.valid() || r.status == BulkRowStatus::Failed || r.status == BulkRowStatus::Unknown;
    if (role == Qt::ForegroundRole && index.column() == Outcome) {
        if (r.status == BulkRowStatus::Failed || r.status == BulkRowStatus::Unknown || !r.row.valid())
            return QBrush(QColor(0xb0, 0x1e, 0x1e));
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Line:
        return r.row.line;
    case UserId:
        return r.row.userId;
    case Outcome:
        return outcomeText(r, m_ended);
    case Http:
        return r.entry.httpStatus > 0 ? QVariant(r.entry.httpStatus) : QVariant();
    case Code:
        return r.entry.code;
    case Message:
        return r.begun() || !r.row.valid() || (m_ended && r.status == BulkRowStatus::NotSent) ? r.message() : QString();
    case Attempts:
        return r.begun() ? QVariant(int(r.entry.attempts.size())) : QVariant();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BulkRowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Line:
        return tr("Line");
    case UserId:
        return tr("User ID");
    case Outcome:
        return tr("Outcome");
    case Http:
        return tr("HTTP");
    case Code:
        return tr("Code");
    case Message:
        return tr("Message");
    case Attempts:
        return tr("Attempts");
    case ColumnCount:
        break;
    }
    return {};
}
