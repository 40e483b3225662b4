#include "BulkLauncher.h"

#include "AppContext.h"
#include "PromptService.h"
#include "action/ActionRunner.h"
#include "approvals/BulkApprovalGate.h"
#include "bulk/BulkRun.h"
#include "bulk/BulkRunFiles.h"
#include "bulk/BulkStore.h"
#include "profiles/ProfileController.h"

#include <QCoreApplication>
#include <QLabel>
#include <QWidget>

BulkLauncher::BulkLauncher(AppContext *context, ProfileController *profiles, PromptService *prompts,
                           BulkRunFiles *files, QLabel *summary, QWidget *owner)
    : QObject(owner), m_context(context), m_profiles(profiles), m_prompts(prompts), m_files(files), m_summary(summary),
      m_owner(owner)
{
}

void BulkLauncher::confirmAndLaunch(const BulkRecord &record, const QString &what, int rows)
{
    if (!m_profiles->canSend() || m_profiles->active().name != record.profile.name) {
        m_prompts->warning(
            m_owner, tr("Bulk run"),
            tr("This run belongs to profile \"%1\". Switch to it (with its API key) first.").arg(record.profile.name));
        emit notStarted();
        return;
    }
    // The run's own action and profile, whatever the form shows now.
    const int valid = rows >= 0 ? rows : record.validCount();
    const Profile &p = record.profile;
    QString text = tr("%1 %n user(s) in %2, profile \"%3\" (%4): %5.", nullptr, valid)
                       .arg(ActionInfo::displayName(record.action), environmentDisplayName(p.environment), p.name,
                            p.endpoint().host(), what);
    if (p.isProduction())
        text += QLatin1Char('\n') + tr("PRODUCTION: real people's records change.");
    if (record.canary > 0)
        text += QLatin1Char('\n')
            + tr("The first %n row(s) go first; the run then waits for you to check them.", nullptr, record.canary);
    m_prompts->confirmCount(m_owner, tr("Confirm bulk run"), text, valid, [this, record](bool accepted) {
        if (!accepted) {
            m_summary->setText(tr("The run was not started; nothing was sent."));
            emit notStarted();
            return;
        }
        launch(record);
    });
}

void BulkLauncher::launch(const BulkRecord &given)
{
    CoreContext *core = m_context->core();
    BulkRecord record = given;
    const bool isNew = record.id.isEmpty();
    if (isNew) {
        record.id = core->bulkStore()->newId(*core->clock());
        record.created = core->clock()->now();
        record.resultsPath = core->bulkStore()->defaultResultsPath(record.id);
    }
    record.pid = QCoreApplication::applicationPid();
    // The team's four eyes apply to runs too (one officer alone does not delete 2,000 users in
    // production): the core's gate says whether this run may go, and under which approved request.
    BulkApprovalGate *gate = core->createBulkApprovalGate(this);
    gate->check(record, isNew, [this, gate, record](const BulkApprovalGate::Verdict &verdict) {
        gate->deleteLater();
        using Kind = BulkApprovalGate::Verdict::Kind;
        if (verdict.kind == Kind::Free || verdict.kind == Kind::Approved)
            return startRun(record, verdict.requestId, verdict.fourEyes());
        refreshRuns(); // a requested run is stored, paused, to be resumed once approved
        QString text = verdict.message;
        if (verdict.kind == Kind::Requested || verdict.kind == Kind::Waiting)
            text += QLatin1Char('\n')
                + tr("Once another officer has approved it (in their Approvals tab), select run %1 below and "
                     "click Resume.")
                      .arg(record.id);
        m_summary->setText(text);
        if (verdict.kind == Kind::Requested || verdict.kind == Kind::Waiting)
            m_prompts->information(m_owner, tr("Bulk run"), text);
        else
            m_prompts->warning(m_owner, tr("Bulk run"), text);
        emit notStarted();
    });
}

void BulkLauncher::startRun(const BulkRecord &record, qint64 approvalId, FourEyesVerdict fourEyes)
{
    // The run file is on disk before the first row leaves, and written off the GUI thread (it holds every
    // row, and the save fsyncs).
    m_files->save(record, this, [this, record, approvalId, fourEyes](const Status &saved) {
        if (!saved.ok()) {
            m_prompts->warning(m_owner, tr("Bulk run"),
                               tr("The run could not be saved; nothing was sent: %1").arg(saved.message()));
            emit notStarted();
            return;
        }
        // Its rows are sent with the active profile's key: the one the officer confirmed, still.
        if (m_profiles->active().name != record.profile.name) {
            m_prompts->warning(m_owner, tr("Bulk run"),
                               tr("This run belongs to profile \"%1\". Switch to it (with its API key) first.")
                                   .arg(record.profile.name));
            emit notStarted();
            return;
        }
        BulkRun *run = m_context->core()->createBulkRun(record, m_owner);
        run->setApiKey(m_profiles->apiKey());
        run->setConfirmation(Confirmation::TypedUserId); // the officer typed the count
        run->setApproval(approvalId, fourEyes);
        run->setFace(QStringLiteral("console"));
        emit runReady(run);
    });
}
