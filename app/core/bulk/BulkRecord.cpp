#include "BulkRecord.h"

#include "action/ActionRunner.h"
#include "bulk/BulkRowsFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <cerrno>
#include <csignal>

namespace {
const QStringList &statusNames()
{
    static const QStringList names{QStringLiteral("not_sent"), QStringLiteral("in_flight"), QStringLiteral("succeeded"),
                                   QStringLiteral("already"),  QStringLiteral("failed"),    QStringLiteral("unknown")};
    return names;
}
const QStringList &stateNames()
{
    static const QStringList names{QStringLiteral("running"), QStringLiteral("paused"), QStringLiteral("finished"),
                                   QStringLiteral("cancelled")};
    return names;
}
bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}
} // namespace

QString BulkRowResult::statusName(BulkRowStatus status)
{
    return statusNames().value(int(status));
}

bool BulkRowResult::statusFromName(const QString &name, BulkRowStatus *status)
{
    const qsizetype i = statusNames().indexOf(name);
    if (i < 0)
        return false;
    *status = BulkRowStatus(i);
    return true;
}

QString BulkRowResult::message() const
{
    if (!row.valid())
        return QCoreApplication::translate("BulkRecord", "not sent: %1").arg(row.problem);
    if (!begun())
        return QCoreApplication::translate("BulkRecord", "not sent: the run stopped before this row");
    return entry.message;
}

BulkCounts BulkCounts::of(const QList<BulkRowResult> &rows)
{
    BulkCounts c;
    for (const BulkRowResult &r : rows)
        c.add(r);
    return c;
}

void BulkCounts::add(const BulkRowResult &r, int sign)
{
    switch (r.status) {
    case BulkRowStatus::NotSent:
        notSent += sign;
        break;
    case BulkRowStatus::InFlight:
        inFlight += sign;
        break;
    case BulkRowStatus::Succeeded:
        succeeded += sign;
        break;
    case BulkRowStatus::Already:
        already += sign;
        break;
    case BulkRowStatus::Failed:
        failed += sign;
        (r.refused() ? refused : unreachable) += sign;
        break;
    case BulkRowStatus::Unknown:
        unknown += sign;
        unreachable += sign;
        break;
    }
}

QJsonObject BulkCounts::toJson() const
{
    return QJsonObject{{QStringLiteral("succeeded"), succeeded},
                       {QStringLiteral("already"), already},
                       {QStringLiteral("failed"), failed},
                       {QStringLiteral("unknown"), unknown + inFlight},
                       {QStringLiteral("not_sent"), notSent}};
}

QString BulkRecord::stateName(State state)
{
    return stateNames().value(int(state));
}

bool BulkRecord::stateFromName(const QString &name, State *state)
{
    const qsizetype i = stateNames().indexOf(name);
    if (i < 0)
        return false;
    *state = State(i);
    return true;
}

QString BulkRecord::displayState() const
{
    if (state == State::Running && pid != QCoreApplication::applicationPid() && !processAlive(pid))
        return QStringLiteral("interrupted");
    return stateName(state);
}

int BulkRecord::validCount() const
{
    if (headerOnly)
        return validRows;
    int n = 0;
    for (const BulkRow &row : rows)
        n += row.valid() ? 1 : 0;
    return n;
}

QString BulkRecord::rowsDigest() const
{
    // Rows in memory are hashed as they are, never taken from what a header said of them.
    return headerOnly ? rowsSha256 : BulkRowsFile::sha256(BulkRowsFile::encode(rows));
}

BulkRecord BulkRecord::header() const
{
    if (format < 3 || headerOnly)
        return *this;
    BulkRecord h = *this;
    h.rowsSha256 = rowsDigest();
    h.rowCount = int(rows.size());
    h.validRows = validCount();
    h.rows.clear();
    h.headerOnly = true;
    return h;
}

