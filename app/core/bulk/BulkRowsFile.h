#pragma once

#include "base/Status.h"
#include "bulk/BulkInput.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QList>
#include <QString>

// A run's rows on disk beside its header (<id>.rows): one compact JSON object per line, in input order,
// written whole and synced before the header that names it, and never changed after. The header keeps
// the row count and the file's SHA-256, so the header's digest (and through it every begin record of the
// run) binds each row. A reader walks the file one line at a time: nothing here holds every row unless
// asked to (readAll).
class BulkRowsFile
{
public:
    static QByteArray encode(const QList<BulkRow> &rows);
    static QString sha256(const QByteArray &bytes);
    // Replaces `path` with `bytes` (0600), synced: a crash leaves no file or the whole one.
    static Status write(const QString &path, const QByteArray &bytes);

    // A reader of the file at `path` that must hold `rows` rows hashing to `sha256`; `runId` names the run
    // in messages.
    BulkRowsFile(QString path, QString runId, int rows, QString sha256);

    // Opens the file at byte `offset`, the start of the row numbered `index` (0 for the first).
    Status open(qint64 offset = 0, int index = 0);
    // The next row; false at the end of the file or on a damaged line (then problem() says which).
    bool next(BulkRow *row);
    // After next() returned false: the file ended where the header says it does. With `whole` (a read from
    // the start), its SHA-256 is also the header's; a file cut, padded or edited gives a clear message.
    Status finish(bool whole = true);
    Status problem() const { return m_problem; }
    qint64 offset() const { return m_offset; }
    int index() const { return m_index; }

    // Every row, checked against the count and the hash.
    static Result<QList<BulkRow>> readAll(const QString &path, const QString &runId, int rows, const QString &sha256);
    // Reads the whole file once in bounded memory: the count and hash match and every line is a row.
    static Status verify(const QString &path, const QString &runId, int rows, const QString &sha256);

    struct Page {
        QList<BulkRow> rows;
        qint64 next = 0; // the byte offset of the row after the page
    };
    // Up to `limit` rows from byte `offset` (the start of row `index`, as a previous page's `next` says).
    static Result<Page> readPage(const QString &path, const QString &runId, int rows, qint64 offset, int index,
                                 int limit);

private:
    Status damaged(const QString &why) const;

    QString m_path;
    QString m_runId;
    int m_rows = 0;
    QString m_sha256;
    QFile m_file;
    QByteArray m_buffer; // the line being read
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    qint64 m_offset = 0;
    int m_index = 0;
    Status m_problem;
};
