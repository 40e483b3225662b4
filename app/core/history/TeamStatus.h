#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

// How the team trail stands, for `team status` and the window's status line.
struct TeamStatus {
    bool configured = false;
    bool connected = false;
    QString role;       // the database role this console is connected as
    QString address;    // host/port/dbname, no password
    QString problem;    // translated: why it is not connected, or what a check found
    qint64 waiting = 0; // this console's records not yet in the team trail
    QString refused;    // translated: why the team trail will not take this console's records (empty: it will)
    qint64 checkpointSeq = 0;
    QString checkpointHash;
    qint64 newestSeq = 0;     // the newest team record seen
    int pendingApprovals = 0; // requests waiting for a decision or a run (the window's badge)
    bool tlsWeakened = false;
    QJsonObject toJson() const;
};
Q_DECLARE_METATYPE(TeamStatus)
