#pragma once

#include "base/Status.h"

#include <QSqlDatabase>
#include <QString>

class QSqlError;

// One QPSQL connection to the team database, opened and used on the thread that made it (the
// history thread: Qt's connections are per-thread). The conninfo is libpq's "key=value ..." text
// without a password; the password comes from PGPASSWORD or ~/.pgpass (libpq reads them) or from the
// keychain (handed in, never written anywhere). Failures are told apart for the officer: wrong
// password, no route, certificate mismatch, database down, missing or old schema.
class TeamConnection
{
public:
    TeamConnection();
    ~TeamConnection();
    TeamConnection(const TeamConnection &) = delete;
    TeamConnection &operator=(const TeamConnection &) = delete;

    // Checks a conninfo an officer typed and returns it as kept in settings: no password allowed,
    // sslmode=verify-full added for a host that is not loopback, and a weaker sslmode there refused
    // unless `weakenTls`. connect_timeout defaults to 5 s so an unreachable host fails soon.
    static Result<QString> normalise(const QString &conninfo, bool weakenTls);
    static bool loopbackOnly(const QString &conninfo);
    static bool tlsWeakened(const QString &conninfo);
    // Translated, one line: what went wrong and what to do.
    static QString explain(const QSqlError &error);

    void setConninfo(const QString &conninfo) { m_conninfo = conninfo; }
    QString conninfo() const { return m_conninfo; }
    void setPassword(const QString &password) { m_password = password; }
    // Opens when closed (checking the schema version unless `forAdministration`); ok when open.
    Status open(bool forAdministration = false);
    bool isOpen() const;
    void close();
    QSqlDatabase &db() { return m_db; }
    // The role the server authenticated this session as.
    QString role() const { return m_role; }

private:
    QString m_name;
    QString m_conninfo;
    QString m_password;
    QString m_role;
    QSqlDatabase m_db;
};
