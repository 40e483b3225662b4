#include "BeginFilter.h"

namespace BeginFilter {

QString where(const HistoryQuery &query, QVariantList *binds)
{
    QStringList terms{QStringLiteral("r.kind = 'b'")};
    if (query.action) {
        terms.append(QStringLiteral("r.action = ?"));
        binds->append(int(*query.action));
    }
    if (query.outcome) {
        using Outcome = HistoryEntry::Outcome;
        switch (*query.outcome) {
        case Outcome::Success:
        case Outcome::Failure:
            terms.append(QStringLiteral("r.outcome = ?"));
            binds->append(int(*query.outcome));
            break;
        case Outcome::Pending:
            terms.append(QStringLiteral("r.outcome IN (%1, %2)").arg(kUnanswered).arg(int(Outcome::Pending)));
            break;
        case Outcome::Unknown:
            terms.append(QStringLiteral("r.outcome IN (%1, %2, %3)")
                             .arg(kUnanswered)
                             .arg(int(Outcome::Pending))
                             .arg(int(Outcome::Unknown)));
            break;
        }
    }
    if (query.from.isValid()) {
        terms.append(QStringLiteral("r.time >= ?"));
        binds->append(query.from.toMSecsSinceEpoch());
    }
    if (query.until.isValid()) {
        terms.append(QStringLiteral("r.time < ?"));
        binds->append(query.until.toMSecsSinceEpoch());
    }
    if (!query.userId.isEmpty()) {
        terms.append(QStringLiteral("r.user_id = ?"));
        binds->append(query.userId);
    }
    if (!query.runId.isEmpty()) {
        terms.append(QStringLiteral("r.run_id = ?"));
        binds->append(query.runId);
    }
    // The records written here carry no officer's role, so a role matches none of them.
    if (!query.dbRole.isEmpty())
        terms.append(QStringLiteral("0"));
    if (const QString needle = query.needle(); !needle.isEmpty()) {
        // Written into the statement as a literal rather than bound: Qt binds text as UTF-16, which
        // SQLite would convert for every row it compares against the UTF-8 it stores.
        if (!needle.contains(QChar(0))) {
            const QString literal = QLatin1Char('\'') + QString(needle).replace(QLatin1Char('\''), QStringLiteral("''"))
                + QLatin1Char('\'');
            terms.append(QStringLiteral("(instr(r.search, %1) > 0 OR instr(r.answer, %1) > 0)").arg(literal));
        } else {
            terms.append(QStringLiteral("(instr(r.search, ?) > 0 OR instr(r.answer, ?) > 0)"));
            binds->append(needle);
            binds->append(needle);
        }
    }
    return terms.join(QStringLiteral(" AND "));
}

// Which index a query over begins goes through. Without statistics SQLite takes the table's own order
// (kind, seq) as selective as any index, which scans every begin for a user's, a run's or an outcome's
// few; the choice is told. `unanswered`: only entries without an answer are asked for, always few.
QString index(const HistoryQuery &query, bool unanswered)
{
    // A role's condition is false as written, which leaves SQLite no use for an index it is told to
    // take ("no query solution"): none is named, and nothing is read.
    if (!query.dbRole.isEmpty())
        return {};
    if (!query.userId.isEmpty())
        return QStringLiteral("INDEXED BY records_user");
    if (!query.runId.isEmpty())
        return QStringLiteral("INDEXED BY records_run");
    if (query.outcome || unanswered)
        return QStringLiteral("INDEXED BY records_outcome");
    return {};
}

} // namespace BeginFilter
