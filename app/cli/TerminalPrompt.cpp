#include "TerminalPrompt.h"

#include "settings/SecretBytes.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace {
termios g_saved;
}

TerminalPrompt::TerminalPrompt(QObject *parent) : QObject(parent)
{
}

TerminalPrompt::~TerminalPrompt()
{
    restoreEcho();
    SecretBytes::wipe(m_buffer);
}

void TerminalPrompt::ask(const QString &question, bool echo)
{
    const QByteArray text = question.toUtf8();
    std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
    std::fflush(stderr);
    if (!echo && ::isatty(STDIN_FILENO) == 1 && ::tcgetattr(STDIN_FILENO, &g_saved) == 0) {
        termios quiet = g_saved;
        quiet.c_lflag &= tcflag_t(~ECHO);
        quiet.c_lflag |= ECHONL;
        m_echoOff = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    delete m_notifier;
    m_notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TerminalPrompt::onReadable);
}

void TerminalPrompt::restoreEcho()
{
    if (m_echoOff) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved);
        m_echoOff = false;
    }
}

void TerminalPrompt::onReadable()
{
    char chunk[512];
    const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    const bool eof = n <= 0;
    if (!eof)
        m_buffer.append(chunk, qsizetype(n));
    const qsizetype newline = m_buffer.indexOf('\n');
    if (newline < 0 && !eof)
        return;
    m_notifier->setEnabled(false);
    restoreEcho();
    QByteArray line = newline >= 0 ? m_buffer.left(newline) : m_buffer;
    if (line.endsWith('\r'))
        line.chop(1);
    // Blank after the answer went out: the reference that shared the buffer is dropped first.
    SecretBytes::wipe(m_buffer);
    emit answered(line, newline < 0);
    SecretBytes::wipe(line);
}