namespace {
QJsonObject headerOf(const BulkRecord &r)
{
    const QJsonObject profileObject{
        {QStringLiteral("name"), r.profile.name},
        {QStringLiteral("partner_id"), r.profile.partnerId},
        {QStringLiteral("email"), r.profile.email},
        {QStringLiteral("environment"), environmentName(r.profile.environment)},
        {QStringLiteral("scheme"), schemeName(r.profile.scheme)},
        {QStringLiteral("base_url"), r.profile.baseUrl.toString()},
    };
    QJsonObject o{
        {QStringLiteral("format"), r.format},
        {QStringLiteral("id"), r.id},
        {QStringLiteral("parent"), r.parentId},
        {QStringLiteral("action"), ActionInfo::cliName(r.action)},
        {QStringLiteral("reason"), r.reason},
        {QStringLiteral("profile"), profileObject},
        {QStringLiteral("input"), r.inputPath},
        {QStringLiteral("input_sha256"), r.inputSha256},
        {QStringLiteral("rate"), r.rate},
        {QStringLiteral("concurrency"), r.concurrency},
        {QStringLiteral("canary"), r.canary},
        {QStringLiteral("state"), BulkRecord::stateName(r.state)},
        {QStringLiteral("pause_reason"), r.pauseReason},
        {QStringLiteral("created"), r.created.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("updated"), r.updated.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("results"), r.resultsPath},
        {QStringLiteral("pid"), r.pid},
    };
    if (r.format >= 3) {
        o.insert(QStringLiteral("row_count"), r.totalRows());
        o.insert(QStringLiteral("valid_count"), r.validCount());
        o.insert(QStringLiteral("rows_sha256"), r.rowsDigest());
        return o;
    }
    QJsonArray rowArray;
    for (const BulkRow &row : r.rows)
        rowArray.append(row.toJson());
    o.insert(QStringLiteral("rows"), rowArray);
    return o;
}
} // namespace

QJsonObject BulkRecord::toJson() const
{
    QJsonObject o = headerOf(*this);
    if (format >= 2)
        o.insert(QStringLiteral("digest"), fileDigest.isEmpty() ? digest() : fileDigest);
    return o;
}

bool BulkRecord::fromJson(const QJsonObject &o, BulkRecord *r)
{
    r->format = o.value(QLatin1String("format")).toInt(1);
    r->fileDigest = r->format >= 2 ? o.value(QLatin1String("digest")).toString() : QString();
    r->id = o.value(QLatin1String("id")).toString();
    r->parentId = o.value(QLatin1String("parent")).toString();
    r->reason = o.value(QLatin1String("reason")).toString();
    const QJsonObject p = o.value(QLatin1String("profile")).toObject();
    r->profile.name = p.value(QLatin1String("name")).toString();
    r->profile.partnerId = p.value(QLatin1String("partner_id")).toString();
    r->profile.email = p.value(QLatin1String("email")).toString();
    r->profile.baseUrl = QUrl(p.value(QLatin1String("base_url")).toString());
    r->inputPath = o.value(QLatin1String("input")).toString();
    r->inputSha256 = o.value(QLatin1String("input_sha256")).toString();
    r->rate = o.value(QLatin1String("rate")).toDouble(5);
    r->concurrency = o.value(QLatin1String("concurrency")).toInt(4);
    r->canary = o.value(QLatin1String("canary")).toInt();
    r->pauseReason = o.value(QLatin1String("pause_reason")).toString();
    r->created = QDateTime::fromString(o.value(QLatin1String("created")).toString(), Qt::ISODateWithMs);
    r->updated = QDateTime::fromString(o.value(QLatin1String("updated")).toString(), Qt::ISODateWithMs);
    r->resultsPath = o.value(QLatin1String("results")).toString();
    r->pid = qint64(o.value(QLatin1String("pid")).toDouble());
    r->rows.clear();
    if (r->format >= 3) {
        // The rows are in the rows file, read when they are needed (BulkStore::load).
        r->headerOnly = true;
        r->rowCount = o.value(QLatin1String("row_count")).toInt(-1);
        r->validRows = o.value(QLatin1String("valid_count")).toInt(-1);
        r->rowsSha256 = o.value(QLatin1String("rows_sha256")).toString();
    } else {
        for (const auto &v : o.value(QLatin1String("rows")).toArray())
            r->rows.append(BulkRow::fromJson(v.toObject()));
        r->headerOnly = false;
        r->rowCount = int(r->rows.size());
        r->validRows = r->validCount();
        r->rowsSha256.clear();
    }
    const bool rowsNamed = r->format < 3
        || (r->rowCount >= 0 && r->validRows >= 0 && r->validRows <= r->rowCount && r->rowsSha256.size() == 64);
    // From format 2 on a run file carries its digest; one without it was cut or edited.
    return !r->id.isEmpty() && (r->format < 2 || !r->fileDigest.isEmpty()) && rowsNamed
        && ActionInfo::fromCliName(o.value(QLatin1String("action")).toString(), &r->action)
        && environmentFromName(p.value(QLatin1String("environment")).toString(), &r->profile.environment)
        && schemeFromName(p.value(QLatin1String("scheme")).toString(), &r->profile.scheme)
        && stateFromName(o.value(QLatin1String("state")).toString(), &r->state);
}

