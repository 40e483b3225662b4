#include "HistoryTableModel.h"

#include "widgets/Glyphs.h"
#include "widgets/TimeText.h"

#include <QColor>
#include <QIcon>

#include <algorithm>

namespace {
// Mid-tone colours read on both light and dark palettes; the outcome word beside them carries the
// meaning, so nobody depends on telling colours apart.
QColor outcomeColor(HistoryEntry::Outcome outcome)
{
    switch (outcome) {
    case HistoryEntry::Outcome::Success:
        return QColor(0x2e, 0x9d, 0x4f);
    case HistoryEntry::Outcome::Failure:
        return QColor(0xd6, 0x45, 0x45);
    case HistoryEntry::Outcome::Pending:
        return QColor(0x3d, 0x85, 0xc6);
    case HistoryEntry::Outcome::Unknown:
        return QColor(0xd9, 0x9a, 0x00);
    }
    return {};
}

// The altered-row mark: the window's drawn warning glyph (the same on every desktop).
QIcon alteredIcon()
{
    static const QIcon icon = Glyphs::icon(Glyph::Warning);
    return icon;
}

QString firstLine(const QString &text)
{
    const qsizetype newline = text.indexOf(QLatin1Char('\n'));
    return newline < 0 ? text : text.left(newline) + QStringLiteral(" …");
}
} // namespace

HistoryTableModel::HistoryTableModel(QObject *parent) : QAbstractTableModel(parent)
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

HistoryTableModel::Row HistoryTableModel::makeRow(const HistoryEntry &entry)
{
    Row row;
    row.entry = entry;
    row.timeMs = entry.time.isValid() ? entry.time.toMSecsSinceEpoch() : 0;
    // One folded string per row, built once, lets the proxy match free text with a single contains().
    // The separator is folded to a space inside fields (and in the needle, see HistoryFilterProxy), so
    // a match can never span two fields.
    const QChar sep(0x1f);
    // The bulk run's id is searchable too: typing a run's id filters the history to that run.
    // The officer's role and machine too: typing a colleague's role shows what they did.
    row.search = (entry.userId + sep + entry.operatorEmail + sep + entry.reason + sep + entry.message + sep + entry.code
                  + sep + entry.runId + sep + entry.dbRole + sep + entry.machine)
                     .toLower();
    if (row.search.count(sep) != 7) {
        const QString fields[] = {entry.userId, entry.operatorEmail, entry.reason, entry.message,
                                  entry.code,   entry.runId,         entry.dbRole, entry.machine};
        QStringList parts;
        for (const QString &field : fields)
            parts.append(QString(field).replace(sep, QLatin1Char(' ')).toLower());
        row.search = parts.join(sep);
    }
    return row;
}

QVariant HistoryTableModel::displayValue(const HistoryEntry &e, int column) const
{
    switch (column) {
    case TimeColumn:
        return TimeText::display(e.time);
    case OperatorColumn:
        return e.operatorEmail;
    case EnvironmentColumn:
        return environmentDisplayName(e.environment);
    case UserColumn:
        return e.userId;
    case ActionColumn:
        return ActionInfo::displayName(e.action);
    case ReasonColumn:
        return firstLine(e.reason);
    case OutcomeColumn:
        return HistoryEntry::outcomeDisplayName(e.outcome);
    case HttpStatusColumn:
        return e.httpStatus > 0 ? QVariant(e.httpStatus) : QVariant(QString());
    case CodeColumn:
        return e.code;
    case OfficerColumn:
        return e.dbRole;
    case MachineColumn:
        return e.machine;
    default:
        return {};
    }
}

QVariant HistoryTableModel::sortValue(const Row &row, int column) const
{
    const HistoryEntry &e = row.entry;
    switch (column) {
    case TimeColumn:
        return row.timeMs;
    case OperatorColumn:
        return e.operatorEmail;
    case EnvironmentColumn:
        return int(e.environment);
    case UserColumn:
        return e.userId;
    case ActionColumn:
        return int(e.action);
    case ReasonColumn:
        return e.reason;
    case OutcomeColumn:
        return int(e.outcome);
    case HttpStatusColumn:
        return e.httpStatus;
    case CodeColumn:
        return e.code;
    case OfficerColumn:
        return e.dbRole;
    case MachineColumn:
        return e.machine;
    default:
        return {};
    }
}

QVariant HistoryTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const Row &row = m_rows.at(index.row());
    const HistoryEntry &e = row.entry;
    if (!m_altered.isEmpty()) {
        const auto altered = m_altered.constFind(e.id);
        if (altered != m_altered.constEnd()) {
            if (QVariant mark = alteredData(*altered, index.column(), role); mark.isValid())
                return mark;
        }
    }
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(e, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ReasonColumn && !e.reason.isEmpty())
            return e.reason;
        if (index.column() == OutcomeColumn || index.column() == CodeColumn)
            return e.message.isEmpty() ? QVariant() : QVariant(e.message);
        if (index.column() == TimeColumn && e.time.isValid())
            return e.time.toUTC().toString(Qt::ISODateWithMs);
        if (index.column() == OfficerColumn && !e.dbRole.isEmpty())
            return tr("The database role that recorded this entry (operator e-mail: %1)").arg(e.operatorEmail);
        return {};
    case Qt::DecorationRole:
        return index.column() == OutcomeColumn ? QVariant(outcomeColor(e.outcome)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == HttpStatusColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case SortRole:
        return sortValue(row, index.column());
    case EntryRole:
        return QVariant::fromValue(e);
    case IdRole:
        return e.id;
    default:
        return {};
    }
}

