#pragma once

#include "UserHistorySource.h"

#include <QHash>
#include <QList>

class HistoryStore;

// Reads the whole history once on a worker thread (QtConcurrent), then follows the store's
// entryBegun/entryCompleted signals. Used when the history panel is not built in.
class StoreHistorySource : public UserHistorySource
{
    Q_OBJECT
public:
    explicit StoreHistorySource(HistoryStore *store, QObject *parent = nullptr);

    void load();
    QList<HistoryEntry> entriesForUser(const QString &userId) const override;
    bool isLoaded() const override { return m_loaded; }

private:
    void upsert(const HistoryEntry &entry);

    HistoryStore *m_store;
    QHash<QString, QList<HistoryEntry>> m_byUser;
    bool m_loaded = false;
    bool m_loading = false;
};
