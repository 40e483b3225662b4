#include "BulkSender.h"

#include "bulk/BulkBrakes.h"
#include "bulk/BulkRunDisk.h"

#include <algorithm>
#include <cmath>

BulkSender::BulkSender(ActionRunner *runner, BulkRunDisk *disk, BulkBrakes *brakes, const QList<BulkRowResult> *rows,
                       const BulkRecord &record, QObject *parent)
    : QObject(parent), m_runner(runner), m_runnerAlive(runner), m_disk(disk), m_brakes(brakes), m_rows(rows),
      m_concurrency(qMax(1, record.concurrency)), m_rate(record.rate), m_throttle(record.rate)
{
    m_terms.action = record.action;
    m_terms.profile = record.profile;
    m_terms.face = QStringLiteral("bulk");
    m_terms.runId = record.id;
    m_terms.held = true;
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &BulkSender::pump);
    connect(m_runner, &ActionRunner::attemptFailed, this, &BulkSender::onAttemptFailed);
}

void BulkSender::start()
{
    m_clock.start();
    m_runner->setMaxConcurrent(m_concurrency);
}

void BulkSender::abandon()
{
    // Rows released and not sent say so in the send log, after their "released" lines (those still being
    // synced included): the next run of this run reads them as never sent, not "may have been sent".
    holdReleased();
    if (!m_releasing.isEmpty())
        m_disk->unreleased(linesOf(m_releasing));
    if (!m_runnerAlive)
        return;
    for (const quint64 ticket : std::as_const(m_resend))
        m_runner->cancel(ticket);
    for (const quint64 ticket : std::as_const(m_held) + m_releasing)
        m_runner->drop(ticket);
}

void BulkSender::enqueue(int index)
{
    m_queue.insert(std::lower_bound(m_queue.begin(), m_queue.end(), index), index);
}

void BulkSender::unqueue(int index)
{
    m_queue.removeOne(index);
}

QSet<int> BulkSender::heldRows() const
{
    QSet<int> rows;
    for (const quint64 ticket : m_held + m_armed)
        rows.insert(m_tickets.value(ticket));
    return rows;
}

QList<BulkRowResult> BulkSender::adoptNeverSent(QList<BulkRowResult> rows, const BulkSendLog::Lines &log)
{
    const QSet<int> mine = heldRows(); // rows this run holds (a resume after a pause): not orphans
    for (int i = 0; i < rows.size(); ++i) {
        const HistoryEntry &e = rows.at(i).entry;
        const bool open = e.outcome == HistoryEntry::Outcome::Pending || e.outcome == HistoryEntry::Outcome::Unknown;
        // Under the run's lock nobody else sends it; whoever held these rows and let go of the lock checks
        // the send log for "released" before it sends anything again.
        if (rows.at(i).begun() && open && !mine.contains(i) && log.neverSent(rows.at(i).row.line)) {
            adopt(i, e);
            rows[i].entry = HistoryEntry();
            rows[i].status = BulkRowStatus::NotSent;
        }
    }
    return rows;
}

void BulkSender::dropReleasedElsewhere(const QSet<int> &releasedLines)
{
    for (qsizetype k = m_held.size() - 1; k >= 0; --k) {
        const quint64 ticket = m_held.at(k);
        const int index = m_tickets.value(ticket);
        if (releasedLines.contains(m_rows->at(index).row.line)) {
            m_runner->drop(ticket);
            m_held.removeAt(k);
            m_tickets.remove(ticket);
            enqueue(index);
        }
    }
}

void BulkSender::withdrawHeld()
{
    holdReleased();
    for (const quint64 ticket : std::exchange(m_held, {}))
        m_runner->withdraw(ticket);
}

int BulkSender::ended(quint64 ticket)
{
    const auto it = m_tickets.constFind(ticket);
    if (it == m_tickets.constEnd())
        return -1;
    m_ended.insert(ticket);
    return *it;
}

int BulkSender::finish(quint64 ticket)
{
    const auto it = m_tickets.constFind(ticket);
    if (it == m_tickets.constEnd())
        return -1;
    const int index = *it;
    m_tickets.erase(it);
    m_held.removeOne(ticket);
    m_ended.remove(ticket);
    return index;
}

void BulkSender::tooMany()
{
    m_throttle.tooMany(m_clock.elapsed());
}

void BulkSender::next()
{
    if (gate() == Gate::Open && m_resend.isEmpty())
        releaseHeld();
}

void BulkSender::schedule()
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

void BulkSender::stopTimer()
{
    if (m_resend.isEmpty())
        m_pumpTimer.stop();
}

void BulkSender::pump()
{
    const Gate now = gate();
    if (now == Gate::Stopped)
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
    if (now != Gate::Open)
        return;
    releaseHeld();
    prepareAhead();
    releaseHeld(); // slots still free (at the start, say) take the rows just prepared once recorded
}

int BulkSender::aheadLimit() const
{
    // Enough that the intents of the next rows are on disk while a commit of answers is under way (a
    // commit takes milliseconds, an answer tens); at a rate, what a quarter of a second sends. Not more:
    // every row recorded ahead is one a killed process leaves unknown.
    const int most = 4 * m_concurrency;
    return m_rate > 0 ? qBound(1, int(std::ceil(m_rate / 4)), most) : most;
}

