#include "TeamStatusBar.h"

#include "history/HistoryChain.h"
#include "widgets/TimeText.h"

TeamStatusBar::TeamStatusBar(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("teamStatusLine"));
    setAccessibleName(tr("Team trail"));
    setTextFormat(Qt::PlainText);
    // A long database error must not widen the window: the line wraps instead.
    setWordWrap(true);
    setText(tr("Team trail: connecting…"));
}

void TeamStatusBar::setStatus(const TeamStatus &status)
{
    if (!status.connected && (!m_haveStatus || m_status.connected || m_unreachableSince.isNull()))
        m_unreachableSince = QDateTime::currentDateTime();
    if (status.connected)
        m_unreachableSince = QDateTime();
    m_status = status;
    m_haveStatus = true;
    refresh();
}

void TeamStatusBar::setIntegrity(const ChainReport &report)
{
    m_integrityProblem = report.ok ? QString() : report.problem;
    refresh();
}

void TeamStatusBar::refresh()
{
    QString text;
    if (!m_integrityProblem.isEmpty()) {
        text = tr("Team trail check failed: %1").arg(m_integrityProblem);
    } else if (m_haveStatus && !m_status.refused.isEmpty()) {
        text = tr("Team trail refuses %n record(s) of this console: %1", nullptr,
                  int(qMax<qint64>(m_status.waiting, 1)))
                   .arg(m_status.refused);
    } else if (!m_haveStatus) {
        text = tr("Team trail: connecting…");
    } else if (!m_status.connected) {
        const QString since = TimeText::display(m_unreachableSince);
        text = m_status.waiting > 0
            ? tr("Team trail is behind: %n record(s) waiting to be sent (database unreachable since %1)", nullptr,
                 int(m_status.waiting))
                  .arg(since)
            : tr("Team trail: database unreachable since %1; nothing is waiting to be sent").arg(since);
    } else if (m_status.waiting > 0) {
        text = tr("Team trail is behind: %n record(s) waiting to be sent", nullptr, int(m_status.waiting));
    } else {
        text = tr("Team trail: connected (officer role %1)").arg(m_status.role);
    }
    if (m_haveStatus && m_status.tlsWeakened && m_integrityProblem.isEmpty())
        text += QLatin1Char(' ') + tr("— encryption weakened by settings");
    setText(text);
    // Records refused in this console's name are as serious as a failed check: someone wrote as this console.
    const bool red = !m_integrityProblem.isEmpty() || (m_haveStatus && !m_status.refused.isEmpty());
    const bool amber = !red && m_haveStatus && (!m_status.connected || m_status.waiting > 0);
    setStyleSheet(red         ? QStringLiteral("QLabel { color: white; background: #b00020; padding: 0 4px; }")
                      : amber ? QStringLiteral("QLabel { color: #7a4d00; }")
                              : QString());
    setToolTip(m_haveStatus ? QStringList{m_status.address, m_status.problem}.join(QLatin1Char('\n')).trimmed()
                            : QString());
    setAccessibleDescription(text);
}
