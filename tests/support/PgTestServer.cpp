#include "PgTestServer.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>

#include <pwd.h>
#include <unistd.h>

PgTestServer::PgTestServer() : m_asRoot(::geteuid() == 0)
{
    m_superPassword = QStringLiteral("su-%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
}

PgTestServer::~PgTestServer()
{
    if (m_running)
        stop();
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (name.startsWith(QStringLiteral("pgtest-")))
            QSqlDatabase::removeDatabase(name);
    }
}

QString PgTestServer::binDir()
{
    const QString fromEnv = qEnvironmentVariable("ENROLLEE_PG_BINDIR");
    return fromEnv.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin") : fromEnv;
}

QString PgTestServer::dataDir() const
{
    return m_dir.filePath(QStringLiteral("data"));
}

int PgTestServer::freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

bool PgTestServer::run(const QStringList &command, QString *error, int timeoutMs) const
{
    QStringList argv = command;
    argv[0] = QDir(binDir()).filePath(argv[0]);
    QString program = argv.takeFirst();
    if (m_asRoot) {
        argv = QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} + argv;
        program = QStringLiteral("runuser");
    }
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, argv);
    const bool finished = process.waitForFinished(timeoutMs);
    if (finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return true;
    if (error)
        *error = QStringLiteral("%1 %2 failed (%3): %4")
                     .arg(program, argv.join(QLatin1Char(' ')),
                          finished ? QString::number(process.exitCode()) : QStringLiteral("timeout"),
                          QString::fromLocal8Bit(process.readAll()));
    return false;
}

bool PgTestServer::initialise(QString *error)
{
    if (!QFileInfo(QDir(binDir()).filePath(QStringLiteral("initdb"))).isExecutable()) {
        *error = QStringLiteral("PostgreSQL's initdb is not in %1: install postgresql-15 (packaging/setup.sh) or "
                                "set ENROLLEE_PG_BINDIR.")
                     .arg(binDir());
        return false;
    }
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary folder");
        return false;
    }
    if (m_asRoot) {
        const passwd *pw = ::getpwnam("postgres");
        if (!pw) {
            *error = QStringLiteral("running as root but there is no user \"postgres\" to run PostgreSQL as");
            return false;
        }
        if (::chown(QFile::encodeName(m_dir.path()).constData(), pw->pw_uid, pw->pw_gid) != 0) {
            *error = QStringLiteral("cannot hand %1 to postgres").arg(m_dir.path());
            return false;
        }
    }
    const QString pwfile = m_dir.filePath(QStringLiteral("pw"));
    QFile pw(pwfile);
    if (!pw.open(QIODevice::WriteOnly) || pw.write(m_superPassword.toUtf8() + '\n') < 0)
        return false;
    pw.close();
    if (m_asRoot) {
        const passwd *owner = ::getpwnam("postgres");
        if (::chown(QFile::encodeName(pwfile).constData(), owner->pw_uid, owner->pw_gid) != 0)
            return false;
    }
    if (!run({QStringLiteral("initdb"), QStringLiteral("-D"), dataDir(), QStringLiteral("-U"), superuser(),
              QStringLiteral("--pwfile=") + pwfile, QStringLiteral("--auth-local=scram-sha-256"),
              QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("-E"), QStringLiteral("UTF8"),
              QStringLiteral("--locale=C"), QStringLiteral("--no-sync")},
             error, 120000))
        return false;
    QFile::remove(pwfile);
    m_initialised = true;
    return true;
}

QString PgTestServer::certFile() const
{
    return m_dir.filePath(QStringLiteral("server.crt"));
}

