#include "TeamConnection.h"

#include "team/TeamSchema.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("TeamConnection", text);
}

QAtomicInt g_connections;

// "key=value" pairs, in order; empty when the text is not in that form.
QList<QPair<QString, QString>> pairs(const QString &conninfo, bool *ok)
{
    QList<QPair<QString, QString>> result;
    *ok = true;
    const QStringList words = conninfo.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const qsizetype eq = word.indexOf(QLatin1Char('='));
        if (eq <= 0 || word.contains(QLatin1Char('\'')) || word.contains(QLatin1Char(';'))) {
            *ok = false;
            return {};
        }
        result.append({word.left(eq).toLower(), word.mid(eq + 1)});
    }
    return result;
}

QString value(const QString &conninfo, const QString &key)
{
    bool ok = false;
    for (const auto &pair : pairs(conninfo, &ok)) {
        if (pair.first == key)
            return pair.second;
    }
    return {};
}

bool isLoopback(const QString &host)
{
    if (host.isEmpty() || host.startsWith(QLatin1Char('/')) || host == QLatin1String("localhost"))
        return true; // a Unix socket or this machine
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}
} // namespace

TeamConnection::TeamConnection() : m_name(QStringLiteral("enrollee-team-%1").arg(g_connections.fetchAndAddRelaxed(1)))
{
}

TeamConnection::~TeamConnection()
{
    close();
    m_db = QSqlDatabase();
    if (QSqlDatabase::contains(m_name))
        QSqlDatabase::removeDatabase(m_name);
}

bool TeamConnection::loopbackOnly(const QString &conninfo)
{
    const QStringList hosts = value(conninfo, QStringLiteral("host")).split(QLatin1Char(','));
    for (const QString &host : hosts) {
        if (!isLoopback(host))
            return false;
    }
    return true;
}

bool TeamConnection::tlsWeakened(const QString &conninfo)
{
    return !loopbackOnly(conninfo) && value(conninfo, QStringLiteral("sslmode")) != QLatin1String("verify-full");
}

Result<QString> TeamConnection::normalise(const QString &conninfo, bool weakenTls)
{
    bool ok = false;
    QList<QPair<QString, QString>> list = pairs(conninfo, &ok);
    if (!ok || list.isEmpty())
        return Status::failure(tr("The connection must be written as key=value words, e.g. \"host=db.example.org "
                                  "port=5432 dbname=enrollee user=officer_a\" (no quotes, no spaces in values)."),
                               Status::Kind::Invalid);
    QStringList keys;
    for (const auto &pair : list)
        keys.append(pair.first);
    if (keys.contains(QLatin1String("password")))
        return Status::failure(tr("No password in the connection text: it would be kept in settings. Use "
                                  "PGPASSWORD, ~/.pgpass, or \"team connect --save-password\" (the keychain)."),
                               Status::Kind::Invalid);
    if (!keys.contains(QLatin1String("dbname")) || !keys.contains(QLatin1String("user")))
        return Status::failure(tr("The connection needs dbname=... and user=... (your own database role)."),
                               Status::Kind::Invalid);
    QString text = conninfo.simplified();
    if (!loopbackOnly(text)) {
        const QString mode = value(text, QStringLiteral("sslmode"));
        if (mode.isEmpty())
            text += QStringLiteral(" sslmode=verify-full");
        else if (mode != QLatin1String("verify-full") && !weakenTls)
            return Status::failure(tr("sslmode=%1 does not check the server's certificate and name; a team "
                                      "database that is not on this machine needs sslmode=verify-full, or "
                                      "--weaken-tls to accept the risk explicitly.")
                                       .arg(mode),
                                   Status::Kind::Invalid);
    }
    if (!keys.contains(QLatin1String("connect_timeout")))
        text += QStringLiteral(" connect_timeout=5");
    return text;
}

QString TeamConnection::explain(const QSqlError &error)
{
    const QString text = QString(error.databaseText() + QLatin1Char(' ') + error.driverText()).simplified();
    const auto has = [&text](const char *needle) { return text.contains(QLatin1String(needle), Qt::CaseInsensitive); };
    QString why;
    if (has("password authentication failed") || has("no password supplied"))
        why = tr("The database refused the password for this role (wrong or missing password: PGPASSWORD, "
                 "~/.pgpass or the keychain).");
    else if (has("certificate") || has("does not match host name") || has("SSL"))
        why = tr("The database server's TLS certificate could not be verified or does not match its name.");
    else if (has("Connection refused") || has("the database system is starting up")
             || has("the database system is shutting down") || has("server closed the connection"))
        why = tr("The team database is down or not listening there.");
    else if (has("No route to host") || has("timeout expired") || has("could not translate host name")
             || has("Network is unreachable"))
        why = tr("There is no route to the team database's host (network, VPN or name).");
    else if (has("does not exist"))
        why = tr("The database or role named in the connection does not exist.");
    else
        why = tr("The team database could not be used.");
    return why + QStringLiteral(" (") + text.left(300) + QLatin1Char(')');
}

bool TeamConnection::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

void TeamConnection::close()
{
    if (m_db.isValid() && m_db.isOpen())
        m_db.close();
}

Status TeamConnection::open(bool forAdministration)
{
    if (isOpen())
        return Status::success();
    if (m_conninfo.isEmpty())
        return Status::failure(tr("No team database is connected."), Status::Kind::Storage);
    if (!m_db.isValid())
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    QString options = m_conninfo.simplified();
    options.replace(QLatin1Char(' '), QLatin1Char(';'));
    m_db.setConnectOptions(options);
    m_db.setPassword(m_password);
    if (!m_db.open())
        return Status::failure(explain(m_db.lastError()), Status::Kind::Network);
    QSqlQuery who(m_db);
    if (who.exec(QStringLiteral("SELECT session_user")) && who.next())
        m_role = who.value(0).toString();
    // The console's queries are short and indexed, but the planner overestimates some (an empty partial
    // index looks like a third of the trail) and compiles them: at a million records a user's timeline
    // took 100 ms instead of 5, the first compile of a session loading LLVM. A role may always set it.
    QSqlQuery(m_db).exec(QStringLiteral("SET jit = off"));
    if (!forAdministration) {
        if (Status version = TeamSchema::checkVersion(m_db); !version.ok()) {
            close();
            return version;
        }
    }
    return Status::success();
}
