#include "HistoryQuery.h"

bool HistoryQuery::isEmpty() const
{
    return needle().isEmpty() && !action && !outcome && !from.isValid() && !until.isValid() && userId.isEmpty()
        && runId.isEmpty() && dbRole.isEmpty();
}

QString HistoryQuery::fold(const QString &text)
{
    return text.trimmed().toLower().replace(separator(), QLatin1Char(' '));
}

bool HistoryQuery::matches(const HistoryEntry &e) const
{
    if (action && e.action != *action)
        return false;
    if (outcome && e.outcome != *outcome)
        return false;
    if (from.isValid() && (!e.time.isValid() || e.time < from))
        return false;
    if (until.isValid() && (!e.time.isValid() || e.time >= until))
        return false;
    if (!userId.isEmpty() && e.userId != userId)
        return false;
    if (!runId.isEmpty() && e.runId != runId)
        return false;
    if (!dbRole.isEmpty() && e.dbRole != dbRole)
        return false;
    const QString n = needle();
    return n.isEmpty() || searchText(e).contains(n);
}

QString HistoryQuery::searchText(const HistoryEntry &e)
{
    const QString fields[] = {e.userId, e.operatorEmail, e.reason, e.message, e.code, e.runId, e.dbRole, e.machine};
    QString joined;
    for (const QString &field : fields) {
        if (!joined.isEmpty() || &field != &fields[0])
            joined.append(separator());
        joined.append(field.contains(separator()) ? QString(field).replace(separator(), QLatin1Char(' ')) : field);
    }
    return joined.toLower();
}

void HistoryCounts::add(HistoryEntry::Outcome outcome)
{
    ++total;
    switch (outcome) {
    case HistoryEntry::Outcome::Success:
        ++success;
        break;
    case HistoryEntry::Outcome::Failure:
        ++failure;
        break;
    case HistoryEntry::Outcome::Pending:
        ++pending;
        break;
    case HistoryEntry::Outcome::Unknown:
        ++unknown;
        break;
    }
}
