#include "FollowUpBar.h"

#include "action/ActionRunner.h"
#include "widgets/WrapLabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

FollowUpBar::FollowUpBar(QWidget *parent)
    : QWidget(parent), m_label(new WrapLabel(this)), m_retry(new QPushButton(this)), m_undo(new QPushButton(this)),
      m_cancel(new QPushButton(this)), m_waitTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("followUpBar"));
    m_label->setObjectName(QStringLiteral("followUpText"));
    m_label->setWordWrap(true);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setText(tr("&Retry"));
    m_retry->setAccessibleName(tr("Send the same action again"));
    m_undo->setObjectName(QStringLiteral("undoButton"));
    m_cancel->setObjectName(QStringLiteral("cancelRequestButton"));
    m_cancel->setText(tr("&Cancel request"));
    m_cancel->setAccessibleName(tr("Stop waiting for the answer"));
    m_cancel->setToolTip(tr("Stops waiting. The request has been sent: Smile ID may still carry it out, so the "
                            "history records its outcome as unknown."));
    m_waitTimer->setSingleShot(true);
    m_waitTimer->setInterval(1000);
    connect(m_waitTimer, &QTimer::timeout, this, [this] {
        m_label->setText(tr("Still waiting for Smile ID's answer…"));
        m_cancel->show();
        show();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        const quint64 ticket = m_waitingTicket;
        m_cancel->setEnabled(false);
        m_label->setText(tr("Cancelling…"));
        emit cancelRequested(ticket);
    });
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_retry);
    layout->addWidget(m_undo);
    layout->addWidget(m_cancel);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        const ActionKind kind = m_kind;
        const QString userId = m_userId;
        const QString reason = m_reason;
        clear();
        emit followUpRequested(kind, userId, reason);
    });
    connect(m_undo, &QPushButton::clicked, this, [this] {
        const ActionKind kind = m_undoKind;
        const QString userId = m_userId;
        const QString reason = m_reason.isEmpty() ? tr("Undo") : tr("Undo: %1").arg(m_reason);
        clear();
        emit followUpRequested(kind, userId, reason);
    });
    clear();
}

bool FollowUpBar::undoOf(ActionKind kind, ActionKind *undo)
{
    switch (kind) {
    case ActionKind::Deactivate:
        *undo = ActionKind::Reactivate;
        return true;
    case ActionKind::FlagFraud:
        *undo = ActionKind::UnflagFraud;
        return true;
    default:
        return false;
    }
}

void FollowUpBar::showFor(const ActionOutcome &outcome)
{
    clear();
    if (!outcome.sent())
        return; // refused before sending: nothing to retry or undo
    m_kind = outcome.entry.action;
    m_userId = outcome.entry.userId;
    m_reason = outcome.entry.reason;
    const ApiResult &r = outcome.result;
    // What is offered follows where the failure lay. A 5xx is Smile ID's problem; no usable answer
    // leaves the outcome unknown; a request that never reached the server failed here (network, base
    // URL), and sending it again is safe once that is put right. A 4xx or a certificate refused will
    // only fail again: no Retry.
    const bool unknown = outcome.entry.outcome == HistoryEntry::Outcome::Unknown;
    const bool serverSide = r.httpStatus >= 500;
    const bool notReached = !r.requestSent
        && (r.outcome == ApiResult::Outcome::NetworkError || r.outcome == ApiResult::Outcome::Timeout);
    if (!outcome.ok() && (unknown || serverSide || notReached)) {
        m_label->setText(unknown          ? tr("No answer came: it may or may not have been applied. Retrying is safe: "
                                                        "each of these actions sets a state.")
                             : serverSide ? tr("Smile ID had a problem on its side; it may work if you try again.")
                                          : tr("Nothing was applied. Once the connection or the base URL is put right, "
                                               "retrying is safe."));
        m_retry->show();
    } else if (outcome.ok() && undoOf(m_kind, &m_undoKind)) {
        m_label->setText(tr("Done. Changed your mind?"));
        // The button names the user, elided in the middle: a long user ID must not widen the window.
        const QString shortId = m_undo->fontMetrics().elidedText(m_userId, Qt::ElideMiddle,
                                                                 m_undo->fontMetrics().averageCharWidth() * 32);
        m_undo->setText(tr("%1 \"%2\"").arg(ActionInfo::displayName(m_undoKind), shortId));
        const QString full = tr("%1 \"%2\"").arg(ActionInfo::displayName(m_undoKind), m_userId);
        m_undo->setAccessibleName(full);
        m_undo->setToolTip(full);
        m_undo->show();
    } else {
        return;
    }
    show();
}

void FollowUpBar::showWaiting(quint64 ticket)
{
    clear();
    m_waitingTicket = ticket;
    m_waitTimer->start();
}

void FollowUpBar::clear()
{
    m_waitTimer->stop();
    m_waitingTicket = 0;
    m_cancel->hide();
    m_cancel->setEnabled(true);
    m_retry->hide();
    m_undo->hide();
    m_label->clear();
    hide();
}
