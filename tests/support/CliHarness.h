#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

// What one run of enrollee-cli left behind.
struct CliRun {
    bool finished = false; // false when it had to be killed
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
    QJsonObject object() const; // stdout parsed as one JSON object
    QJsonArray array() const;   // stdout parsed as a JSON array
    QString errLine() const { return QString::fromUtf8(err).trimmed(); }
    // How it ended, for failure messages: "exit 5: <stderr>", "crashed by signal 11" or "killed: …".
    QString describe() const;
    // Lines on stderr other than the one-time "no keychain" and "waiting for the keychain" notes (which
    // depend on the desktop and its load).
    int reasonLines() const;
    bool warnedNoKeychain() const { return err.contains("warning: no keychain: "); }
};

// Runs the built enrollee-cli as a real process with its own ENROLLEE_HOME and keychain service, so
// tests exercise exactly what users run and never touch real settings, history or keychain entries.
// Waiting spins the event loop, so an in-process SandboxServer keeps answering meanwhile. Every byte
// the program printed is kept for the secrets check.
class CliHarness
{
public:
    CliHarness();

    QString home() const { return m_home.path(); }
    QString historyDir() const;
    QString settingsFile() const;
    QProcessEnvironment environment() const { return m_env; }
    // Extra environment for every following run (e.g. SMILEID_API_KEY); an empty value removes it.
    void setEnv(const QString &name, const QString &value);

    CliRun run(const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 15000);
    // Runs `script` with /bin/sh, "$0" being enrollee-cli and "$1"... `arguments`: for what a QStringList
    // cannot carry (bytes that are not UTF-8, made with printf) or a shell must set up (ulimit).
    CliRun runShell(const QString &script, const QStringList &arguments = {}, const QByteArray &input = {},
                    int timeoutMs = 15000);
    // Everything every run printed, stdout and stderr.
    QByteArray transcript() const { return m_transcript; }
    // Files under ENROLLEE_HOME (recursively) whose bytes contain `needle`.
    QStringList filesContaining(const QByteArray &needle) const;
    QStringList allFiles() const;

    static QString program();
    // Every thread's stack of a running process (through gdb, when installed), for a run that hangs.
    static QByteArray stacksOf(qint64 pid);

private:
    CliRun runProcess(const QString &executable, const QStringList &arguments, const QByteArray &input, int timeoutMs);

    QTemporaryDir m_home;
    QProcessEnvironment m_env;
    QByteArray m_transcript;
};
