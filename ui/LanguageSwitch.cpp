#include "LanguageSwitch.h"

#include <QLabel>
#include <QMetaMethod>

LanguageSwitch::LanguageSwitch(QLabel *notice, std::function<bool()> busy, QObject *parent)
    : QObject(parent), m_notice(notice), m_busy(std::move(busy))
{
}

void LanguageSwitch::choose(const QString &code, const QString &nextStart)
{
    if (!isSignalConnected(QMetaMethod::fromSignal(&LanguageSwitch::switchRequested))) {
        // No host to rebuild the window: the choice applies at the next start. Say so where it stays
        // until then, not for ten seconds.
        m_notice->setText(nextStart);
        m_notice->show();
        return;
    }
    m_pending = code;
    applyPending();
}

void LanguageSwitch::applyPending()
{
    if (!m_pending)
        return;
    if (m_busy()) {
        // Rebuilding now would drop the answer's place on screen (and pause nothing): wait for it.
        m_notice->setText(tr("The language changes once the action or bulk run in flight has finished."));
        m_notice->show();
        return;
    }
    const QString code = *m_pending;
    m_pending.reset();
    m_notice->hide();
    emit switchRequested(code);
}
