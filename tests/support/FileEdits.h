#pragma once

// A file edited as someone with a text editor would, for the suites that show such an edit is caught:
// one home for reading it, checking it holds what is to be replaced, and writing it back whole.

#include <QByteArray>
#include <QFile>
#include <QString>

namespace FileEdits {

// Replaces every `from` in the file at `path` with `to`. Empty on success; otherwise what failed: the
// file could not be read or written whole, or it does not hold `from`.
inline QString replace(const QString &path, const QByteArray &from, const QByteArray &to)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString());
    QByteArray bytes = file.readAll();
    file.close();
    if (!bytes.contains(from))
        return QStringLiteral("%1 does not hold %2").arg(path, QString::fromUtf8(from));
    bytes.replace(from, to);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return QStringLiteral("%1 cannot be written: %2").arg(path, file.errorString());
    if (file.write(bytes) != bytes.size())
        return QStringLiteral("%1 was not written whole: %2").arg(path, file.errorString());
    return {};
}

} // namespace FileEdits
