#include "HistoryService.h"

#include <QCoreApplication>
#include <QDateTime>

#include <memory>

HistoryService::HistoryService(std::unique_ptr<HistoryBackend> backend, QObject *parent)
    : QObject(parent), m_worker(new QObject), m_backend(backend.release()), m_location(m_backend->location()),
      m_address(m_backend->address())
{
    qRegisterMetaType<HistoryEntry>();
    m_thread.setObjectName(QStringLiteral("history"));
    m_worker->moveToThread(&m_thread);
    m_backend->setParent(nullptr);
    m_backend->moveToThread(&m_thread);
    connect(m_backend, &HistoryBackend::changed, this, &HistoryService::externalChange, Qt::QueuedConnection);
    // Queued like every reply, so a write's anchor arrives before the write's own answer.
    connect(m_backend, &HistoryBackend::anchorWritten, this, &HistoryService::anchorWritten, Qt::QueuedConnection);
    // Long counts give way to the requests made while they run (see count()).
    m_backend->setGiveWay(
        [waiting = m_waiting.get(), closing = m_closing.get()] { return waiting->load() > 0 || closing->load(); });
    m_thread.start();
    post([](HistoryBackend &b) { b.watch(); });
}

HistoryService::~HistoryService()
{
    // A check or count under way stops at its next slice (what it would have answered, nobody waits
    // for): closing the window during a long check does not wait for the check.
    m_closing->store(true);
    // Queued after every request already made: they all finish (completions are written) first.
    HistoryBackend *backend = m_backend;
    QObject *worker = m_worker;
    QThread *thread = &m_thread;
    QList<HistoryEntry> *pending = &m_pending;
    QMetaObject::invokeMethod(m_worker, [backend, worker, thread, pending] {
        if (!pending->isEmpty())
            backend->complete(*pending); // a last try; what still fails reads as unknown next time
        delete backend;
        delete worker;
        thread->quit();
    });
    m_thread.wait();
}

void HistoryService::post(const std::function<void(HistoryBackend &)> &task)
{
    HistoryBackend *backend = m_backend;
    std::atomic<int> *waiting = m_waiting.get();
    ++*waiting;
    QMetaObject::invokeMethod(m_worker, [backend, task, waiting] {
        --*waiting;
        task(*backend);
    });
}

void HistoryService::postWhenIdle(const std::function<void(HistoryBackend &)> &task)
{
    HistoryBackend *backend = m_backend;
    QObject *worker = m_worker;
    std::atomic<int> *waiting = m_waiting.get();
    // Goes to the back of the queue again while requests made after it wait: a page or a lookup asked
    // while a count was queued is answered first.
    auto attempt = std::make_shared<std::function<void()>>();
    *attempt = [backend, worker, waiting, task, weak = std::weak_ptr<std::function<void()>>(attempt)] {
        if (waiting->load() > 0) {
            if (const auto again = weak.lock())
                QMetaObject::invokeMethod(
                    worker, [again] { (*again)(); }, Qt::QueuedConnection);
            return;
        }
        task(*backend);
    };
    QMetaObject::invokeMethod(
        m_worker, [attempt] { (*attempt)(); }, Qt::QueuedConnection);
}

void HistoryService::postWhenIdleUntilDone(const std::function<bool(HistoryBackend &)> &task)
{
    // Each time it gives way it goes to the back of the queue again; the queued calls hold it.
    auto attempt = std::make_shared<std::function<void(HistoryBackend &)>>();
    *attempt =
        [this, task, weak = std::weak_ptr<std::function<void(HistoryBackend &)>>(attempt)](HistoryBackend &backend) {
        if (task(backend))
            return;
        if (const auto again = weak.lock())
            postWhenIdle([again](HistoryBackend &b) { (*again)(b); });
    };
    postWhenIdle([attempt](HistoryBackend &b) { (*attempt)(b); });
}

void HistoryService::reply(const QPointer<QObject> &context, const std::function<void()> &call)
{
    // Back on the caller's thread through the service itself, which outlives every task; a context
    // destroyed meanwhile simply gets no answer.
    QMetaObject::invokeMethod(this, [context, call] {
        if (context)
            call();
    });
}

void HistoryService::setChainKey(const QByteArray &key)
{
    post([key](HistoryBackend &b) { b.setChainKey(key); });
}

