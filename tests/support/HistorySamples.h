#pragma once

// Entries the history suites work with, built in one place so a field added to HistoryEntry is filled in
// once: an action as a face records it (no id, no outcome yet), and a finished one with chosen id, time
// and outcome as the history views show it. With them, an RFC 4180 reader, so tests check exported files
// by parsing them back rather than by matching text fragments.

#include "history/HistoryEntry.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace HistorySamples {

// An action as a face records it before it is sent.
inline HistoryEntry entry(const QString &user, ActionKind action = ActionKind::Deactivate)
{
    HistoryEntry e;
    e.operatorEmail = QStringLiteral("officer@example.com");
    e.profileName = QStringLiteral("Test");
    e.environment = Environment::Local;
    e.partnerId = QStringLiteral("001");
    e.host = QStringLiteral("127.0.0.1:8787");
    e.userId = user;
    e.action = action;
    e.reason = QStringLiteral("case-%1").arg(user);
    e.face = QStringLiteral("test");
    return e;
}

// A finished (or still unknown) action with the fields the history views sort, filter and export by.
inline HistoryEntry entry(qint64 id, const QDateTime &time, const QString &user, ActionKind action,
                          HistoryEntry::Outcome outcome,
                          const QString &operatorEmail = QStringLiteral("officer@example.com"),
                          const QString &reason = QString(), const QString &code = QString(),
                          const QString &message = QString())
{
    HistoryEntry e;
    e.id = id;
    e.time = time;
    e.operatorEmail = operatorEmail;
    e.profileName = QStringLiteral("test");
    e.environment = Environment::Local;
    e.partnerId = QStringLiteral("001");
    e.host = QStringLiteral("127.0.0.1:8787");
    e.userId = user;
    e.action = action;
    e.reason = reason;
    e.face = QStringLiteral("console");
    e.outcome = outcome;
    e.code = code;
    e.message = message;
    if (outcome == HistoryEntry::Outcome::Success || outcome == HistoryEntry::Outcome::Failure) {
        e.completedAt = time.addMSecs(250);
        e.httpStatus = outcome == HistoryEntry::Outcome::Success ? 200 : 400;
        e.elapsedMs = 250;
        e.response = outcome == HistoryEntry::Outcome::Success
            ? QStringLiteral("{\"success\":true}")
            : QStringLiteral("{\"code\":\"%1\",\"error\":\"%2\"}").arg(code, message);
    }
    return e;
}

// A local wall-clock time, the way officers pick dates in the filter.
inline QDateTime local(int y, int m, int d, int h = 12, int min = 0, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s), Qt::LocalTime);
}

// RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold commas, quotes ("")
// and line breaks.
// A lenient CSV reader that honours quotes; `separator` plays a spreadsheet set to another locale's.
inline QList<QStringList> parseCsv(const QByteArray &bytes, QChar separator = QLatin1Char(','))
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == separator) {
            row.append(field);
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            row.append(field);
            field.clear();
            rows.append(row);
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty()) {
        row.append(field);
        rows.append(row);
    }
    return rows;
}

} // namespace HistorySamples
