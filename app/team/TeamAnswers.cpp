#include "TeamAnswers.h"

#include "team/TeamQueries.h"

#include <QCoreApplication>

#include <utility>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("TeamAnswers", text);
}
} // namespace

TeamAnswers::TeamAnswers(HistoryBackend *local, Trail trail) : m_local(local), m_trail(std::move(trail))
{
}

QString TeamAnswers::unreachable(const QString &problem)
{
    return QCoreApplication::translate(
               "TeamHistoryBackend",
               "The team trail cannot be reached, so this shows this console's own records only: %1")
        .arg(problem);
}

Status TeamAnswers::switched()
{
    return Status::failure(
        tr("The team trail went away or came back while this list was being read: read it again from the top."),
        Status::Kind::Network);
}

Result<HistoryPage> TeamAnswers::page(const HistoryQuery &query, qint64 after, int limit)
{
    if (const std::unique_ptr<TeamQueries> trail = m_trail.open()) {
        Result<HistoryPage> answer = trail->page(query, after, limit);
        if (answer.ok()) {
            if (after > 0 && m_answeredLocally)
                return switched();
            m_answeredLocally = false;
            return answer;
        }
        m_trail.lost(answer.status());
    }
    if (after > 0 && !m_answeredLocally)
        return switched();
    Result<HistoryPage> local = m_local->page(query, after, limit);
    if (local.ok()) {
        local.value().problems.prepend(unreachable(m_trail.problem()));
        m_answeredLocally = true;
    }
    return local;
}

Result<HistoryCounts> TeamAnswers::count(const HistoryQuery &query)
{
    if (const std::unique_ptr<TeamQueries> trail = m_trail.open()) {
        Result<HistoryCounts> answer = trail->count(query);
        // A count that gave way is asked again; the trail was reached.
        if (answer.ok() || answer.status().kind() == Status::Kind::GaveWay)
            return answer;
        m_trail.lost(answer.status());
    }
    return m_local->count(query); // the first page names the outage; these are the entries it lists
}

Result<HistoryEntry> TeamAnswers::readEntry(qint64 id)
{
    if (m_answeredLocally)
        return m_local->readEntry(id);
    if (const std::unique_ptr<TeamQueries> trail = m_trail.open()) {
        Result<HistoryEntry> found = trail->readEntry(id);
        if (found.ok() || found.status().kind() != Status::Kind::Storage)
            return found;
        m_trail.lost(found.status());
    }
    return Status::failure(
        tr("Team record #%1 cannot be read now: the team trail cannot be reached (%2).").arg(id).arg(m_trail.problem()),
        Status::Kind::Network);
}

Result<HistoryRead> TeamAnswers::readUser(const QString &userId)
{
    if (const std::unique_ptr<TeamQueries> trail = m_trail.open()) {
        Result<HistoryRead> answer = trail->readUser(userId);
        if (answer.ok()) {
            m_answeredLocally = false;
            return answer;
        }
        m_trail.lost(answer.status());
    }
    Result<HistoryRead> local = m_local->readUser(userId);
    if (local.ok()) {
        local.value().partial = true;
        local.value().problems.prepend(unreachable(m_trail.problem()));
        m_answeredLocally = true;
    }
    return local;
}

Result<QStringList> TeamAnswers::walk(const HistoryBackend::EntryVisitor &visit)
{
    qint64 visited = 0;
    if (const std::unique_ptr<TeamQueries> trail = m_trail.open()) {
        Result<QStringList> walked = trail->walk(HistoryQuery(), [&](const HistoryEntry &e) {
            ++visited;
            return visit(e);
        });
        if (walked.ok())
            return walked;
        m_trail.lost(walked.status());
        // Entries already handed over came from the trail: the copy's would repeat them under other numbers.
        if (visited > 0)
            return walked.status();
    }
    Result<QStringList> local = m_local->walkEntries(visit);
    if (local.ok())
        local.value().prepend(unreachable(m_trail.problem()));
    return local;
}
