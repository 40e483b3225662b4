#pragma once

#include <QStringList>

// The team trail's migrations that serve the history's queries (TeamSchema applies them in order with
// the others): version 4, the indexes a user's, an action's or a run's entries are found by; version 5,
// the text filter's index of the words an entry is searched by.
namespace TeamQueryIndexes {
QStringList version4();
QStringList version5();
} // namespace TeamQueryIndexes
