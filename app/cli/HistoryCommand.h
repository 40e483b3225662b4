#pragma once

#include "Command.h"

struct HistoryEntry;
class KeychainSession;

// `enrollee-cli history`: the shared audit trail, newest first, as aligned lines or JSON, and
// `--verify` to walk its hash chain (the exit status says whether it is intact).
class HistoryCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;
    void start(const QStringList &arguments) override;

private:
    void list(const QString &userId, bool json);
    void verify();
    void prune(int months);
    static QStringList columns(const HistoryEntry &entry);

    KeychainSession *m_keychain = nullptr;
};
