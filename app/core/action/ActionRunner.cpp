#include "ActionRunner.h"

#include "action/ActionCompletion.h"
#include "action/Validation.h"
#include "api/EnrolleeClient.h"
#include "api/RequestBuilder.h"
#include "api/ResponseParser.h"
#include "approvals/FourEyes.h"
#include "base/Clock.h"
#include "history/HistoryService.h"

#include <QRandomGenerator>
#include <QTimer>

ActionRunner::ActionRunner(EnrolleeClient *client, HistoryService *history, const Clock *clock, ActionPolicy policy,
                           QObject *parent)
    : QObject(parent), m_client(client), m_history(history), m_clock(clock), m_policy(std::move(policy))
{
    qRegisterMetaType<ActionOutcome>();
    // Skew is judged against the clock that signs, so a skewed clock is diagnosed as such.
    m_client->setClock(m_clock);
}

ActionRule ActionRunner::rule(const ActionRequest &request) const
{
    return m_policy.rule(request.action, request.profile.environment);
}

bool ActionRunner::needsSecondOfficer(const ActionRequest &request) const
{
    switch (request.fourEyes) {
    case FourEyesVerdict::Unasked:
        return rule(request).needsApproval;
    case FourEyesVerdict::Free:
        return false;
    case FourEyesVerdict::NeedsSecondOfficer:
    case FourEyesVerdict::Held:
        break;
    }
    return true;
}

Status ActionRunner::validate(const ActionRequest &request) const
{
    if (Status s = Validation::checkUserId(request.userId); !s.ok())
        return s;
    if (Status s = request.profile.validate(); !s.ok())
        return s;
    if (Status s = Validation::checkReason(request.reason); !s.ok())
        return s;
    if (Status reason = m_policy.check(request.action, request.profile.environment, request.reason,
                                       Confirmation::TypedUserId);
        !reason.ok())
        return reason;
    if (!request.apiKey || request.apiKey->isEmpty())
        return Status::failure(tr("No API key for profile \"%1\".").arg(request.profile.name), Status::Kind::Invalid);
    // A trial signature proves the key is usable before anything is recorded; the real one is made per attempt.
    const SignedRequest trial = RequestBuilder::build(request.profile, request.action, request.userId,
                                                      request.apiKey->bytes(), m_clock->now());
    if (!trial.ok())
        return Status::failure(trial.error, Status::Kind::Invalid);
    return Status::success();
}

Result<quint64> ActionRunner::submit(const ActionRequest &request)
{
    if (Status invalid = validate(request); !invalid.ok())
        return invalid;
    if (Status confirmed = m_policy.check(request.action, request.profile.environment, request.reason,
                                          request.confirmed);
        !confirmed.ok())
        return confirmed;
    if (needsSecondOfficer(request) && request.approvalId <= 0)
        return Status::failure(
            tr("%1 in %2 needs a second officer's approval first; nothing was sent.")
                .arg(ActionInfo::displayName(request.action), environmentDisplayName(request.profile.environment)),
            Status::Kind::NotConfirmed);
    Job job;
    job.ticket = m_nextTicket++;
    job.request = request;
    job.request.userId = Validation::normalizedUserId(request.userId);
    HistoryEntry &e = job.entry;
    e.time = m_clock->now();
    e.operatorEmail = request.profile.email;
    e.profileName = request.profile.name;
    e.environment = request.profile.environment;
    e.partnerId = request.profile.partnerId;
    e.host = request.profile.endpoint().authority();
    e.userId = job.request.userId;
    e.action = request.action;
    e.reason = request.reason.trimmed();
    e.face = request.face;
    e.runId = request.runId;
    e.runLine = request.runLine;
    e.runDigest = request.runDigest;
    e.approvalId = request.approvalId;
    const quint64 ticket = job.ticket;
    if (request.begun.id > 0) {
        // Recorded already (and never sent): it goes under that begin record.
        job.entry = request.begun;
        job.recorded = true;
        m_jobs.insert(ticket, job);
        if (!request.held)
            QTimer::singleShot(0, this, [this, ticket] {
                if (m_jobs.contains(ticket)) {
                    m_queue.enqueue(ticket);
                    startNext();
                }
            });
        return ticket;
    }
    m_jobs.insert(ticket, job);
    if (m_unrecorded.isEmpty() && !m_intentsInFlight)
        QTimer::singleShot(0, this, &ActionRunner::recordIntents);
    m_unrecorded.append(ticket);
    return ticket;
}

