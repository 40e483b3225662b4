#pragma once

#include "action/Action.h"
#include "action/ActionCompletion.h"
#include "action/ActionPolicy.h"
#include "api/ApiResult.h"
#include "approvals/FourEyesVerdict.h"
#include "base/Status.h"
#include "history/HistoryEntry.h"
#include "settings/Profile.h"
#include "settings/SecretBytes.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QQueue>

#include <memory>

class Clock;
class ClientCall;
class EnrolleeClient;
class FourEyes;
class HistoryService;

// What a face asks for. The API key travels with the request, shared by its copies, and is wiped when
// the last of them is gone.
struct ActionRequest {
    ActionKind action = ActionKind::ReEnroll;
    QString userId;
    QString reason;
    Profile profile;
    std::shared_ptr<const SecretBytes> apiKey;
    QString face = QStringLiteral("console");
    // What the face obtained from the officer; the policy says what this action needs here.
    Confirmation confirmed = Confirmation::None;
    // The four-eyes verdict the face obtained (FourEyes::verdict). Unasked: the runner's default policy
    // decides; NeedsSecondOfficer or Held: refused without an approved request.
    FourEyesVerdict fourEyes = FourEyesVerdict::Unasked;
    // The team request a second officer approved; the runner claims it with the intent (a bulk run's
    // rows: already claimed for the run as a whole). 0 otherwise.
    qint64 approvalId = 0;
    // A row of a bulk run: recorded in the row's begin record (HistoryEntry::runId, runLine).
    QString runId;
    int runLine = 0;
    QString runDigest;
    // Recorded ahead of its turn (a bulk run keeps the next rows' intents on disk so that a free slot
    // never waits for a commit): after its intent is recorded it waits for release(), or withdraw().
    bool held = false;
    // The intent a process recorded and held, then ended without sending (id > 0): the request goes
    // under that begin record, which is not recorded again.
    HistoryEntry begun;
};

struct RetryPolicy {
    int maxAttempts = 3;    // including the first
    int baseDelayMs = 1000; // doubled each retry
    int maxDelayMs = 30000;
    double jitter = 0.25; // +/- fraction of the delay
};

// The one pipeline every face uses: validate (the policy) → record the intent in the history
// (durable) → sign with a fresh timestamp → send → retry where safe → record the answer → report.
// Faces never sign, send, write history or decide what needs a reason or a confirmation themselves.
// Intents submitted in the same event-loop turn are recorded in one commit, and so are answers, so a
// bulk run of thousands of rows costs a few commits, not thousands.
class ActionRunner : public QObject
{
    Q_OBJECT
public:
    // The translated headline and advice of an ended action, from its entry, result and attempts: at the
    // end, and again when a window rebuilt in another language shows it (see ActionCompletion).
    static void describe(ActionOutcome &outcome) { ActionCompletion::describe(outcome); }
    ActionRunner(EnrolleeClient *client, HistoryService *history, const Clock *clock, ActionPolicy policy,
                 QObject *parent = nullptr);

    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    RetryPolicy retryPolicy() const { return m_retry; }
    const ActionPolicy &policy() const { return m_policy; }
    ActionRule rule(const ActionRequest &request) const;
    // Whether `request` may go only under an approved request: its verdict, or the default policy when
    // the face did not ask.
    bool needsSecondOfficer(const ActionRequest &request) const;
    // The four-eyes service that claims approved requests together with their intent (set once by the
    // composition root). Without it an approved request's id is recorded as it is.
    void setFourEyes(FourEyes *fourEyes) { m_fourEyes = fourEyes; }
    // Bounded concurrency for bulk runs; further submissions wait in order.
    void setMaxConcurrent(int n) { m_maxConcurrent = qMax(1, n); }

    // Everything that can be checked before the officer is asked or anything is recorded: the input,
    // the policy's reason rule, and that the key can sign.
    Status validate(const ActionRequest &request) const;
    // validate() plus the policy's confirmation rule. Returns a ticket; the action is recorded, then
    // sent, and actionFinished() follows exactly once (with a failed `recording` if the intent could
    // not be recorded, in which case nothing was sent).
    Result<quint64> submit(const ActionRequest &request);

