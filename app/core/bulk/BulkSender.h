#pragma once

#include "action/ActionRunner.h"
#include "bulk/BulkRecord.h"
#include "bulk/BulkThrottle.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>

class BulkBrakes;
class BulkRunDisk;

// The sending side of one bulk run: which of its rows wait in the queue, are recorded ahead and held by
// the runner, are being released (their "released" line synced to the send log), wait released for a
// slot, are sent, or are answered with the answer being recorded. Rows go to the runner ahead of their
// turn, a group per history commit; a held row is released when a slot, the rate and the canary will
// allow it (without a rate, a few ahead of a free slot), and leaves once its line is on disk; a 429
// holds every send for its Retry-After, and the rows it answered go again first. The run (BulkRun) says
// through the gate whether new rows may go, hears of rows that start or are refused, and hands over the
// runner's answers.
class BulkSender : public QObject
{
    Q_OBJECT
public:
    // Stopped: nothing goes. Holding (pausing, cancelling, resuming): only what was let go already (the
    // 429s' rows) goes again. Open: rows go.
    enum class Gate { Stopped, Holding, Open };

    BulkSender(ActionRunner *runner, BulkRunDisk *disk, BulkBrakes *brakes, const QList<BulkRowResult> *rows,
               const BulkRecord &record, QObject *parent = nullptr);

    // What every row goes under (key, face, confirmation, approval, run and digest); the row adds its own.
    ActionRequest &terms() { return m_terms; }
    void setOrigin(const QUrl &origin) { m_origin = origin; }
    void setGate(std::function<Gate()> gate) { m_gate = std::move(gate); }
    void start();
    // Lets go of the runner's rows when the run object goes: rows waiting out a 429 are cancelled (they
    // would hold the runner's slots for good), rows held ahead stay recorded and unsent for the next run
    // of this run to adopt (the send log says they never left).
    void abandon();

    void enqueue(int index); // in input order
    void unqueue(int index);
    const QList<int> &queue() const { return m_queue; }
    // A row recorded and held by a process that let go of it without sending: it goes under `begin`.
    void adopt(int index, const HistoryEntry &begin) { m_adopted.insert(index, begin); }
    QSet<int> heldRows() const;
    // Rows a holder recorded ahead and let go of without sending (begin record, no answer, never
    // "released" in the send log) go again under that begin record: in `rows` they are not sent, and not
    // begun for this run. Rows this sender holds itself are not orphans.
    QList<BulkRowResult> adoptNeverSent(QList<BulkRowResult> rows, const BulkSendLog::Lines &log);
    // Rows this object held while paused that another process released meanwhile: theirs now.
    void dropReleasedElsewhere(const QSet<int> &releasedLines);
    // Cancel: their outcomes (never sent) come back from the runner as withdrawn.
    void withdrawHeld();
    // Pause: rows released ahead of a free slot are held again (the send log says they never left).
    void holdReleased();

    // The runner answered `ticket` (its slot is free): its row, or -1 when it is not this run's.
    int ended(quint64 ticket);
    // The runner is done with `ticket` (its answer recorded): its row, or -1.
    int finish(quint64 ticket);
    void tooMany(); // an answer was a 429 after all its attempts: the rate comes down
    // The next held row is released at once, not a turn of the event loop later; 429s' rows go first.
    void next();
    void schedule();
    void stopTimer(); // unless rows answered 429 wait for their turn again

    int inFlight() const { return int(m_tickets.size() - m_held.size() - m_armed.size()); }
    int remaining() const { return int(m_queue.size() + m_held.size() + m_armed.size() + m_preparing.size()); }
    bool hasTickets() const { return !m_tickets.isEmpty(); }
    bool moreToSend() const { return !m_queue.isEmpty() || !m_held.isEmpty() || !m_armed.isEmpty(); }
    bool done() const { return m_queue.isEmpty() && m_preparing.isEmpty() && m_tickets.isEmpty(); }

signals:
    void rowStarted(int index);                         // released: in flight
    void rowRefused(int index, const QString &problem); // the runner refused it before recording anything
    void holding(int ms, const QString &why);
    void storageFailed(const QString &message); // a "released" line could not be synced: nothing of it left
    void heldAgain(); // rows released while a pause or cancel came are held again: the run may be quiet now

private:
    void pump();
    int aheadLimit() const;
    void prepareAhead();
    void onHeldLogged();
    void releaseHeld();
    void handOver();
    void releaseAhead();
    int releasedAhead() const;
    int onWire() const;
    QList<int> linesOf(const QList<quint64> &tickets) const;
    void onReleaseLogged(const QList<quint64> &group, const Status &logged);
    void submitRow(int index);
    void onAttemptFailed(quint64 ticket, int attempt, const ApiResult &result, int retryInMs);
    Gate gate() const { return m_gate ? m_gate() : Gate::Open; }

    ActionRunner *m_runner;
    QPointer<ActionRunner> m_runnerAlive; // a face may destroy the runner's context before this run
    BulkRunDisk *m_disk;
    BulkBrakes *m_brakes;
    const QList<BulkRowResult> *m_rows;
    int m_concurrency;
    double m_rate;
    ActionRequest m_terms;
    QUrl m_origin;
    std::function<Gate()> m_gate;
    QList<int> m_queue;                 // row indices never begun, in input order
    QHash<quint64, int> m_tickets;      // in flight (held, sent or being withdrawn): runner ticket -> row index
    QList<quint64> m_held;              // of those, recorded ahead and held by the runner, in input order
    QSet<quint64> m_ended;              // of those, answered, the answer being recorded: their slot is free
    QList<int> m_preparing;             // rows whose "held" line is being logged, to be submitted next
    QList<quint64> m_releasing;         // of those, rows whose "released" lines are being synced
    QList<quint64> m_armed;             // of those, released (synced) and waiting for a free slot
    QHash<int, HistoryEntry> m_adopted; // row index -> the begin record it goes under (adopt)
    QList<quint64> m_resend;            // in flight, answered 429: sent again first, as the throttle allows
    BulkThrottle m_throttle;
    QElapsedTimer m_clock;
    QTimer m_pumpTimer;
    bool m_pumpQueued = false;
};