void ActionRunner::recordIntents()
{
    if (m_intentsInFlight || m_unrecorded.isEmpty())
        return;
    QList<quint64> tickets;
    for (quint64 ticket : std::exchange(m_unrecorded, {})) {
        const ActionRequest &request = m_jobs.value(ticket).request;
        // A single action sent under an approved request: claimed with its own intent, alone.
        if (m_fourEyes && request.approvalId > 0 && request.runId.isEmpty())
            claimAndRecord(ticket);
        else
            tickets.append(ticket);
    }
    if (tickets.isEmpty())
        return;
    m_intentsInFlight = true;
    QList<HistoryEntry> entries;
    entries.reserve(tickets.size());
    for (quint64 ticket : tickets)
        entries.append(m_jobs.value(ticket).entry);
    m_history->begin(entries, this, [this, tickets](const Result<QList<HistoryEntry>> &stored) {
        m_intentsInFlight = false;
        onRecorded(tickets, stored);
        recordIntents(); // what was submitted meanwhile
    });
}

void ActionRunner::claimAndRecord(quint64 ticket)
{
    const Job &job = m_jobs[ticket];
    const ActionRequest &r = job.request;
    ApprovalRequest sent = ApprovalRequest::of(r.profile, r.action, r.userId, r.reason);
    sent.id = r.approvalId;
    m_fourEyes->claim(sent, job.entry, this,
                      [this, ticket](const Result<QList<HistoryEntry>> &stored) { onRecorded({ticket}, stored); });
}

void ActionRunner::onRecorded(const QList<quint64> &tickets, const Result<QList<HistoryEntry>> &stored)
{
    for (qsizetype i = 0; i < tickets.size(); ++i) {
        const quint64 ticket = tickets.at(i);
        auto it = m_jobs.find(ticket);
        if (it == m_jobs.end())
            continue;
        if (!stored.ok()) {
            // Nothing was sent: an action that is not in the trail never leaves.
            ActionOutcome outcome;
            outcome.ticket = ticket;
            outcome.entry = it->entry;
            ActionCompletion::unrecorded(outcome, stored.status());
            m_jobs.erase(it);
            emit actionFinished(outcome);
            continue;
        }
        it->entry = stored.value().at(i);
        it->recorded = true;
        if (it->withdrawn) {
            finishWithdrawn(ticket);
            continue;
        }
        if (!it->request.held)
            m_queue.enqueue(ticket);
        emit actionStarted(ticket, it->entry);
    }
    startNext();
}

void ActionRunner::startNext()
{
    while (m_active.size() < m_maxConcurrent && !m_queue.isEmpty()) {
        const quint64 ticket = m_queue.dequeue();
        m_active.append(ticket);
        attempt(ticket);
    }
}

void ActionRunner::attempt(quint64 ticket)
{
    Job &job = m_jobs[ticket];
    ++job.attempt;
    // A fresh timestamp for every attempt: a reused one is how the SDKs earned 2205s.
    const SignedRequest signedRequest = RequestBuilder::build(
        job.request.profile, job.request.action, job.request.userId, job.request.apiKey->bytes(), m_clock->now());
    if (!signedRequest.ok()) {
        ApiResult refused;
        refused.outcome = ApiResult::Outcome::NotSent;
        refused.message = signedRequest.error;
        QTimer::singleShot(0, this, [this, ticket, refused] { onResult(ticket, refused); });
        return;
    }
    ClientCall *call = m_client->post(job.request.profile.endpoint(), signedRequest.json);
    job.call = call;
    connect(call, &ClientCall::finished, this, [this, ticket](const ApiResult &result) { onResult(ticket, result); });
}

int ActionRunner::backoffMs(int attempt, const ApiResult &result) const
{
    if (result.retryAfterSeconds >= 0)
        return qMin(result.retryAfterSeconds * 1000, m_retry.maxDelayMs);
    const double base = qMin(double(m_retry.maxDelayMs), m_retry.baseDelayMs * double(1 << qMin(attempt - 1, 16)));
    const double spread = base * m_retry.jitter;
    const double delay = base - spread + QRandomGenerator::global()->generateDouble() * 2 * spread;
    return int(qBound(0.0, delay, double(m_retry.maxDelayMs)));
}

