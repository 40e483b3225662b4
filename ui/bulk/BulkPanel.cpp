#include "BulkPanel.h"

#include "AppContext.h"
#include "PromptService.h"
#include "bulk/BulkHistory.h"
#include "bulk/BulkInput.h"
#include "bulk/BulkInputForm.h"
#include "bulk/BulkLauncher.h"
#include "bulk/BulkPlan.h"
#include "bulk/BulkProgressView.h"
#include "bulk/BulkResultsView.h"
#include "bulk/BulkRowModel.h"
#include "bulk/BulkRun.h"
#include "bulk/BulkRunFiles.h"
#include "bulk/BulkRunList.h"
#include "bulk/BulkRunLock.h"
#include "bulk/BulkRunReader.h"
#include "bulk/BulkStore.h"
#include "history/HistoryService.h"
#include "profiles/EnvironmentStyle.h"
#include "profiles/ProfileController.h"

#include <QCoreApplication>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace {
constexpr int kProblemsShown = 3;
} // namespace

BulkPanel::BulkPanel(AppContext *context, ProfileController *profiles, PromptService *prompts, QWidget *parent)
    : QWidget(parent), m_context(context), m_profiles(profiles), m_prompts(prompts),
      m_files(new BulkRunFiles(context->core()->bulkStore()->folder(), this))
{
    build();
    m_runs->refresh();
    updateButtons();
    connect(m_profiles, &ProfileController::activeChanged, this, [this] {
        m_checked.clear(); // checked against another profile's policy and environment
        updateButtons();
    });
    connect(m_profiles, &ProfileController::keyStateChanged, this, &BulkPanel::updateButtons);
    connect(m_context, &AppContext::ready, this, &BulkPanel::updateButtons);
}

BulkPanel::~BulkPanel() = default;

