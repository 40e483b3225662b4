#pragma once

#include "base/Status.h"
#include "history/TeamStatus.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class HistoryService;
class QObject;
class TeamConnection;

// What `enrollee-cli team` administers, without a SQL type in sight: checking and opening a connection
// as typed, the schema's migrations, the team's four-eyes policy and bulk limits, and the trail's status
// as the history thread sees it. The CLI's team commands use this and nothing else of the team library.
class TeamAdmin
{
public:
    TeamAdmin();
    ~TeamAdmin();
    TeamAdmin(const TeamAdmin &) = delete;
    TeamAdmin &operator=(const TeamAdmin &) = delete;

    // See TeamConnection::normalise and tlsWeakened.
    static Result<QString> normalise(const QString &conninfo, bool weakenTls);
    static bool tlsWeakened(const QString &conninfo);
    // The schema version this console speaks.
    static int schemaVersion();
    // The team trail's status (connected, waiting, checkpoint, pending requests), read on the history
    // thread; a default TeamStatus when the history is not a team trail.
    static void status(HistoryService *history, QObject *context, const std::function<void(const TeamStatus &)> &done);

    // Opens a normalised conninfo (checking the schema version unless `forAdministration`).
    Status open(const QString &conninfo, bool forAdministration, const QString &password = QString());
    // The role the server authenticated the session as.
    QString role() const;
    void close();
    // Creates or upgrades the schema; the version before.
    Result<int> migrate();
    // environment -> actions needing a second officer there.
    Result<QMap<QString, QStringList>> policy();
    Status setPolicy(const QString &environment, const QStringList &actions);
    // environment -> rows above which a bulk run there needs a second officer.
    Result<QMap<QString, int>> bulkPolicy();
    // A negative `maxRows` removes the limit.
    Status setBulkLimit(const QString &environment, int maxRows);

private:
    std::unique_ptr<TeamConnection> m_connection;
};
