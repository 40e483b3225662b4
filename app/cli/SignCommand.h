#pragma once

#include "Command.h"

class KeychainSession;

// `enrollee-cli sign`: prints the signature (or legacy sec_key) and timestamp for a partner, so other
// tools (curl scripts, Postman) can call the API with the same signing code the console uses.
class SignCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;
    void start(const QStringList &arguments) override;

private:
    KeychainSession *m_keychain = nullptr;
};
