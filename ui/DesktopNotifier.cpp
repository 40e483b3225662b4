#include "DesktopNotifier.h"

#include <QApplication>
#include <QSystemTrayIcon>

DesktopNotifier::DesktopNotifier(QObject *parent) : QObject(parent)
{
    setObjectName(QStringLiteral("desktopNotifier"));
}

bool DesktopNotifier::actionEnded(qint64 elapsedMs, bool windowActive, const QString &title, const QString &text)
{
    if (windowActive || elapsedMs < m_minimumMs)
        return false;
    m_last = title + QStringLiteral(": ") + text;
    if (!QSystemTrayIcon::isSystemTrayAvailable() || !QSystemTrayIcon::supportsMessages())
        return true; // nowhere to show it; the result line says it when the officer comes back
    if (!m_tray) {   // made on first use: no tray icon, and no icon loading, at start
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(tr("Enrollee Console"));
    }
    m_tray->show();
    m_tray->showMessage(title, text, QSystemTrayIcon::Information, 8000);
    return true;
}
