#pragma once

#include "Command.h"

#include <functional>

struct HistoryEntry;
struct HistoryRead;
class CoreContext;
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
    CoreContext *core();
    // The chain key is fetched, then `then` runs.
    void withChainKey(const std::function<void()> &then);
    void list(const QString &userId, bool json);
    void show(const HistoryRead &read, const QString &userId, bool json);
    void verify();
    void prune(int months);
    static QStringList columns(const HistoryEntry &entry);

    CoreContext *m_core = nullptr;
    KeychainSession *m_keychain = nullptr;
};
