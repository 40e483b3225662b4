#include "TeamTrail.h"

#include "action/Action.h"
#include "team/TeamSchema.h"
#include "team/TeamSigner.h"
#include "team/TeamTrailWalk.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <thread>
#include <vector>

namespace {
QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("TeamTrail", text, nullptr, n);
}

Status failed(const QString &what, const QSqlError &error)
{
    return Status::failure(what + QLatin1Char(' ') + error.databaseText().trimmed() + QLatin1Char(' ')
                               + error.driverText().trimmed(),
                           Status::Kind::Storage);
}

// What TeamConsoles::signatureProblem() says of each record from `from` on, in order ("" when signed as
// it should be). An Ed25519 signature takes about 0.1 ms to check and a catch-up checks thousands: a long
// list is checked on two threads, each record's answer its own.
std::vector<QString> signatureProblems(const QList<TeamRecord> &records, qsizetype from, const TeamConsoles::Keys &keys)
{
    std::vector<QString> problems(size_t(qMax<qsizetype>(0, records.size() - from)));
    const auto check = [&](qsizetype begin, qsizetype end) {
        for (qsizetype i = begin; i < end; ++i) {
            const TeamRecord &r = records.at(i);
            problems[size_t(i - from)] = TeamConsoles::signatureProblem(keys, r.seq, r.installation, r.dbRole,
                                                                        TeamTrail::recordText(r), r.signature);
        }
    };
    constexpr qsizetype kWorthASecondThread = 32;
    if (records.size() - from < kWorthASecondThread || std::thread::hardware_concurrency() < 2) {
        check(from, records.size());
        return problems;
    }
    const qsizetype middle = from + (records.size() - from) / 2;
    std::thread other(check, middle, records.size());
    check(from, middle);
    other.join();
    return problems;
}

// Whether the trail as it ends now may be continued from this console's checkpoint.
Status admits(qint64 tailSeq, const QString &tailHash, QSqlDatabase &db, const TeamCheckpoint::State &cp)
{
    if (!cp.present || !cp.authentic)
        return Status::success();
    if (tailSeq < cp.seq)
        return Status::failure(tr("The team trail ends at record #%1, but this console verified record #%2: "
                                  "records were removed. Nothing was sent; run \"enrollee-cli history --verify\".")
                                   .arg(tailSeq)
                                   .arg(cp.seq),
                               Status::Kind::Storage);
    QString hash = tailHash;
    if (tailSeq != cp.seq) {
        QSqlQuery at(db);
        at.prepare(QStringLiteral("SELECT hash FROM enrollee.trail WHERE seq = ?"));
        at.addBindValue(cp.seq);
        hash = at.exec() && at.next() ? at.value(0).toString() : QString();
    }
    if (hash != cp.hash)
        return Status::failure(tr("Team record #%1 is not the record this console verified: the trail was "
                                  "rewritten. Nothing was sent; run \"enrollee-cli history --verify\".")
                                   .arg(cp.seq),
                               Status::Kind::Storage);
    return Status::success();
}
} // namespace

namespace TeamTrail {

QString recordText(const TeamRecord &r)
{
    const QChar nl = QLatin1Char('\n');
    return r.installation + nl + QString::number(r.localId) + nl + r.kind + nl + QString::number(r.refSeq) + nl
        + r.dbRole + nl + r.machine + nl + r.body;
}

QString recordHash(const QString &previous, qint64 seq, const QString &text)
{
    const QByteArray message = previous.toUtf8() + '\n' + QByteArray::number(seq) + '\n' + text.toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(message, QCryptographicHash::Sha256).toHex());
}

QString describe(const TeamRecord &r)
{
    return tr("team record #%1 (%2 by %3 on %4)").arg(r.seq).arg(r.kind, r.dbRole, r.machine);
}

struct Sent {
    qint64 seq = 0;
    QString body;
};

// This console's records already in the trail among those about to be sent, by (local id, kind).
static Result<QHash<QPair<qint64, QString>, Sent>> alreadySent(QSqlDatabase &db, const QString &installation,
                                                               const QList<TeamOutgoing> &records)
{
    qint64 low = records.first().localId;
    qint64 high = low;
    for (const TeamOutgoing &out : records) {
        low = qMin(low, out.localId);
        high = qMax(high, out.localId);
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT local_id, kind, seq, body FROM enrollee.trail WHERE installation = ? "
                                 "AND local_id BETWEEN ? AND ?"));
    query.addBindValue(installation);
    query.addBindValue(low);
    query.addBindValue(high);
    if (!query.exec())
        return failed(tr("Could not read the team trail:"), query.lastError());
    QHash<QPair<qint64, QString>, Sent> found;
    while (query.next())
        found.insert({query.value(0).toLongLong(), query.value(1).toString()},
                     {query.value(2).toLongLong(), query.value(3).toString()});
    return found;
}

