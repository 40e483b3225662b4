#include "BulkRun.h"

#include "action/ActionRunner.h"
#include "bulk/BulkBrakes.h"
#include "bulk/BulkResults.h"
#include "bulk/BulkStore.h"
#include "history/HistoryService.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <algorithm>
#include <cmath>

BulkRun::BulkRun(BulkRecord record, ActionRunner *runner, HistoryService *history, BulkStore *store, QObject *parent)
    : QObject(parent), m_record(std::move(record)), m_runner(runner), m_runnerAlive(runner), m_history(history),
      m_throttle(m_record.rate), m_brakes(std::make_unique<BulkBrakes>()), m_disk(this, store, m_record.id)
{
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &BulkRun::pump);
    connect(m_runner, &ActionRunner::actionFinished, this, &BulkRun::onFinished);
    connect(m_runner, &ActionRunner::attemptFailed, this, &BulkRun::onAttemptFailed);
    connect(m_runner, &ActionRunner::requestEnded, this, &BulkRun::onRequestEnded);
    setResultsPath(m_record.resultsPath);
}

BulkRun::~BulkRun()
{
    // Rows waiting out a 429 would otherwise hold the runner's slots for good. Rows held ahead stay
    // recorded and unsent: the next run of this run adopts them (the send log says they never left).
    if (m_runnerAlive) {
        for (const quint64 ticket : std::as_const(m_resend))
            m_runner->cancel(ticket);
        for (const quint64 ticket : std::as_const(m_held) + m_releasing)
            m_runner->drop(ticket);
    }
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
    m_clock.start();
    m_runner->setMaxConcurrent(qMax(1, m_record.concurrency));
    m_record.state = BulkRecord::State::Running;
    m_record.pid = QCoreApplication::applicationPid();
    m_record.pauseReason.clear();
    // What was begun before (by this run in a process that died, say) is in the history, not here.
    lockThenRead([this](const QList<HistoryEntry> &entries) { onHistoryRead(entries); });
}

