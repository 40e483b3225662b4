#pragma once

#include "action/ActionPolicy.h"
#include "action/ActionRunner.h"
#include "approvals/FourEyesVerdict.h"
#include "base/Status.h"
#include "bulk/BulkRecord.h"
#include "bulk/BulkResultsFeed.h"
#include "bulk/BulkRunDisk.h"
#include "bulk/BulkSendLog.h"
#include "bulk/BulkSender.h"
#include "settings/SecretBytes.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class BulkBrakes;
class BulkResults;
class BulkStore;
class HistoryService;
struct ActionOutcome;
struct ApiResult;

// One bulk run: its rows sent over the one ActionRunner (so every row is validated, recorded before it
// leaves, signed, retried and recorded like a single action), throttled by rate and concurrency. The
// next rows' intents are recorded ahead of their turn, a group per history commit, and held by the
// runner until a slot and the rate let them go; before one leaves, one line is synced to the run's send
// log (BulkSendLog), so a slot that frees waits for that sync, never for a history commit (BulkSender
// does the sending; BulkRunDisk the disk work off this thread). A pause keeps
// the held rows for the resume; a cancel withdraws them (recorded as never sent); a process that ends
// holding some leaves them to the next resume, which sends them under their begin records. start() takes
// the run's lock (BulkRunLock: one process sends a run; it is held until the run pauses or ends or this
// object is destroyed, and resume() takes it back and reads the history again), reads the run file
// again under it (a run another process finished meanwhile is not sent again), then reads the history:
// rows already begun (by an earlier, perhaps killed, process) are never sent again; those without an
// answer stay unknown, unless the send log shows they were held and never released. A 429 holds the whole run for its
// Retry-After, and the rows it answered go again within the run's rate; a streak of refusals that will not get better
// (2205, 2405, 2220) pauses it. Faces drive it and show rows() and the signals; nothing here blocks: the history, the
// run file and the results file are written, and rows matched to a long history, on other threads.
class BulkRun : public QObject
{
    Q_OBJECT
public:
    enum class PauseCause { Requested, Canary, Refusals, Storage, Unreachable };
    Q_ENUM(PauseCause)

    BulkRun(BulkRecord record, ActionRunner *runner, HistoryService *history, BulkStore *store,
            QObject *parent = nullptr);
    ~BulkRun() override;

    void setApiKey(std::shared_ptr<const SecretBytes> key) { m_sender.terms().apiKey = std::move(key); }
    void setConfirmation(Confirmation confirmed) { m_sender.terms().confirmed = confirmed; }
    void setFace(const QString &face) { m_sender.terms().face = face; }
    // The four-eyes verdict on the run as a whole, and the team request (approved by a second officer,
    // claimed) every row is sent under; 0 = none. The rows carry both to the runner.
    void setApproval(qint64 requestId, FourEyesVerdict verdict = FourEyesVerdict::Unasked)
    {
        m_sender.terms().approvalId = requestId;
        m_sender.terms().fourEyes = verdict;
    }
    // Where the rows go now when that is not the origin the run file records: the built-in sandbox
    // listens on a new port each session, and a run made on it is resumed against the one running now.
    // The run file (and its digest) keep the origin the run was made with. Empty = the recorded one.
    void setOrigin(const QUrl &origin)
    {
        m_origin = origin;
        m_sender.setOrigin(origin);
    }
    QUrl origin() const;
    // Where results go (CSV, or JSON for *.json); empty = the record's resultsPath.
    void setResultsPath(const QString &path);
    // Refusals in a row that pause the run (default 5).
    void setRefusalStreakLimit(int n);
    // The run's first `rows` rows go first, then it pauses with PauseCause::Canary until resume(); 0 =
    // none. Set from the run file (BulkRecord::canary) by default. Rows a run sent before it was paused
    // or interrupted count: a resumed run sends only what is left of its canary, and one that has never
    // sent anything (held for approval, say) starts with the whole canary.
    void setCanary(int rows) { m_record.canary = qMax(0, rows); }

