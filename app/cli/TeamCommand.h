#pragma once

#include "Command.h"

#include <QCommandLineParser>

class CoreContext;
class KeychainSession;
class TeamAdmin;

// `enrollee-cli team init|connect|status|disconnect|policy`: the team's shared trail on PostgreSQL.
// init (an administrator) creates or upgrades the schema and the enrollee_officers group role;
// connect checks and saves this officer's connection (never a password: PGPASSWORD, ~/.pgpass or
// the keychain); status says whether the trail is reachable, what is still waiting to be sent and
// the last verified checkpoint; policy shows or sets which actions need a second officer, and above
// how many rows a bulk run needs one.
class TeamCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;
    void start(const QStringList &arguments) override;

private:
    void init(const QString &conninfo, bool weakenTls);
    void connectTo(const QString &conninfo, bool weakenTls, bool savePassword);
    void saveConnection(const QString &conninfo, const QByteArray &password);
    void status(bool json);
    void disconnectTeam();
    struct PolicyChange {
        QString conninfo;
        QString actions;  // --require-approval, empty = unchanged
        QString bulkOver; // --bulk-approval-over, empty = unchanged
        QString environment;
        bool json = false;
    };
    void policy(const PolicyChange &change);
    void showPolicy(TeamAdmin &connection, bool json);
    CoreContext *core();
    // Opens `connection` from a conninfo typed or saved; false (and finished) on failure.
    bool open(TeamAdmin &connection, const QString &conninfo, bool weakenTls, bool forAdministration,
              const QString &password = QString());

    CoreContext *m_core = nullptr;
    KeychainSession *m_keychain = nullptr;
};