QString BulkRecord::digest() const
{
    QJsonObject o = headerOf(*this);
    for (const char *key : {"rate", "concurrency", "canary", "state", "pause_reason", "updated", "pid"})
        o.remove(QLatin1String(key));
    if (format < 2)
        o.remove(QLatin1String("results"));
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(o).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
}

QString BulkRecord::fileProblem() const
{
    if (format >= 2 && !fileDigest.isEmpty() && fileDigest != digest())
        return QCoreApplication::translate("BulkRecord",
                                           "The run file of %1 was altered: it no longer matches the digest it "
                                           "was made with.")
            .arg(id);
    return {};
}

QString BulkRecord::chainProblem(qint64 entryId) const
{
    return QCoreApplication::translate("BulkRecord",
                                       "The run file of %1 was altered after the run started: it no longer "
                                       "matches the digest in history record #%2.")
        .arg(id)
        .arg(entryId);
}

QString BulkRecord::headerProblem(const QList<HistoryEntry> &history) const
{
    if (QString altered = fileProblem(); !altered.isEmpty())
        return altered;
    const QString mine = digest();
    for (const HistoryEntry &e : history) {
        if (e.runId == id && !e.runDigest.isEmpty() && e.runDigest != mine)
            return chainProblem(e.id);
    }
    return {};
}

bool BulkRecord::isAlready(ActionKind action, const QString &code)
{
    switch (action) {
    case ActionKind::Deactivate:
        return code == QLatin1String("2207");
    case ActionKind::Delete:
        return code == QLatin1String("2208") || code == QLatin1String("2210");
    default:
        return false;
    }
}

BulkRowStatus BulkRecord::classify(ActionKind action, const HistoryEntry &entry)
{
    switch (entry.outcome) {
    case HistoryEntry::Outcome::Success:
        return BulkRowStatus::Succeeded;
    case HistoryEntry::Outcome::Failure:
        return isAlready(action, entry.code) ? BulkRowStatus::Already : BulkRowStatus::Failed;
    case HistoryEntry::Outcome::Pending:
    case HistoryEntry::Outcome::Unknown:
        return BulkRowStatus::Unknown;
    }
    return BulkRowStatus::Unknown;
}

QList<BulkRowResult> BulkRecord::results(const QList<HistoryEntry> &history, const BulkSendLog::Lines &sendLog) const
{
    // A row's first begin record decides, except one withdrawn before anything was sent: the row was
    // free to go again, and a later begin record (if any) is the one that went.
    QHash<int, const HistoryEntry *> byLine;
    for (const HistoryEntry &e : history) {
        if (e.runId == id && !byLine.contains(e.runLine) && !ActionRunner::withdrawn(e))
            byLine.insert(e.runLine, &e);
    }
    QList<BulkRowResult> out;
    out.reserve(rows.size());
    for (const BulkRow &row : rows) {
        BulkRowResult r;
        r.row = row;
        const HistoryEntry *e = row.valid() ? byLine.value(row.line) : nullptr;
        const bool open = e
            && (e->outcome == HistoryEntry::Outcome::Pending || e->outcome == HistoryEntry::Outcome::Unknown);
        if (e && !(open && sendLog.neverSent(row.line))) {
            r.entry = *e;
            r.status = classify(action, *e);
        }
        out.append(r);
    }
    return out;
}