void BulkPanel::build()
{
    auto named = [](auto *w, const char *name, const QString &accessible) {
        w->setObjectName(QLatin1String(name));
        w->setAccessibleName(accessible);
        return w;
    };
    m_form = new BulkInputForm(m_prompts, this);
    m_check = named(new QPushButton(tr("&Check (dry run)"), this), "bulkCheckButton",
                    tr("Check every row; nothing is sent"));
    m_start = named(new QPushButton(tr("&Start run…"), this), "bulkStartButton", tr("Start the bulk run"));
    m_summary = new QLabel(tr("Nothing checked yet."), this);
    m_summary->setObjectName(QStringLiteral("bulkSummary"));
    m_summary->setAccessibleDescription(tr("What the check found"));
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_runs = new BulkRunList(m_files, this);
    m_runs->setObjectName(QStringLiteral("bulkRunList"));
    m_launcher = new BulkLauncher(m_context, m_profiles, m_prompts, m_files, m_summary, this);
    m_reader = new BulkRunReader(m_files, m_context->history(), this);
    m_progress = new BulkProgressView(this);
    m_progress->setObjectName(QStringLiteral("bulkProgressView"));
    m_results = new BulkResultsView(this);
    m_results->setObjectName(QStringLiteral("bulkResultsView"));

    // Input, check and run on the left, in the order they are done; the rows on the right, where a
    // 10,000-row run has the room it needs.
    auto section = [this](const QString &title, const char *name) {
        auto *box = new QGroupBox(title, this);
        box->setObjectName(QLatin1String(name));
        return box;
    };
    QGroupBox *check = section(tr("2. Check"), "bulkCheckBox");
    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(m_check);
    checkRow->addStretch(1);
    auto *checkLayout = new QVBoxLayout(check);
    checkLayout->addWidget(m_form);
    checkLayout->addLayout(checkRow);
    checkLayout->addWidget(m_summary);

    QGroupBox *run = section(tr("3. Run"), "bulkRunBox");
    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_start);
    startRow->addStretch(1);
    auto *runLayout = new QVBoxLayout(run);
    runLayout->addLayout(startRow);
    runLayout->addWidget(m_progress);

    QGroupBox *results = section(tr("4. Results"), "bulkResultsBox");
    auto *resultsLayout = new QVBoxLayout(results);
    resultsLayout->addWidget(m_runs);
    resultsLayout->addWidget(m_results, 1);

    auto *left = new QVBoxLayout;
    left->addWidget(m_form->idsBox(), 1);
    left->addWidget(check);
    left->addWidget(run);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 2);
    layout->addWidget(results, 3);
    // The list's section came from the form: it is put back first among the sections, where screen
    // readers look for it, as it is on screen.
    m_form->idsBox()->lower();

    connect(m_form, &BulkInputForm::edited, this, [this] {
        m_checked.clear();
        updateButtons();
    });
    connect(m_form, &BulkInputForm::checkRequested, this, &BulkPanel::check);
    connect(m_check, &QPushButton::clicked, this, &BulkPanel::check);
    connect(m_start, &QPushButton::clicked, this, &BulkPanel::start);
    connect(m_runs, &BulkRunList::resumeRequested, this, &BulkPanel::resumeStored);
    connect(m_runs, &BulkRunList::chosen, this, &BulkPanel::showStored);
    connect(m_runs, &BulkRunList::listed, this, &BulkPanel::showStoredIfEmpty);
    connect(m_runs, &BulkRunList::loadFailed, this,
            [this](const QString &message) { m_prompts->warning(this, tr("Bulk run"), message); });
    connect(m_launcher, &BulkLauncher::runStored, m_runs, [this] { m_runs->refresh(); });
    connect(m_launcher, &BulkLauncher::runReady, this, &BulkPanel::attach);
    connect(m_launcher, &BulkLauncher::notStarted, this, [this] { m_retryLock.reset(); });
    connect(m_results, &BulkResultsView::retryRequested, this, &BulkPanel::retry);
    connect(m_progress, &BulkProgressView::resumeRequested, this, &BulkPanel::resumeRun);
    connect(m_progress, &BulkProgressView::cancelRequested, this, &BulkPanel::confirmCancel);
    connect(m_results, &BulkResultsView::openResultsRequested, this, [this](const QString &path) {
        if (!path.isEmpty())
            m_prompts->openUrl(QUrl::fromLocalFile(path));
    });
}

bool BulkPanel::isRunning() const
{
    return m_run && m_running;
}

bool BulkPanel::pauseForQuestion()
{
    if (!isRunning())
        return false;
    m_pausedForQuestion = true;
    m_run->pause(BulkRun::PauseCause::Requested, tr("The window was closed."));
    return true;
}

void BulkPanel::resumeAfterQuestion()
{
    if (!m_pausedForQuestion || !m_run)
        return;
    m_pausedForQuestion = false;
    if (!m_run->isActive() && m_run->record().state == BulkRecord::State::Paused)
        return resumeRun();
    // The rows in flight are still being answered: it goes on once it has paused.
    connect(
        m_run, &BulkRun::paused, this, [this] { resumeRun(); }, Qt::SingleShotConnection);
}

void BulkPanel::resumeRun()
{
    if (!m_run)
        return;
    m_run->resume();
    m_running = true;
    m_progress->showResuming();
    m_results->setBusy(true);
    updateButtons();
    emit runningChanged(true);
}

void BulkPanel::confirmCancel()
{
    if (!m_run || (!m_run->isActive() && m_run->record().state != BulkRecord::State::Paused))
        return;
    const QPointer<BulkRun> run = m_run;
    m_prompts->confirm(this, tr("Cancel bulk run %1?").arg(run->record().id),
                       tr("No row not yet sent (%n) will be sent, and the run cannot be resumed; the rows in flight "
                          "are answered first. Failed rows can still be retried.",
                          nullptr, run->remaining()),
                       tr("Cancel the run"), [this, run](bool cancel) {
                           if (!cancel || !run || run != m_run)
                               return;
                           run->cancel();
                           m_progress->showCancelling();
                       });
}

