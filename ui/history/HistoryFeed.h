#pragma once

#include "history/HistoryBackend.h"

#include <QObject>
#include <QStringList>

class HistoryService;
class HistoryTableModel;

// Keeps one HistoryTableModel in step with the HistoryService for every view of the window (the
// History tab, the lookup's timeline): a first read of the whole trail, then what this process
// records as it happens, and what other programs add (read incrementally from the newest record
// seen). Nothing here touches a file: the service answers from its own thread.
class HistoryFeed : public QObject
{
    Q_OBJECT
public:
    HistoryFeed(HistoryService *service, HistoryTableModel *model, QObject *parent = nullptr);

    HistoryService *service() const { return m_service; }
    HistoryTableModel *model() const { return m_model; }
    bool isLoaded() const { return m_loaded; }
    bool isLoading() const { return m_loading; }
    QStringList problems() const { return m_problems; }
    qint64 newestRecord() const { return m_newest; }

public slots:
    // Reads the whole trail again (the model is replaced when it arrives).
    void reload();
    // Reads what was added since the newest record seen.
    void catchUp();

signals:
    void loaded();
    // Entries were added or completed, by this process or another.
    void changed();
    void problemsChanged(const QStringList &problems);

private:
    void onRead(int generation, bool full, const Result<HistoryRead> &read);

    HistoryService *m_service;
    HistoryTableModel *m_model;
    QStringList m_problems;
    qint64 m_newest = 0;
    int m_generation = 0;
    bool m_loaded = false;
    bool m_loading = false;
    bool m_catchingUp = false;
    bool m_catchUpAgain = false;
    bool m_partial = false;          // the last read was a team's local copy: read everything again next time
    bool m_catchUpAfterLoad = false; // this process recorded something the full read under way may miss
    // Entries that arrived by signal while a full read was running; re-applied over its (older) snapshot.
    QList<HistoryEntry> m_liveDuringLoad;
};
