#pragma once

#include <QDateTime>
#include <QString>

// The one way the window writes a moment, in every tab, table, status line and message: local wall-clock
// time with its zone named, to the second ("2026-12-02 09:14:03 CET"), the same in every language. The date
// filters pick local dates, so the tables read in the same days; exports add the exact UTC instant
// (ISO 8601) for tools, and details the UTC instant to the millisecond for auditors.
namespace TimeText {

inline QString display(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t")) : QString();
}

// A time as records and run files keep it (ISO 8601), written as display() does; text that is not such
// a time is shown as it is rather than dropped.
inline QString display(const QString &recorded)
{
    const QDateTime time = QDateTime::fromString(recorded, Qt::ISODateWithMs);
    return time.isValid() ? display(time) : recorded;
}

// As display(), with the UTC instant to the millisecond after it, written the same way, for detail panes.
inline QString detailed(const QDateTime &time)
{
    return time.isValid() ? display(time) + QStringLiteral("  (")
            + time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + QStringLiteral(" UTC)")
                          : QString();
}

// A sample as wide as display()'s longest text, to size columns.
inline QString widest()
{
    return QStringLiteral("0000-00-00 00:00:00 WWWW");
}

} // namespace TimeText
