#include "DurableFile.h"

#include "settings/PrivateFiles.h"

#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <unistd.h>

DurableFile::DurableFile(QString path) : m_path(std::move(path))
{
}

DurableFile::~DurableFile() = default;

Status DurableFile::failed(int error)
{
    if (m_file)
        m_file->cancelWriting();
    m_file.reset();
    const QString folder = QFileInfo(m_path).absolutePath();
    return error ? PrivateFiles::writeError(error, m_path) : PrivateFiles::writeFailure(folder, m_path);
}

Status DurableFile::prepare(const QByteArray &bytes)
{
    m_file = std::make_unique<QSaveFile>(m_path);
    if (!m_file->open(QIODevice::WriteOnly))
        return failed(0);
    m_file->setPermissions(QFile::ReadOwner | QFile::WriteOwner); // before the first byte
    // Straight to the descriptor, so that the errno of a failing write is the one reported.
    const int fd = m_file->handle();
    qint64 done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return failed(n < 0 ? errno : ENOSPC);
        done += n;
    }
    if (::fsync(fd) != 0)
        return failed(errno);
    return Status::success();
}

Status DurableFile::commit()
{
    if (!m_file)
        return PrivateFiles::writeFailure(QFileInfo(m_path).absolutePath(), m_path);
    const bool committed = m_file->commit();
    m_file.reset();
    if (!committed)
        return PrivateFiles::writeFailure(QFileInfo(m_path).absolutePath(), m_path);
    return Status::success();
}

Status DurableFile::write(const QString &path, const QByteArray &bytes)
{
    DurableFile file(path);
    if (Status prepared = file.prepare(bytes); !prepared.ok())
        return prepared;
    return file.commit();
}
