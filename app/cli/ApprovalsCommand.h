#pragma once

#include "Command.h"
#include "base/Status.h"

#include <functional>

class CoreContext;
class KeychainSession;
struct ApprovalRequest;

// `enrollee-cli approvals list|approve|deny|run`: the team's four-eyes requests. Approving and
// denying go through database functions that refuse the requester itself; `run` lets the requester
// send an approved request once, through the same ActionCommand and ActionRunner as any action.
class ApprovalsCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;
    void start(const QStringList &arguments) override;

private:
    CoreContext *core();
    // Calls `then` once the history (and with it the team connection) is open; refused without a team.
    void whenReady(const std::function<void()> &then);
    void list(bool json);
    void decide(qint64 id, bool approve, const QString &reason);
    void run(qint64 id);
    void send(const ApprovalRequest &request);
    void sendRun(qint64 id, const QString &runId);

    CoreContext *m_core = nullptr;
    KeychainSession *m_keychain = nullptr;
};
