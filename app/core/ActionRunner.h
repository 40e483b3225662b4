#pragma once

#include "Action.h"
#include "ApiResult.h"
#include "HistoryEntry.h"
#include "Profile.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QQueue>

class Clock;
class EnrolleeClient;
class HistoryStore;

// What a face asks for. The API key travels with the request and is dropped when it finishes.
struct ActionRequest {
    ActionKind action = ActionKind::ReEnroll;
    QString userId;
    QString reason;
    Profile profile;
    QByteArray apiKey;
    QString face = QStringLiteral("console");
    // The window requires a case reference for deletes and fraud flags; scripts decide for themselves.
    bool requireReason = false;
};

struct RetryPolicy {
    int maxAttempts = 3;     // including the first
    int baseDelayMs = 1000;  // doubled each retry
    int maxDelayMs = 30000;
    double jitter = 0.25;    // +/- fraction of the delay
};

// How an action ended, for the face to show.
struct ActionOutcome {
    quint64 ticket = 0;
    HistoryEntry entry;     // as recorded, with its outcome
    ApiResult result;       // the last attempt
    int attempts = 0;
    QString headline;       // translated, one line: "User X deactivated." / "Deactivate failed: HTTP 400 …"
    QString advice;         // translated, what to do next (may be empty)
    QString historyError;   // set when the outcome could not be recorded
    bool ok() const { return result.ok(); }
};

Q_DECLARE_METATYPE(ActionOutcome)

// The one pipeline every face uses: validate → record in history (synced) → sign with a fresh
// timestamp → send → retry where safe → complete the history entry → report. Faces never sign,
// send or write history themselves.
class ActionRunner : public QObject
{
    Q_OBJECT
public:
    ActionRunner(EnrolleeClient *client, HistoryStore *history, const Clock *clock, QObject *parent = nullptr);

    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    RetryPolicy retryPolicy() const { return m_policy; }
    // Bounded concurrency for bulk runs; further submissions wait in order.
    void setMaxConcurrent(int n) { m_maxConcurrent = qMax(1, n); }

    // Everything that can be checked before anything is recorded or sent, including that the key can
    // sign. Returns a translated reason, or an empty string.
    QString validate(const ActionRequest &request) const;
    // Returns a ticket (>0) once the action is recorded; 0 with *error when refused before anything
    // was recorded or sent.
    quint64 submit(const ActionRequest &request, QString *error = nullptr);

    int activeCount() const { return int(m_active.size()); }
    int queuedCount() const { return int(m_queue.size()); }

signals:
    void actionStarted(quint64 ticket, const HistoryEntry &entry);
    // An attempt failed and another follows after `retryInMs`.
    void attemptFailed(quint64 ticket, int attempt, const ApiResult &result, int retryInMs);
    void actionFinished(const ActionOutcome &outcome);

private:
    struct Job {
        quint64 ticket = 0;
        ActionRequest request;
        HistoryEntry entry;
        int attempt = 0;
        QJsonArray attempts;
    };
    void startNext();
    void attempt(quint64 ticket);
    void onResult(quint64 ticket, const ApiResult &result);
    void finish(Job job, const ApiResult &result);
    int backoffMs(int attempt, const ApiResult &result) const;

    EnrolleeClient *m_client;
    HistoryStore *m_history;
    const Clock *m_clock;
    RetryPolicy m_policy;
    int m_maxConcurrent = 8;
    quint64 m_nextTicket = 1;
    QQueue<quint64> m_queue;
    QHash<quint64, Job> m_jobs;
    QList<quint64> m_active;
};
