#include "PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
constexpr QFile::Permissions kPrivateFolder = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions kPrivateFile = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions kOthers = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
    | QFile::WriteOther | QFile::ExeOther;

} // namespace

namespace PrivateFiles {

Status ensureFolder(const QString &path, bool *tightened)
{
    if (tightened)
        *tightened = false;
    const QFileInfo info(path);
    if (!info.exists()) {
        // The missing folders above it are made 0700 too, as the XDG base directory specification asks,
        // so the data folder that holds the history and the runs is private whichever write makes it.
        const QString parent = info.absolutePath();
        if (!QFileInfo::exists(parent)) {
            if (Status made = ensureFolder(parent); !made.ok())
                return made;
        }
        if (!QDir().mkdir(path, kPrivateFolder) && !QFileInfo(path).isDir())
            return writeFailure(parent, path);
        return Status::success();
    }
    if (!info.isDir())
        return Status::failure(QCoreApplication::translate("PrivateFiles", "%1 is not a folder.").arg(path),
                               Status::Kind::Storage);
    // A shared folder (sticky, like /tmp) or one this user does not own is never ours to tighten: a
    // history or settings file pointed into it keeps its own 0600, and the folder stays as it is.
    struct stat st {};
    const bool shared = ::stat(QFile::encodeName(path).constData(), &st) != 0 || (st.st_mode & S_ISVTX) != 0
        || st.st_uid != ::geteuid();
    if (!shared && (info.permissions() & kOthers)) {
        if (!QFile::setPermissions(path, kPrivateFolder))
            return Status::failure(
                QCoreApplication::translate("PrivateFiles", "Cannot make %1 private to this user.").arg(path),
                Status::Kind::PermissionDenied);
        if (tightened)
            *tightened = true;
    }
    return Status::success();
}

bool tightenFile(const QString &path)
{
    const QFile::Permissions now = QFile::permissions(path);
    if (!(now & kOthers) && (now & kPrivateFile) == kPrivateFile)
        return false;
    QFile::setPermissions(path, kPrivateFile);
    return bool(now & kOthers);
}

Status writeFailure(const QString &folder, const QString &what)
{
    // The errno of a real attempt tells the cases apart; Qt's own errors fold them together.
    const QByteArray probe = QFile::encodeName(
        QDir(folder).filePath(QStringLiteral(".write-probe-%1").arg(::getpid())));
    const int fd = ::open(probe.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int error = fd < 0 ? errno : 0;
    if (fd >= 0) {
        // Creating worked; a full disk shows when data must be stored.
        const char byte = 0;
        if (::write(fd, &byte, 1) != 1 || ::fsync(fd) != 0)
            error = errno;
        ::close(fd);
        ::unlink(probe.constData());
    }
    return writeError(error, what);
}

Status writeError(int error, const QString &what)
{
    switch (error) {
    case ENOSPC:
    case EDQUOT:
        return Status::failure(
            QCoreApplication::translate("PrivateFiles", "The disk is full: %1 cannot be written.").arg(what),
            Status::Kind::DiskFull);
    case EROFS:
        return Status::failure(
            QCoreApplication::translate("PrivateFiles", "The disk is read-only: %1 cannot be written.").arg(what),
            Status::Kind::ReadOnly);
    case EACCES:
    case EPERM:
        return Status::failure(
            QCoreApplication::translate("PrivateFiles", "Permission denied: %1 cannot be written.").arg(what),
            Status::Kind::PermissionDenied);
    case ENOENT:
    case ENOTDIR:
        return Status::failure(
            QCoreApplication::translate("PrivateFiles", "The folder of %1 does not exist or is not a folder.")
                .arg(what),
            Status::Kind::Storage);
    case 0:
        return Status::failure(QCoreApplication::translate("PrivateFiles", "%1 could not be written.").arg(what),
                               Status::Kind::Storage);
    default:
        return Status::failure(QCoreApplication::translate("PrivateFiles", "%1 could not be written: %2.")
                                   .arg(what, QString::fromLocal8Bit(std::strerror(error))),
                               Status::Kind::Storage);
    }
}

} // namespace PrivateFiles