// Inserts the records after (seq, previous) under the caller's lock, signed, skipping those this
// console sent before; a record of its name and number with other content stops everything.
static Status insertAll(QSqlDatabase &db, const TeamRecord &writer, const QList<TeamOutgoing> &records,
                        const TeamSigner &signer, qint64 seq, QString previous, int *written)
{
    const Result<QHash<QPair<qint64, QString>, Sent>> sent = alreadySent(db, writer.installation, records);
    if (!sent.ok())
        return sent.status();
    QSqlQuery ref(db);
    ref.prepare(
        QStringLiteral("SELECT seq FROM enrollee.trail WHERE installation = ? AND local_id = ? AND kind = 'begin'"));
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO enrollee.trail (seq, installation, local_id, kind, ref_seq, machine, "
                                  "body, hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QHash<qint64, qint64> begins; // local id -> team record, for completions in the same batch
    for (const TeamOutgoing &out : records) {
        if (const auto there = sent.value().constFind({out.localId, out.kind}); there != sent.value().cend()) {
            if (there->body == out.body)
                continue; // sent before (by this process or another on this console)
            return Status::failure(
                tr("Team record #%1 holds this console's record %2 (%3), but not as this console wrote it: "
                   "someone wrote in this console's name. This console's own record was not sent and waits; "
                   "run \"enrollee-cli history --verify\" and tell the team's administrator.")
                    .arg(there->seq)
                    .arg(out.localId)
                    .arg(out.kind),
                Status::Kind::PermissionDenied);
        }
        TeamRecord r = writer;
        r.seq = seq + 1;
        r.localId = out.localId;
        r.kind = out.kind;
        r.body = out.body;
        if (out.kind == QLatin1String("complete")) {
            r.refSeq = begins.value(out.localId);
            if (r.refSeq == 0) {
                ref.addBindValue(writer.installation);
                ref.addBindValue(out.localId);
                if (ref.exec() && ref.next())
                    r.refSeq = ref.value(0).toLongLong();
            }
        }
        const QString text = recordText(r);
        const QString hash = recordHash(previous, r.seq, text);
        for (const QVariant &v :
             {QVariant(r.seq), QVariant(r.installation), QVariant(r.localId), QVariant(r.kind), QVariant(r.refSeq),
              QVariant(r.machine), QVariant(r.body), QVariant(hash), QVariant(signer.sign(text))})
            insert.addBindValue(v);
        if (!insert.exec()) {
            // The server's refusal (a name bound to another role, a record that does not continue the
            // chain) is not an outage: it says so, and the record waits.
            const bool refused = insert.lastError().nativeErrorCode() == QLatin1String("42501");
            return Status::failure(tr("The team trail refused this console's record:") + QLatin1Char(' ')
                                       + insert.lastError().databaseText().trimmed(),
                                   refused ? Status::Kind::PermissionDenied : Status::Kind::Storage);
        }
        if (out.kind == QLatin1String("begin"))
            begins.insert(out.localId, r.seq);
        seq = r.seq;
        previous = hash;
        ++*written;
    }
    return Status::success();
}

Status append(QSqlDatabase &db, const TeamRecord &writer, const QList<TeamOutgoing> &records,
              const TeamCheckpoint::State &checkpoint, const TeamSigner &signer, int *written)
{
    *written = 0;
    if (records.isEmpty())
        return Status::success();
    if (!db.transaction())
        return failed(tr("Could not begin writing to the team trail:"), db.lastError());
    QSqlQuery query(db);
    const auto abort = [&db](const Status &why) {
        db.rollback();
        return why;
    };
    if (!query.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(TeamSchema::kAppendLock)))
        return abort(failed(tr("Could not lock the team trail:"), query.lastError()));
    if (!query.exec(QStringLiteral("SELECT seq, hash FROM enrollee.trail ORDER BY seq DESC LIMIT 1")))
        return abort(failed(tr("Could not read the team trail's end:"), query.lastError()));
    qint64 seq = 0;
    QString previous = HistoryChain::genesis();
    if (query.next()) {
        seq = query.value(0).toLongLong();
        previous = query.value(1).toString();
    }
    if (Status ok = admits(seq, previous, db, checkpoint); !ok.ok())
        return abort(ok);

    if (Status inserted = insertAll(db, writer, records, signer, seq, previous, written); !inserted.ok())
        return abort(inserted);
    if (!db.commit())
        return failed(tr("Could not commit to the team trail:"), db.lastError());
    return Status::success();
}

// The records numbered past `after`, in order, at most `limit` (a null limit: all of them).
static Result<QList<TeamRecord>> readAfter(QSqlDatabase &db, qint64 after, const QVariant &limit)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM enrollee.trail WHERE seq > ? ORDER BY seq LIMIT ?")
                      .arg(QLatin1String(kColumns)));
    query.addBindValue(after);
    query.addBindValue(limit);
    if (!query.exec())
        return failed(tr("Could not read the team trail:"), query.lastError());
    QList<TeamRecord> records;
    while (query.next())
        records.append(recordAt(query));
    return records;
}

Result<QList<TeamRecord>> readFrom(QSqlDatabase &db, qint64 from)
{
    // LIMIT NULL: no limit.
    return readAfter(db, from - 1, QVariant());
}

