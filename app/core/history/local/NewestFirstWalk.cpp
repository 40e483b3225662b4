#include "NewestFirstWalk.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

NewestFirstWalk::NewestFirstWalk(QStringList shards, Settle settle)
    : m_shards(std::move(shards)), m_settle(std::move(settle))
{
}

QStringList NewestFirstWalk::run(const HistoryBackend::EntryVisitor &visit)
{
    step(visit, {});
    return problems();
}

bool NewestFirstWalk::step(const HistoryBackend::EntryVisitor &visit, const std::function<bool()> &giveWay)
{
    if (!m_started) {
        m_started = true;
        m_next = m_shards.size() - 1;
    }
    while (m_next >= 0) {
        const QString shard = m_shards.at(m_next--);
        QList<HistoryShard::Record> records;
        if (!HistoryShard::read(shard, &records, nullptr)) {
            m_problems.append(QCoreApplication::translate(
                                  "HistoryStore",
                                  "The history file %1 cannot be read; it was left where it is and its entries "
                                  "are missing from this view.")
                                  .arg(QFileInfo(shard).fileName()));
        } else if (!walkShard(records, visit, &m_problems)) {
            m_next = -1;
            return true;
        }
        if (m_next >= 0 && giveWay && giveWay())
            return false;
    }
    return true;
}

QStringList NewestFirstWalk::problems() const
{
    QStringList inOrder = m_problems;
    std::reverse(inOrder.begin(), inOrder.end());
    return inOrder;
}

bool NewestFirstWalk::walkShard(const QList<HistoryShard::Record> &records, const HistoryBackend::EntryVisitor &visit,
                                QStringList *problems)
{
    for (qsizetype i = records.size() - 1; i >= 0; --i) {
        const HistoryShard::Record &r = records.at(i);
        if (!r.parsed) {
            problems->append(
                QCoreApplication::translate("HistoryStore", "History record #%1 in %2 is damaged and was skipped.")
                    .arg(r.seq)
                    .arg(QFileInfo(r.file).fileName()));
            continue;
        }
        const QString type = r.json.value(QLatin1String("type")).toString();
        if (type == QLatin1String("complete")) {
            // The newest answer is the one that counts, as a read applies them in order.
            const qint64 ref = qint64(r.json.value(QLatin1String("ref")).toDouble());
            if (ref > 0 && ref < r.seq && !m_answers.contains(ref))
                m_answers.insert(ref, {r.json, r.seq, r.hash});
        } else if (type == QLatin1String("begin")) {
            HistoryEntry e;
            const bool known = HistoryShard::entryFromBegin(r, &e);
            const auto answer = m_answers.constFind(r.seq);
            if (!known) {
                problems->append(QCoreApplication::translate("HistoryStore",
                                                             "History record #%1 has an unknown action or environment.")
                                     .arg(r.seq));
                if (answer != m_answers.constEnd())
                    m_answers.erase(answer);
                continue;
            }
            e.recordHash = r.hash;
            if (answer != m_answers.constEnd()) {
                HistoryShard::applyCompletion(e, answer->json);
                e.completionRecord = answer->seq;
                e.completionHash = answer->hash;
                m_answers.erase(answer);
            }
            if (m_settle)
                m_settle(e);
            if (!visit(e))
                return false;
        }
    }
    return true;
}