void BulkPanel::updateButtons()
{
    const bool running = isRunning();
    const bool hasInput = m_form->hasInput();
    m_form->setLocked(running);
    m_check->setEnabled(!running && hasInput);
    m_start->setEnabled(!running && hasInput && m_context->isReady() && m_profiles->canSend());
    m_start->setToolTip(m_profiles->canSend() ? QString()
                                              : tr("The active profile has no API key or partner ID to send with."));
    m_runs->setResumable(!running && m_context->isReady());
    m_runs->setChoosable(!running);
    m_results->setBusy(running);
}

QVariantMap BulkPanel::draft() const
{
    return m_form->draft();
}

void BulkPanel::restoreDraft(const QVariantMap &draft)
{
    m_form->restoreDraft(draft);
}

Result<BulkRecord> BulkPanel::recordFromInput() const
{
    BulkPlan::Options options = m_form->options();
    options.profile = m_profiles->active();
    const Result<BulkInput> parsed = m_form->input();
    if (!parsed.ok())
        return parsed.status();
    return BulkPlan::newRun(parsed.value(), options, m_context->core()->policy());
}

void BulkPanel::check()
{
    m_storedWanted.clear(); // the check's rows are shown, not a stored run being read
    const Result<BulkRecord> made = recordFromInput();
    if (!made.ok()) {
        m_checked.clear();
        m_summary->setText(made.message());
        m_results->showPreview({});
        m_progress->showChecked();
        return updateButtons();
    }
    const BulkRecord &record = made.value();
    m_checked = record.rows;
    QList<BulkRowResult> preview;
    QStringList problems;
    for (const BulkRow &row : record.rows) {
        preview.append(BulkRowResult{row, BulkRowStatus::NotSent, {}});
        if (!row.valid() && problems.size() < kProblemsShown)
            problems.append(tr("line %1: %2").arg(row.line).arg(row.problem));
    }
    m_results->showPreview(preview);
    m_progress->showChecked();
    const int valid = record.validCount();
    const int invalid = int(record.rows.size()) - valid;
    QString text = tr("%n row(s) checked: ", nullptr, int(record.rows.size())) + tr("%n to send", nullptr, valid)
        + QStringLiteral(", ") + tr("%n will not be sent", nullptr, invalid) + QStringLiteral(". ")
        + tr("Nothing was sent.");
    if (!problems.isEmpty())
        text += QLatin1Char('\n') + problems.join(QStringLiteral("; "))
            + (invalid > kProblemsShown ? tr("; …") : QString());
    m_summary->setText(text);
    updateButtons();
    BulkHistory::noteAlreadyDone(m_context->history(), record, this, [this](const QString &known) {
        if (!known.isEmpty() && !m_checked.isEmpty())
            m_summary->setText(m_summary->text() + QLatin1Char('\n') + known);
    });
}

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
    m_launcher->confirmAndLaunch(record, tr("new run"));
}

void BulkPanel::retry(bool withUnknown)
{
    const BulkRecord shown = m_results->record();
    if (shown.id.isEmpty())
        return;
    BulkPlan::Retry asked;
    asked.withUnknown = withUnknown;
    m_retryLock.reset(); // an earlier retry's, if it is still held, goes before this one asks for it
    const auto launch = [this, asked, withUnknown](const BulkRecord &parent, const QList<BulkRowResult> &rows) {
        const BulkRecord retry = BulkPlan::retryOf(parent, rows, asked);
        if (retry.rows.isEmpty()) {
            m_retryLock.reset();
            return m_prompts->information(
                this, tr("Bulk run"),
                tr("Run %1 has no rows to retry: its retries or later actions did them.").arg(parent.id));
        }
        m_launcher->confirmAndLaunch(retry,
                                     withUnknown
                                         ? tr("a retry of the failed and unknown rows of run %1").arg(retry.parentId)
                                         : tr("a retry of the failed rows of run %1").arg(retry.parentId));
    };
    // Planned from the stored run, its retries and what was done since, off this thread, as the CLI plans
    // it: the rows shown (this run's own word) would send again what a later retry already did.
    m_reader->planRetry(shown.id,
                        [this, launch](const Result<BulkRecord> &read, const QList<BulkRowResult> &rows,
                                       const std::shared_ptr<BulkRunLock> &familyLock) {
        if (!read.ok())
            return m_prompts->warning(this, tr("Bulk run"), read.message());
        m_retryLock = familyLock; // until the retry stops, or is not started
        launch(read.value(), rows);
    });
}

