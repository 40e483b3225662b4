#include "TeamAdmin.h"

#include "history/HistoryService.h"
#include "team/TeamApprovals.h"
#include "team/TeamConnection.h"
#include "team/TeamHistoryBackend.h"
#include "team/TeamSchema.h"

TeamAdmin::TeamAdmin() : m_connection(std::make_unique<TeamConnection>())
{
}

TeamAdmin::~TeamAdmin() = default;

Result<QString> TeamAdmin::normalise(const QString &conninfo, bool weakenTls)
{
    return TeamConnection::normalise(conninfo, weakenTls);
}

bool TeamAdmin::tlsWeakened(const QString &conninfo)
{
    return TeamConnection::tlsWeakened(conninfo);
}

int TeamAdmin::schemaVersion()
{
    return TeamSchema::kVersion;
}

void TeamAdmin::status(HistoryService *history, QObject *context, const std::function<void(const TeamStatus &)> &done)
{
    history->run<TeamStatus>(
        [](HistoryBackend &b) {
        auto *team = qobject_cast<TeamHistoryBackend *>(&b);
        return team ? team->status() : TeamStatus();
        },
        context, done);
}

Status TeamAdmin::open(const QString &conninfo, bool forAdministration, const QString &password)
{
    m_connection->setConninfo(conninfo);
    if (!password.isEmpty())
        m_connection->setPassword(password);
    return m_connection->open(forAdministration);
}

QString TeamAdmin::role() const
{
    return m_connection->role();
}

void TeamAdmin::close()
{
    m_connection->close();
}

Result<int> TeamAdmin::migrate()
{
    return TeamSchema::migrate(m_connection->db());
}

Result<QMap<QString, QStringList>> TeamAdmin::policy()
{
    return TeamApprovals::policy(m_connection->db());
}

Status TeamAdmin::setPolicy(const QString &environment, const QStringList &actions)
{
    return TeamApprovals::setPolicy(m_connection->db(), environment, actions);
}

Result<QMap<QString, int>> TeamAdmin::bulkPolicy()
{
    return TeamApprovals::bulkPolicy(m_connection->db());
}

Status TeamAdmin::setBulkLimit(const QString &environment, int maxRows)
{
    return TeamApprovals::setBulkLimit(m_connection->db(), environment, maxRows);
}
