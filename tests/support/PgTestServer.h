#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// A real PostgreSQL for one test: a cluster made with initdb in a QTemporaryDir, served by pg_ctl on
// 127.0.0.1 at a free port. PostgreSQL refuses to run as root, so as root (CI) the folder is handed
// to the unprivileged `postgres` user and every binary runs through `runuser -u postgres --`.
// Host connections need a password (scram-sha-256), so password tests are real. The server can be
// stopped and started again mid-test; the destructor stops it and the folder goes with it.
class PgTestServer
{
public:
    PgTestServer();
    ~PgTestServer();
    PgTestServer(const PgTestServer &) = delete;
    PgTestServer &operator=(const PgTestServer &) = delete;

    // The binaries' folder: ENROLLEE_PG_BINDIR, else /usr/lib/postgresql/15/bin.
    static QString binDir();
    // initdb (first call only) and start; false with `error` set when either fails.
    bool start(QString *error);
    bool stop(QString *error = nullptr);
    // Before start(): serve TLS with a self-signed certificate made for `commonName` (its file: certFile()).
    bool enableTls(const QString &commonName, QString *error);
    QString certFile() const;
    bool running() const { return m_running; }

    int port() const { return m_port; }
    QString superuser() const { return QStringLiteral("postgres"); }
    QString superPassword() const { return m_superPassword; }
    QString dataDir() const;
    // "host=127.0.0.1 port=N dbname=DB user=USER" (no password: it travels through PGPASSWORD).
    QString conninfo(const QString &user, const QString &database = QStringLiteral("enrollee")) const;
    // A superuser connection (its own name); the caller checks isOpen().
    QSqlDatabase superConnection(const QString &name, const QString &database = QStringLiteral("enrollee")) const;
    // Runs statements as the superuser on `database`; false with `error` set on the first failure.
    bool superExec(const QStringList &statements, QString *error,
                   const QString &database = QStringLiteral("enrollee")) const;
    // Creates the database, and a login role with a password that is a member of `group` when given.
    bool createRole(const QString &role, const QString &password, const QString &group, QString *error) const;

private:
    bool run(const QStringList &command, QString *error, int timeoutMs = 60000) const;
    bool initialise(QString *error);
    static int freePort();

    QTemporaryDir m_dir;
    QString m_superPassword;
    int m_port = 0;
    bool m_initialised = false;
    bool m_running = false;
    bool m_asRoot = false;
    bool m_tls = false;
};
