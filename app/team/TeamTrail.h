#pragma once

#include "base/Status.h"
#include "history/HistoryChain.h"
#include "team/TeamCheckpoint.h"
#include "team/TeamConsoles.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

class QSqlQuery;
class TeamSigner;

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
    QString signature; // its console's Ed25519 signature of recordText (base64); none on the database's own
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
// Appends what is not there yet, in order, in one transaction, each record signed by `signer`. Refused
// when the trail ends before `checkpoint` or replaced the record it vouches for (numbers must not be
// reused), and loudly (Kind::PermissionDenied) when a record in this console's name and number is
// already there with other content: it was taken, and is never silently dropped. `written` counts new rows.
Status append(QSqlDatabase &db, const TeamRecord &writer, const QList<TeamOutgoing> &records,
              const TeamCheckpoint::State &checkpoint, const TeamSigner &signer, int *written);
Result<QList<TeamRecord>> readFrom(QSqlDatabase &db, qint64 from);
// At most `limit` records numbered past `after`, in order: a walk of the whole trail a batch at a time.
Result<QList<TeamRecord>> readAfter(QSqlDatabase &db, qint64 after, int limit);
// The columns every reader selects, in this order.
inline constexpr const char *kColumns = "seq, installation, local_id, kind, ref_seq, db_role, machine, body, hash, "
                                        "recorded_at, signature";
// The record on the query's current row, selected as kColumns.
TeamRecord recordAt(const QSqlQuery &query);
Result<qint64> newestSeq(QSqlDatabase &db);
// The whole walk (records from #1) against the checkpoint and the registered consoles' keys: every hash,
// and every console's record signed by the console it names; headSeq/headHash say what it vouches for.
// (TeamTrailWalk takes the records one at a time, for a trail too large to hold.)
ChainReport check(const QList<TeamRecord> &records, const TeamCheckpoint::State &cp, const TeamConsoles::Keys &keys);
// Records from the checkpoint's own on: whether they extend it, signed; `problem` names why not.
bool extends(const QList<TeamRecord> &records, const TeamCheckpoint::State &cp, const TeamConsoles::Keys &keys,
             QString *problem);
// Why one record fails on its own (empty when it passes): its hash does not follow `previousHash`, the hash of
// the record before it, or it is not signed by the console it names. The chain walk and the reads use it alike.
QString recordProblem(const TeamRecord &r, const QString &previousHash, const TeamConsoles::Keys &keys);
QString describe(const TeamRecord &r);
// Another role's actions on `userId` in the last `minutes`, newest first, as translated warnings:
// "officer_b: deactivate, 12 minute(s) ago".
Result<QStringList> recentByOthers(QSqlDatabase &db, const QString &userId,
                                   int minutes); // translated: "team record #5 (begin by officer_a on laptop-3)"
} // namespace TeamTrail
