// BulkPanel's runs: starting a checked list, resuming a stored run, retrying failed rows.
#include "AppContext.h"
#include "PromptService.h"
#include "action/ActionRunner.h"
#include "approvals/BulkApprovalGate.h"
#include "bulk/BulkPanel.h"
#include "bulk/BulkProgressView.h"
#include "bulk/BulkRun.h"
#include "bulk/BulkStore.h"
#include "profiles/ProfileController.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QPointer>
#include <QThreadPool>

void BulkPanel::start()
{
    const Result<BulkRecord> made = recordFromInput();
    if (!made.ok()) {
        m_summary->setText(made.message());
        return;
    }
    if (m_checked.isEmpty())
        check(); // what is sent is what was checked and shown
    const BulkRecord &record = made.value();
    if (record.validCount() == 0) {
        m_summary->setText(tr("No row can be sent: every row has a problem (see the table)."));
        return;
    }
    confirmAndLaunch(record, tr("new run"));
}

void BulkPanel::confirmAndLaunch(const BulkRecord &record, const QString &what)
{
    if (!m_profiles->canSend() || m_profiles->active().name != record.profile.name) {
        m_prompts->warning(
            this, tr("Bulk run"),
            tr("This run belongs to profile \"%1\". Switch to it (with its API key) first.").arg(record.profile.name));
        return;
    }
    const int valid = record.validCount();
    const Profile &p = record.profile;
    QString text = tr("%1 %n user(s) in %2, profile \"%3\" (%4): %5.", nullptr, valid)
                       .arg(ActionInfo::displayName(record.action), environmentDisplayName(p.environment), p.name,
                            p.endpoint().host(), what);
    if (p.isProduction())
        text += QLatin1Char('\n') + tr("PRODUCTION: real people's records change.");
    if (record.canary > 0)
        text += QLatin1Char('\n')
            + tr("The first %n row(s) go first; the run then waits for you to check them.", nullptr, record.canary);
    m_prompts->confirmCount(this, tr("Confirm bulk run"), text, valid, [this, record](bool accepted) {
        if (!accepted) {
            m_summary->setText(tr("The run was not started; nothing was sent."));
            return;
        }
        launch(record);
    });
}

void BulkPanel::launch(const BulkRecord &given)
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
            m_prompts->information(this, tr("Bulk run"), text);
        else
            m_prompts->warning(this, tr("Bulk run"), text);
    });
}

void BulkPanel::startRun(const BulkRecord &record, qint64 approvalId, FourEyesVerdict fourEyes)
{
    CoreContext *core = m_context->core();
    if (Status saved = core->bulkStore()->save(record); !saved.ok()) {
        m_prompts->warning(this, tr("Bulk run"),
                           tr("The run could not be saved; nothing was sent: %1").arg(saved.message()));
        return;
    }
    if (m_run)
        m_run->deleteLater();
    m_run = core->createBulkRun(record, this);
    m_run->setApiKey(m_profiles->apiKey());
    m_run->setConfirmation(Confirmation::TypedUserId); // the officer typed the count
    m_run->setApproval(approvalId, fourEyes);
    m_run->setFace(QStringLiteral("console"));
    m_progress->attach(m_run);
    const auto stopped = [this] {
        m_running = false;
        updateButtons();
        emit runningChanged(false);
    };
    connect(m_run, &BulkRun::paused, this, stopped);
    connect(m_run, &BulkRun::failed, this, stopped);
    connect(m_run, &BulkRun::finished, this, [this](const BulkCounts &) {
        m_running = false;
        updateButtons();
        refreshRuns();
        emit runningChanged(false);
        if (m_runClock.elapsed() >= m_notifyAfterMs) {
            m_lastNotification = tr("Bulk run %1 finished: %2").arg(m_run->record().id, m_progress->countsText());
            emit notify(tr("Bulk run finished"), m_lastNotification);
        }
    });
    m_runClock.start();
    m_running = true;
    m_run->start();
    refreshRuns();
    updateButtons();
    emit runningChanged(true);
}

void BulkPanel::retry(bool withUnknown)
{
    if (!m_run)
        return;
    BulkRecord retry = m_run->record();
    retry.rows.clear();
    for (const BulkRowResult &r : m_run->rows()) {
        if (r.status == BulkRowStatus::Failed || (withUnknown && r.status == BulkRowStatus::Unknown))
            retry.rows.append(r.row);
    }
    if (retry.rows.isEmpty())
        return;
    retry.parentId = retry.id;
    retry.id.clear();
    retry.canary = 0;
    retry.pauseReason.clear();
    retry.state = BulkRecord::State::Running;
    confirmAndLaunch(retry,
                     withUnknown ? tr("a retry of the failed and unknown rows of run %1").arg(retry.parentId)
                                 : tr("a retry of the failed rows of run %1").arg(retry.parentId));
}

void BulkPanel::resumeStored()
{
    const QString id = m_runs->currentData().toString();
    const Result<BulkRecord> loaded = m_context->core()->bulkStore()->load(id);
    if (!loaded.ok()) {
        m_prompts->warning(this, tr("Bulk run"), loaded.message());
        return;
    }
    const BulkRecord &record = loaded.value();
    const QString state = record.displayState();
    if (state != QLatin1String("paused") && state != QLatin1String("interrupted")) {
        m_prompts->information(this, tr("Bulk run"),
                               tr("Run %1 is %2: there is nothing to resume.").arg(record.id, state));
        return;
    }
    // Rows begun before (perhaps by a process that was killed) are never sent again: the run reads the history.
    confirmAndLaunch(record, tr("resuming run %1 (rows already sent are not sent again)").arg(record.id));
}

void BulkPanel::refreshRuns()
{
    // Run headers hold every row (10,000 of them for a big run): they are read and parsed on a worker
    // thread, and only the list's lines come back to the window.
    struct Line {
        QString id;
        QString text;
    };
    QPointer<BulkPanel> self(this);
    const QString folder = m_context->core()->bulkStore()->folder();
    const quint64 generation = ++m_runsGeneration;
    QThreadPool::globalInstance()->start([self, folder, generation] {
        QList<Line> lines;
        for (const BulkRecord &r : BulkStore(folder).list()) {
            lines.append({r.id,
                          tr("%1 — %2, %n row(s), %3", nullptr, int(r.rows.size()))
                              .arg(r.id, ActionInfo::displayName(r.action), r.displayState())});
        }
        QMetaObject::invokeMethod(qApp, [self, lines, generation] {
            if (!self || generation != self->m_runsGeneration)
                return;
            const QString current = self->m_runs->currentData().toString();
            self->m_runs->clear();
            for (const Line &line : lines)
                self->m_runs->addItem(line.text, line.id);
            const int index = self->m_runs->findData(current);
            self->m_runs->setCurrentIndex(index >= 0 ? index : (self->m_runs->count() > 0 ? 0 : -1));
            self->updateButtons();
        });
    });
}
