#pragma once

#include "action/Action.h"
#include "history/HistoryEntry.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// A question put to the history: which entries, in which order. Every face asks in these terms (the
// window's table, its exports, the CLI), and every backend answers them where its data lives: the
// local index, the team's database, or, for a backend with neither, a walk that holds one entry at a
// time. Filters combine with AND; an empty query matches every entry. matches() is the definition: an
// index or a database only narrows the candidates, and each candidate is confirmed by it.
struct HistoryQuery {
    enum class Order {
        NewestFirst, // by entry id, which grows with time
        OldestFirst,
    };
    // Case-insensitive substring of one of the fields searchText() joins; blank = any.
    QString text;
    std::optional<ActionKind> action;
    std::optional<HistoryEntry::Outcome> outcome;
    // Half-open interval on the entry's time; an invalid bound leaves that end open.
    QDateTime from;
    QDateTime until;
    QString userId; // exact; blank = any
    QString runId;  // exact; blank = any
    QString dbRole; // the officer's database role, exact; blank = any
    Order order = Order::NewestFirst;

    bool isEmpty() const;
    bool matches(const HistoryEntry &entry) const;
    // The text filter as compared: trimmed, lower-cased, the field separator folded to a space.
    QString needle() const { return fold(text); }
    static QString fold(const QString &text);
    // The fields the text filter searches, lower-cased, joined by U+001F (folded to a space inside a
    // field, so a match never spans two fields): user ID, operator, reason, message, code, run id,
    // officer's role, machine. An index that stores this string answers the text filter with one
    // substring search per row.
    static QString searchText(const HistoryEntry &entry);
    static QChar separator() { return QChar(0x1f); }
};

// One page of answers: the entries in the query's order, and where the next page starts.
struct HistoryPage {
    QList<HistoryEntry> entries;
    // Pass as `after` for the next page: the last entry's id (keyset pagination, never an offset).
    qint64 next = 0;
    bool more = false;    // entries remain after this page
    QStringList problems; // translated, as a read names them
};

// How many entries a query matches, by outcome.
struct HistoryCounts {
    qint64 total = 0;
    qint64 success = 0;
    qint64 failure = 0;
    qint64 pending = 0;
    qint64 unknown = 0;
    void add(HistoryEntry::Outcome outcome);
};
