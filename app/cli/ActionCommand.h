#pragma once

#include "Command.h"
#include "action/Action.h"
#include "action/ActionRunner.h"
#include "settings/Profile.h"

class CoreContext;
class KeychainSession;
struct ActionOutcome;

// `enrollee-cli ACTION USER_ID`: one action on one user through the core's CoreContext and its
// ActionRunner (face "cli"), so the CLI validates, applies the action policy, records history and
// retries exactly like the window. It asks for the confirmations the policy names, on the terminal,
// and refuses to guess when nobody can be asked.
class ActionCommand : public Command
{
    Q_OBJECT
public:
    ActionCommand(ActionKind action, QObject *parent = nullptr);
    void start(const QStringList &arguments) override;
    // Sends team request `id` (approved by a second officer) instead of asking for approval.
    void setApprovedRequest(qint64 id) { m_approvedRequest = id; }

private:
    void confirm();
    void obtainKey();
    void prepare();
    void submit();
    // Four eyes: an action the policy reserves for a second officer becomes a request (exit 7), one held
    // because the policy cannot be known is refused (exit 4); an approved request is submitted with its
    // id, and the runner claims it (exactly once) together with its intent.
    void gate();
    void requestApproval();
    void report(const ActionOutcome &outcome);

    ActionKind m_action;
    ActionRequest m_request;
    QString m_keyFile;
    bool m_yes = false;
    bool m_json = false;
    Confirmation m_confirmed = Confirmation::None;
    CoreContext *m_core = nullptr;
    KeychainSession *m_keychain = nullptr;
    qint64 m_approvedRequest = 0;
};