    const BulkRecord &record() const { return m_record; }
    const QList<BulkRowResult> &rows() const { return m_rows; }
    BulkCounts counts() const { return m_counts; }
    bool isActive() const { return m_started && !m_stopped; }
    // Rows sent (or about to be) whose answer is not recorded yet.
    int inFlight() const { return m_sender.inFlight(); }
    // Rows not sent yet, held ahead or not.
    int remaining() const { return m_sender.remaining(); }
    QString resultsPath() const;
    // The run stopped before reading the history because another process sends it, it had ended
    // already, or its results file may not be written over (not for a disk that cannot take the lock):
    // failed() said which, and nothing was sent.
    bool refused() const { return m_refused; }

    void start();
    void pause(PauseCause cause = PauseCause::Requested, const QString &reason = {});
    void resume();
    // Sends nothing more; the rows in flight are answered first. A paused run is taken back under its lock
    // first (failed() if another process sends it now), then ends cancelled the same way.
    void cancel();

signals:
    void started(); // the history was read; rows are going out
    void rowStarted(int index);
    void rowFinished(int index);
    void progress(const BulkCounts &counts);
    // Sending stops for `ms` (a 429's Retry-After): the whole run waits, not only the row.
    void holding(int ms, const QString &why);
    // Nothing is in flight any more and the run waits for resume().
    void paused(BulkRun::PauseCause cause, const QString &reason);
    // Every row was tried (or the run was cancelled); the results file is written.
    void finished(const BulkCounts &counts);
    // The run could not start or go on (history unreadable, run file unwritable).
    void failed(const Status &status);

private:
    // Takes the run's lock (the run file read again under it), then reads every entry of this run (and
    // only those, from the record: HistoryService::walkRuns) for then(); a refusal or an unreadable history
    // stops the run with failed(). A new run (`isNew`: not read from a run file) whose run file is not on
    // disk under the lock has begun no row anywhere, and is not looked for in the history.
    void lockThenRead(bool isNew, const std::function<void(const QList<HistoryEntry> &)> &then);
    void onResumed(const QList<BulkRowResult> &now);
    void releaseLock();
    void onHistoryRead(const QList<HistoryEntry> &entries);
    void onPrepared(const QList<BulkRowResult> &rows, const QString &digest, const Status &problem,
                    const BulkSendLog::Lines &log);
    void onReady(const QList<BulkRowResult> &rows);
    void onRequestEnded(const ActionOutcome &outcome);
    void onFinished(const ActionOutcome &outcome);
    // settle() once nothing that must end first is left.
    void settleIfQuiet();
    void settle();
    void conclude(BulkRecord::State state);
    // Saves `record` (and runs andAlso) on the file thread; then() runs once it is on disk. A failure
    // stops the run with failed() instead, or calls otherwise() when given.
    void saveRecord(BulkRecord record, const std::function<void()> &then, const std::function<Status()> &andAlso = {},
                    const std::function<void(const Status &)> &otherwise = {});
    void writeResults();

    BulkRecord m_record;
    ActionRunner *m_runner;
    HistoryService *m_history;
    BulkResultsFeed m_results;
    QList<BulkRowResult> m_rows;
    BulkCounts m_counts;
    std::unique_ptr<BulkBrakes> m_brakes; // the run's own stops: canary, refusal streak, no answer
    bool m_started = false;
    bool m_refused = false;
    bool m_resuming = false; // resume() is taking the lock back and reading the history again
    bool m_stopped = false;
    bool m_pausing = false;
    bool m_cancelling = false;
    bool m_settling = false; // settle() has begun and conclude() has not reported yet
    PauseCause m_pauseCause = PauseCause::Requested;
    QString m_pauseReason;
    QUrl m_origin;       // empty: the profile's own
    BulkRunDisk m_disk;  // the lock, the run file, the send log: off this thread (waited for first)
    BulkSender m_sender; // which rows are queued, held, released, sent; reads m_rows
};
