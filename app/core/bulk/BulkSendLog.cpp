#include "BulkSendLog.h"

#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

BulkSendLog::BulkSendLog(QString path) : m_path(std::move(path))
{
}

BulkSendLog::~BulkSendLog()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Status BulkSendLog::held(const QList<int> &lines)
{
    return append('h', lines, false);
}

Status BulkSendLog::released(const QList<int> &lines)
{
    return append('r', lines, true);
}

Status BulkSendLog::unreleased(const QList<int> &lines)
{
    return append('u', lines, false);
}

Status BulkSendLog::append(char kind, const QList<int> &lines, bool sync)
{
    const auto failure = [this] {
        return PrivateFiles::writeFailure(QFileInfo(m_path).absolutePath(),
                                          QCoreApplication::translate("BulkSendLog", "the send log %1").arg(m_path));
    };
    if (m_fd < 0) {
        m_fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
        if (m_fd < 0)
            return failure();
    }
    QByteArray bytes;
    for (const int line : lines) {
        bytes += kind;
        bytes += ' ';
        bytes += QByteArray::number(line);
        bytes += '\n';
    }
    // One write for the group: O_APPEND puts it whole at the end; a short write (a full disk) leaves a torn
    // last line, which readers ignore.
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(m_fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return failure();
        done += n;
    }
    if (sync && ::fdatasync(m_fd) != 0)
        return failure();
    return Status::success();
}

BulkSendLog::Lines BulkSendLog::read(const QString &path)
{
    Lines lines;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    const QByteArray all = file.readAll();
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = all.indexOf('\n', start);
        if (end < 0)
            break; // a torn last line, or none
        const QByteArray line = all.mid(start, end - start);
        start = end + 1;
        bool ok = false;
        const int n = line.size() > 2 && line.at(1) == ' ' ? line.mid(2).toInt(&ok) : 0;
        if (!ok)
            continue;
        if (line.at(0) == 'h')
            lines.held.insert(n);
        else if (line.at(0) == 'r')
            lines.released.insert(n);
        else if (line.at(0) == 'u')
            lines.released.remove(n);
    }
    return lines;
}
