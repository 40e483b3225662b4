#pragma once

#include "history/HistoryEntry.h"
#include "history/HistoryExporter.h"

#include <QByteArray>
#include <QCoreApplication>

class QIODevice;

// Writes an export one entry at a time, so a million entries cost the memory of one: the CSV header
// or the JSON document's head first, then each entry as it is read, then the end (the JSON's count,
// known only then). The bytes go to any device (a QSaveFile for a file, a buffer for tests and
// previews); a write error is kept and every later call is a no-op, so the caller checks once.
class HistoryExportWriter
{
    Q_DECLARE_TR_FUNCTIONS(HistoryExportWriter)
public:
    HistoryExportWriter(QIODevice *out, HistoryExporter::Format format, HistoryExportInfo info);

    void begin();
    void add(const HistoryEntry &entry);
    void end();
    qint64 count() const { return m_count; }
    // Whether every byte so far reached the device.
    bool ok() const { return m_ok; }

private:
    void put(const QByteArray &bytes);
    void flush();
    QByteArray csvRow(const HistoryEntry &e) const;
    QByteArray jsonElement(const HistoryEntry &e) const;
    QByteArray jsonHead() const;

    QIODevice *m_out;
    HistoryExporter::Format m_format;
    HistoryExportInfo m_info;
    QByteArray m_buffer; // written out in blocks of some 64 KiB
    qint64 m_count = 0;
    bool m_ok = true;
};
