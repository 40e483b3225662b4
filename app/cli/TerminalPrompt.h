#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QSocketNotifier;

// Asks a question on standard error and reads one line from standard input without blocking the
// event loop (a QSocketNotifier on fd 0). With echo off (for API keys), the terminal's echo is
// switched off for the line and restored afterwards, also when the object dies first.
class TerminalPrompt : public QObject
{
    Q_OBJECT
public:
    explicit TerminalPrompt(QObject *parent = nullptr);
    ~TerminalPrompt() override;

    void ask(const QString &question, bool echo = true);

signals:
    // The line without its newline; `eof` when input ended before a newline.
    void answered(const QByteArray &line, bool eof);

private:
    void onReadable();
    void restoreEcho();

    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_buffer;
    bool m_echoOff = false;
};
