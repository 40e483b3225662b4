#pragma once

#include "history/HistoryEntry.h"
#include "settings/Profile.h"

#include <QAbstractTableModel>
#include <QList>

class HistoryTableModel;

// One user's past actions, newest first, as the lookup shows them: a live view of the window's one
// HistoryTableModel, kept in step row by row (an answer arriving changes one row; a new action inserts
// one), so the lookup never rebuilds or re-measures its whole timeline while an officer works. The same
// user ID in another environment or partner account is another person, so both are part of the key.
class UserTimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ActionColumn, OutcomeColumn, CodeColumn, ReasonColumn, ProfileColumn, ColumnCount };

    explicit UserTimelineModel(HistoryTableModel *source, QObject *parent = nullptr);

    // An empty user ID shows nothing.
    void setUser(const QString &userId, Environment environment, const QString &partnerId);
    const QList<HistoryEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // Rows were added, changed or replaced: what the lookup derives from them is stale.
    void changed();

private:
    bool matches(const HistoryEntry &entry) const;
    void rebuild();
    void onRowsInserted(int first, int last);
    void onDataChanged(int first, int last);

    HistoryTableModel *m_source;
    QString m_userId;
    Environment m_environment = Environment::Local;
    QString m_partnerId;
    QList<HistoryEntry> m_entries; // newest (highest id) first
};
