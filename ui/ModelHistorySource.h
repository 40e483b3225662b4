#pragma once

#include "UserHistorySource.h"

class HistoryTableModel;

// Reads a user's past actions from the history panel's model, so the history is loaded once.
class ModelHistorySource : public UserHistorySource
{
    Q_OBJECT
public:
    explicit ModelHistorySource(HistoryTableModel *model, QObject *parent = nullptr);

    QList<HistoryEntry> entriesForUser(const QString &userId) const override;
    bool isLoaded() const override { return true; }

private:
    HistoryTableModel *m_model;
};
