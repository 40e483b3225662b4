#include "BulkRunReader.h"

#include "bulk/BulkRunFiles.h"
#include "bulk/BulkStore.h"
#include "history/HistoryService.h"

BulkRunReader::BulkRunReader(BulkRunFiles *files, HistoryService *history, QObject *parent)
    : QObject(parent), m_files(files), m_history(history)
{
}

void BulkRunReader::read(const QString &id, const Done &done)
{
    m_files->load(id, this, [this, done](const Result<BulkRecord> &loaded) {
        if (!loaded.ok())
            return done(loaded, {});
        rowsOf(loaded.value(), done);
    });
}

void BulkRunReader::rowsOf(const BulkRecord &record, const Done &done)
{
    m_history->read(1, this, [this, record, done](const Result<HistoryRead> &read) {
        const QList<HistoryEntry> entries = read.ok() ? read.value().entries : QList<HistoryEntry>();
        m_files->run<QList<BulkRowResult>>(
            [record, entries](const BulkStore &store) { return store.rowsOf(record, entries); }, this,
            [record, done](const QList<BulkRowResult> &rows) { done(record, rows); });
    });
}
