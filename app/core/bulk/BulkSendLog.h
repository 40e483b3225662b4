#pragma once

#include "base/Status.h"

#include <QList>
#include <QSet>
#include <QString>

// A run's send log beside its run file. A run records the intents of its next rows ahead of their turn
// and holds them until a slot is free; this log tells, after a crash, a row held and never sent from
// one that may have reached the server, which the history alone cannot (both have a begin record and
// no answer). "h LINE" is appended before a row's intent is recorded ahead, "r LINE" (synced) before its
// request may leave, "u LINE" when a row released ahead of a free slot was held again instead (a pause)
// and never left. Append only, one complete line per event, read in order: a torn last line is ignored,
// which reads the safe way round ("h" or "u" lost: the row may have been sent; "r" lost: its sync never
// finished, so nothing left). A run without a log (made before it existed) has no held rows.
class BulkSendLog
{
public:
    explicit BulkSendLog(QString path);
    ~BulkSendLog();
    BulkSendLog(const BulkSendLog &) = delete;
    BulkSendLog &operator=(const BulkSendLog &) = delete;

    QString path() const { return m_path; }
    // Appends "h LINE" for each of `lines` (not synced: losing them only makes rows look maybe sent).
    Status held(const QList<int> &lines);
    // Appends "r LINE" for each of `lines` and syncs the file: their requests may leave once this returns.
    Status released(const QList<int> &lines);
    // Appends "u LINE" for each of `lines`, released and then held again without leaving (not synced:
    // losing them only makes rows look maybe sent).
    Status unreleased(const QList<int> &lines);

    struct Lines {
        QSet<int> held;
        QSet<int> released; // released and not held again since
        // Held ahead, never released: nothing of it left this computer.
        bool neverSent(int line) const { return held.contains(line) && !released.contains(line); }
    };
    static Lines read(const QString &path);

private:
    Status append(char kind, const QList<int> &lines, bool sync);

    QString m_path;
    int m_fd = -1;
};