    // Stops waiting for an action's answer: the request in flight is aborted and no retry follows.
    // The outcome still comes through actionFinished(): "unknown" when the request may have reached
    // the server (it may still act on it), "failure" when nothing had left. False for an unknown
    // ticket or one not sent yet.
    bool cancel(quint64 ticket);

    // A row of a bulk run answered 429 is not retried by the runner and does not spend an attempt: it
    // waits (attemptFailed() says so) until its run, which holds every send for the whole run, sends it
    // again with resend(). False for a ticket that is not waiting so.
    bool resend(quint64 ticket);

    // A held request (ActionRequest::held) goes once its intent is recorded. False for a ticket that is
    // not held.
    bool release(quint64 ticket);
    // A held request that will not go after all: its intent is closed with a completion that says it was
    // never sent (withdrawn()), and actionFinished() follows as for any other end. False for a ticket that
    // is not held.
    bool withdraw(quint64 ticket);
    // A held request another holder has taken over (its begin record is theirs now): forgotten here,
    // nothing recorded and no actionFinished(). False for a ticket that is not held.
    bool drop(quint64 ticket);
    // Whether `entry` was withdrawn before anything was sent: a run may send that row again.
    static bool withdrawn(const HistoryEntry &entry) { return ActionCompletion::withdrawn(entry); }
    // The completion that closes `begin` as withdrawn at `at`: for a row a process held ahead and died
    // before sending, closed by the process that resumes its run.
    static HistoryEntry withdrawal(const HistoryEntry &begin, const QDateTime &at)
    {
        return ActionCompletion::withdrawal(begin, at);
    }

    int activeCount() const { return int(m_active.size()); }
    int queuedCount() const { return int(m_queue.size()); }

signals:
    // The intent is recorded; the request is about to leave.
    void actionStarted(quint64 ticket, const HistoryEntry &entry);
    // An attempt failed and another follows after `retryInMs`.
    void attemptFailed(quint64 ticket, int attempt, const ApiResult &result, int retryInMs);
    // The action's last attempt is over and its slot is free: `outcome` as it is being recorded.
    // actionFinished() follows once it is (a bulk run sends its next row meanwhile).
    void requestEnded(const ActionOutcome &outcome);
    void actionFinished(const ActionOutcome &outcome);

private:
    struct Job {
        quint64 ticket = 0;
        ActionRequest request;
        HistoryEntry entry;
        int attempt = 0;
        QJsonArray attempts;
        ActionOutcome outcome;
        QPointer<ClientCall> call; // the attempt in flight, if any
        bool cancelled = false;
        int tooMany = 0;        // attempts a bulk run's hold answered (429): they spend no attempt
        bool parked = false;    // a run's row answered 429, waiting for resend()
        bool recorded = false;  // the intent is in the trail
        bool withdrawn = false; // withdraw() was asked: it ends unsent once recorded
    };
    void recordIntents();
    void claimAndRecord(quint64 ticket);
    void onRecorded(const QList<quint64> &tickets, const Result<QList<HistoryEntry>> &stored);
    void startNext();
    void attempt(quint64 ticket);
    void onResult(quint64 ticket, const ApiResult &answer);
    ActionOutcome finish(Job job, const ApiResult &result);
    void finishWithdrawn(quint64 ticket);
    void recordAnswers();
    int backoffMs(int attempt, const ApiResult &result) const;

    EnrolleeClient *m_client;
    HistoryService *m_history;
    FourEyes *m_fourEyes = nullptr;
    const Clock *m_clock;
    ActionPolicy m_policy;
    RetryPolicy m_retry;
    int m_maxConcurrent = 8;
    quint64 m_nextTicket = 1;
    QList<quint64> m_unrecorded; // submitted, intent not yet written
    QList<Job> m_answered;       // answered, answer not yet written
    // A commit of intents (answers) is on its way: what arrives meanwhile waits for it and goes in the
    // next commit together (group commit), so a busy bulk run costs a commit per group, not per row.
    bool m_intentsInFlight = false;
    bool m_answersInFlight = false;
    QQueue<quint64> m_queue;
    QHash<quint64, Job> m_jobs;
    QList<quint64> m_active;
};