void HistoryService::refuseWrites(const Status &why)
{
    post([why](HistoryBackend &b) { b.refuseWrites(why); });
}

void HistoryService::setKeychainAnchor(const QByteArray &line)
{
    post([line](HistoryBackend &b) { b.setKeychainAnchor(line); });
}

void HistoryService::beginKeyEpoch(const QString &operatorEmail, const QString &reason, QObject *context,
                                   const std::function<void(const Result<qint64> &)> &done)
{
    run<Result<qint64>>([operatorEmail, reason](HistoryBackend &b) { return b.beginKeyEpoch(operatorEmail, reason); },
                        context, done);
}

void HistoryService::retryUnwritten(HistoryBackend &backend)
{
    if (m_pending.isEmpty())
        return;
    const QList<HistoryEntry> waiting = m_pending;
    if (!backend.complete(waiting).ok())
        return;
    m_pending.clear();
    QMetaObject::invokeMethod(this, [this, waiting] {
        m_unwritten = 0;
        emit unwrittenChanged(0);
        emit entriesCompleted(waiting);
    });
}

void HistoryService::begin(const QList<HistoryEntry> &entries, QObject *context,
                           const std::function<void(const Result<QList<HistoryEntry>> &)> &done)
{
    beginGuarded(
        entries, [](HistoryBackend &, const QList<HistoryEntry> &, const IntentWrite &write) { return write(); },
        context, done);
}

void HistoryService::beginGuarded(const QList<HistoryEntry> &entries, const IntentGuard &guard, QObject *context,
                                  const std::function<void(const Result<QList<HistoryEntry>> &)> &done)
{
    QList<HistoryEntry> stamped = entries;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (HistoryEntry &e : stamped) {
        // What the record will say, to the millisecond, so the entry shown is the entry stored.
        e.time = QDateTime::fromMSecsSinceEpoch((e.time.isValid() ? e.time : now).toMSecsSinceEpoch(), Qt::UTC);
        e.pid = QCoreApplication::applicationPid();
        e.outcome = HistoryEntry::Outcome::Pending;
    }
    post([this, stamped, guard, context = QPointer<QObject>(context), done](HistoryBackend &backend) {
        retryUnwritten(backend);
        const Result<QList<qint64>> ids = guard(backend, stamped,
                                                [&backend, &stamped] { return backend.begin(stamped); });
        Result<QList<HistoryEntry>> result = ids.status();
        if (ids.ok()) {
            QList<HistoryEntry> stored = stamped;
            for (qsizetype i = 0; i < stored.size(); ++i)
                stored[i].id = ids.value().at(i);
            result = stored;
        }
        QMetaObject::invokeMethod(this, [this, result, context, done] {
            if (result.ok())
                emit entriesBegun(result.value());
            if (context && done)
                done(result);
        });
    });
}

void HistoryService::complete(const QList<HistoryEntry> &completions, QObject *context,
                              const std::function<void(const Status &)> &done)
{
    post([this, completions, context = QPointer<QObject>(context), done](HistoryBackend &backend) {
        retryUnwritten(backend);
        const Status written = backend.complete(completions);
        if (!written.ok())
            m_pending.append(completions); // written with the next request, or when the service ends
        const int unwritten = int(m_pending.size());
        QMetaObject::invokeMethod(this, [this, written, completions, unwritten, context, done] {
            if (written.ok())
                emit entriesCompleted(completions);
            if (m_unwritten != unwritten) {
                m_unwritten = unwritten;
                emit unwrittenChanged(unwritten);
            }
            if (context && done)
                done(written);
        });
    });
}

void HistoryService::read(qint64 from, QObject *context, const std::function<void(const Result<HistoryRead> &)> &done)
{
    post([this, from, context = QPointer<QObject>(context), done](HistoryBackend &backend) {
        const Result<HistoryRead> result = backend.read(from);
        reply(context, [done, result] { done(result); });
    });
}

void HistoryService::verify(QObject *context, const std::function<void(const ChainReport &)> &done)
{
    postWhenIdleUntilDone([this, context = QPointer<QObject>(context), done](HistoryBackend &backend) {
        const std::optional<ChainReport> report = backend.verifyInSlices();
        if (!report)
            return false;
        reply(context, [done, report] { done(*report); });
        return true;
    });
}

