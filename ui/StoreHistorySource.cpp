#include "StoreHistorySource.h"

#include "HistoryStore.h"

#include <QFutureWatcher>
#include <QtConcurrent>

StoreHistorySource::StoreHistorySource(HistoryStore *store, QObject *parent)
    : UserHistorySource(parent), m_store(store)
{
    connect(store, &HistoryStore::entryBegun, this, &StoreHistorySource::upsert);
    connect(store, &HistoryStore::entryCompleted, this, &StoreHistorySource::upsert);
}

void StoreHistorySource::load()
{
    if (m_loading || m_loaded)
        return;
    m_loading = true;
    auto *watcher = new QFutureWatcher<HistoryLoad>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        const HistoryLoad loaded = watcher->result();
        watcher->deleteLater();
        // Entries recorded while the load ran arrived through the signals; keep them, add the rest.
        QHash<QString, QList<HistoryEntry>> live;
        live.swap(m_byUser);
        for (const HistoryEntry &e : loaded.entries)
            m_byUser[e.userId].append(e);
        for (const QList<HistoryEntry> &list : std::as_const(live)) {
            for (const HistoryEntry &e : list)
                upsert(e);
        }
        m_loading = false;
        m_loaded = true;
        emit changed();
    });
    // The worker reads through its own store over the same folder, so closing the window while it
    // runs leaves it nothing dangling (load() only reads files and is safe beside appends).
    const QString directory = m_store->directory();
    watcher->setFuture(QtConcurrent::run([directory] { return HistoryStore(directory).load(); }));
}

QList<HistoryEntry> StoreHistorySource::entriesForUser(const QString &userId) const
{
    return m_byUser.value(userId);
}

void StoreHistorySource::upsert(const HistoryEntry &entry)
{
    if (entry.userId.isEmpty()) {
        // A bare completion: only the outcome fields are meaningful; merge them into the begun entry.
        for (QList<HistoryEntry> &list : m_byUser) {
            for (HistoryEntry &existing : list) {
                if (existing.id != entry.id)
                    continue;
                existing.takeOutcome(entry);
                emit changed();
                return;
            }
        }
        return;
    }
    QList<HistoryEntry> &list = m_byUser[entry.userId];
    for (HistoryEntry &existing : list) {
        if (existing.id == entry.id) {
            existing = entry;
            emit changed();
            return;
        }
    }
    list.append(entry);
    emit changed();
}
