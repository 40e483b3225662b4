#include "BulkRun.h"

#include "action/ActionRunner.h"
#include "bulk/BulkBrakes.h"
#include "bulk/BulkResults.h"
#include "bulk/BulkStore.h"
#include "history/HistoryService.h"

#include <QCoreApplication>
#include <QSet>

BulkRun::BulkRun(BulkRecord record, ActionRunner *runner, HistoryService *history, BulkStore *store, QObject *parent)
    : QObject(parent), m_record(std::move(record)), m_runner(runner), m_history(history),
      m_brakes(std::make_unique<BulkBrakes>()), m_disk(this, store, m_record.id),
      m_sender(runner, &m_disk, m_brakes.get(), &m_rows, m_record)
{
    connect(m_runner, &ActionRunner::actionFinished, this, &BulkRun::onFinished);
    connect(m_runner, &ActionRunner::requestEnded, this, &BulkRun::onRequestEnded);
    m_sender.setGate([this] {
        if (m_stopped)
            return BulkSender::Gate::Stopped;
        return m_pausing || m_cancelling || m_resuming ? BulkSender::Gate::Holding : BulkSender::Gate::Open;
    });
    connect(&m_sender, &BulkSender::rowStarted, this, [this](int index) {
        BulkRowResult &r = m_rows[index];
        m_counts.add(r, -1);
        r.status = BulkRowStatus::InFlight;
        m_counts.add(r);
        emit rowStarted(index);
    });
    connect(&m_sender, &BulkSender::rowRefused, this, [this](int index, const QString &problem) {
        m_rows[index].row.problem = problem;
        emit rowFinished(index);
    });
    connect(&m_sender, &BulkSender::holding, this, &BulkRun::holding);
    connect(&m_sender, &BulkSender::heldAgain, this, [this] {
        if (m_cancelling)
            m_sender.withdrawHeld();
        settleIfQuiet();
    });
    connect(&m_sender, &BulkSender::storageFailed, this,
            [this](const QString &message) { pause(PauseCause::Storage, message); });
    setResultsPath(m_record.resultsPath);
}

BulkRun::~BulkRun()
{
    m_sender.abandon();
    // What was asked for is written; the answers posted back die with this object.
    m_disk.waitForDone();
}

void BulkRun::setResultsPath(const QString &path)
{
    if (path.isEmpty())
        return;
    m_record.resultsPath = path;
    m_results.setPath(path);
}

void BulkRun::setRefusalStreakLimit(int n)
{
    m_brakes->setRefusalStreakLimit(n);
}

QUrl BulkRun::origin() const
{
    return m_origin.isEmpty() ? m_record.profile.origin() : m_origin;
}

QString BulkRun::resultsPath() const
{
    return m_results.path();
}

void BulkRun::start()
{
    if (m_started)
        return;
    m_started = true;
    m_sender.start();
    m_record.state = BulkRecord::State::Running;
    m_record.pid = QCoreApplication::applicationPid();
    m_record.pauseReason.clear();
    // What was begun before (by this run in a process that died, say) is in the history, not here. A run
    // read from a file always looks (its file could be gone by now); a new one looks when its file is there.
    lockThenRead(m_record.fileDigest.isEmpty() && m_record.format >= 2, // a run file of format 1 has no digest
                 [this](const QList<HistoryEntry> &entries) { onHistoryRead(entries); });
}

void BulkRun::lockThenRead(bool isNew, const std::function<void(const QList<HistoryEntry> &)> &then)
{
    // Checking the run's state and marking it running is one step across processes: under the run's
    // lock, the run file is read again, then the history.
    m_disk.lock(m_record, [this, isNew, then](const Result<bool> &locked) {
        if (!locked.ok()) {
            m_resuming = false;
            m_cancelling = false; // a cancel of a paused run that could not take it back cancelled nothing
            m_stopped = true;
            m_refused = locked.kind() == Status::Kind::Locked || locked.kind() == Status::Kind::Invalid;
            emit failed(locked.status());
            return;
        }
        // Rows are begun only once the run file (state running) is on disk, so a run never saved has none:
        // the walk of every record (seconds at a million entries) is spared a run that has not begun.
        if (isNew && !locked.value())
            return then({});
        // Only this run's entries decide its rows (BulkRecord::results), and every one of them is read from
        // the record itself: an index put back from a copy would hide rows already sent. Only they are held.
        // A history that cannot be read stops here.
        m_history->walkRuns({m_record.id}, this, [this, then](const Result<HistoryRead> &read) {
            if (!read.ok()) {
                m_resuming = false;
                m_cancelling = false;
                m_stopped = true;
                releaseLock();
                emit failed(read.status());
                return;
            }
            then(read.value().entries);
        });
    });
}

void BulkRun::releaseLock()
{
    m_disk.unlock();
}

