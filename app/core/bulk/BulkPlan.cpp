#include "BulkPlan.h"

#include "action/ActionPolicy.h"
#include "base/Clock.h"
#include "bulk/BulkStore.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace {
constexpr int kProductionCanary = 5;
} // namespace

BulkRecord BulkPlan::newRun(const BulkInput &input, const Options &options, const ActionPolicy &policy)
{
    BulkRecord record;
    record.action = options.action;
    record.reason = options.reason.trimmed();
    record.profile = options.profile;
    record.rows = input.rows();
    BulkInput::applyPolicy(record.rows, policy, record.action, record.profile.environment);
    record.inputPath = input.path();
    record.inputSha256 = input.sha256();
    record.rate = options.rate;
    record.concurrency = options.concurrency;
    record.canary = options.canary >= 0 ? options.canary : (record.profile.isProduction() ? kProductionCanary : 0);
    return record;
}

BulkRecord BulkPlan::retryOf(const BulkRecord &parent, const QList<BulkRowResult> &results, const Retry &retry)
{
    BulkRecord next = parent;
    next.rows.clear();
    for (const BulkRowResult &r : results) {
        const bool failed = r.status == BulkRowStatus::Failed
            && (retry.codes.isEmpty() || retry.codes.contains(r.entry.code));
        if (failed || (retry.withUnknown && r.status == BulkRowStatus::Unknown))
            next.rows.append(r.row);
    }
    next.parentId = parent.id;
    next.format = BulkRecord::kFormat;
    next.fileDigest.clear();
    next.headerOnly = false;
    next.id.clear();
    next.created = {};
    next.resultsPath.clear();
    next.canary = 0;
    next.pauseReason.clear();
    next.state = BulkRecord::State::Running;
    return next;
}

Result<QList<BulkRowResult>> BulkPlan::standing(const BulkStore &store, const BulkRecord &parent,
                                                const QList<BulkRecord> &runs, const QList<HistoryEntry> &history)
{
    QList<BulkRowResult> rows = store.rowsOf(parent, history);
    QHash<int, int> byLine;
    for (int i = 0; i < rows.size(); ++i) {
        if (rows.at(i).row.valid())
            byLine.insert(rows.at(i).row.line, i);
    }
    // Its retries, and theirs, oldest first: the newest word on a row wins.
    const QList<BulkRecord> retries = retriesOf(parent, runs);
    for (const BulkRecord &retry : retries) {
        const bool ended = retry.state == BulkRecord::State::Finished || retry.state == BulkRecord::State::Cancelled;
        // A retry whose rows cannot be read may have sent any of them: nothing is planned over it.
        const Result<BulkRecord> full = store.withRows(retry);
        if (!full.ok())
            return full.status();
        for (const BulkRowResult &r : store.rowsOf(full.value(), history)) {
            const auto at = byLine.constFind(r.row.line);
            if (!r.row.valid() || at == byLine.constEnd())
                continue;
            BulkRowResult &mine = rows[*at];
            if (r.begun()) {
                mine.entry = r.entry;
                mine.status = r.status;
            } else if (!ended) {
                mine.entry = {};
                mine.status = BulkRowStatus::NotSent;
            }
        }
    }
    // Done since, by any face: a single action, or a run of another input.
    QHash<QString, const HistoryEntry *> doneAfter;
    for (const HistoryEntry &e : history) {
        if (doneFor(parent, e))
            doneAfter.insert(e.userId, &e);
    }
    for (BulkRowResult &r : rows) {
        if (r.status != BulkRowStatus::Failed && r.status != BulkRowStatus::Unknown)
            continue;
        const HistoryEntry *done = doneAfter.value(r.row.userId);
        if (done && done->id > r.entry.id) {
            r.entry = *done;
            r.status = BulkRowStatus::Succeeded;
        }
    }
    return rows;
}

