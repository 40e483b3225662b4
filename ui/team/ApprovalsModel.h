#pragma once

#include "approvals/ApprovalRequest.h"

#include <QAbstractTableModel>
#include <QList>

// The team's requests waiting for a decision or a run, one row each: id, action, user ID, the host
// it goes to, requester, reason, expiry and status.
class ApprovalsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, Action, UserId, Host, Requester, Reason, Expiry, State, ColumnCount };

    explicit ApprovalsModel(QObject *parent = nullptr);

    void setRequests(const QList<ApprovalRequest> &requests);
    const QList<ApprovalRequest> &requests() const { return m_requests; }
    const ApprovalRequest *at(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ApprovalRequest> m_requests;
};
