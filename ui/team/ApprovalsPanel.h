#pragma once

#include "approvals/ApprovalRequest.h"
#include "base/Status.h"

#include <QWidget>

#include <functional>

class ApprovalsModel;
class FourEyes;
class PromptService;
class QLabel;
class QPushButton;
class QTableView;

// The Approvals tab: the team's four-eyes requests, asked of the FourEyes service (which reads them on
// the history thread, never on the GUI thread). Approve and Deny show the request in full and ask for
// the decider's reason, required for both; the database decides who may (the requester cannot), and its refusal is
// shown as it says it. "Send now" hands the requester's own approved request to the window's action path.
class ApprovalsPanel : public QWidget
{
    Q_OBJECT
public:
    ApprovalsPanel(FourEyes *fourEyes, PromptService *prompts, QWidget *parent = nullptr);

    // This console's database role: its own approved requests can be sent from here.
    void setOwnRole(const QString &role);
    // Runs an approved request through the normal action path; set by the window.
    void setSender(const std::function<void(const ApprovalRequest &)> &send) { m_send = send; }
    ApprovalsModel *model() const { return m_model; }
    QString message() const;
    // The row of request `id`, or -1.
    int rowOf(qint64 id) const;

public slots:
    void refresh();
    void showMessage(const QString &text, bool problem);

signals:
    void refreshed();
    void decided(qint64 id, bool approved);

private:
    void approveSelected();
    void denySelected();
    void askDecision(bool approve);
    void sendSelected();
    void decide(qint64 id, bool approve, const QString &reason);
    const ApprovalRequest *selected() const;
    void updateButtons();

    FourEyes *m_fourEyes;
    PromptService *m_prompts;
    ApprovalsModel *m_model;
    QTableView *m_table;
    QPushButton *m_approve;
    QPushButton *m_deny;
    QPushButton *m_sendNow;
    QPushButton *m_refresh;
    QLabel *m_message;
    QString m_ownRole;
    std::function<void(const ApprovalRequest &)> m_send;
    bool m_reading = false;
};