TeamRecord recordAt(const QSqlQuery &query)
{
    TeamRecord r;
    r.seq = query.value(0).toLongLong();
    r.installation = query.value(1).toString();
    r.localId = query.value(2).toLongLong();
    r.kind = query.value(3).toString();
    r.refSeq = query.value(4).toLongLong();
    r.dbRole = query.value(5).toString();
    r.machine = query.value(6).toString();
    r.body = query.value(7).toString();
    r.hash = query.value(8).toString();
    r.recordedAt = query.value(9).toDateTime();
    r.signature = query.value(10).toString();
    return r;
}

namespace {
// How long ago, for people: plural forms through the catalogues, never "minute(s)".
QString ageText(qint64 seconds)
{
    const qint64 minutes = seconds / 60;
    if (minutes < 1)
        return tr("less than a minute ago");
    if (minutes == 1)
        return tr("a minute ago");
    return tr("%n minutes ago", int(minutes));
}
} // namespace

Result<QStringList> recentByOthers(QSqlDatabase &db, const QString &userId, int minutes)
{
    // The age runs from when the colleague acted (the begin record's own time; the insert time if
    // that is later, as a skewed clock may put it), measured by the database's clock now: now() is
    // the start of a transaction, and a record forwarded late would otherwise look fresh.
    QSqlQuery query(db);
    query.prepare(QStringLiteral(
        "SELECT db_role, body::json->>'action', extract(epoch FROM clock_timestamp() - least(recorded_at, "
        "CASE WHEN body::json->>'time' ~ '^\\d{4}-\\d\\d-\\d\\dT' THEN (body::json->>'time')::timestamptz END))"
        "::bigint FROM enrollee.trail WHERE kind = 'begin' AND db_role <> session_user AND recorded_at > "
        "clock_timestamp() - make_interval(mins => ?) AND body::json->>'user_id' = ? ORDER BY seq DESC LIMIT 5"));
    query.addBindValue(minutes);
    query.addBindValue(userId);
    if (!query.exec())
        return failed(tr("Could not read the team trail:"), query.lastError());
    QStringList found;
    while (query.next()) {
        const QString cliName = query.value(1).toString();
        ActionKind kind = ActionKind::ReEnroll;
        const QString action = ActionInfo::fromCliName(cliName, &kind) ? ActionInfo::displayName(kind) : cliName;
        found.append(tr("%1 did \"%2\" on this user %3")
                         .arg(query.value(0).toString(), action, ageText(query.value(2).toLongLong())));
    }
    return found;
}

Result<qint64> newestSeq(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM enrollee.trail")) || !query.next())
        return failed(tr("Could not read the team trail:"), query.lastError());
    return query.value(0).toLongLong();
}

bool extends(const QList<TeamRecord> &records, const TeamCheckpoint::State &cp, const TeamConsoles::Keys &keys,
             QString *problem)
{
    qint64 expected = cp.authentic ? cp.seq : 1;
    QString previous = HistoryChain::genesis();
    // The checkpoint's own record is compared, not checked again.
    const qsizetype from = cp.authentic && !records.isEmpty() && records.first().seq == cp.seq ? 1 : 0;
    const std::vector<QString> forged = signatureProblems(records, from, keys);
    for (qsizetype i = 0; i < records.size(); ++i) {
        const TeamRecord &r = records.at(i);
        if (r.seq != expected) {
            *problem = tr("Team records from #%1 are missing.").arg(expected);
            return false;
        }
        if (cp.authentic && r.seq == cp.seq) {
            if (r.hash != cp.hash) {
                *problem = tr("Team record #%1 is not the record this console verified: the trail was rewritten.")
                               .arg(r.seq);
                return false;
            }
        } else if (r.hash != recordHash(previous, r.seq, recordText(r))) {
            *problem = tr("%1 was altered: its hash does not match.").arg(describe(r));
            return false;
        } else if (const QString &why = forged.at(size_t(i - from)); !why.isEmpty()) {
            *problem = tr("%1: %2.").arg(describe(r), why);
            return false;
        }
        previous = r.hash;
        ++expected;
    }
    if (cp.authentic && expected <= cp.seq) {
        *problem = tr("The team trail ends before record #%1, which this console verified.").arg(cp.seq);
        return false;
    }
    return true;
}

QString recordProblem(const TeamRecord &r, const QString &previousHash, const TeamConsoles::Keys &keys)
{
    const QString text = recordText(r);
    if (r.hash != recordHash(previousHash, r.seq, text))
        return tr("%1 was altered (UPDATE): its hash does not match.").arg(describe(r));
    if (const QString forged = TeamConsoles::signatureProblem(keys, r.seq, r.installation, r.dbRole, text, r.signature);
        !forged.isEmpty())
        return tr("%1: %2.").arg(describe(r), forged);
    return {};
}

ChainReport check(const QList<TeamRecord> &records, const TeamCheckpoint::State &cp, const TeamConsoles::Keys &keys)
{
    TeamTrailWalk walk(keys, cp);
    for (const TeamRecord &r : records)
        walk.add(r);
    return walk.finish();
}

Result<QList<TeamRecord>> readAfter(QSqlDatabase &db, qint64 after, int limit)
{
    return readAfter(db, after, QVariant(limit));
}

} // namespace TeamTrail
