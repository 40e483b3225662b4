#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

class HistoryService;
class HistoryTableModel;

// Tells the window's views when the history changed: what this process recorded, and what other
// programs (the CLI, a second console, a colleague on the team trail) added. Bursts are folded into
// one notice per tick, so a bulk run answering hundreds of rows a second costs the views a few
// re-reads a second, not one per row. The History tab's model is refreshed here; other views (the
// lookup's timeline) listen to changed(). Nothing here touches a file or holds entries: the views ask
// the service, which answers from its own thread.
class HistoryFeed : public QObject
{
    Q_OBJECT
public:
    HistoryFeed(HistoryService *service, HistoryTableModel *model, QObject *parent = nullptr);

    HistoryService *service() const { return m_service; }
    HistoryTableModel *model() const { return m_model; }
    // Whether the History tab's first page has arrived / is on its way.
    bool isLoaded() const;
    bool isLoading() const;
    QStringList problems() const;

public slots:
    // Asks for the History tab's first page again.
    void reload();
    // Something changed: the views ask again (folded with other changes in the same tick).
    void catchUp();

signals:
    void loaded();
    // The history may have changed: ask again for what you show.
    void changed();
    void problemsChanged(const QStringList &problems);

private:
    void notify();

    HistoryService *m_service;
    HistoryTableModel *m_model;
    QTimer m_tick;
};
