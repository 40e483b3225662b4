#include "BulkRowModel.h"

#include "bulk/BulkRun.h"

#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QPalette>

BulkRowModel::BulkRowModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(100);
    connect(&m_flush, &QTimer::timeout, this, &BulkRowModel::flush);
}

const QList<BulkRowResult> &BulkRowModel::rows() const
{
    return m_run ? m_run->rows() : m_rows;
}

void BulkRowModel::setRows(const QList<BulkRowResult> &rows)
{
    beginResetModel();
    m_rows = rows;
    m_run = nullptr;
    endResetModel();
}

void BulkRowModel::follow(const BulkRun *run)
{
    if (m_run)
        disconnect(m_run, nullptr, this, nullptr);
    beginResetModel();
    m_run = run;
    m_first = m_last = -1;
    endResetModel();
    if (!run)
        return;
    connect(run, &BulkRun::rowStarted, this, &BulkRowModel::markChanged);
    connect(run, &BulkRun::rowFinished, this, &BulkRowModel::markChanged);
    connect(run, &QObject::destroyed, this, [this] {
        // Keep what the run last showed.
        beginResetModel();
        m_run = nullptr;
        endResetModel();
    });
    connect(run, &BulkRun::finished, this, [this, run] {
        flush();
        m_rows = run->rows();
    });
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

QString BulkRowModel::statusText(BulkRowStatus status)
{
    switch (status) {
    case BulkRowStatus::NotSent:
        return tr("Not sent");
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
        return !r.row.valid() ? tr("Will not be sent") : statusText(r.status);
    case Http:
        return r.entry.httpStatus > 0 ? QVariant(r.entry.httpStatus) : QVariant();
    case Code:
        return r.entry.code;
    case Message:
        return r.begun() || !r.row.valid() ? r.message() : QString();
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
