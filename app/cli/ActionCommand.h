#pragma once

#include "Action.h"
#include "ActionRunner.h"
#include "Command.h"
#include "Profile.h"

class HistoryStore;
class KeychainSession;
struct ActionOutcome;

// `enrollee-cli ACTION USER_ID`: one action on one user through the shared ActionRunner (face "cli"),
// so the CLI validates, records history and retries exactly like the window. Asks for confirmation
// where a person must think twice, and refuses to guess when nobody can be asked.
class ActionCommand : public Command
{
    Q_OBJECT
public:
    ActionCommand(ActionKind action, QObject *parent = nullptr);
    void start(const QStringList &arguments) override;

private:
    void confirm();
    void obtainKey();
    void prepare();
    void submit(const QByteArray &chainKey);
    void report(const ActionOutcome &outcome);

    ActionKind m_action;
    ActionRequest m_request;
    QString m_keyFile;
    bool m_yes = false;
    bool m_json = false;
    KeychainSession *m_keychain = nullptr;
    HistoryStore *m_history = nullptr;
    ActionRunner *m_runner = nullptr;
};
