#pragma once

#include "approvals/ApprovalRequest.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

// Approving or denying a colleague's request: shows everything the decision is about (who asked and
// why, the action, the user ID or bulk run, the environment and the host it goes to) and asks for the
// decider's own reason, which is required. The deciding button stays disabled until a reason is typed
// and is never the default: Enter pressed out of habit must not approve a permanent delete.
class ApprovalDecisionDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Decision { Approve, Deny };
    ApprovalDecisionDialog(const ApprovalRequest &request, Decision decision, QWidget *parent = nullptr);

    QString reason() const;
    static QString title(const ApprovalRequest &request, Decision decision);

private:
    void updateButton();

    QLineEdit *m_reason;
    QPushButton *m_decide;
    QPushButton *m_cancel;
};
