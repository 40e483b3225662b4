#pragma once

// What the team suites share: a real PostgreSQL (PgTestServer) with the schema made by the built
// `enrollee-cli team init`, officers as real configurations (their own ENROLLEE_HOME, keychain
// service and database role), and the project's sandbox on loopback to send actions to.
#include "CoreContext.h"
#include "sandbox/SandboxServer.h"
#include "support/CliHarness.h"
#include "support/PgTestServer.h"

#include <QSqlQuery>
#include <QTest>
#include <QVariant>

#include <memory>

struct Officer {
    QString role;
    QString password;
    std::unique_ptr<CliHarness> cli;
};

// Starts `server` and runs team init as the superuser; fails the calling test with the reason.
inline bool startTeamDatabase(PgTestServer &server, QString *why)
{
    if (!server.start(why))
        return false;
    CliHarness admin;
    admin.setEnv(QStringLiteral("PGPASSWORD"), server.superPassword());
    const CliRun init = admin.run({QStringLiteral("team"), QStringLiteral("init"), QStringLiteral("--conninfo"),
                                   server.conninfo(server.superuser())});
    if (init.exitCode != 0) {
        *why = QStringLiteral("team init: ") + QString::fromUtf8(init.err);
        return false;
    }
    return true;
}

// A login role in enrollee_officers and a console connected as it.
inline bool addOfficer(PgTestServer &server, const QString &role, const QByteArray &apiKey, Officer *officer,
                       QString *why)
{
    officer->role = role;
    officer->password = QStringLiteral("pw-") + role;
    if (!server.createRole(role, officer->password, QStringLiteral("enrollee_officers"), why))
        return false;
    officer->cli = std::make_unique<CliHarness>();
    officer->cli->setEnv(QStringLiteral("PGPASSWORD"), officer->password);
    officer->cli->setEnv(QStringLiteral("SMILEID_API_KEY"), QString::fromLatin1(apiKey));
    const CliRun connected = officer->cli->run(
        {QStringLiteral("team"), QStringLiteral("connect"), QStringLiteral("--conninfo"), server.conninfo(role)});
    if (connected.exitCode != 0) {
        *why = QStringLiteral("team connect: ") + QString::fromUtf8(connected.err);
        return false;
    }
    return true;
}

// One number from the database as the superuser (-1 on failure).
// An officer's console configuration as the core opens it: the settings, history and keychain service
// their enrollee-cli uses, so a window or a service in the test process acts as that officer.
inline CoreConfig officerCore(const Officer &officer)
{
    CoreConfig core;
    core.settingsFile = officer.cli->settingsFile();
    core.historyDir = officer.cli->historyDir();
    core.keychainService = officer.cli->environment().value(QStringLiteral("ENROLLEE_KEYCHAIN_SERVICE"));
    return core;
}

// `officer` doing `action` on `user` through enrollee-cli against the sandbox at `origin`, confirmed.
inline CliRun officerActs(Officer &officer, const QUrl &origin, const QString &action, const QString &user)
{
    return officer.cli->run({action, user, QStringLiteral("--base-url"), origin.toString(),
                             QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
                             officer.role + QStringLiteral("@example.org"), QStringLiteral("--yes")});
}

// Statements run by a superuser with triggers off (session_replication_role = replica): a DBA tampering.
inline bool tamperAsSuperuser(const PgTestServer &server, const QStringList &sql)
{
    QString why;
    QStringList statements{QStringLiteral("SET session_replication_role = replica")};
    statements += sql;
    statements.append(QStringLiteral("SET session_replication_role = origin"));
    const bool done = server.superExec(statements, &why);
    if (!done)
        qWarning("%s", qPrintable(why));
    return done;
}

inline qint64 superCount(const PgTestServer &server, const QString &sql)
{
    QSqlDatabase db = server.superConnection(QStringLiteral("pgtest-count"));
    if (!db.isOpen() && !db.open())
        return -1;
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}
