#pragma once

#include "action/EnrolleeState.h"
#include "history/HistoryEntry.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

// What this console's own history says about one user. The API has no call that reads an
// enrollee's state, so this is all anyone here can know — and it is said so wherever it is shown.
struct KnownState : EnrolleeState {
    Q_DECLARE_TR_FUNCTIONS(KnownState)

public:
    bool known = false; // at least one successful action recorded
    QDateTime asOf;     // time of the last successful action
    int actions = 0;    // entries considered, any outcome

    // Replays the successful actions of `entries` (any order) in time order.
    static KnownState derive(const QList<HistoryEntry> &entries);
    // A translated one-line description: "Deactivated, flagged as fraud".
    QString describe() const;
};
