#pragma once

#include "history/HistoryQuery.h"

#include <QString>
#include <QVariantList>

// The SQL that narrows the index's begin rows (alias r) to those a HistoryQuery may match, for
// SqliteHistoryIndex: the conditions, and the index that answers them fastest.
namespace BeginFilter {
// A begin's outcome while no answer names it: a value of its own rather than NULL, so the unanswered
// are found through the outcome's index like any other outcome.
inline constexpr int kUnanswered = -1;

// The WHERE clause, its values appended to `binds`. Unanswered entries are candidates for both pending
// and unknown: the reader settles them by process.
QString where(const HistoryQuery &query, QVariantList *binds);
// "INDEXED BY ..." or nothing. `unanswered`: only entries without an answer are asked for.
QString index(const HistoryQuery &query, bool unanswered = false);
} // namespace BeginFilter