bool PgTestServer::enableTls(const QString &commonName, QString *error)
{
    const QString key = m_dir.filePath(QStringLiteral("server.key"));
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=") + commonName, QStringLiteral("-keyout"), key,
                   QStringLiteral("-out"), certFile()});
    if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl: ") + QString::fromLocal8Bit(openssl.readAll());
        return false;
    }
    QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner);
    if (m_asRoot) {
        const passwd *pw = ::getpwnam("postgres");
        for (const QString &file : {key, certFile()}) {
            if (!pw || ::chown(QFile::encodeName(file).constData(), pw->pw_uid, pw->pw_gid) != 0) {
                *error = QStringLiteral("cannot hand %1 to postgres").arg(file);
                return false;
            }
        }
    }
    m_tls = true;
    return true;
}

bool PgTestServer::start(QString *error)
{
    if (m_running)
        return true;
    if (!m_initialised && !initialise(error))
        return false;
    if (m_port == 0)
        m_port = freePort();
    QString options =
        QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off").arg(m_port).arg(m_dir.path());
    if (m_tls)
        options += QStringLiteral(" -c ssl=on -c ssl_cert_file=%1 -c ssl_key_file=%2")
                       .arg(certFile(), m_dir.filePath(QStringLiteral("server.key")));
    if (!run({QStringLiteral("pg_ctl"), QStringLiteral("-D"), dataDir(), QStringLiteral("-l"),
              m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"), QStringLiteral("-t"),
              QStringLiteral("60"), QStringLiteral("-o"), options, QStringLiteral("start")},
             error, 90000))
        return false;
    m_running = true;
    QString made;
    QSqlDatabase probe = superConnection(QStringLiteral("pgtest-probe"), QStringLiteral("postgres"));
    if (!probe.open()) {
        *error = probe.lastError().text();
        return false;
    }
    QSqlQuery exists(probe);
    exists.exec(QStringLiteral("SELECT 1 FROM pg_database WHERE datname = 'enrollee'"));
    if (!exists.next() && !QSqlQuery(probe).exec(QStringLiteral("CREATE DATABASE enrollee"))) {
        *error = probe.lastError().text();
        return false;
    }
    probe.close();
    return true;
}

bool PgTestServer::stop(QString *error)
{
    if (!m_running)
        return true;
    const QStringList names = QSqlDatabase::connectionNames();
    for (const QString &name : names) {
        if (name.startsWith(QStringLiteral("pgtest-")))
            QSqlDatabase::database(name, false).close();
    }
    const bool stopped = run({QStringLiteral("pg_ctl"), QStringLiteral("-D"), dataDir(), QStringLiteral("-w"),
                              QStringLiteral("-m"), QStringLiteral("fast"), QStringLiteral("stop")},
                             error);
    m_running = !stopped;
    return stopped;
}

QString PgTestServer::conninfo(const QString &user, const QString &database) const
{
    return QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=%3").arg(m_port).arg(database, user);
}

QSqlDatabase PgTestServer::superConnection(const QString &name, const QString &database) const
{
    const QString full = name.startsWith(QStringLiteral("pgtest-")) ? name : QStringLiteral("pgtest-") + name;
    QSqlDatabase db = QSqlDatabase::contains(full) ? QSqlDatabase::database(full, false)
                                                   : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), full);
    db.setHostName(QStringLiteral("127.0.0.1"));
    db.setPort(m_port);
    db.setDatabaseName(database);
    db.setUserName(superuser());
    db.setPassword(m_superPassword);
    return db;
}

bool PgTestServer::superExec(const QStringList &statements, QString *error, const QString &database) const
{
    QSqlDatabase db = superConnection(QStringLiteral("pgtest-exec-") + database, database);
    if (!db.isOpen() && !db.open()) {
        *error = db.lastError().text();
        return false;
    }
    for (const QString &sql : statements) {
        QSqlQuery query(db);
        if (!query.exec(sql)) {
            *error = sql + QStringLiteral(": ") + query.lastError().text();
            return false;
        }
    }
    return true;
}

bool PgTestServer::createRole(const QString &role, const QString &password, const QString &group, QString *error) const
{
    QStringList sql{QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(role, password)};
    if (!group.isEmpty())
        sql.append(QStringLiteral("GRANT %1 TO %2").arg(group, role));
    return superExec(sql, error);
}
