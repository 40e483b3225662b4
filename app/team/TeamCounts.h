#pragma once

#include "history/HistoryQuery.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

#include <functional>

// The counts of a query the database can give exactly what a read would: no text or dates to judge
// (the caller states the rest as SQL conditions on begin records `b`), and every record plain, checked
// in the same snapshot. Counted there, each begin's body parsed once, its newest answer naming the
// outcome as a read names it.
class TeamCounts
{
public:
    // `giveWay`, asked between slices of begins, stops the count with Status::Kind::GaveWay (see
    // HistoryBackend::setGiveWay): at a million records a count takes seconds.
    explicit TeamCounts(QSqlDatabase &db, std::function<bool()> giveWay = {});
    // Begin numbers counted at a time: the first slice (2,500: about 10 ms of a wide count at a million
    // records), and at most (320,000), the size doubling after a slice quicker than 5 ms and halving
    // after one slower than 20 ms, so a lookup asked meanwhile waits about 10 ms. Tests make them small,
    // so that a count crosses slices.
    static void setSlice(qint64 first, qint64 most);
    // A total of -1: the database cannot count this exactly (some record is not plain); nothing failed.
    Result<HistoryCounts> exact(const HistoryQuery &query, const QString &conditions, const QVariantList &values);

private:
    Result<bool> anyNotPlain();

    QSqlDatabase &m_db;
    std::function<bool()> m_giveWay;
};
