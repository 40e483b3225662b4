#pragma once

#include "BulkSession.h"
#include "Command.h"
#include "bulk/BulkRecord.h"

#include <functional>
#include <memory>

class BulkTally;
class CoreContext;

// What every `enrollee-cli bulk ...` command shares: the core it runs over, what the history knows of a
// run (asked with bounded queries, never read whole), and a BulkSession that sends a run and ends the command with the
// session's exit status.
class BulkCommandBase : public Command
{
    Q_OBJECT
public:
    using Command::Command;

protected:
    CoreContext *core();
    // The entries of the runs `runIds` and the newest success of `record`'s action on each of its users
    // (BulkHistory: what BulkPlan asks of the history about them), then `then` with them, oldest first
    // (fails the command when they cannot be read).
    void withHistory(const QStringList &runIds, const BulkRecord &record,
                     const std::function<void(const QList<HistoryEntry> &)> &then);
    // Walks the entries of `runs` once, one at a time (HistoryService::walkRunEntries: with a team trail,
    // from this console's own copy, which holds what an outage kept from the trail), into a tally of them
    // (the entries of `detailed` kept), then `then` with it (fails the command when they cannot be read).
    void withTally(const QList<BulkRecord> &runs, const QString &detailed,
                   const std::function<void(const BulkTally &)> &then);
    void launch(const BulkRecord &record, const BulkSession::Options &options);

private:
    CoreContext *m_core = nullptr;
};
