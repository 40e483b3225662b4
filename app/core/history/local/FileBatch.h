#pragma once

#include "base/Status.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Files that change together, as one append changes its shards and HEAD: every new version is written
// in full and forced to disk before the first one takes its file's place, so a full disk or a failing
// write leaves all of them as they were. Should a rename fail after others went through, those are put
// back as they were (a file that did not exist is removed again).
class FileBatch
{
public:
    // `bytes` will replace (or create) `path`; what is there now is kept to put back.
    void add(const QString &path, const QByteArray &bytes);
    Status commit();

private:
    struct Change {
        QString path;
        QByteArray bytes;
        bool existed = false;
        QByteArray before;
    };
    void putBack(const QList<Change> &changes) const;

    QList<Change> m_changes;
};
