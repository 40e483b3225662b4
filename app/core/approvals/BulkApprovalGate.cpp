#include "BulkApprovalGate.h"

#include "base/Clock.h"
#include "bulk/BulkStore.h"
#include "history/HistoryService.h"

namespace {
QString oneLine(QString text)
{
    return text.replace(QLatin1Char('\n'), QLatin1Char(' ')).simplified();
}
} // namespace

BulkApprovalGate::BulkApprovalGate(FourEyes *fourEyes, HistoryService *history, const BulkStore *store,
                                   const Clock *clock, QObject *parent)
    : QObject(parent), m_fourEyes(fourEyes), m_history(history), m_store(store), m_clock(clock)
{
}

void BulkApprovalGate::check(const BulkRecord &record, bool isNew, std::function<void(const Verdict &)> done)
{
    m_record = record;
    m_isNew = isNew;
    m_done = std::move(done);
    m_fourEyes->runVerdict(record, isNew, this, [this](const RunVerdict &verdict) { onVerdict(verdict); });
}

ApprovalRequest BulkApprovalGate::asked() const
{
    ApprovalRequest what = ApprovalRequest::of(m_record.profile, m_record.action, QString(), m_record.reason);
    what.runId = m_record.id;
    what.runDigest = m_record.digest();
    what.rowCount = m_record.validCount();
    return what;
}

void BulkApprovalGate::onVerdict(const RunVerdict &verdict)
{
    switch (verdict.verdict) {
    case FourEyesVerdict::Unasked:
    case FourEyesVerdict::Free:
        return finish(Verdict::Kind::Free, {});
    case FourEyesVerdict::Held:
        return finish(Verdict::Kind::Held, verdict.why);
    case FourEyesVerdict::NeedsSecondOfficer:
        break;
    }
    const std::optional<Result<ApprovalRequest>> &existing = verdict.existing;
    if (m_isNew || !existing || (!existing->ok() && existing->kind() == Status::Kind::Invalid))
        return request(verdict.why);
    if (!existing->ok())
        return finish(Verdict::Kind::Failed, tr("Nothing was sent: %1").arg(existing->message()));
    useApproval(existing->value());
}

void BulkApprovalGate::request(const QString &why)
{
    m_record.state = BulkRecord::State::Paused;
    m_record.pauseReason = tr("Awaiting a second officer's approval of the run as a whole.");
    m_record.updated = m_clock->now();
    // Off the caller's thread, like BulkRun's own saves (a header holds every row, and the save fsyncs).
    // The run file first: a request never names a run that is not on disk.
    const BulkStore *store = m_store;
    m_history->run<Status>([store, record = m_record](HistoryBackend &) { return store->save(record); }, this,
                           [this, why](const Status &saved) {
        if (!saved.ok())
            return finish(Verdict::Kind::Failed, tr("Nothing was sent: %1").arg(saved.message()));
        const ApprovalRequest what = asked();
        m_fourEyes->request(what, this, [this, why, rows = what.rowCount](const Result<qint64> &id) {
            if (!id.ok())
                return finish(Verdict::Kind::Failed,
                              tr("The approval request could not be recorded; nothing was sent: %1").arg(id.message()));
            // The id is a convenience for whoever reads the run file; the request names the run.
            m_record.pauseReason = tr("Awaiting a second officer's approval of request #%1.").arg(id.value());
            const BulkStore *store = m_store;
            m_history->run<Status>([store, record = m_record](HistoryBackend &) { return store->save(record); }, this,
                                   [this, why, rows, id = id.value()](const Status &) {
                finish(Verdict::Kind::Requested,
                       why + QLatin1Char(' ')
                           + tr("Run %1 (%n row(s)) is recorded as request #%2, awaiting approval (enrollee-cli "
                                "approvals approve %2); once approved, send it with enrollee-cli approvals run %2. "
                                "Nothing was sent.",
                                nullptr, rows)
                                 .arg(m_record.id)
                                 .arg(id),
                       id);
            });
        });
    });
}

void BulkApprovalGate::useApproval(const ApprovalRequest &request)
{
    const QString nothing = tr("Nothing was sent.");
    if (!FourEyes::sameAsApproved(request, asked()).ok())
        return finish(Verdict::Kind::Changed,
                      tr("The run file of %1 changed after request #%2 was made: it no "
                         "longer matches what was approved. %3")
                          .arg(m_record.id)
                          .arg(request.id)
                          .arg(nothing));
    if (request.status == QLatin1String("run")) // claimed by this officer before: an interrupted run goes on
        return finish(Verdict::Kind::Approved, {}, request.id);
    if (request.status == QLatin1String("pending"))
        return finish(Verdict::Kind::Waiting,
                      tr("Request #%1 for run %2 still awaits a second officer's approval. %3")
                          .arg(request.id)
                          .arg(m_record.id, nothing));
    if (request.status != QLatin1String("approved"))
        return finish(
            Verdict::Kind::Refused,
            tr("Request #%1 for run %2 was %3 by %4 (%5). %6")
                .arg(request.id)
                .arg(m_record.id, request.status, request.decidedBy, oneLine(request.decisionReason), nothing));
    const qint64 id = request.id;
    // Once: the database refuses a second claim.
    m_fourEyes->claimRun(id, this, [this, id, nothing](const Result<ApprovalRequest> &claimed) {
        if (!claimed.ok())
            return finish(Verdict::Kind::Refused,
                          tr("Request #%1 could not be claimed: %2 %3").arg(id).arg(claimed.message(), nothing));
        finish(Verdict::Kind::Approved, {}, id);
    });
}

void BulkApprovalGate::finish(Verdict::Kind kind, const QString &message, qint64 id)
{
    if (m_done)
        m_done(Verdict{kind, id, message});
}
