#include "HistoryRetention.h"

#include "history/local/HistoryShard.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace HistoryRetention {

Plan plan(const QStringList &shards, const QDate &keepFrom)
{
    const QString cutoff = keepFrom.toString(QStringLiteral("yyyy-MM"));
    Plan plan;
    for (qsizetype i = 0; i + 1 < shards.size(); ++i) {
        QList<HistoryShard::Record> records;
        QString month;
        if (!HistoryShard::read(shards[i], &records, &month) || month >= cutoff || records.isEmpty())
            break;
        plan.doomed.append(shards[i]);
        plan.report.removedFiles.append(QFileInfo(shards[i]).fileName());
        if (plan.removedFrom == 0)
            plan.removedFrom = HistoryShard::firstSeq(QFileInfo(shards[i]).fileName());
        plan.removedThrough = records.last().seq;
        plan.anchorHash = records.last().hash;
        qint64 begun = 0;
        for (const HistoryShard::Record &r : records)
            begun += r.json.value(QLatin1String("type")) == QLatin1String("begin") ? 1 : 0;
        plan.report.removedEntries += begun;
        if (plan.report.months.isEmpty() || plan.report.months.last().month != month)
            plan.report.months.append({month, 0});
        plan.report.months.last().entries += begun;
    }
    return plan;
}

QDateTime newestRecordTime(const QStringList &shards)
{
    for (qsizetype i = shards.size() - 1; i >= 0; --i) {
        QList<HistoryShard::Record> records;
        if (!HistoryShard::read(shards[i], &records, nullptr) || records.isEmpty())
            continue;
        QDateTime newest;
        for (const HistoryShard::Record &r : records) {
            const QDateTime t = HistoryShard::parseTime(r.json.value(QLatin1String("time")));
            if (t.isValid() && (!newest.isValid() || t > newest))
                newest = t;
        }
        if (newest.isValid())
            return newest;
    }
    return {};
}

Status checkClock(const QDateTime &now, const QDateTime &newestRecord)
{
    if (!newestRecord.isValid())
        return Status::success();
    const QString clock = now.toUTC().toString(Qt::ISODate);
    const QString newest = newestRecord.toUTC().toString(Qt::ISODate);
    if (now.secsTo(newestRecord) > kBehindToleranceSecs)
        return Status::failure(QCoreApplication::translate("HistoryStore",
                                                           "The clock says %1 but the newest history record is from "
                                                           "%2: with the clock behind the history, retention cannot "
                                                           "tell which months are old. Set the clock right; nothing "
                                                           "was removed.")
                                   .arg(clock, newest),
                               Status::Kind::Invalid);
    if (newestRecord.secsTo(now) > kMaxAheadDays * 24 * 3600)
        return Status::failure(QCoreApplication::translate("HistoryStore",
                                                           "The clock says %1, more than %3 days after the newest "
                                                           "history record (%2): if the clock is wrong, retention "
                                                           "would remove recent months. Set the clock right, or "
                                                           "record an action first if the history was simply not "
                                                           "used; nothing was removed.")
                                   .arg(clock, newest)
                                   .arg(kMaxAheadDays),
                               Status::Kind::Invalid);
    return Status::success();
}

} // namespace HistoryRetention
