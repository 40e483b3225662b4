#include "HistoryCells.h"

#include "history/HistoryTableModel.h"
#include "widgets/Glyphs.h"
#include "widgets/TimeText.h"

#include <QColor>
#include <QIcon>

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

QVariant HistoryCells::display(const HistoryEntry &e, int column)
{
    switch (column) {
    case HistoryTableModel::TimeColumn:
        return TimeText::display(e.time);
    case HistoryTableModel::OperatorColumn:
        return e.operatorEmail;
    case HistoryTableModel::EnvironmentColumn:
        return environmentDisplayName(e.environment);
    case HistoryTableModel::UserColumn:
        return e.userId;
    case HistoryTableModel::ActionColumn:
        return ActionInfo::displayName(e.action);
    case HistoryTableModel::ReasonColumn:
        return firstLine(e.reason);
    case HistoryTableModel::OutcomeColumn:
        return HistoryEntry::outcomeDisplayName(e.outcome);
    case HistoryTableModel::HttpStatusColumn:
        return e.httpStatus > 0 ? QVariant(e.httpStatus) : QVariant(QString());
    case HistoryTableModel::CodeColumn:
        return e.code;
    case HistoryTableModel::OfficerColumn:
        return e.dbRole;
    case HistoryTableModel::MachineColumn:
        return e.machine;
    default:
        return {};
    }
}

QVariant HistoryCells::data(const HistoryEntry &e, int column, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        return display(e, column);
    case Qt::ToolTipRole:
        if (column == HistoryTableModel::ReasonColumn && !e.reason.isEmpty())
            return e.reason;
        if (column == HistoryTableModel::OutcomeColumn || column == HistoryTableModel::CodeColumn)
            return e.message.isEmpty() ? QVariant() : QVariant(e.message);
        if (column == HistoryTableModel::TimeColumn && e.time.isValid())
            return e.time.toUTC().toString(Qt::ISODateWithMs);
        if (column == HistoryTableModel::OfficerColumn && !e.dbRole.isEmpty())
            return tr("The database role that recorded this entry (operator e-mail: %1)").arg(e.operatorEmail);
        return {};
    case Qt::DecorationRole:
        return column == HistoryTableModel::OutcomeColumn ? QVariant(outcomeColor(e.outcome)) : QVariant();
    case Qt::TextAlignmentRole:
        return column == HistoryTableModel::HttpStatusColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                                                             : QVariant();
    case HistoryTableModel::EntryRole:
        return QVariant::fromValue(e);
    case HistoryTableModel::IdRole:
        return e.id;
    default:
        return {};
    }
}

QVariant HistoryCells::altered(const QString &problem, int column, int role)
{
    switch (role) {
    case HistoryTableModel::AlteredRole:
        return problem;
    case Qt::ToolTipRole:
        return tr("This entry was changed after it was recorded: %1").arg(problem);
    case Qt::DecorationRole:
        return column == HistoryTableModel::TimeColumn ? QVariant(alteredIcon()) : QVariant();
    case Qt::BackgroundRole:
        return QColor(0xd6, 0x45, 0x45, 70);
    default:
        return {};
    }
}

QVariant HistoryCells::header(int section)
{
    switch (section) {
    case HistoryTableModel::TimeColumn:
        return tr("Time");
    case HistoryTableModel::OperatorColumn:
        return tr("Operator");
    case HistoryTableModel::EnvironmentColumn:
        return tr("Environment");
    case HistoryTableModel::UserColumn:
        return tr("User ID");
    case HistoryTableModel::ActionColumn:
        return tr("Action");
    case HistoryTableModel::ReasonColumn:
        return tr("Reason");
    case HistoryTableModel::OutcomeColumn:
        return tr("Outcome");
    case HistoryTableModel::HttpStatusColumn:
        return tr("HTTP");
    case HistoryTableModel::CodeColumn:
        return tr("Code");
    case HistoryTableModel::OfficerColumn:
        return tr("Officer");
    case HistoryTableModel::MachineColumn:
        return tr("Machine");
    default:
        return {};
    }
}
