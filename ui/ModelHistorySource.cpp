#include "ModelHistorySource.h"

#include "HistoryTableModel.h"

ModelHistorySource::ModelHistorySource(HistoryTableModel *model, QObject *parent)
    : UserHistorySource(parent), m_model(model)
{
    connect(model, &QAbstractItemModel::modelReset, this, &UserHistorySource::changed);
    connect(model, &QAbstractItemModel::rowsInserted, this, &UserHistorySource::changed);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &UserHistorySource::changed);
    connect(model, &QAbstractItemModel::dataChanged, this, &UserHistorySource::changed);
}

QList<HistoryEntry> ModelHistorySource::entriesForUser(const QString &userId) const
{
    return m_model->entriesForUser(userId);
}
