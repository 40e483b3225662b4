#include "ApprovalsPanel.h"

#include "PromptService.h"
#include "approvals/FourEyes.h"
#include "team/ApprovalsModel.h"
#include "widgets/HeaderFit.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QPushButton *button(const QString &text, const char *name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    b->setAccessibleName(b->text().remove(QLatin1Char('&')));
    return b;
}
} // namespace

ApprovalsPanel::ApprovalsPanel(FourEyes *fourEyes, PromptService *prompts, QWidget *parent)
    : QWidget(parent), m_fourEyes(fourEyes), m_prompts(prompts), m_model(new ApprovalsModel(this))
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("approvalsTable"));
    m_table->setAccessibleName(tr("Requests awaiting a second officer"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    HeaderFit::fit(m_table, m_table->horizontalHeader());
    m_approve = button(tr("Approve…"), "approveButton", this);
    m_deny = button(tr("Deny…"), "denyButton", this);
    m_sendNow = button(tr("Send now"), "sendNowButton", this);
    m_refresh = button(tr("Refresh"), "refreshApprovalsButton", this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("approvalsMessage"));
    m_message->setAccessibleName(tr("Approvals message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_approve);
    buttons->addWidget(m_deny);
    buttons->addWidget(m_sendNow);
    buttons->addStretch(1);
    buttons->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    connect(m_approve, &QPushButton::clicked, this, &ApprovalsPanel::approveSelected);
    connect(m_deny, &QPushButton::clicked, this, &ApprovalsPanel::denySelected);
    connect(m_sendNow, &QPushButton::clicked, this, &ApprovalsPanel::sendSelected);
    connect(m_refresh, &QPushButton::clicked, this, &ApprovalsPanel::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ApprovalsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ApprovalsPanel::updateButtons);
    updateButtons();
}

void ApprovalsPanel::setOwnRole(const QString &role)
{
    m_ownRole = role;
    updateButtons();
}

QString ApprovalsPanel::message() const
{
    return m_message->text();
}

int ApprovalsPanel::rowOf(qint64 id) const
{
    const QList<ApprovalRequest> &all = m_model->requests();
    for (int row = 0; row < all.size(); ++row) {
        if (all.at(row).id == id)
            return row;
    }
    return -1;
}

void ApprovalsPanel::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? QStringLiteral("QLabel { color: #b00020; }") : QString());
}

void ApprovalsPanel::refresh()
{
    if (m_reading)
        return;
    m_reading = true;
    m_fourEyes->pending(this, [this](const Result<QList<ApprovalRequest>> &answer) {
        m_reading = false;
        if (!answer.ok()) {
            showMessage(tr("The requests could not be read: %1").arg(answer.message()), true);
            return;
        }
        // Keep the officer's selection across a refresh.
        const ApprovalRequest *before = selected();
        const qint64 keep = before ? before->id : 0;
        m_model->setRequests(answer.value());
        if (const int row = rowOf(keep); row >= 0)
            m_table->selectRow(row);
        emit refreshed();
    });
}

const ApprovalRequest *ApprovalsPanel::selected() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->at(rows.first().row());
}

void ApprovalsPanel::updateButtons()
{
    const ApprovalRequest *r = selected();
    const bool pending = r && r->status == QLatin1String("pending");
    // The database refuses self-approval; the buttons stay available so its refusal is what is shown.
    m_approve->setEnabled(pending);
    m_deny->setEnabled(pending);
    m_sendNow->setEnabled(r && r->status == QLatin1String("approved") && r->requester == m_ownRole && m_send);
    m_sendNow->setVisible(!r || r->requester == m_ownRole);
}

void ApprovalsPanel::approveSelected()
{
    askDecision(true);
}

void ApprovalsPanel::denySelected()
{
    askDecision(false);
}

// Both decisions show the request in full and need the decider's reason; an empty one decides nothing.
void ApprovalsPanel::askDecision(bool approve)
{
    const ApprovalRequest *r = selected();
    if (!r)
        return;
    const qint64 id = r->id;
    m_prompts->decideRequest(this, *r, approve, [this, id, approve](bool accepted, const QString &reason) {
        if (!accepted)
            return;
        if (reason.trimmed().isEmpty())
            return showMessage(approve ? tr("An approval needs a reason; request #%1 was not approved.").arg(id)
                                       : tr("A denial needs a reason; request #%1 was not denied.").arg(id),
                               true);
        decide(id, approve, reason.trimmed());
    });
}

void ApprovalsPanel::decide(qint64 id, bool approve, const QString &reason)
{
    m_fourEyes->decide(id, approve, reason, this, [this, id, approve](const Result<QString> &answer) {
        if (!answer.ok()) {
            showMessage(approve ? tr("Request #%1 was not approved: %2").arg(id).arg(answer.message())
                                : tr("Request #%1 was not denied: %2").arg(id).arg(answer.message()),
                        true);
        } else {
            showMessage(approve ? tr("Request #%1 approved; its requester can now send it.").arg(id)
                                : tr("Request #%1 denied; nothing will be sent.").arg(id),
                        false);
            emit decided(id, approve);
        }
        refresh();
    });
}

void ApprovalsPanel::sendSelected()
{
    const ApprovalRequest *r = selected();
    if (r && m_send && r->status == QLatin1String("approved"))
        m_send(*r);
}
