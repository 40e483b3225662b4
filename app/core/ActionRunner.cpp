#include "ActionRunner.h"

#include "Clock.h"
#include "EnrolleeClient.h"
#include "HistoryStore.h"
#include "RequestBuilder.h"
#include "Validation.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QStringDecoder>
#include <QTimer>

namespace {
QString responseText(const ApiResult &result)
{
    if (result.body.isEmpty())
        return {};
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(result.body);
    if (decoder.hasError())
        return QCoreApplication::translate("ActionRunner", "[%1 bytes that are not UTF-8 text]").arg(result.bodySize);
    return result.bodyTruncated ? text + QCoreApplication::translate("ActionRunner", "\n[... %1 bytes in all]").arg(result.bodySize) : text;
}
} // namespace

ActionRunner::ActionRunner(EnrolleeClient *client, HistoryStore *history, const Clock *clock, QObject *parent)
    : QObject(parent), m_client(client), m_history(history), m_clock(clock)
{
    qRegisterMetaType<ActionOutcome>();
    // Skew is judged against the clock that signs, so a skewed clock is diagnosed as such.
    m_client->setClock(m_clock);
}

QString ActionRunner::validate(const ActionRequest &request) const
{
    if (const Status s = Validation::checkUserId(request.userId); !s.ok())
        return s.message();
    if (const Status s = request.profile.validate(); !s.ok())
        return s.message();
    if (const Status s = Validation::checkReason(request.reason); !s.ok())
        return s.message();
    if (request.requireReason && ActionInfo::requiresReason(request.action) && request.reason.trimmed().isEmpty())
        return QCoreApplication::translate("ActionRunner", "%1 needs a reason or case reference for the audit trail.").arg(ActionInfo::displayName(request.action));
    if (request.apiKey.isEmpty())
        return QCoreApplication::translate("ActionRunner", "No API key for profile \"%1\".").arg(request.profile.name);
    // A trial signature proves the key is usable before anything is recorded; the real one is made per attempt.
    const SignedRequest trial = RequestBuilder::build(request.profile, request.action, request.userId, request.apiKey, m_clock->now());
    return trial.error;
}

quint64 ActionRunner::submit(const ActionRequest &request, QString *error)
{
    if (const QString invalid = validate(request); !invalid.isEmpty()) {
        if (error)
            *error = invalid;
        return 0;
    }
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
    QString historyError;
    e.id = m_history->begin(e, &historyError);
    if (e.id == 0) {
        if (error)
            *error = historyError;
        return 0;
    }
    e.outcome = HistoryEntry::Outcome::Pending;
    const quint64 ticket = job.ticket;
    m_jobs.insert(ticket, job);
    m_queue.enqueue(ticket);
    emit actionStarted(ticket, e);
    startNext();
    return ticket;
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
    const SignedRequest signedRequest = RequestBuilder::build(job.request.profile, job.request.action, job.request.userId,
                                                              job.request.apiKey, m_clock->now());
    if (!signedRequest.ok()) {
        ApiResult refused;
        refused.outcome = ApiResult::Outcome::NotSent;
        refused.message = signedRequest.error;
        QTimer::singleShot(0, this, [this, ticket, refused] { onResult(ticket, refused); });
        return;
    }
    ClientCall *call = m_client->post(job.request.profile.endpoint(), signedRequest.json);
    connect(call, &ClientCall::finished, this, [this, ticket](const ApiResult &result) { onResult(ticket, result); });
}

int ActionRunner::backoffMs(int attempt, const ApiResult &result) const
{
    if (result.retryAfterSeconds >= 0)
        return qMin(result.retryAfterSeconds * 1000, m_policy.maxDelayMs);
    const double base = qMin(double(m_policy.maxDelayMs), m_policy.baseDelayMs * double(1 << qMin(attempt - 1, 16)));
    const double spread = base * m_policy.jitter;
    const double delay = base - spread + QRandomGenerator::global()->generateDouble() * 2 * spread;
    return int(qBound(0.0, delay, double(m_policy.maxDelayMs)));
}

void ActionRunner::onResult(quint64 ticket, const ApiResult &result)
{
    auto it = m_jobs.find(ticket);
    if (it == m_jobs.end())
        return;
    Job &job = *it;
    job.attempts.append(QJsonObject{
        {QStringLiteral("attempt"), job.attempt},
        {QStringLiteral("time"), m_clock->now().toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("outcome"), result.outcomeName()},
        {QStringLiteral("http_status"), result.httpStatus},
        {QStringLiteral("code"), result.code},
        {QStringLiteral("message"), result.ok() ? QString() : result.summary()},
        {QStringLiteral("elapsed_ms"), result.elapsedMs},
    });
    if (!result.ok() && result.isRetryable() && job.attempt < m_policy.maxAttempts) {
        const int delay = backoffMs(job.attempt, result);
        emit attemptFailed(ticket, job.attempt, result, delay);
        QTimer::singleShot(delay, this, [this, ticket] {
            if (m_jobs.contains(ticket))
                attempt(ticket);
        });
        return;
    }
    Job finished = job;
    m_jobs.erase(it);
    m_active.removeOne(ticket);
    finish(finished, result);
    startNext();
}

void ActionRunner::finish(Job job, const ApiResult &result)
{
    HistoryEntry &e = job.entry;
    e.outcome = result.ok() ? HistoryEntry::Outcome::Success : HistoryEntry::Outcome::Failure;
    e.completedAt = m_clock->now();
    e.httpStatus = result.httpStatus;
    e.code = result.code;
    e.message = result.ok() ? result.message : result.summary();
    e.response = responseText(result);
    e.elapsedMs = result.elapsedMs;
    e.attempts = job.attempts;

    ActionOutcome outcome;
    outcome.ticket = job.ticket;
    outcome.result = result;
    outcome.attempts = job.attempt;
    const QString action = ActionInfo::displayName(e.action);
    if (result.ok()) {
        outcome.headline = QCoreApplication::translate("ActionRunner", "User \"%1\" %2 (HTTP %3).").arg(e.userId, ActionInfo::pastTense(e.action)).arg(result.httpStatus);
    } else {
        outcome.headline = QCoreApplication::translate("ActionRunner", "%1 of \"%2\" failed: %3").arg(action, e.userId, result.summary());
        if (job.attempt > 1)
            outcome.headline += QCoreApplication::translate("ActionRunner", " (after %1 attempts)").arg(job.attempt);
        outcome.advice = result.advice();
    }
    if (!m_history->complete(e.id, e, &outcome.historyError))
        outcome.advice += (outcome.advice.isEmpty() ? QString() : QStringLiteral(" ")) +
            QCoreApplication::translate("ActionRunner", "The outcome could not be written to the history: %1").arg(outcome.historyError);
    outcome.entry = e;
    job.request.apiKey.fill('\0');
    emit actionFinished(outcome);
}