void ActionRunner::onResult(quint64 ticket, const ApiResult &answer)
{
    auto it = m_jobs.find(ticket);
    if (it == m_jobs.end())
        return;
    Job &job = *it;
    ApiResult result = answer;
    ResponseParser::checkSubject(result, job.request.userId);
    job.attempts.append(ActionCompletion::attempt(job.attempt, m_clock->now(), result));
    job.call = nullptr;
    if (!job.cancelled && result.httpStatus == 429 && !job.request.runId.isEmpty()) {
        // The run slows down as a whole and sends this row again when its hold allows.
        ++job.tooMany;
        job.parked = true;
        emit attemptFailed(ticket, job.attempt, result, backoffMs(job.attempt, result));
        return;
    }
    if (!job.cancelled && !result.ok() && result.isRetryable() && job.attempt - job.tooMany < m_retry.maxAttempts) {
        const int delay = backoffMs(job.attempt, result);
        emit attemptFailed(ticket, job.attempt, result, delay);
        QTimer::singleShot(delay, this, [this, ticket] {
            if (m_jobs.contains(ticket) && !m_jobs.value(ticket).cancelled)
                attempt(ticket);
        });
        return;
    }
    Job finished = job;
    m_jobs.erase(it);
    m_active.removeOne(ticket);
    const ActionOutcome ended = finish(finished, result);
    startNext();
    emit requestEnded(ended);
}

bool ActionRunner::resend(quint64 ticket)
{
    auto it = m_jobs.find(ticket);
    if (it == m_jobs.end() || !it->parked || it->cancelled)
        return false;
    it->parked = false;
    attempt(ticket);
    return true;
}

bool ActionRunner::release(quint64 ticket)
{
    auto it = m_jobs.find(ticket);
    if (it == m_jobs.end() || !it->request.held || it->withdrawn)
        return false;
    it->request.held = false;
    if (it->recorded) {
        m_queue.enqueue(ticket);
        startNext();
    }
    return true;
}

bool ActionRunner::withdraw(quint64 ticket)
{
    auto it = m_jobs.find(ticket);
    if (it == m_jobs.end() || !it->request.held || it->withdrawn)
        return false;
    it->withdrawn = true;
    if (it->recorded)
        finishWithdrawn(ticket);
    return true;
}

bool ActionRunner::drop(quint64 ticket)
{
    auto it = m_jobs.find(ticket);
    if (it == m_jobs.end() || !it->request.held || it->withdrawn)
        return false;
    if (it->recorded) {
        m_jobs.erase(it);
        return true;
    }
    // Its intent is being recorded: once it is, it ends as withdrawn rather than stay open.
    it->withdrawn = true;
    return true;
}

void ActionRunner::finishWithdrawn(quint64 ticket)
{
    const Job job = m_jobs.take(ticket);
    finish(job, ActionCompletion::withdrawnResult());
}

bool ActionRunner::cancel(quint64 ticket)
{
    auto it = m_jobs.find(ticket);
    if (it == m_jobs.end() || !m_active.contains(ticket) || it->cancelled)
        return false;
    it->cancelled = true;
    if (it->call) {
        it->call->abort(); // its finished() brings the Cancelled result to onResult()
        return true;
    }
    // Between attempts (waiting to retry): the earlier attempts were sent, so the answer is unknown.
    it->parked = false;
    ApiResult stopped;
    stopped.outcome = ApiResult::Outcome::Cancelled;
    stopped.message = tr("cancelled");
    stopped.requestSent = it->attempt > 0;
    QTimer::singleShot(0, this, [this, ticket, stopped] { onResult(ticket, stopped); });
    return true;
}

ActionOutcome ActionRunner::finish(Job job, const ApiResult &result)
{
    job.entry = ActionCompletion::answered(job.entry, result, m_clock->now(), job.attempts);
    ActionOutcome &outcome = job.outcome;
    outcome.ticket = job.ticket;
    outcome.result = result;
    outcome.attempts = job.attempt;
    outcome.entry = job.entry;
    ActionCompletion::describe(outcome);
    job.request.apiKey.reset(); // the last owner wipes it
    if (m_answered.isEmpty() && !m_answersInFlight)
        QTimer::singleShot(0, this, &ActionRunner::recordAnswers);
    m_answered.append(job);
    return outcome;
}

void ActionRunner::recordAnswers()
{
    if (m_answersInFlight || m_answered.isEmpty())
        return;
    m_answersInFlight = true;
    const QList<Job> jobs = std::exchange(m_answered, {});
    QList<HistoryEntry> answers;
    answers.reserve(jobs.size());
    for (const Job &job : jobs)
        answers.append(job.entry);
    // The face hears of the outcome once the answer is in the trail (or known not to be).
    m_history->complete(answers, this, [this, jobs](const Status &written) {
        m_answersInFlight = false;
        // Answers that came in meanwhile go in one commit; they are queued on the history thread before
        // the faces below hear of these.
        recordAnswers();
        for (Job job : jobs) {
            ActionOutcome &outcome = job.outcome;
            if (!written.ok())
                ActionCompletion::unwritten(outcome, written);
            emit actionFinished(outcome);
        }
    });
}