void BulkSender::prepareAhead()
{
    if (!m_preparing.isEmpty())
        return; // one group at a time
    const int held = int(m_held.size());
    const int room = aheadLimit() - held;
    // In groups of at least half the slots: one commit for many rows.
    if (m_queue.isEmpty() || room <= 0 || (held > 0 && room < qMax(1, m_concurrency / 2)))
        return;
    // Never beyond the canary: a held row is one that will go.
    const int n = qMin(qMin(room, int(m_queue.size())), m_brakes->allow(held + room) - held);
    if (n <= 0)
        return;
    QList<int> lines;
    for (int i = 0; i < n; ++i) {
        m_preparing.append(m_queue.takeFirst());
        lines.append(m_rows->at(m_preparing.last()).row.line);
    }
    // Not waited for on disk: a "held" line lost reads as "may have been sent", the safe way round.
    m_disk->held(lines, [this](const Status &) { onHeldLogged(); });
}

void BulkSender::onHeldLogged()
{
    const QList<int> rows = std::exchange(m_preparing, {});
    if (gate() != Gate::Open) {
        for (const int index : rows)
            enqueue(index);
        return;
    }
    for (const int index : rows)
        submitRow(index);
    releaseHeld();
}

int BulkSender::onWire() const
{
    return int(m_tickets.size() - m_held.size() - m_ended.size() - m_armed.size() - m_releasing.size());
}

int BulkSender::releasedAhead() const
{
    // Without a rate the slots are the limit, and the one sync a row waits for before it leaves would be
    // paid in a slot's turn after every answer: rows released ahead of a free slot take it off that turn.
    // A quarter of the slots (at least one) is enough to reach 90% of concurrency / latency (bench_bulk
    // --latency 40), and each is a row a killed process leaves "may have been sent". With a
    // rate (or a 429's), the rate is the limit and nothing is released before it allows.
    return m_throttle.rate() > 0 ? 0 : qMax(1, m_concurrency / 4);
}

QList<int> BulkSender::linesOf(const QList<quint64> &tickets) const
{
    QList<int> lines;
    for (const quint64 ticket : tickets)
        lines.append(m_rows->at(m_tickets.value(ticket)).row.line);
    return lines;
}

void BulkSender::releaseHeld()
{
    handOver();
    releaseAhead();
}

void BulkSender::handOver()
{
    if (m_armed.isEmpty() || gate() != Gate::Open)
        return;
    const int free = m_concurrency - onWire();
    if (free <= 0)
        return;
    int waitMs = 0;
    int n = qMin(free, m_throttle.allowance(m_clock.elapsed(), &waitMs));
    n = m_brakes->allow(qMin(n, int(m_armed.size())));
    if (n <= 0) {
        if (waitMs > 0)
            m_pumpTimer.start(waitMs);
        return;
    }
    m_throttle.sent(m_clock.elapsed(), n);
    m_brakes->sent(n);
    for (int i = 0; i < n; ++i) {
        const quint64 ticket = m_armed.takeFirst();
        m_runner->release(ticket);
        // In flight from here for the faces: a held row may still be withdrawn and stay unsent.
        emit rowStarted(m_tickets.value(ticket));
    }
}

void BulkSender::releaseAhead()
{
    if (m_held.isEmpty() || gate() != Gate::Open)
        return;
    const int pending = int(m_armed.size() + m_releasing.size());
    const int room = m_concurrency - onWire() + releasedAhead() - pending;
    if (room <= 0)
        return;
    int waitMs = 0;
    const int allowed = m_throttle.allowance(m_clock.elapsed(), &waitMs) - pending;
    // Not beyond what may leave: the rate's allowance and the canary, the rows already released counted.
    const int n = m_brakes->allow(pending + qMin(qMin(room, allowed), int(m_held.size()))) - pending;
    if (n <= 0) {
        if (waitMs > 0)
            m_pumpTimer.start(waitMs);
        return;
    }
    QList<quint64> group;
    for (int i = 0; i < n; ++i)
        group.append(m_held.takeFirst());
    m_releasing += group;
    // The one sync a row waits for before it leaves: after a crash, "released" is what tells a row that
    // may have reached the server from one held ahead and never sent. A slot that frees while another
    // group is being synced does not wait for that sync to come back: its own follows it at once.
    m_disk->released(linesOf(group), [this, group](const Status &logged) { onReleaseLogged(group, logged); });
}

void BulkSender::onReleaseLogged(const QList<quint64> &group, const Status &logged)
{
    QList<quint64> ours;
    for (const quint64 ticket : group) {
        m_releasing.removeOne(ticket);
        if (m_tickets.contains(ticket))
            ours.append(ticket);
    }
    if (!logged.ok()) {
        // Not on disk: the rows never leave, and are closed as withdrawn.
        for (const quint64 ticket : std::as_const(ours))
            m_runner->withdraw(ticket);
        emit storageFailed(logged.message());
        return;
    }
    m_armed += ours;
    if (gate() != Gate::Open) {
        // A pause or a cancel came while they were synced: they stay unsent.
        holdReleased();
        emit heldAgain();
        return;
    }
    handOver();
    schedule(); // slots freed while the group was synced
}

void BulkSender::holdReleased()
{
    if (m_armed.isEmpty())
        return;
    m_disk->unreleased(linesOf(m_armed));
    m_held = std::exchange(m_armed, {}) + m_held; // they came from the front
}

void BulkSender::submitRow(int index)
{
    const BulkRow &row = m_rows->at(index).row;
    ActionRequest request = m_terms;
    request.userId = row.userId;
    request.reason = row.reason;
    if (!m_origin.isEmpty())
        request.profile.baseUrl = m_origin;
    request.runLine = row.line;
    request.begun = m_adopted.take(index); // none, or the begin record it goes under
    const Result<quint64> ticket = m_runner->submit(request);
    if (!ticket.ok()) {
        // Refused before anything was recorded: not sent, and said why.
        emit rowRefused(index, ticket.message());
        return;
    }
    m_tickets.insert(ticket.value(), index);
    m_held.append(ticket.value());
}

void BulkSender::onAttemptFailed(quint64 ticket, int, const ApiResult &result, int retryInMs)
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