void BulkRun::lockThenRead(const std::function<void(const QList<HistoryEntry> &)> &then)
{
    // Checking the run's state and marking it running is one step across processes: under the run's
    // lock, the run file is read again, then the history.
    m_disk.lock(m_record, [this, then](const Status &locked) {
        if (!locked.ok()) {
            m_resuming = false;
            m_cancelling = false; // a cancel of a paused run that could not take it back cancelled nothing
            m_stopped = true;
            m_refused = locked.kind() == Status::Kind::Locked || locked.kind() == Status::Kind::Invalid;
            emit failed(locked);
            return;
        }
        m_history->read(1, this, [this, then](const Result<HistoryRead> &read) {
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
    m_digest = digest;
    onReady(adoptNeverSent(rows, log));
}

QList<BulkRowResult> BulkRun::adoptNeverSent(QList<BulkRowResult> rows, const BulkSendLog::Lines &log)
{
    QSet<int> mine; // rows this object holds (a resume after a pause): not orphans
    for (const quint64 ticket : std::as_const(m_held))
        mine.insert(m_tickets.value(ticket));
    for (int i = 0; i < rows.size(); ++i) {
        const HistoryEntry &e = rows.at(i).entry;
        const bool open = e.outcome == HistoryEntry::Outcome::Pending || e.outcome == HistoryEntry::Outcome::Unknown;
        // Under the run's lock nobody else sends it; whoever held these rows and let go of the lock checks
        // the send log for "released" before it sends anything again.
        if (rows.at(i).begun() && open && !mine.contains(i) && log.neverSent(rows.at(i).row.line)) {
            m_adopted.insert(i, e);
            rows[i].entry = HistoryEntry();
            rows[i].status = BulkRowStatus::NotSent;
        }
    }
    return rows;
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
            m_queue.append(i);
    }
    m_brakes->start(m_record.canary, begun);
    writeResults();
    emit started();
    emit progress(counts());
    if (m_queue.isEmpty() || m_pausing || m_cancelling)
        settle();
    else
        schedulePump();
}

void BulkRun::schedulePump()
{
    // Answers that arrive in one turn free their slots together, so the next window is one commit.
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_pumpQueued = false;
        pump();
    });
}

void BulkRun::pump()
{
    if (m_stopped)
        return;
    if (!m_resend.isEmpty()) {
        // Rows answered 429 go again before any new row, within the rate, also while pausing or
        // cancelling: the run waits for them.
        int waitMs = 0;
        const int n = qMin(int(m_resend.size()), m_throttle.allowance(m_clock.elapsed(), &waitMs));
        if (n > 0)
            m_throttle.sent(m_clock.elapsed(), n);
        for (int i = 0; i < n; ++i)
            m_runner->resend(m_resend.takeFirst());
        if (!m_resend.isEmpty()) {
            m_pumpTimer.start(qMax(1, waitMs));
            return;
        }
    }
    if (m_pausing || m_cancelling || m_resuming)
        return;
    releaseHeld();
    prepareAhead();
    releaseHeld(); // slots still free (at the start, say) take the rows just prepared once recorded
}

int BulkRun::aheadLimit() const
{
    // Enough that the intents of the next rows are on disk while a commit of answers is under way (a
    // commit takes milliseconds, an answer tens); at a rate, what a quarter of a second sends. Not more:
    // every row recorded ahead is one a killed process leaves unknown.
    const int most = 4 * qMax(1, m_record.concurrency);
    return m_record.rate > 0 ? qBound(1, int(std::ceil(m_record.rate / 4)), most) : most;
}

void BulkRun::prepareAhead()
{
    if (!m_preparing.isEmpty())
        return; // one group at a time
    const int held = int(m_held.size());
    const int room = aheadLimit() - held;
    // In groups of at least half the slots: one commit for many rows.
    if (m_queue.isEmpty() || room <= 0 || (held > 0 && room < qMax(1, m_record.concurrency / 2)))
        return;
    // Never beyond the canary: a held row is one that will go.
    const int n = qMin(qMin(room, int(m_queue.size())), m_brakes->allow(held + room) - held);
    if (n <= 0)
        return;
    QList<int> lines;
    for (int i = 0; i < n; ++i) {
        m_preparing.append(m_queue.takeFirst());
        lines.append(m_rows.at(m_preparing.last()).row.line);
    }
    // Not waited for on disk: a "held" line lost reads as "may have been sent", the safe way round.
    m_disk.held(lines, [this](const Status &) { onHeldLogged(); });
}

void BulkRun::onHeldLogged()
{
    const QList<int> rows = std::exchange(m_preparing, {});
    if (m_stopped || m_pausing || m_cancelling || m_resuming) {
        for (const int index : rows)
            m_queue.insert(std::lower_bound(m_queue.begin(), m_queue.end(), index), index);
        return;
    }
    for (const int index : rows)
        submitRow(index);
    releaseHeld();
}

void BulkRun::releaseHeld()
{
    if (m_held.isEmpty())
        return;
    const int sending = int(m_tickets.size() - m_held.size() - m_ended.size());
    const int free = qMax(1, m_record.concurrency) - sending;
    if (free <= 0)
        return;
    int waitMs = 0;
    int n = qMin(free, m_throttle.allowance(m_clock.elapsed(), &waitMs));
    n = m_brakes->allow(qMin(n, int(m_held.size())));
    if (n <= 0) {
        if (waitMs > 0)
            m_pumpTimer.start(waitMs);
        return;
    }
    m_throttle.sent(m_clock.elapsed(), n);
    m_brakes->sent(n);
    QList<quint64> group;
    QList<int> lines;
    for (int i = 0; i < n; ++i) {
        group.append(m_held.takeFirst());
        lines.append(m_rows.at(m_tickets.value(group.last())).row.line);
    }
    m_releasing += group;
    // The one sync a row waits for before it leaves: after a crash, "released" is what tells a row that
    // may have reached the server from one held ahead and never sent. A slot that frees while another
    // group is being synced does not wait for that sync to come back: its own follows it at once.
    m_disk.released(lines, [this, group](const Status &logged) { onReleaseLogged(group, logged); });
}

void BulkRun::onReleaseLogged(const QList<quint64> &group, const Status &logged)
{
    for (const quint64 ticket : group)
        m_releasing.removeOne(ticket);
    for (const quint64 ticket : group) {
        if (!m_tickets.contains(ticket))
            continue;
        // Not on disk: the row never leaves, and is closed as withdrawn. Otherwise it goes even when a
        // pause came meanwhile: as a row in flight, it was let go already.
        if (!logged.ok()) {
            m_runner->withdraw(ticket);
            continue;
        }
        m_runner->release(ticket);
        // In flight from here for the faces: a held row may still be withdrawn and stay unsent.
        const int index = m_tickets.value(ticket);
        BulkRowResult &r = m_rows[index];
        m_counts.add(r, -1);
        r.status = BulkRowStatus::InFlight;
        m_counts.add(r);
        emit rowStarted(index);
    }
    if (!logged.ok())
        return pause(PauseCause::Storage, logged.message());
    schedulePump(); // slots freed while the group was synced
}

void BulkRun::withdrawHeld()
{
    // Their outcomes (never sent) come back through onFinished, which puts the rows back in the queue.
    for (const quint64 ticket : std::exchange(m_held, {}))
        m_runner->withdraw(ticket);
}

void BulkRun::submitRow(int index)
{
    BulkRowResult &r = m_rows[index];
    ActionRequest request;
    request.action = m_record.action;
    request.userId = r.row.userId;
    request.reason = r.row.reason;
    request.profile = m_record.profile;
    if (!m_origin.isEmpty())
        request.profile.baseUrl = m_origin;
    request.apiKey = m_key;
    request.face = m_face;
    request.confirmed = m_confirmed;
    request.approvalId = m_approvalId;
    request.fourEyes = m_fourEyes;
    request.runId = m_record.id;
    request.runLine = r.row.line;
    request.runDigest = m_digest;
    request.held = true;
    request.begun = m_adopted.take(index); // none, or the begin record it goes under
    const Result<quint64> ticket = m_runner->submit(request);
    if (!ticket.ok()) {
        // Refused before anything was recorded: not sent, and said why.
        r.row.problem = ticket.message();
        emit rowFinished(index);
        return;
    }
    m_tickets.insert(ticket.value(), index);
    m_held.append(ticket.value());
}

void BulkRun::onAttemptFailed(quint64 ticket, int, const ApiResult &result, int retryInMs)
{
    if (!m_tickets.contains(ticket) || result.httpStatus != 429)
        return;
    // Too many requests is about the run, not the row: every send waits, and the rate comes down.
    const qint64 now = m_clock.elapsed();
    m_throttle.tooMany(now);
    m_throttle.hold(now + retryInMs);
    m_resend.append(ticket); // the runner waits for the run to send it again
    m_pumpTimer.start(qMax(1, retryInMs));
    emit holding(retryInMs, result.summary());
}

void BulkRun::onRequestEnded(const ActionOutcome &outcome)
{
    const auto it = m_tickets.constFind(outcome.ticket);
    if (it == m_tickets.constEnd())
        return;
    // The slot is free now, and the brakes judge the answer now: neither waits for it to be recorded.
    m_ended.insert(outcome.ticket);
    BulkRowResult answered = m_rows.at(*it);
    answered.entry = outcome.entry;
    answered.status = BulkRecord::classify(m_record.action, outcome.entry);
    if (const std::optional<BulkBrakes::Stop> stop = m_brakes->after(answered, outcome.result, origin(),
                                                                     !m_queue.isEmpty() || !m_held.isEmpty()))
        pause(stop->cause, stop->reason);
    // The next held row is released now, not a turn of the event loop later; rows answered 429 go first.
    if (!m_stopped && !m_pausing && !m_cancelling && !m_resuming && m_resend.isEmpty())
        releaseHeld();
    schedulePump();
}

void BulkRun::onFinished(const ActionOutcome &outcome)
{
    const auto it = m_tickets.constFind(outcome.ticket);
    if (it == m_tickets.constEnd())
        return;
    const int index = *it;
    m_tickets.erase(it);
    m_held.removeOne(outcome.ticket);
    m_ended.remove(outcome.ticket);
    if (outcome.sent() && ActionRunner::withdrawn(outcome.entry)) {
        // Held and never sent (the faces never saw it start): back in the queue in input order. A resume
        // reads the history again before anything goes.
        m_queue.insert(std::lower_bound(m_queue.begin(), m_queue.end(), index), index);
        settleIfQuiet();
        schedulePump();
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
        m_throttle.tooMany(m_clock.elapsed());
    emit rowFinished(index);
    emit progress(counts());
    m_results.rowEnded(r);
    settleIfQuiet();
    schedulePump();
}

void BulkRun::pause(PauseCause cause, const QString &reason)
{
    if (m_stopped || m_pausing || m_cancelling)
        return;
    m_pausing = true;
    m_pauseCause = cause;
    m_pauseReason = reason.isEmpty() ? tr("Paused by the officer.") : reason;
    if (m_resend.isEmpty())
        m_pumpTimer.stop();
    // Held rows stay held (recorded, not sent) and go after the resume.
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
    if (m_resend.isEmpty())
        m_pumpTimer.stop();
    withdrawHeld();
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
    lockThenRead([this](const QList<HistoryEntry> &entries) {
        m_disk.reread(m_record, entries, [this](const BulkRunDisk::Reread &now) {
            // Rows this object held while paused that someone else sent meanwhile are theirs now.
            for (qsizetype k = m_held.size() - 1; k >= 0; --k) {
                const quint64 ticket = m_held.at(k);
                const int index = m_tickets.value(ticket);
                if (now.second.released.contains(m_rows.at(index).row.line)) {
                    m_runner->drop(ticket);
                    m_held.removeAt(k);
                    m_tickets.remove(ticket);
                    m_queue.insert(std::lower_bound(m_queue.begin(), m_queue.end(), index), index);
                }
            }
            onResumed(adoptNeverSent(now.first, now.second));
        });
    });
}

void BulkRun::onResumed(const QList<BulkRowResult> &now)
{
    for (int k = int(m_queue.size()) - 1; k >= 0; --k) {
        const int i = m_queue.at(k);
        if (i < now.size() && now.at(i).begun()) {
            m_rows[i] = now.at(i);
            m_queue.removeAt(k);
            emit rowFinished(i); // begun by another process meanwhile
        }
    }
    m_counts = BulkCounts::of(m_rows);
    emit progress(counts());
    saveRecord(m_record, [this] {
        m_resuming = false;
        if (m_cancelling)
            withdrawHeld(); // a paused run cancelled: the rows it kept for the resume are withdrawn
        schedulePump();
        if (!m_stopped)
            settleIfQuiet();
    });
}

void BulkRun::settleIfQuiet()
{
    if (m_stopped || m_settling)
        return;
    const bool sending = inFlight() > 0;
    // A pause waits for what was sent; a cancel also for the held rows it withdrew; the end for everything.
    const bool quiet = m_cancelling ? m_tickets.isEmpty()
        : m_pausing                 ? !sending
                                    : m_queue.isEmpty() && m_preparing.isEmpty() && m_tickets.isEmpty();
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
        m_key.reset();
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