void BulkPanel::resumeStored(const BulkRecord &record)
{
    const QString state = record.displayState();
    if (state != QLatin1String("paused") && state != QLatin1String("interrupted")) {
        m_prompts->information(this, tr("Bulk run"),
                               tr("Run %1 is %2: there is nothing to resume.").arg(record.id, state));
        return;
    }
    // Rows begun before (perhaps by a process that was killed) are never sent again: the run reads the
    // history, and the officer confirms the rows it will still send.
    m_reader->rowsOf(record, [this](const Result<BulkRecord> &read, const QList<BulkRowResult> &rows) {
        const BulkRecord &stored = read.value();
        const int left = BulkPlan::rowsLeft(rows);
        m_launcher->confirmAndLaunch(stored,
                                     tr("resuming run %1, %n row(s) left to send (rows already sent are not sent "
                                        "again)",
                                        nullptr, left)
                                         .arg(stored.id),
                                     left);
    });
}

void BulkPanel::showStored(const QString &id)
{
    if (id.isEmpty() || isRunning())
        return;
    m_storedWanted = id;
    if (m_run && m_run->record().id == id) {
        m_progress->attach(m_run);
        m_results->attach(m_run);
        return;
    }
    m_reader->open(id, [this, id](const Result<BulkRunReader::Opened> &opened) {
        if (id != m_storedWanted || isRunning())
            return; // another run was chosen, or one started, meanwhile
        if (!opened.ok())
            return m_prompts->warning(this, tr("Bulk run"), opened.message());
        // The header and the counts now; the rows a chunk at a time as the table scrolls.
        m_results->showStored(opened.value().record, opened.value().counts, m_reader->fetcher(opened.value()));
        m_progress->showStored(opened.value().record, opened.value().counts);
    });
}

void BulkPanel::showStoredIfEmpty()
{
    // After a restart the table shows the newest run rather than nothing.
    if (!m_run && m_checked.isEmpty() && m_storedWanted.isEmpty() && m_results->model()->rowCount() == 0)
        showStored(m_runs->currentId());
}

void BulkPanel::attach(BulkRun *run)
{
    if (m_run)
        m_run->deleteLater();
    m_run = run;
    m_storedWanted.clear();
    m_pausedForQuestion = false;
    m_progress->attach(m_run);
    m_results->attach(m_run);
    const auto stopped = [this] {
        m_retryLock.reset();
        m_running = false;
        updateButtons();
        emit runningChanged(false);
    };
    connect(m_run, &BulkRun::paused, this, stopped);
    connect(m_run, &BulkRun::failed, this, stopped);
    connect(m_run, &BulkRun::paused, m_runs, [this] { m_runs->refresh(); });
    connect(m_run, &BulkRun::finished, this, [this](const BulkCounts &) {
        m_retryLock.reset();
        m_running = false;
        updateButtons();
        m_runs->refresh();
        emit runningChanged(false);
        if (m_runClock.elapsed() >= m_notifyAfterMs) {
            m_lastNotification = tr("Bulk run %1 finished: %2").arg(m_run->record().id, m_progress->countsText());
            emit notify(tr("Bulk run finished"), m_lastNotification);
        }
    });
    m_runClock.start();
    m_running = true;
    m_run->start();
    m_runs->refresh(m_run->record().id);
    updateButtons();
    emit runningChanged(true);
}
