#pragma once

#include "history/HistoryBackend.h"

#include <functional>
#include <memory>

class TeamQueries;

// Who answers a team console's questions (a page, a count, one entry, a user's timeline, the walk):
// the team trail through TeamQueries while it can be reached, this console's own copy otherwise, saying
// so as a read does. The two number entries differently, so a listing is never continued from the other
// one: a next page, or an entry asked for by the trail's number, is refused with the reason while the
// source differs from the one that answered the listing's first page, and the faces ask again from the top.
class TeamAnswers
{
public:
    struct Trail {
        std::function<std::unique_ptr<TeamQueries>()> open; // null: the trail cannot be reached now
        std::function<void(const Status &why)> lost;        // the trail failed mid-answer
        std::function<QString()> problem;                   // why it cannot be reached, for people
    };
    TeamAnswers(HistoryBackend *local, Trail trail);

    Result<HistoryPage> page(const HistoryQuery &query, qint64 after, int limit);
    Result<HistoryCounts> count(const HistoryQuery &query);
    Result<HistoryEntry> readEntry(qint64 id);
    Result<HistoryRead> readUser(const QString &userId);
    Result<QStringList> walk(const HistoryBackend::EntryVisitor &visit);

    // What an answer from this console's own copy says first (a read says the same).
    static QString unreachable(const QString &problem);

private:
    static Status switched();

    HistoryBackend *m_local;
    Trail m_trail;
    // The last listing (a first page, a user's timeline) came from the copy: the ids the faces hold are
    // its numbers, not the trail's.
    bool m_answeredLocally = false;
};
