#include "BulkHistory.h"

#include "bulk/BulkPlan.h"
#include "history/HistoryBackend.h"
#include "history/HistoryService.h"

#include <QHash>
#include <QSet>

#include <algorithm>

bool BulkHistory::askEachUser(HistoryBackend &backend, const HistoryQuery &matching, qsizetype users)
{
    // The index counts without reading entries; a count that cannot be had (it gave way, the team's
    // database is away) leaves the walk, which is right whatever the numbers.
    const Result<HistoryCounts> counted = backend.count(matching);
    return counted.ok() && counted.value().total > qint64(users) * kEntriesPerUserQuery;
}

Result<QList<HistoryEntry>> BulkHistory::readFrom(HistoryBackend &backend, const QStringList &runIds,
                                                  const BulkRecord &record)
{
    QList<HistoryEntry> entries;
    if (!runIds.isEmpty()) {
        // From the record itself: a retry sends what these entries say did not succeed.
        const Result<HistoryRead> runs = backend.walkRuns(runIds);
        if (!runs.ok())
            return runs.status();
        entries = runs.value().entries;
    }
    QSet<QString> users;
    for (const BulkRow &row : record.rows) {
        if (row.valid())
            users.insert(row.userId);
    }
    if (!users.isEmpty()) {
        HistoryQuery query;
        query.action = record.action;
        query.outcome = HistoryEntry::Outcome::Success;
        query.order = HistoryQuery::Order::OldestFirst;
        QHash<QString, HistoryEntry> newest; // per user
        if (askEachUser(backend, query, users.size())) {
            HistoryQuery one = query;
            one.order = HistoryQuery::Order::NewestFirst;
            for (const QString &user : std::as_const(users)) {
                one.userId = user;
                // The newest done for the record's partner and environment: usually the first.
                const Result<QStringList> walked = backend.walkMatching(one, [&](const HistoryEntry &e) {
                    if (!BulkPlan::doneFor(record, e))
                        return true;
                    newest.insert(user, e);
                    return false;
                });
                if (!walked.ok())
                    return walked.status();
            }
        } else {
            // Oldest first, so a later one replaces it.
            const Result<QStringList> walked = backend.walkMatching(query,
                                                                    [&users, &newest, &record](const HistoryEntry &e) {
                if (users.contains(e.userId) && BulkPlan::doneFor(record, e))
                    newest.insert(e.userId, e);
                return true;
            });
            if (!walked.ok())
                return walked.status();
        }
        for (const HistoryEntry &e : std::as_const(newest))
            entries.append(e);
    }
    std::sort(entries.begin(), entries.end(), [](const HistoryEntry &a, const HistoryEntry &b) { return a.id < b.id; });
    entries.erase(std::unique(entries.begin(), entries.end(),
                              [](const HistoryEntry &a, const HistoryEntry &b) { return a.id == b.id; }),
                  entries.end());
    return entries;
}

void BulkHistory::read(HistoryService *history, const QStringList &runIds, const BulkRecord &record, QObject *context,
                       const Done &done)
{
    history->run<Result<QList<HistoryEntry>>>(
        [runIds, record](HistoryBackend &backend) { return readFrom(backend, runIds, record); }, context, done);
}

void BulkHistory::noteAlreadyDone(HistoryService *history, const BulkRecord &record, QObject *context,
                                  const std::function<void(const QString &note)> &done)
{
    read(history, {}, record, context, [record, done](const Result<QList<HistoryEntry>> &entries) {
        done(entries.ok() ? BulkPlan::alreadyDoneNote(record, entries.value()) : QString());
    });
}
