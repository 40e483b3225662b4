#pragma once

#include "base/Status.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

class HistoryChain;

// The team's four-eyes policy as this console last read it from the database (which actions need a
// second officer in which environment, the bulk limits, and when it was read), kept in the settings
// folder beside the team checkpoint and MAC'd with this installation's chain key like the checkpoint.
// Every enrollee-cli command is a process of its own: without this copy, one started while the
// database is away would not know what the team gives to two officers. A copy that is missing, edited,
// unreadable, made for another database or MAC'd with another key is not trusted: the policy is then
// unknown, and whatever could need a second officer is held.
class TeamPolicyCache
{
public:
    struct Policy {
        QMap<QString, QStringList> actions; // environment -> actions needing a second officer there
        QMap<QString, int> bulkLimits;      // environment -> rows above which a bulk run does
        QDateTime readAt;                   // when the database gave it (UTC)
    };
    struct State {
        std::optional<Policy> policy; // set only when present and authentic
        QString problem;              // translated: why there is no trusted copy (empty when there is)
    };
    // `scope`: the database it was read from (bound into the MAC: a copy made for another database is refused).
    TeamPolicyCache(QString path, QString scope) : m_path(std::move(path)), m_scope(std::move(scope)) {}
    QString path() const { return m_path; }
    State read(const HistoryChain &chain) const;
    // Keeps `policy`; does nothing without a chain key (nothing could vouch for the copy).
    Status write(const Policy &policy, const HistoryChain &chain) const;

private:
    QString m_path;
    QString m_scope;
};
