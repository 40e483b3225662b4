#include "BulkPanel.h"

#include "AppContext.h"
#include "PromptService.h"
#include "bulk/BulkInput.h"
#include "bulk/BulkLauncher.h"
#include "bulk/BulkPlan.h"
#include "bulk/BulkProgressView.h"
#include "bulk/BulkResultsView.h"
#include "bulk/BulkRowModel.h"
#include "bulk/BulkRun.h"
#include "bulk/BulkRunFiles.h"
#include "bulk/BulkRunList.h"
#include "bulk/BulkRunReader.h"
#include "bulk/BulkStore.h"
#include "history/HistoryService.h"
#include "profiles/EnvironmentStyle.h"
#include "profiles/ProfileController.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
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
    m_open = named(new QPushButton(tr("&Open file…"), this), "bulkOpenButton", tr("Open a file of user IDs"));
    m_file = new QLabel(this);
    m_file->setObjectName(QStringLiteral("bulkFileLabel"));
    m_file->setAccessibleDescription(tr("Input file"));
    m_file->setTextFormat(Qt::PlainText);
    m_file->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long name is in its tooltip
    m_input = named(new QPlainTextEdit(this), "bulkInputEdit", tr("User IDs"));
    m_input->setPlaceholderText(tr("Paste user IDs here, one per line, or a CSV with a header (user_id, and "
                                   "optionally reason), or open a file."));
    m_input->setMinimumHeight(m_input->fontMetrics().lineSpacing() * 5);
    m_action = named(new QComboBox(this), "bulkActionCombo", tr("Action for every row"));
    for (ActionKind kind : ActionInfo::all())
        m_action->addItem(ActionInfo::displayName(kind), int(kind));
    m_action->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_action->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_reason = named(new QLineEdit(this), "bulkReasonEdit", tr("Reason or case reference"));
    m_reason->setPlaceholderText(tr("Reason or case reference"));
    m_reason->setToolTip(tr("A reason column in the list overrides it per row."));
    m_column = named(new QLineEdit(this), "bulkColumnEdit", tr("CSV column of the user IDs"));
    m_column->setPlaceholderText(QStringLiteral("user_id"));
    m_column->setFixedWidth(m_column->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 11);
    m_rate = named(new QSpinBox(this), "bulkRateSpin", tr("Requests per second"));
    m_rate->setRange(0, 100);
    m_rate->setValue(5);
    m_rate->setSpecialValueText(tr("no limit"));
    m_rate->setSuffix(tr(" per second"));
    m_rate->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
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
    QGroupBox *input = section(tr("1. User IDs"), "bulkInputBox");
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_open);
    fileRow->addWidget(m_file, 1);
    auto *columnLabel = new QLabel(tr("Co&lumn:"), this);
    columnLabel->setBuddy(m_column);
    fileRow->addWidget(columnLabel);
    fileRow->addWidget(m_column);
    auto *inputLayout = new QVBoxLayout(input);
    inputLayout->addLayout(fileRow);
    inputLayout->addWidget(m_input, 1);

    QGroupBox *check = section(tr("2. Check"), "bulkCheckBox");
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Action:"), m_action);
    form->addRow(tr("R&eason:"), m_reason);
    form->addRow(tr("Ra&te:"), m_rate);
    auto *checkRow = new QHBoxLayout;
    checkRow->addWidget(m_check);
    checkRow->addStretch(1);
    auto *checkLayout = new QVBoxLayout(check);
    checkLayout->addLayout(form);
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
    left->addWidget(input, 1);
    left->addWidget(check);
    left->addWidget(run);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 2);
    layout->addWidget(results, 3);

    connect(m_open, &QPushButton::clicked, this, &BulkPanel::openFile);
    connect(m_input, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_input->toPlainText().isEmpty() && !m_inputPath.isEmpty()) {
            m_inputPath.clear(); // typing replaces the file
            m_file->clear();
        }
        m_checked.clear();
        updateButtons();
    });
    for (QLineEdit *edit : {m_reason, m_column})
        connect(edit, &QLineEdit::textChanged, this, [this] {
            m_checked.clear();
            updateButtons();
        });
    connect(m_action, &QComboBox::currentIndexChanged, this, [this] {
        m_checked.clear();
        updateButtons();
    });
    connect(m_check, &QPushButton::clicked, this, &BulkPanel::check);
    connect(m_start, &QPushButton::clicked, this, &BulkPanel::start);
    connect(m_runs, &BulkRunList::resumeRequested, this, &BulkPanel::resumeStored);
    connect(m_runs, &BulkRunList::chosen, this, &BulkPanel::showStored);
    connect(m_runs, &BulkRunList::listed, this, &BulkPanel::showStoredIfEmpty);
    connect(m_runs, &BulkRunList::loadFailed, this,
            [this](const QString &message) { m_prompts->warning(this, tr("Bulk run"), message); });
    connect(m_launcher, &BulkLauncher::runStored, m_runs, [this] { m_runs->refresh(); });
    connect(m_launcher, &BulkLauncher::runReady, this, &BulkPanel::attach);
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
    if (!m_run || !m_run->isActive())
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
    const bool hasInput = !m_inputPath.isEmpty() || !m_input->toPlainText().trimmed().isEmpty();
    for (QWidget *w :
         {static_cast<QWidget *>(m_open), static_cast<QWidget *>(m_input), static_cast<QWidget *>(m_action),
          static_cast<QWidget *>(m_reason), static_cast<QWidget *>(m_column), static_cast<QWidget *>(m_rate)})
        w->setEnabled(!running);
    m_check->setEnabled(!running && hasInput);
    m_start->setEnabled(!running && hasInput && m_context->isReady() && m_profiles->canSend());
    m_start->setToolTip(m_profiles->canSend() ? QString()
                                              : tr("The active profile has no API key or partner ID to send with."));
    m_runs->setResumable(!running && m_context->isReady());
    m_runs->setChoosable(!running);
    m_results->setBusy(running);
}

