#include "HistoryFeed.h"

#include "history/HistoryService.h"
#include "history/HistoryTableModel.h"

#include <utility>

HistoryFeed::HistoryFeed(HistoryService *service, HistoryTableModel *model, QObject *parent)
    : QObject(parent), m_service(service), m_model(model)
{
    const auto live = [this](const QList<HistoryEntry> &entries) {
        if (m_service->renumbers()) {
            // The entry's id here is not the one reads give it: shown as read, it is listed once.
            if (m_loading)
                m_catchUpAfterLoad = true;
            else
                catchUp();
            return;
        }
        for (const HistoryEntry &e : entries) {
            if (m_loading)
                m_liveDuringLoad.append(e);
            m_model->upsert(e);
        }
        emit changed();
    };
    connect(service, &HistoryService::entriesBegun, this, live);
    connect(service, &HistoryService::entriesCompleted, this, live);
    connect(service, &HistoryService::externalChange, this, &HistoryFeed::catchUp);
}

void HistoryFeed::reload()
{
    const int generation = ++m_generation;
    m_loading = true;
    m_catchUpAfterLoad = false;
    m_liveDuringLoad.clear();
    m_service->read(1, this, [this, generation](const Result<HistoryRead> &read) { onRead(generation, true, read); });
}

void HistoryFeed::catchUp()
{
    if (!m_loaded || m_loading)
        return; // the full read under way brings it
    if (m_catchingUp) {
        m_catchUpAgain = true;
        return;
    }
    if (m_partial)
        return reload(); // the copy's record numbers are not the trail's: start again from the first
    m_catchingUp = true;
    const int generation = m_generation;
    m_service->read(m_newest + 1, this,
                    [this, generation](const Result<HistoryRead> &read) { onRead(generation, false, read); });
}

void HistoryFeed::onRead(int generation, bool full, const Result<HistoryRead> &read)
{
    if (!full)
        m_catchingUp = false;
    if (generation != m_generation)
        return; // a newer full read is on its way
    if (!full && read.ok() && read.value().partial)
        return reload(); // the trail went away: its numbers and the copy's do not mix in one model
    QStringList problems = read.ok() ? read.value().problems : QStringList{read.message()};
    if (full) {
        m_loading = false;
        m_loaded = true;
        m_model->setEntries(read.ok() ? read.value().entries : QList<HistoryEntry>());
        // Signals that came in while the service read the trail may be newer than what it read.
        for (const HistoryEntry &e : std::as_const(m_liveDuringLoad))
            m_model->upsert(e);
        m_liveDuringLoad.clear();
    } else if (read.ok()) {
        // A catch-up also reads back what this process wrote (the folder changed for us too): rows that
        // already show it are left alone, so the views repaint only for news.
        for (const HistoryEntry &e : read.value().entries) {
            const int row = m_model->rowForId(e.id);
            if (row >= 0 && m_model->entryRef(row).outcome == e.outcome)
                continue;
            m_model->upsert(e);
        }
        problems = m_problems + problems;
        problems.removeDuplicates();
    }
    if (read.ok()) {
        // Answers to entries the model holds; one whose begin was pruned or never read has no row to join.
        for (const HistoryEntry &answer : read.value().completions) {
            const int row = m_model->rowForId(answer.id);
            if (row >= 0 && m_model->entryRef(row).outcome != answer.outcome)
                m_model->upsert(answer);
        }
        m_newest = qMax(full ? 0 : m_newest, read.value().newestRecord);
        m_partial = read.value().partial;
    }
    if (problems != m_problems) {
        m_problems = problems;
        emit problemsChanged(m_problems);
    }
    if (full)
        emit loaded();
    emit changed();
    if (!full && m_catchUpAgain) {
        m_catchUpAgain = false;
        catchUp();
    }
    if (full && std::exchange(m_catchUpAfterLoad, false))
        catchUp();
}