QList<BulkRecord> BulkPlan::retriesOf(const BulkRecord &parent, const QList<BulkRecord> &runs)
{
    QSet<QString> family{parent.id};
    QList<BulkRecord> retries;
    for (bool grew = true; grew;) {
        grew = false;
        for (const BulkRecord &run : runs) {
            if (!family.contains(run.id) && family.contains(run.parentId)) {
                family.insert(run.id);
                retries.append(run);
                grew = true;
            }
        }
    }
    std::sort(retries.begin(), retries.end(), [](const BulkRecord &a, const BulkRecord &b) {
        return a.created != b.created ? a.created < b.created : a.id < b.id;
    });
    return retries;
}

bool BulkPlan::doneFor(const BulkRecord &record, const HistoryEntry &entry)
{
    // A user's ID names someone at one partner in one environment: done at another is not done here.
    return entry.action == record.action && entry.outcome == HistoryEntry::Outcome::Success
        && entry.partnerId == record.profile.partnerId && entry.environment == record.profile.environment;
}

QString BulkPlan::rootOf(const BulkRecord &run, const QList<BulkRecord> &runs)
{
    QHash<QString, QString> parents;
    for (const BulkRecord &r : runs)
        parents.insert(r.id, r.parentId);
    QString root = run.id;
    QString parent = run.parentId;
    QSet<QString> seen{root};
    // A parent whose file is gone ends the climb there; a loop in edited files ends it too.
    while (!parent.isEmpty() && parents.contains(parent) && !seen.contains(parent)) {
        seen.insert(parent);
        root = parent;
        parent = parents.value(parent);
    }
    return root;
}

QStringList BulkPlan::familyOf(const BulkRecord &parent, const QList<BulkRecord> &runs)
{
    QStringList ids{parent.id};
    for (const BulkRecord &retry : retriesOf(parent, runs))
        ids.append(retry.id);
    return ids;
}

void BulkPlan::identify(BulkRecord *record, const BulkStore &store, const Clock &clock, const QString &resultsPath)
{
    record->format = BulkRecord::kFormat;
    record->fileDigest.clear(); // a new identity: its digest is made at its first save
    record->headerOnly = false;
    record->id = store.newId(clock);
    record->created = clock.now();
    record->resultsPath = resultsPath.isEmpty() ? store.defaultResultsPath(record->id) : resultsPath;
}

int BulkPlan::alreadyDone(const BulkRecord &record, const QList<HistoryEntry> &history)
{
    QSet<QString> done;
    for (const HistoryEntry &e : history) {
        if (doneFor(record, e))
            done.insert(e.userId);
    }
    int known = 0;
    for (const BulkRow &row : record.rows)
        known += row.valid() && done.contains(row.userId) ? 1 : 0;
    return known;
}

QString BulkPlan::alreadyDoneNote(const BulkRecord &record, const QList<HistoryEntry> &history)
{
    const int known = alreadyDone(record, history);
    if (known == 0)
        return {};
    return QCoreApplication::translate("BulkPlan", "%n of these were already %1 by this console (history).", nullptr,
                                       known)
        .arg(ActionInfo::pastTense(record.action));
}

int BulkPlan::rowsLeft(const QList<BulkRowResult> &rows)
{
    return int(
        std::count_if(rows.cbegin(), rows.cend(), [](const BulkRowResult &r) { return r.row.valid() && !r.begun(); }));
}

QString BulkPlan::retryRefusal(const BulkRecord &parent, const QList<BulkRecord> &runs)
{
    const QStringList family = familyOf(parent, runs);
    for (const BulkRecord &run : runs) {
        if (family.contains(run.id) && run.displayState() == QLatin1String("running"))
            return QCoreApplication::translate("BulkPlan",
                                               "Run %1 is being sent by process %2: retry once it has ended or "
                                               "paused. Nothing was sent.")
                .arg(run.id)
                .arg(run.pid);
    }
    return {};
}
