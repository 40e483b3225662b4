#pragma once

#include "Command.h"

class SandboxServer;
class SignalWatcher;

// `enrollee-cli sandbox`: serves the local Smile ID emulator in the foreground, for trying the CLI
// and for other tools' tests. The first line of standard output is the URL it listens on, so a
// script can start it with --port 0 and read where it went.
class SandboxCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;
    void start(const QStringList &arguments) override;

private:
    SandboxServer *m_server = nullptr;
    SignalWatcher *m_signals = nullptr;
};
