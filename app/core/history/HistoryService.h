#pragma once

#include "history/HistoryBackend.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

// The audit trail as every face sees it: a HistoryBackend owned on a thread of its own, so file
// locks, fsyncs, full reads and checks never run on the caller's thread (the window's GUI thread).
// Every call returns at once and answers later, on the caller's thread, through a callback bound to
// a context object (dropped if the context is gone). Requests run one at a time in the order made, so
// a completion is never written before its begin. Answers that could not be written are kept and
// retried before the next request, so "unknown" is left only for what nobody can know.
// Destroying the service finishes every request already made, then stops the thread.
class HistoryService : public QObject
{
    Q_OBJECT
public:
    explicit HistoryService(std::unique_ptr<HistoryBackend> backend, QObject *parent = nullptr);
    ~HistoryService() override;

    QString location() const { return m_location; }
    QString address() const { return m_address; }

    void setChainKey(const QByteArray &key);
    // The chain key cannot be reached: every write from now on is refused with `why`.
    void refuseWrites(const Status &why);
    // The anchor's copy in the keychain, as read at opening (see HistoryBackend::setKeychainAnchor).
    void setKeychainAnchor(const QByteArray &line);
    // See HistoryBackend::beginKeyEpoch: the chain key must already be the new one.
    void beginKeyEpoch(const QString &operatorEmail, const QString &reason, QObject *context,
                       const std::function<void(const Result<qint64> &)> &done);
    // Records intents; `done` gets the entries as stored (id, time, pid), or why nothing was recorded.
    void begin(const QList<HistoryEntry> &entries, QObject *context,
               const std::function<void(const Result<QList<HistoryEntry>> &)> &done);
    // What begin() writes, handed to a guard on the history thread: `guard` gets the backend, the
    // entries as they will be stored and `write`, which records them, and returns what `write` returned
    // or why it did not call it. The guard makes something else succeed or fail with the write (a team
    // request claimed in the same step, committed only once the intent is durable).
    using IntentWrite = std::function<Result<QList<qint64>>()>;
    using IntentGuard = std::function<Result<QList<qint64>>(HistoryBackend &backend, const QList<HistoryEntry> &entries,
                                                            const IntentWrite &write)>;
    void beginGuarded(const QList<HistoryEntry> &entries, const IntentGuard &guard, QObject *context,
                      const std::function<void(const Result<QList<HistoryEntry>> &)> &done);
    // Records answers (each entry's id names its begin). `done` may be empty.
    void complete(const QList<HistoryEntry> &completions, QObject *context,
                  const std::function<void(const Status &)> &done);
    void read(qint64 from, QObject *context, const std::function<void(const Result<HistoryRead> &)> &done);
    void verify(QObject *context, const std::function<void(const ChainReport &)> &done);
    // Every entry newest first, streamed (see HistoryBackend::walkEntries). `visit` runs ON THE HISTORY
    // THREAD, one entry at a time, so an export writes as it goes and never holds the whole history; it
    // must touch nothing the caller's thread uses meanwhile. `done` gets the problems met, on the caller's thread.
    void walk(const HistoryBackend::EntryVisitor &visit, QObject *context,
              const std::function<void(const Result<QStringList> &)> &done);
    // The entries of these bulk runs from the record itself, never an index (see HistoryBackend::walkRuns):
    // what a resume, a cancel or a retry decides from. Walked in slices once no page or lookup waits, giving
    // way to those asked meanwhile (HistoryBackend::walkRunsInSlices).
    void walkRuns(const QStringList &runIds, QObject *context,
                  const std::function<void(const Result<HistoryRead> &)> &done);
    // The entries of these runs streamed, run after run, each newest first, as walk() streams every entry
    // (`visit` on the history thread), found through the index where there is one (see
    // HistoryBackend::walkRunEntries): what `bulk list`, `bulk show` and the Bulk tab show.
    void walkRunEntries(const QStringList &runIds, const HistoryBackend::EntryVisitor &visit, QObject *context,
                        const std::function<void(const Result<QStringList> &)> &done);
    // The entries on one user ID, oldest first (see HistoryBackend::readUser).
    void readUser(const QString &userId, QObject *context,
                  const std::function<void(const Result<HistoryRead> &)> &done);
    // One page of the entries `query` matches (see HistoryBackend::page): `after` is the previous
    // page's `next`, 0 for the first page.
    void page(const HistoryQuery &query, qint64 after, int limit, QObject *context,
              const std::function<void(const Result<HistoryPage> &)> &done);
    // How many entries `query` matches, by outcome, once no page or lookup waits (see postWhenIdle): a
    // count stops for those asked while it runs and starts again after them. A count asked again by the
    // same `context` replaces its earlier one not started yet, which is never answered (a filter
    // typed letter by letter counts once).
    void count(const HistoryQuery &query, QObject *context,
               const std::function<void(const Result<HistoryCounts> &)> &done);
    // One entry whole, for its details (see HistoryBackend::readEntry).
    void readEntry(qint64 id, QObject *context, const std::function<void(const Result<HistoryEntry> &)> &done);
    void prune(const QDate &keepFrom, const QString &operatorEmail, QObject *context,
               const std::function<void(const Result<PruneReport> &)> &done);
    // What prune() would remove now (removing nothing), or why retention is refused (the clock).
    void planPrune(const QDate &keepFrom, QObject *context,
                   const std::function<void(const Result<PruneReport> &)> &done);
    // Runs `work` on the history thread with the backend, e.g. an export that must read and check
    // under one roof; `done` gets its result on the caller's thread.
    template <typename T>
    void run(std::function<T(HistoryBackend &)> work, QObject *context, const std::function<void(const T &)> &done)
    {
        post([this, work, context = QPointer<QObject>(context), done](HistoryBackend &backend) {
            const T result = work(backend);
            reply(context, [done, result] { done(result); });
        });
    }
    // Completions waiting to be written again after a failure.
    int unwrittenCount() const { return m_unwritten; }

signals:
    // What this process recorded, as soon as it is durable.
    void entriesBegun(const QList<HistoryEntry> &entries);
    void entriesCompleted(const QList<HistoryEntry> &entries);
    // Another program (the CLI, a second console, a colleague) may have added records: read again
    // from the newest record you have.
    void externalChange();
    void unwrittenChanged(int count);
    // The backend's anchor moved on (HistoryAnchor's line): the keychain's copy may follow.
    void anchorWritten(const QByteArray &line);

private:
    void post(const std::function<void(HistoryBackend &)> &task);
    // For reads that may take long and that nobody waits on (counts, checks): run once no request made
    // with post() is waiting, so they never hold up a page or a lookup queued after them.
    void postWhenIdle(const std::function<void(HistoryBackend &)> &task);
    // For such reads that stop to give way (see HistoryBackend::setGiveWay): `task` returns false when
    // it did, and is posted again, to the back of the queue, until it returns true.
    void postWhenIdleUntilDone(const std::function<bool(HistoryBackend &)> &task);
    void reply(const QPointer<QObject> &context, const std::function<void()> &call);
    void retryUnwritten(HistoryBackend &backend);

    QThread m_thread;
    QObject *m_worker;         // lives on m_thread; tasks run as its queued calls
    HistoryBackend *m_backend; // owned, lives on m_thread, deleted there
    QString m_location;
    QString m_address;
    QList<HistoryEntry> m_pending; // touched on m_thread only
    // Requests posted and not yet started; shared with the history thread.
    std::unique_ptr<std::atomic<int>> m_waiting = std::make_unique<std::atomic<int>>(0);
    // Set when the service is being destroyed; shared with the history thread.
    std::unique_ptr<std::atomic<bool>> m_closing = std::make_unique<std::atomic<bool>>(false);
    int m_unwritten = 0; // mirrored on the caller's thread
    // Per asker, the number of its latest count: an earlier one finds it moved on and never runs.
    QHash<const QObject *, std::shared_ptr<std::atomic<quint64>>> m_countTickets;
};
