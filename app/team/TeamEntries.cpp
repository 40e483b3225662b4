#include "TeamEntries.h"

#include "history/HistoryRecords.h"

#include <QHash>
#include <QJsonDocument>

namespace TeamEntries {

HistoryRead of(const QList<TeamRecord> &records, qint64 from, const QString &file)
{
    QList<HistoryShard::Record> shaped;
    shaped.reserve(records.size());
    QHash<qint64, const TeamRecord *> bySeq;
    for (const TeamRecord &r : records) {
        HistoryShard::Record s;
        s.seq = r.seq;
        s.text = r.body;
        s.hash = r.hash;
        s.file = file;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body.toUtf8());
        s.parsed = doc.isObject();
        s.json = doc.object();
        if (r.kind == QLatin1String("complete"))
            s.json.insert(QStringLiteral("ref"), r.refSeq);
        shaped.append(s);
        bySeq.insert(r.seq, &r);
    }
    HistoryRead read;
    QHash<qint64, qsizetype> index;
    QHash<qint64, qsizetype> earlier;
    HistoryRecords::collect(shaped, from, &read, &index, &earlier);
    for (HistoryEntry &e : read.entries) {
        if (const TeamRecord *r = bySeq.value(e.id)) {
            e.dbRole = r->dbRole;
            e.machine = r->machine;
        }
    }
    return read;
}

QStringList unverified(const QList<TeamRecord> &records, const QHash<qint64, QString> &previous,
                       const TeamConsoles::Keys &keys, qint64 verifiedThrough)
{
    QStringList problems;
    for (const TeamRecord &r : records) {
        if (r.seq <= verifiedThrough)
            continue;
        const QString before = r.seq == 1 ? HistoryChain::genesis() : previous.value(r.seq);
        if (const QString problem = TeamTrail::recordProblem(r, before, keys); !problem.isEmpty())
            problems.append(problem);
    }
    return problems;
}

} // namespace TeamEntries
