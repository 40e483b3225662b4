#pragma once

#include "history/HistoryQuery.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

// The counts of a query the database can give exactly what a read would: no text or dates to judge
// (the caller states the rest as SQL conditions on begin records `b`), and every record plain, checked
// in the same snapshot. Counted there, each begin's body parsed once, its newest answer naming the
// outcome as a read names it.
class TeamCounts
{
public:
    explicit TeamCounts(QSqlDatabase &db);
    // A total of -1: the database cannot count this exactly (some record is not plain); nothing failed.
    Result<HistoryCounts> exact(const HistoryQuery &query, const QString &conditions, const QVariantList &values);

private:
    Result<bool> anyNotPlain();

    QSqlDatabase &m_db;
};