QVariant HistoryTableModel::alteredData(const QString &problem, int column, int role) const
{
    switch (role) {
    case AlteredRole:
        return problem;
    case Qt::ToolTipRole:
        return tr("This entry was changed after it was recorded: %1").arg(problem);
    case Qt::DecorationRole:
        return column == TimeColumn ? QVariant(alteredIcon()) : QVariant();
    case Qt::BackgroundRole:
        return QColor(0xd6, 0x45, 0x45, 70);
    default:
        return {};
    }
}

void HistoryTableModel::setAlteredEntries(const QHash<qint64, QString> &problems)
{
    if (problems == m_altered)
        return;
    QList<qint64> touched = m_altered.keys();
    touched += problems.keys();
    m_altered = problems;
    for (qint64 id : std::as_const(touched)) {
        const int row = rowForId(id);
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

QVariant HistoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case OperatorColumn:
        return tr("Operator");
    case EnvironmentColumn:
        return tr("Environment");
    case UserColumn:
        return tr("User ID");
    case ActionColumn:
        return tr("Action");
    case ReasonColumn:
        return tr("Reason");
    case OutcomeColumn:
        return tr("Outcome");
    case HttpStatusColumn:
        return tr("HTTP");
    case CodeColumn:
        return tr("Code");
    case OfficerColumn:
        return tr("Officer");
    case MachineColumn:
        return tr("Machine");
    default:
        return {};
    }
}

void HistoryTableModel::setEntries(const QList<HistoryEntry> &entries)
{
    const bool hadOfficers = m_hasOfficers;
    m_hasOfficers = false;
    beginResetModel();
    m_rows.clear();
    m_times.clear();
    m_rowById.clear();
    m_rows.reserve(entries.size());
    m_times.reserve(entries.size());
    m_rowById.reserve(entries.size());
    for (const HistoryEntry &e : entries) {
        const auto it = m_rowById.constFind(e.id);
        if (it != m_rowById.constEnd()) {
            storeRow(*it, makeRow(e)); // a duplicate id keeps one row, the later value
            continue;
        }
        m_rowById.insert(e.id, int(m_rows.size()));
        m_rows.append(Row());
        m_times.append(0);
        storeRow(int(m_rows.size()) - 1, makeRow(e));
    }
    endResetModel();
    if (m_hasOfficers != hadOfficers)
        emit officersChanged(m_hasOfficers);
}

void HistoryTableModel::upsert(const HistoryEntry &entry)
{
    const bool hadOfficers = m_hasOfficers;
    insertOrUpdate(entry);
    if (m_hasOfficers != hadOfficers)
        emit officersChanged(m_hasOfficers);
}

void HistoryTableModel::insertOrUpdate(const HistoryEntry &entry)
{
    const auto it = m_rowById.constFind(entry.id);
    if (it == m_rowById.constEnd()) {
        const int row = int(m_rows.size());
        beginInsertRows({}, row, row);
        m_rowById.insert(entry.id, row);
        m_rows.append(Row());
        m_times.append(0);
        storeRow(row, makeRow(entry));
        endInsertRows();
        return;
    }
    const int row = *it;
    // The begin record on disk never changes, so an update only brings the answer; who/what/when stay
    // as first shown even when the caller's copy of the entry lacks them.
    HistoryEntry merged = entry;
    const HistoryEntry &old = m_rows.at(row).entry;
    if (old.time.isValid()) {
        merged = old;
        merged.takeOutcome(entry);
    }
    storeRow(row, makeRow(merged));
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void HistoryTableModel::storeRow(int row, Row &&value)
{
    m_times[row] = value.timeMs;
    m_hasOfficers = m_hasOfficers || !value.entry.dbRole.isEmpty();
    m_rows[row] = std::move(value);
}

void HistoryTableModel::clear()
{
    setEntries({});
}

HistoryEntry HistoryTableModel::entryAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).entry : HistoryEntry();
}

QList<HistoryEntry> HistoryTableModel::entriesForUser(const QString &userId) const
{
    QList<const Row *> matches;
    for (const Row &row : m_rows) {
        if (row.entry.userId == userId)
            matches.append(&row);
    }
    std::sort(matches.begin(), matches.end(), [](const Row *a, const Row *b) {
        return a->timeMs != b->timeMs ? a->timeMs > b->timeMs : a->entry.id > b->entry.id;
    });
    QList<HistoryEntry> result;
    result.reserve(matches.size());
    for (const Row *row : matches)
        result.append(row->entry);
    return result;
}
