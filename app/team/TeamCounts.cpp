#include "TeamCounts.h"

#include "action/Action.h"
#include "settings/Profile.h"
#include "team/TeamSqlFailure.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
QString arrayOf(const QStringList &words)
{
    QStringList quoted;
    for (const QString &w : words)
        quoted.append(QLatin1Char('"') + w + QLatin1Char('"'));
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

void addCounts(HistoryCounts *counts, HistoryEntry::Outcome outcome, qint64 n)
{
    counts->total += n;
    switch (outcome) {
    case HistoryEntry::Outcome::Success:
        counts->success += n;
        break;
    case HistoryEntry::Outcome::Failure:
        counts->failure += n;
        break;
    case HistoryEntry::Outcome::Pending:
        counts->pending += n;
        break;
    case HistoryEntry::Outcome::Unknown:
        counts->unknown += n;
        break;
    }
}
} // namespace

namespace {
qint64 firstSlice = 2500;
qint64 mostSlice = 320000;
// A slice taking about this long keeps its size; a quicker one doubles, a slower one halves.
constexpr qint64 kSliceNs = 10 * 1000 * 1000;
} // namespace

void TeamCounts::setSlice(qint64 first, qint64 most)
{
    firstSlice = qMax<qint64>(1, first);
    mostSlice = qMax(firstSlice, most);
}

TeamCounts::TeamCounts(QSqlDatabase &db, std::function<bool()> giveWay) : m_db(db), m_giveWay(std::move(giveWay))
{
}

Result<bool> TeamCounts::anyNotPlain()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM enrollee.trail WHERE NOT enrollee.plain_record(kind, "
                               "body))"))
        || !q.next())
        return TeamSqlFailure::of(q.lastError());
    return q.value(0).toBool();
}

Result<HistoryCounts> TeamCounts::exact(const HistoryQuery &query, const QString &conditions,
                                        const QVariantList &values)
{
    if (!m_db.transaction())
        return TeamSqlFailure::of(m_db.lastError());
    const auto end = [this](const Result<HistoryCounts> &answer) {
        m_db.rollback();
        return answer;
    };
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")))
        return end(TeamSqlFailure::of(q.lastError()));
    const Result<bool> odd = anyNotPlain();
    if (!odd.ok())
        return end(odd.status());
    HistoryCounts counts;
    if (odd.value()) {
        counts.total = -1;
        return end(counts);
    }
    QStringList actions;
    for (ActionKind kind : ActionInfo::all())
        actions.append(ActionInfo::cliName(kind));
    QStringList environments;
    for (Environment env : {Environment::Sandbox, Environment::Production, Environment::Local})
        environments.append(environmentName(env));
    // A slice of begin numbers at a time, the newest number taken in the same snapshot.
    if (!q.exec(QStringLiteral("SELECT coalesce(max(seq), 0) FROM enrollee.trail")) || !q.next())
        return end(TeamSqlFailure::of(q.lastError()));
    const qint64 newest = q.value(0).toLongLong();
    q.finish();
    // Each begin's body is parsed once (OFFSET 0 keeps the planner from copying the cast into each test).
    const QString begins = QStringLiteral("SELECT b.seq, b.body::jsonb AS j FROM enrollee.trail b WHERE b.kind = "
                                          "'begin'")
        + conditions + QStringLiteral(" AND b.seq > ? AND b.seq <= ? OFFSET 0");
    const QString sql = QStringLiteral("SELECT c.body IS NULL, coalesce(c.body::jsonb ->> 'outcome', ''), count(*) "
                                       "FROM (%1) x LEFT JOIN LATERAL (SELECT c.body FROM enrollee.trail c WHERE "
                                       "c.kind = 'complete' AND c.ref_seq = x.seq AND c.seq > x.seq ORDER BY c.seq "
                                       "DESC LIMIT 1) c ON true WHERE x.j ->> 'action' = ANY(?::text[]) AND x.j ->> "
                                       "'environment' = ANY(?::text[]) GROUP BY 1, 2")
                            .arg(begins);
    QSqlQuery slice(m_db);
    slice.setForwardOnly(true);
    if (!slice.prepare(sql))
        return end(TeamSqlFailure::of(slice.lastError()));
    // A narrow query (one user) crosses a million records in a few large slices, a wide one (everything)
    // in many small ones: each takes about 10 ms, what a lookup asked meanwhile waits at most.
    qint64 size = firstSlice;
    QElapsedTimer took;
    for (qint64 low = 0; low < newest; low += size) {
        // Stopped between slices while a page or lookup waits: asked again once it is answered.
        if (low > 0 && m_giveWay && m_giveWay())
            return end(Status::failure(QStringLiteral("gave way"), Status::Kind::GaveWay));
        if (low > 0 && took.nsecsElapsed() < kSliceNs / 2)
            size = qMin(mostSlice, size * 2);
        else if (low > 0 && took.nsecsElapsed() > kSliceNs * 2)
            size = qMax(firstSlice, size / 2);
        took.start();
        QVariantList bound = values;
        bound << low << low + size << arrayOf(actions) << arrayOf(environments);
        for (int i = 0; i < bound.size(); ++i)
            slice.bindValue(i, bound.at(i));
        if (!slice.exec())
            return end(TeamSqlFailure::of(slice.lastError()));
        while (slice.next()) {
            HistoryEntry::Outcome outcome = HistoryEntry::Outcome::Pending;
            if (!slice.value(0).toBool() && !HistoryEntry::outcomeFromName(slice.value(1).toString(), &outcome))
                outcome = HistoryEntry::Outcome::Failure; // as a read takes an answer it cannot name
            if (!query.outcome || *query.outcome == outcome)
                addCounts(&counts, outcome, slice.value(2).toLongLong());
        }
        slice.finish();
    }
    return end(counts);
}