void HistoryService::walk(const HistoryBackend::EntryVisitor &visit, QObject *context,
                          const std::function<void(const Result<QStringList> &)> &done)
{
    post([this, visit, context = QPointer<QObject>(context), done](HistoryBackend &backend) {
        const Result<QStringList> result = backend.walkEntries(visit);
        reply(context, [done, result] { done(result); });
    });
}

void HistoryService::walkRuns(const QStringList &runIds, QObject *context,
                              const std::function<void(const Result<HistoryRead> &)> &done)
{
    // In slices that give way to pages and lookups asked meanwhile: at a million entries the walk takes
    // seconds. The walk's state lives with the task, on the history thread.
    auto walk = std::make_shared<RunWalk>();
    walk->runIds = runIds;
    postWhenIdleUntilDone([this, walk, context = QPointer<QObject>(context), done](HistoryBackend &backend) {
        if (!walk->giveWay)
            walk->giveWay = [&backend] { return backend.mustGiveWay(); };
        const std::optional<Result<HistoryRead>> result = backend.walkRunsInSlices(*walk);
        if (!result)
            return false;
        reply(context, [done, result] { done(*result); });
        return true;
    });
}

void HistoryService::walkRunEntries(const QStringList &runIds, const HistoryBackend::EntryVisitor &visit,
                                    QObject *context, const std::function<void(const Result<QStringList> &)> &done)
{
    post([this, runIds, visit, context = QPointer<QObject>(context), done](HistoryBackend &backend) {
        const Result<QStringList> result = backend.walkRunEntries(runIds, visit);
        reply(context, [done, result] { done(result); });
    });
}

void HistoryService::readUser(const QString &userId, QObject *context,
                              const std::function<void(const Result<HistoryRead> &)> &done)
{
    post([this, userId, context = QPointer<QObject>(context), done](HistoryBackend &backend) {
        const Result<HistoryRead> result = backend.readUser(userId);
        reply(context, [done, result] { done(result); });
    });
}

void HistoryService::page(const HistoryQuery &query, qint64 after, int limit, QObject *context,
                          const std::function<void(const Result<HistoryPage> &)> &done)
{
    post([this, query, after, limit, context = QPointer<QObject>(context), done](HistoryBackend &backend) {
        const Result<HistoryPage> result = backend.page(query, after, limit);
        reply(context, [done, result] { done(result); });
    });
}

void HistoryService::count(const HistoryQuery &query, QObject *context,
                           const std::function<void(const Result<HistoryCounts> &)> &done)
{
    std::shared_ptr<std::atomic<quint64>> &ticket = m_countTickets[context];
    if (!ticket) {
        ticket = std::make_shared<std::atomic<quint64>>(0);
        connect(context, &QObject::destroyed, this, [this, context] { m_countTickets.remove(context); });
    }
    const quint64 mine = ++*ticket;
    postWhenIdleUntilDone(
        [this, query, context = QPointer<QObject>(context), done, ticket, mine](HistoryBackend &backend) {
        if (ticket->load() != mine)
            return true;
        const Result<HistoryCounts> result = backend.count(query);
        if (result.status().kind() == Status::Kind::GaveWay)
            return false;
        reply(context, [done, result] { done(result); });
        return true;
    });
}

void HistoryService::readEntry(qint64 id, QObject *context,
                               const std::function<void(const Result<HistoryEntry> &)> &done)
{
    post([this, id, context = QPointer<QObject>(context), done](HistoryBackend &backend) {
        const Result<HistoryEntry> result = backend.readEntry(id);
        reply(context, [done, result] { done(result); });
    });
}

void HistoryService::prune(const QDate &keepFrom, const QString &operatorEmail, QObject *context,
                           const std::function<void(const Result<PruneReport> &)> &done)
{
    post([this, keepFrom, operatorEmail, context = QPointer<QObject>(context), done](HistoryBackend &backend) {
        const Result<PruneReport> result = backend.prune(keepFrom, operatorEmail);
        reply(context, [done, result] { done(result); });
    });
}

void HistoryService::planPrune(const QDate &keepFrom, QObject *context,
                               const std::function<void(const Result<PruneReport> &)> &done)
{
    post([this, keepFrom, context = QPointer<QObject>(context), done](HistoryBackend &backend) {
        const Result<PruneReport> result = backend.planPrune(keepFrom);
        reply(context, [done, result] { done(result); });
    });
}
