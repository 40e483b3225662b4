#pragma once

#include "history/HistoryEntry.h"
#include "settings/Profile.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

class HistoryService;

// One user's past actions, newest first, as the lookup shows them, asked of the history service
// (which answers from its index or database) when the user changes and again on refresh(). The same
// user ID in another environment or partner account is another person, so both are part of the key.
class UserTimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ActionColumn, OutcomeColumn, CodeColumn, ReasonColumn, ProfileColumn, ColumnCount };

    explicit UserTimelineModel(HistoryService *service, QObject *parent = nullptr);

    // An empty user ID shows nothing.
    void setUser(const QString &userId, Environment environment, const QString &partnerId);
    // Asks again for the current user's entries.
    void refresh();
    // Whether the entries are the answer for the current user (false while it is on its way).
    bool isCurrent() const { return m_current; }
    const QList<HistoryEntry> &entries() const { return m_entries; }
    // Why the entries may not be all of this user's: the history could not be read (readFailed), or
    // what the read said of them (the team trail out of reach, so only this console's own records;
    // records it could not verify). Empty when the answer is whole.
    const QStringList &problems() const { return m_problems; }
    bool readFailed() const { return m_readFailed; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // Rows were added, changed or replaced: what the lookup derives from them is stale.
    void changed();

private:
    bool matches(const HistoryEntry &entry) const;
    void ask();
    void show(const QList<HistoryEntry> &entries);

    HistoryService *m_service;
    QString m_userId;
    Environment m_environment = Environment::Local;
    QString m_partnerId;
    QList<HistoryEntry> m_entries; // newest (highest id) first
    QStringList m_problems;
    bool m_readFailed = false;
    int m_generation = 0;
    bool m_current = true; // nobody asked yet: the empty user's empty timeline is current
};