void BulkRun::onHistoryRead(const QList<HistoryEntry> &entries)
{
    // Matching rows to a long history, the digest and the run file's fsync are worker work; nothing is
    // sent before the run file (state running, this pid) is on disk.
    m_disk.prepare(m_record, entries,
                   [this](const BulkRunDisk::Prepared &p) { onPrepared(p.rows, p.digest, p.problem, p.log); });
}

void BulkRun::onPrepared(const QList<BulkRowResult> &rows, const QString &digest, const Status &problem,
                         const BulkSendLog::Lines &log)
{
    if (!problem.ok()) {
        m_stopped = true;
        releaseLock();
        emit failed(problem);
        return;
    }
    m_sender.terms().runDigest = digest;
    onReady(m_sender.adoptNeverSent(rows, log));
}

void BulkRun::onReady(const QList<BulkRowResult> &rows)
{
    if (m_stopped)
        return;
    m_rows = rows;
    m_counts = BulkCounts::of(m_rows);
    int begun = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (!m_rows.at(i).row.valid())
            continue;
        if (m_rows.at(i).begun())
            ++begun;
        else
            m_sender.enqueue(i);
    }
    m_brakes->start(m_record.canary, begun);
    writeResults();
    emit started();
    emit progress(counts());
    if (m_sender.queue().isEmpty() || m_pausing || m_cancelling)
        settle();
    else
        m_sender.schedule();
}

void BulkRun::onRequestEnded(const ActionOutcome &outcome)
{
    // The slot is free now, and the brakes judge the answer now: neither waits for it to be recorded.
    const int index = m_sender.ended(outcome.ticket);
    if (index < 0)
        return;
    BulkRowResult answered = m_rows.at(index);
    answered.entry = outcome.entry;
    answered.status = BulkRecord::classify(m_record.action, outcome.entry);
    if (const std::optional<BulkBrakes::Stop> stop = m_brakes->after(answered, outcome.result, origin(),
                                                                     m_sender.moreToSend()))
        pause(stop->cause, stop->reason);
    m_sender.next();
    m_sender.schedule();
}

void BulkRun::onFinished(const ActionOutcome &outcome)
{
    const int index = m_sender.finish(outcome.ticket);
    if (index < 0)
        return;
    if (outcome.sent() && ActionRunner::withdrawn(outcome.entry)) {
        // Held and never sent (the faces never saw it start): back in the queue in input order. A resume
        // reads the history again before anything goes.
        m_sender.enqueue(index);
        settleIfQuiet();
        m_sender.schedule();
        return;
    }
    BulkRowResult &r = m_rows[index];
    m_counts.add(r, -1);
    if (!outcome.sent()) {
        r.status = BulkRowStatus::NotSent;
        r.row.problem = outcome.recording.message();
        pause(PauseCause::Storage, outcome.recording.message());
    } else {
        r.entry = outcome.entry;
        r.status = BulkRecord::classify(m_record.action, outcome.entry);
    }
    m_counts.add(r);
    if (outcome.result.httpStatus == 429)
        m_sender.tooMany();
    emit rowFinished(index);
    emit progress(counts());
    m_results.rowEnded(r);
    settleIfQuiet();
    m_sender.schedule();
}

void BulkRun::pause(PauseCause cause, const QString &reason)
{
    if (m_stopped || m_pausing || m_cancelling)
        return;
    m_pausing = true;
    m_pauseCause = cause;
    m_pauseReason = reason.isEmpty() ? tr("Paused by the officer.") : reason;
    m_sender.stopTimer();
    // Held rows stay held (recorded, not sent) and go after the resume; so do rows released ahead of a slot.
    m_sender.holdReleased();
    if (m_started && !m_rows.isEmpty())
        settleIfQuiet();
}

void BulkRun::cancel()
{
    if (m_stopped) {
        // A paused run let go of its lock: it takes it again as a resume does (refused if another process
        // sends the run now), sends nothing, withdraws the rows it held, and ends cancelled.
        if (m_record.state != BulkRecord::State::Paused || m_cancelling || m_resuming)
            return;
        m_cancelling = true;
        resume();
        return;
    }
    m_cancelling = true;
    m_sender.stopTimer();
    m_sender.withdrawHeld();
    settleIfQuiet();
}

void BulkRun::resume()
{
    if (!m_started) {
        start();
        return;
    }
    if (!m_pausing && !m_stopped)
        return;
    m_pausing = false;
    m_stopped = false;
    m_brakes->resumed();
    m_record.state = BulkRecord::State::Running;
    m_record.pauseReason.clear();
    // A paused run let go of its lock: another process may have sent some of its rows since. Nothing
    // new leaves until the lock is back and the history has been read again.
    m_resuming = true;
    lockThenRead(false, [this](const QList<HistoryEntry> &entries) {
        m_disk.reread(m_record, entries, [this](const BulkRunDisk::Reread &now) {
            m_sender.dropReleasedElsewhere(now.second.released);
            onResumed(m_sender.adoptNeverSent(now.first, now.second));
        });
    });
}

