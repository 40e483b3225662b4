#include "CliSandbox.h"

#include <QHostAddress>
#include <QUuid>

Status CliSandbox::start(const QByteArray &keyPrefix, QObject *parent)
{
    m_key = keyPrefix + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    SandboxConfig config;
    config.apiKey = m_key;
    m_server = new SandboxServer(config, parent);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QStringList CliSandbox::action(const QString &user, const QString &verb) const
{
    m_server->registry().add(user);
    return {verb,
            user,
            QStringLiteral("--base-url"),
            m_server->origin().toString(),
            QStringLiteral("--partner-id"),
            QStringLiteral("001"),
            QStringLiteral("--email"),
            QStringLiteral("officer@example.org"),
            QStringLiteral("--yes")};
}

bool CliSandbox::act(CliHarness &cli, int n, const QString &prefix) const
{
    cli.setEnv(QStringLiteral("SMILEID_API_KEY"), QString::fromLatin1(m_key));
    for (int i = 0; i < n; ++i) {
        const CliRun run = cli.run(action(QStringLiteral("%1-%2").arg(prefix).arg(i)));
        if (run.finished && !run.crashed && run.exitCode == 0)
            continue;
        qWarning("%s", qPrintable(run.describe()));
        return false;
    }
    return true;
}

void countRequests(SandboxServer *server, QObject *context, QHash<QString, int> *received, int *tooMany)
{
    QObject::connect(server, &SandboxServer::requestHandled, context,
                     [received, tooMany](const QString &userId, const QString &, int status) {
        if (status == 429)
            ++*tooMany;
        else
            ++(*received)[userId];
    });
}
