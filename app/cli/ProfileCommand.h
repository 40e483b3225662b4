#pragma once

#include "Command.h"

class AppSettings;
class KeychainSession;

// `enrollee-cli profile list|add|remove|use|set-key`: saved profiles in settings.ini and their API
// keys in the keychain, so the CLI can be set up on a machine without the window.
class ProfileCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;
    void start(const QStringList &arguments) override;

private:
    void list(const QStringList &arguments);
    void add(const QStringList &arguments);
    void remove(const QStringList &arguments);
    void use(const QStringList &arguments);
    void setKey(const QStringList &arguments);
    // Reads the key from `keyFile`, or standard input (without echo on a terminal), then saves it.
    void storeKey(const QString &name, const QString &keyFile, bool required);
    void saveKey(const QString &name, QByteArray key);
    // Parses "profile <sub> NAME [options]"; returns the name or an empty string when finished.
    QString nameArgument(QCommandLineParser &parser, const QStringList &arguments);
    // nameArgument() for a profile that must already be saved; empty (and failed) otherwise.
    QString savedProfileArgument(QCommandLineParser &parser, const QStringList &arguments, const AppSettings &settings);

    KeychainSession *m_keychain = nullptr;
};
