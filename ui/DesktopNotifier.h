#pragma once

#include <QObject>
#include <QString>

class QSystemTrayIcon;

// Tells the officer that a long action ended while they were in another window: a desktop
// notification through the system tray when there is one, else nothing. Short actions never notify.
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    explicit DesktopNotifier(QObject *parent = nullptr);

    // Actions shorter than this (default 3 s) end while the officer is still looking.
    void setMinimumDurationMs(qint64 ms) { m_minimumMs = ms; }
    // Notifies when `elapsedMs` is long enough and `windowActive` is false; true when it did.
    bool actionEnded(qint64 elapsedMs, bool windowActive, const QString &title, const QString &text);
    // What the last notification said ("" before any); kept even without a tray.
    QString lastMessage() const { return m_last; }

private:
    QSystemTrayIcon *m_tray = nullptr;
    qint64 m_minimumMs = 3000;
    QString m_last;
};
