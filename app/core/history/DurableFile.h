#pragma once

#include "base/Status.h"

#include <QByteArray>
#include <QString>

#include <memory>

class QSaveFile;

// A file replaced whole, or not at all. The new bytes go to a temporary file beside it (0600 from the
// first byte), every write is checked and the file is forced to disk before it may take the old one's
// place: a full disk leaves the old file exactly as it was. QSaveFile alone is not enough, because it
// keeps small writes in a buffer whose failed flush its commit() does not notice, and then renames a
// short file over the old one.
class DurableFile
{
public:
    explicit DurableFile(QString path);
    ~DurableFile(); // a prepared file not committed is discarded
    DurableFile(const DurableFile &) = delete;
    DurableFile &operator=(const DurableFile &) = delete;

    QString path() const { return m_path; }
    // Writes `bytes` to the temporary file and syncs it; the file at path() is untouched.
    Status prepare(const QByteArray &bytes);
    // Puts the prepared file in place of path() (an atomic rename).
    Status commit();
    // prepare() and commit() at once.
    static Status write(const QString &path, const QByteArray &bytes);

private:
    Status failed(int error);

    QString m_path;
    std::unique_ptr<QSaveFile> m_file;
};
