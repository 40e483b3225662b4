#include "BulkRunReader.h"

#include "bulk/BulkHistory.h"
#include "bulk/BulkPlan.h"
#include "bulk/BulkRowsFile.h"
#include "bulk/BulkRunFiles.h"
#include "bulk/BulkRunLock.h"
#include "bulk/BulkStore.h"
#include "history/HistoryService.h"

namespace {
struct Fetched {
    QList<BulkRowResult> rows;
    qint64 next = 0;
    QString problem;
};
} // namespace

BulkRunReader::BulkRunReader(BulkRunFiles *files, HistoryService *history, QObject *parent)
    : QObject(parent), m_files(files), m_history(history)
{
}

void BulkRunReader::planRetry(const QString &id, const Planned &done)
{
    struct Stored {
        Result<BulkRecord> parent = Status::failure(QString());
        QList<BulkRecord> runs;
        std::shared_ptr<BulkRunLock> lock;
    };
    m_files->run<Stored>(
        [id](const BulkStore &store) {
        Stored stored{store.load(id), store.list(), std::make_shared<BulkRunLock>()};
        if (!stored.parent.ok())
            return stored;
        // One retry of a family at a time, from its planning to its end; the runs are listed again under
        // the lock, so a retry that ended meanwhile is planned over, not beside.
        const QString root = BulkPlan::rootOf(stored.parent.value(), stored.runs);
        if (const Status locked = stored.lock->acquireFamily(store.folder(), root); !locked.ok()) {
            stored.parent = locked;
            return stored;
        }
        stored.runs = store.list();
        return stored;
        },
        this,
        [this, done](const Stored &stored) {
        const auto fail = [done](const Status &why) { done(why, {}, nullptr); };
        if (!stored.parent.ok())
            return fail(stored.parent.status());
        const BulkRecord &parent = stored.parent.value();
        const QList<BulkRecord> &runs = stored.runs;
        const std::shared_ptr<BulkRunLock> lock = stored.lock;
        if (const QString busy = BulkPlan::retryRefusal(parent, runs); !busy.isEmpty())
            return fail(Status::failure(busy, Status::Kind::Invalid));
        // The entries of the run and of its retries, and what was done since to its users.
        BulkHistory::read(m_history, BulkPlan::familyOf(parent, runs), parent, this,
                          [this, parent, runs, lock, done, fail](const Result<QList<HistoryEntry>> &history) {
            if (!history.ok())
                return fail(history.status());
            if (const QString altered = parent.headerProblem(history.value()); !altered.isEmpty())
                return fail(Status::failure(altered, Status::Kind::Storage));
            if (!m_files)
                return;
            m_files->run<Result<QList<BulkRowResult>>>(
                [parent, runs, entries = history.value()](const BulkStore &store) {
                return BulkPlan::standing(store, parent, runs, entries);
                },
                this,
                [parent, lock, done, fail](const Result<QList<BulkRowResult>> &rows) {
                if (!rows.ok())
                    return fail(rows.status());
                done(parent, rows.value(), lock);
            });
        });
    });
}

void BulkRunReader::rowsOf(const BulkRecord &record, const Done &done)
{
    // Only this run's entries decide its rows, read from the record itself (a retry or a resume is planned
    // from them: an index put back from a copy would hide rows already sent). Only they are held.
    m_history->walkRuns({record.id}, this, [this, record, done](const Result<HistoryRead> &read) {
        const QList<HistoryEntry> entries = read.ok() ? read.value().entries : QList<HistoryEntry>();
        m_files->run<QList<BulkRowResult>>(
            [record, entries](const BulkStore &store) { return store.rowsOf(record, entries); }, this,
            [record, done](const QList<BulkRowResult> &rows) { done(record, rows); });
    });
}

void BulkRunReader::open(const QString &id, const std::function<void(const Result<Opened> &)> &done)
{
    m_files->run<Result<BulkRecord>>([id](const BulkStore &store) { return store.loadHeader(id); }, this,
                                     [this, done](const Result<BulkRecord> &header) {
        if (!header.ok())
            return done(header.status());
        const BulkRecord &record = header.value();
        // Filled on the history thread during the walk, only read once it has ended.
        auto tally = std::make_shared<BulkTally>(QList<BulkRecord>{record}, record.id);
        m_history->walkRunEntries(
            {record.id}, [tally](const HistoryEntry &e) { return tally->visit(e); }, this,
            [this, record, tally, done](const Result<QStringList> &) {
            // An unreadable history leaves every row waiting, as the rows' standing is unknown.
            m_files->run<Opened>(
                [record, tally](const BulkStore &store) {
                Opened opened{record, {}, tally, BulkSendLog::read(store.sendLogPath(record.id))};
                opened.counts = tally->counts(record, opened.log);
                return opened;
                },
                this, [done](const Opened &opened) { done(opened); });
            });
    });
}

BulkRowModel::Fetch BulkRunReader::fetcher(const Opened &opened) const
{
    return [files = m_files, opened](int index, qint64 offset, int limit, QObject *context,
                                     const BulkRowModel::Page &done) {
        if (!files)
            return;
        files->run<Fetched>(
            [opened, index, offset, limit](const BulkStore &store) {
            Fetched fetched;
            QList<BulkRow> rows;
            if (opened.record.headerOnly) {
                const Result<BulkRowsFile::Page> page = BulkRowsFile::readPage(
                    store.rowsPath(opened.record.id), opened.record.id, opened.record.rowCount, offset, index, limit);
                if (!page.ok()) {
                    fetched.problem = page.message();
                    return fetched;
                }
                rows = page.value().rows;
                fetched.next = page.value().next;
            } else {
                rows = opened.record.rows.mid(index, limit); // an earlier format: the rows are in the header
                fetched.next = index + rows.size();
            }
            fetched.rows.reserve(rows.size());
            for (const BulkRow &row : std::as_const(rows))
                fetched.rows.append(opened.tally->standing(row, opened.log));
            return fetched;
            },
            context, [done](const Fetched &fetched) { done(fetched.rows, fetched.next, fetched.problem); });
    };
}
