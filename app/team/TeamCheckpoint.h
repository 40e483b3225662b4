#pragma once

#include "base/Status.h"

#include <QString>

class HistoryChain;

// The newest team record this console has verified (number and hash), MAC'd with this installation's
// chain key and kept in the settings folder, outside the database: a DBA who rewrites, removes or
// truncates records (even as a superuser with triggers off) cannot make the trail extend it again.
// The same idea as Certificate Transparency's signed tree heads, held by every console.
class TeamCheckpoint
{
public:
    struct State {
        bool present = false;
        bool authentic = false;
        qint64 seq = 0;
        QString hash;
    };
    explicit TeamCheckpoint(QString path = QString()) : m_path(std::move(path)) {}
    QString path() const { return m_path; }
    State read(const HistoryChain &chain) const;
    Status write(qint64 seq, const QString &hash, const HistoryChain &chain) const;
    void remove() const;

private:
    QString m_path;
};