void BulkRun::onResumed(const QList<BulkRowResult> &now)
{
    const QList<int> queued = m_sender.queue();
    for (qsizetype k = queued.size() - 1; k >= 0; --k) {
        const int i = queued.at(k);
        if (i < now.size() && now.at(i).begun()) {
            m_rows[i] = now.at(i);
            m_sender.unqueue(i);
            emit rowFinished(i); // begun by another process meanwhile
        }
    }
    m_counts = BulkCounts::of(m_rows);
    emit progress(counts());
    saveRecord(m_record, [this] {
        m_resuming = false;
        if (m_cancelling)
            m_sender.withdrawHeld(); // a paused run cancelled: the rows it kept for the resume are withdrawn
        m_sender.schedule();
        if (!m_stopped)
            settleIfQuiet();
    });
}

void BulkRun::settleIfQuiet()
{
    if (m_stopped || m_settling)
        return;
    // A pause waits for what was sent; a cancel also for the held rows it withdrew; the end for everything.
    const bool quiet = m_cancelling ? !m_sender.hasTickets() : m_pausing ? m_sender.inFlight() == 0 : m_sender.done();
    if (quiet)
        settle();
}

void BulkRun::settle()
{
    if (m_settling)
        return; // one end at a time: a cancel while a pause is being written waits for it
    m_settling = true;
    const BulkRecord::State state = m_cancelling ? BulkRecord::State::Cancelled
        : m_pausing                              ? BulkRecord::State::Paused
                                                 : BulkRecord::State::Finished;
    // The proof (record numbers and hashes of both records) is read back from the trail.
    qint64 first = 0;
    for (const BulkRowResult &r : m_rows) {
        if (r.begun() && (first == 0 || r.entry.id < first))
            first = r.entry.id;
    }
    if (first == 0)
        return conclude(state);
    m_history->read(first, this, [this, state](const Result<HistoryRead> &read) {
        if (!read.ok())
            return conclude(state);
        m_disk.match(m_record, read.value().entries, [this, state](const QList<BulkRowResult> &proved) {
            for (int i = 0; i < m_rows.size() && i < proved.size(); ++i) {
                if (proved.at(i).begun() && m_rows.at(i).status != BulkRowStatus::InFlight)
                    m_rows[i].entry = proved.at(i).entry;
            }
            m_counts = BulkCounts::of(m_rows);
            conclude(state);
        });
    });
}

void BulkRun::conclude(BulkRecord::State state)
{
    writeResults();
    // The record (and the faces) say paused or finished once the run file and the results file are both
    // on disk.
    BulkRecord ended = m_record;
    ended.state = state;
    ended.pauseReason = state == BulkRecord::State::Paused ? m_pauseReason : QString();
    ended.updated = QDateTime::currentDateTimeUtc();
    BulkResults *results = m_results.results();
    saveRecord(
        ended,
        [this, ended] {
        m_record = ended;
        m_settling = false;
        m_stopped = true;
        releaseLock();
        if (ended.state == BulkRecord::State::Paused)
            return void(emit paused(m_pauseCause, m_pauseReason));
        m_sender.terms().apiKey.reset();
        emit finished(counts());
        },
        [results] { return results ? results->flush() : Status::success(); },
        [this](const Status &unsaved) {
        // The run file is replaced whole or not at all: the one on disk is the last saved, which a resume
        // reads (its rows' outcomes are in the history). The run stops as paused, saying why.
        m_settling = false;
        m_stopped = true;
        m_pauseCause = PauseCause::Storage;
        m_pauseReason = tr("The run file could not be saved (%1); the last one saved is intact. Resume once "
                           "there is space.")
                            .arg(unsaved.message());
        releaseLock();
        emit paused(m_pauseCause, m_pauseReason);
    });
}

void BulkRun::saveRecord(BulkRecord record, const std::function<void()> &then, const std::function<Status()> &andAlso,
                         const std::function<void(const Status &)> &otherwise)
{
    record.updated = QDateTime::currentDateTimeUtc();
    m_disk.save(record, andAlso, [this, then, otherwise](const Status &s) {
        if (!s.ok() && !m_stopped && otherwise)
            return otherwise(s);
        if (!s.ok() && !m_stopped) {
            m_stopped = true;
            m_settling = false;
            releaseLock();
            emit failed(s);
            return;
        }
        if (then)
            then();
    });
}

void BulkRun::writeResults()
{
    m_results.writeAll(m_record.id, m_record.action, m_rows);
}
