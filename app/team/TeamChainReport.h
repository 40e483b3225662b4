#pragma once

#include "history/HistoryChain.h"

#include <QString>

// What verify() says of a team trail together with this console's own copy: the copy's breaks are
// named as its own after the trail's, and a database out of reach is "cannot be checked now", never
// "altered".
namespace TeamChainReport {
// The report while the database cannot be reached (`why`): only what the console's own trail shows
// broken, if anything.
ChainReport unreachable(const ChainReport &local, const QString &why);
// Adds the breaks of this console's own trail to `report`.
void appendLocalBreaks(const ChainReport &local, ChainReport *report);
} // namespace TeamChainReport