void BulkPanel::openFile()
{
    const QString path = m_prompts->openFileName(this, tr("Open a list of user IDs"),
                                                 tr("CSV or text files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        useFile(path);
}

void BulkPanel::useFile(const QString &path)
{
    m_input->clear();
    m_inputPath = path;
    m_file->setText(QFileInfo(path).fileName());
    m_file->setToolTip(path);
    m_checked.clear();
    updateButtons();
    check();
}

QVariantMap BulkPanel::draft() const
{
    return {{QStringLiteral("file"), m_inputPath},
            {QStringLiteral("text"), m_input->toPlainText()},
            {QStringLiteral("action"), m_action->currentIndex()},
            {QStringLiteral("reason"), m_reason->text()},
            {QStringLiteral("column"), m_column->text()},
            {QStringLiteral("rate"), m_rate->value()}};
}

void BulkPanel::restoreDraft(const QVariantMap &draft)
{
    if (draft.isEmpty())
        return;
    m_action->setCurrentIndex(draft.value(QStringLiteral("action"), m_action->currentIndex()).toInt());
    m_reason->setText(draft.value(QStringLiteral("reason")).toString());
    m_column->setText(draft.value(QStringLiteral("column")).toString());
    m_rate->setValue(draft.value(QStringLiteral("rate"), m_rate->value()).toInt());
    if (const QString file = draft.value(QStringLiteral("file")).toString(); !file.isEmpty())
        return useFile(file);
    m_input->setPlainText(draft.value(QStringLiteral("text")).toString());
    if (!m_input->toPlainText().trimmed().isEmpty())
        check();
}

Result<BulkRecord> BulkPanel::recordFromInput() const
{
    BulkPlan::Options options;
    options.action = ActionKind(m_action->currentData().toInt());
    options.reason = m_reason->text().trimmed();
    options.profile = m_profiles->active();
    options.rate = m_rate->value();
    const QString column = m_column->text().trimmed();
    const Result<BulkInput> parsed = m_inputPath.isEmpty()
        ? BulkInput::parse(m_input->toPlainText().toUtf8(), column, options.reason)
        : BulkInput::readFile(m_inputPath, column, options.reason);
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
    noteHistory(record);
}

void BulkPanel::noteHistory(const BulkRecord &record)
{
    // What the trail already knows of these users, as the CLI says it before a run.
    m_context->history()->read(1, this, [this, record](const Result<HistoryRead> &read) {
        if (!read.ok() || m_checked.isEmpty())
            return;
        if (const QString known = BulkPlan::alreadyDoneNote(record, read.value().entries); !known.isEmpty())
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
    const BulkRecord retry = BulkPlan::retryOf(shown, m_results->rows(), asked);
    if (retry.rows.isEmpty())
        return;
    m_launcher->confirmAndLaunch(retry,
                                 withUnknown
                                     ? tr("a retry of the failed and unknown rows of run %1").arg(retry.parentId)
                                     : tr("a retry of the failed rows of run %1").arg(retry.parentId));
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
        const int left = BulkRunReader::rowsLeft(rows);
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
    m_reader->read(id, [this, id](const Result<BulkRecord> &read, const QList<BulkRowResult> &rows) {
        if (id != m_storedWanted || isRunning())
            return; // another run was chosen, or one started, meanwhile
        if (!read.ok())
            return m_prompts->warning(this, tr("Bulk run"), read.message());
        m_results->showStored(read.value(), rows);
        m_progress->showStored(read.value(), BulkCounts::of(rows));
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
        m_running = false;
        updateButtons();
        emit runningChanged(false);
    };
    connect(m_run, &BulkRun::paused, this, stopped);
    connect(m_run, &BulkRun::failed, this, stopped);
    connect(m_run, &BulkRun::paused, m_runs, [this] { m_runs->refresh(); });
    connect(m_run, &BulkRun::finished, this, [this](const BulkCounts &) {
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
