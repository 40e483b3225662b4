#include "HistoryRecords.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

namespace {
constexpr qsizetype kMaxResponse = 16 * 1024;
constexpr qsizetype kMaxMessage = 2000;
} // namespace

namespace HistoryRecords {

QJsonObject begin(const HistoryEntry &entry, const QDateTime &now)
{
    QJsonObject record{
        {QStringLiteral("type"), QStringLiteral("begin")},
        {QStringLiteral("time"), HistoryShard::timeText(entry.time.isValid() ? entry.time : now)},
        {QStringLiteral("operator"), entry.operatorEmail},
        {QStringLiteral("profile"), entry.profileName},
        {QStringLiteral("environment"), environmentName(entry.environment)},
        {QStringLiteral("partner_id"), entry.partnerId},
        {QStringLiteral("host"), entry.host},
        {QStringLiteral("user_id"), entry.userId},
        {QStringLiteral("action"), ActionInfo::cliName(entry.action)},
        {QStringLiteral("reason"), entry.reason},
        {QStringLiteral("face"), entry.face},
        {QStringLiteral("pid"), entry.pid > 0 ? entry.pid : QCoreApplication::applicationPid()},
    };
    // Only rows of bulk runs carry these, so every other record keeps the shape (and hash) it had.
    if (!entry.runId.isEmpty()) {
        record.insert(QStringLiteral("run_id"), entry.runId);
        record.insert(QStringLiteral("run_line"), entry.runLine);
        record.insert(QStringLiteral("run_digest"), entry.runDigest);
    }
    // Only actions sent under an approved request carry it, for the same reason.
    if (entry.approvalId > 0)
        record.insert(QStringLiteral("approval_request"), entry.approvalId);
    return record;
}

QJsonObject completion(const HistoryEntry &result, const QDateTime &now)
{
    QString response = result.response;
    if (response.size() > kMaxResponse)
        response = response.left(kMaxResponse) + QStringLiteral("\n[... truncated]");
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("complete")},
        {QStringLiteral("ref"), result.id},
        {QStringLiteral("time"), HistoryShard::timeText(result.completedAt.isValid() ? result.completedAt : now)},
        {QStringLiteral("outcome"), HistoryEntry::outcomeName(result.outcome)},
        {QStringLiteral("http_status"), result.httpStatus},
        {QStringLiteral("code"), result.code},
        {QStringLiteral("message"), result.message.left(kMaxMessage)},
        {QStringLiteral("response"), response},
        {QStringLiteral("elapsed_ms"), result.elapsedMs},
        {QStringLiteral("attempts"), result.attempts},
    };
}

QJsonObject prune(const QDateTime &now, const QString &operatorEmail, const QString &keepFrom, qint64 removedFrom,
                  qint64 removedThrough, qint64 removedEntries, const QString &anchorHash, const QStringList &files)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("prune")},
        {QStringLiteral("time"), HistoryShard::timeText(now)},
        {QStringLiteral("operator"), operatorEmail},
        {QStringLiteral("keep_from"), keepFrom},
        {QStringLiteral("removed_from"), removedFrom},
        {QStringLiteral("removed_through"), removedThrough},
        {QStringLiteral("removed_entries"), removedEntries},
        {QStringLiteral("anchor_hash"), anchorHash},
        {QStringLiteral("files"), QJsonArray::fromStringList(files)},
    };
}

QJsonObject epoch(const QDateTime &now, const QString &operatorEmail, const QString &reason, qint64 storedThrough,
                  const QString &previousHash, qint64 claimedThrough)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("epoch")},
        {QStringLiteral("time"), HistoryShard::timeText(now)},
        {QStringLiteral("operator"), operatorEmail},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("stored_through"), storedThrough},
        {QStringLiteral("previous_hash"), previousHash},
        {QStringLiteral("claimed_through"), claimedThrough},
        {QStringLiteral("pid"), QCoreApplication::applicationPid()},
    };
}

void collect(const QList<HistoryShard::Record> &records, qint64 from, HistoryRead *read,
             QHash<qint64, qsizetype> *index, QHash<qint64, qsizetype> *earlier)
{
    for (const HistoryShard::Record &r : records) {
        if (r.seq < from)
            continue;
        read->newestRecord = qMax(read->newestRecord, r.seq);
        if (!r.parsed) {
            read->problems.append(
                QCoreApplication::translate("HistoryStore", "History record #%1 in %2 is damaged and was skipped.")
                    .arg(r.seq)
                    .arg(QFileInfo(r.file).fileName()));
            continue;
        }
        const QString type = r.json.value(QLatin1String("type")).toString();
        if (type == QLatin1String("begin")) {
            HistoryEntry e;
            if (!HistoryShard::entryFromBegin(r, &e)) {
                read->problems.append(QCoreApplication::translate(
                                          "HistoryStore", "History record #%1 has an unknown action or environment.")
                                          .arg(r.seq));
                continue;
            }
            e.recordHash = r.hash;
            index->insert(e.id, read->entries.size());
            read->entries.append(e);
        } else if (type == QLatin1String("complete")) {
            const qint64 ref = qint64(r.json.value(QLatin1String("ref")).toDouble());
            HistoryEntry *target = nullptr;
            if (const auto it = index->constFind(ref); it != index->constEnd()) {
                target = &read->entries[*it];
            } else if (ref < from && ref > 0) {
                const auto known = earlier->constFind(ref);
                if (known == earlier->constEnd()) {
                    earlier->insert(ref, read->completions.size());
                    HistoryEntry answer;
                    answer.id = ref;
                    read->completions.append(answer);
                    target = &read->completions.last();
                } else {
                    target = &read->completions[*known];
                }
            }
            if (target) {
                HistoryShard::applyCompletion(*target, r.json);
                target->completionRecord = r.seq;
                target->completionHash = r.hash;
            }
        }
    }
}

} // namespace HistoryRecords
