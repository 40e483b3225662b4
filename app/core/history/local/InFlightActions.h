#pragma once

#include "history/HistoryEntry.h"

#include <QDateTime>
#include <QSet>

// Whether an entry read without an answer is still pending or its outcome is unknown, decided the same
// way by every read of the local history (a whole read, a walk, an answer from the index): an action
// whose process is gone, or that has waited past the grace period, never recorded an answer and may or
// may not have reached Smile ID; it reads "unknown" and stays visible. This process's own actions are
// pending exactly while it holds them in flight.
class InFlightActions
{
public:
    void begun(qint64 id) { m_ids.insert(id); }
    void answered(qint64 id) { m_ids.remove(id); }
    // Turns a pending `entry` unknown when it is no longer under way as of `current`.
    void settle(HistoryEntry &entry, const QDateTime &current) const;

private:
    QSet<qint64> m_ids; // begun by this process, not yet completed
};
