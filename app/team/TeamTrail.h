#pragma once

#include "base/Status.h"
#include "history/HistoryChain.h"
#include "team/TeamCheckpoint.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

// One row of the team trail as stored.
struct TeamRecord {
    qint64 seq = 0;
    QString installation; // the console that wrote it ("database" for four-eyes events)
    qint64 localId = 0;   // that console's own record (entry) number, or the request id
    QString kind;         // begin, complete, request, approve, deny, run
    qint64 refSeq = 0;    // for a completion: the team record of its begin
    QString dbRole;       // stamped by the server from session_user
    QString machine;
    QString body; // the record's JSON text
    QString hash;
    QDateTime recordedAt;
};

// A record a console sends: its own entry number, begin or complete, and the JSON text.
struct TeamOutgoing {
    qint64 localId = 0;
    QString kind;
    QString body;
};

// The chained rows in the database: appending (serialised by an advisory lock, idempotent per
// (installation, local id, kind)), reading from a record number, and the walk that checks every hash
// and this console's checkpoint. Each hash is SHA-256(previous hash \n number \n text) over the
// columns a writer knows, including its database role, so the server's stamp and the hash agree
// only when the writer told the truth; the same formula is enrollee.record_hash in SQL.
namespace TeamTrail {
QString recordText(const TeamRecord &r);
QString recordHash(const QString &previous, qint64 seq, const QString &text);
// Appends what is not there yet, in order, in one transaction. Refused when the trail ends before
// `checkpoint` or replaced the record it vouches for: numbers must not be reused. `written` counts new rows.
Status append(QSqlDatabase &db, const TeamRecord &writer, const QList<TeamOutgoing> &records,
              const TeamCheckpoint::State &checkpoint, int *written);
Result<QList<TeamRecord>> readFrom(QSqlDatabase &db, qint64 from);
Result<qint64> newestSeq(QSqlDatabase &db);
// The whole walk (records from #1) against the checkpoint; headSeq/headHash say what it vouches for.
ChainReport check(const QList<TeamRecord> &records, const TeamCheckpoint::State &cp);
// Records from the checkpoint's own on: whether they extend it; `problem` names why not.
bool extends(const QList<TeamRecord> &records, const TeamCheckpoint::State &cp, QString *problem);
QString describe(const TeamRecord &r);
// Another role's actions on `userId` in the last `minutes`, newest first, as translated warnings:
// "officer_b: deactivate, 12 minute(s) ago".
Result<QStringList> recentByOthers(QSqlDatabase &db, const QString &userId,
                                   int minutes); // translated: "team record #5 (begin by officer_a on laptop-3)"
} // namespace TeamTrail
