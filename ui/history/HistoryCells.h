#pragma once

#include "history/HistoryEntry.h"

#include <QCoreApplication>
#include <QString>
#include <QVariant>

// What each cell of the History table says for an entry, in each role: the words, tooltips, colour
// hints and the altered-entry mark. Its words are the table's, translated under the table's name.
class HistoryCells
{
    Q_DECLARE_TR_FUNCTIONS(HistoryTableModel)
public:
    // Columns and roles are HistoryTableModel's.
    static QVariant data(const HistoryEntry &entry, int column, int role);
    static QVariant display(const HistoryEntry &entry, int column);
    // The mark of an entry the chain check found altered, or an invalid QVariant for roles it leaves alone.
    static QVariant altered(const QString &problem, int column, int role);
    static QVariant header(int section);
};
