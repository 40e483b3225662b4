#include "KnownState.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

KnownState KnownState::derive(const QList<HistoryEntry> &entries)
{
    QList<HistoryEntry> ordered = entries;
    std::sort(ordered.begin(), ordered.end(), [](const HistoryEntry &a, const HistoryEntry &b) { return a.id < b.id; });
    KnownState state;
    state.actions = int(ordered.size());
    for (const HistoryEntry &e : ordered) {
        if (e.outcome != HistoryEntry::Outcome::Success)
            continue; // a failed or unanswered request tells nothing about the user
        state.known = true;
        state.asOf = e.completedAt.isValid() ? e.completedAt : e.time;
        state.apply(e.action);
    }
    return state;
}

QString KnownState::describe() const
{
    if (!known)
        return actions == 0 ? tr("No actions recorded for this user.")
                            : tr("No successful action recorded for this user.");
    if (deleted)
        return tr("Deleted");
    QStringList parts;
    parts << (active ? tr("Active") : tr("Deactivated"));
    if (fraudulent)
        parts << tr("flagged as fraud");
    if (reEnrollAllowed)
        parts << tr("re-enrollment allowed");
    return parts.join(QStringLiteral(", "));
}
