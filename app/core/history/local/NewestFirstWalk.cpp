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
    // Problems are found newest first, a file's own in reverse: turned round at the end.
    QStringList problems;
    for (qsizetype i = m_shards.size() - 1; i >= 0; --i) {
        QList<HistoryShard::Record> records;
        if (!HistoryShard::read(m_shards.at(i), &records, nullptr)) {
            problems.append(QCoreApplication::translate(
                                "HistoryStore",
                                "The history file %1 cannot be read; it was left where it is and its entries "
                                "are missing from this view.")
                                .arg(QFileInfo(m_shards.at(i)).fileName()));
            continue;
        }
        if (!walkShard(records, visit, &problems))
            break;
    }
    std::reverse(problems.begin(), problems.end());
    return problems;
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
