#pragma once

#include <QString>
#include <QStringList>

// The team trail's migrations that serve the history's queries (TeamSchema applies them in order with
// the others): version 4, the indexes a user's, an action's or a run's entries are found by; version 5,
// the text filter's index of the words an entry is searched by; version 6, that index by word runs
// and slices of the trail.
namespace TeamQueryIndexes {
QStringList version4();
QStringList version5();
QStringList version6();

// Records per slice of the trail in the text filter's index (by begin number).
inline constexpr qint64 kSlice = 16384;
// The SQL of `words` (a column of lower-cased words) as the text filter's index holds it: every
// character pg_trgm would split a word at, within printable ASCII, made a letter.
QString wordRuns(const QString &words);
// The SQL of the slice of the trail begin number `seq` lies in.
QString slice(const QString &seq);
} // namespace TeamQueryIndexes
