#include "BulkPanel.h"

#include "AppContext.h"
#include "PromptService.h"
#include "bulk/BulkInput.h"
#include "bulk/BulkProgressView.h"
#include "bulk/BulkRun.h"
#include "bulk/BulkStore.h"
#include "history/HistoryService.h"
#include "profiles/EnvironmentStyle.h"
#include "profiles/ProfileController.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace {
constexpr int kProblemsShown = 3;
} // namespace

BulkPanel::BulkPanel(AppContext *context, ProfileController *profiles, PromptService *prompts, QWidget *parent)
    : QWidget(parent), m_context(context), m_profiles(profiles), m_prompts(prompts)
{
    build();
    refreshRuns();
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
    m_file = named(new QLabel(this), "bulkFileLabel", tr("Input file"));
    m_input = named(new QPlainTextEdit(this), "bulkInputEdit", tr("User IDs"));
    m_input->setPlaceholderText(tr("Paste user IDs here, one per line, or a CSV with a header (user_id, and "
                                   "optionally reason), or open a file."));
    m_input->setMaximumHeight(m_input->fontMetrics().height() * 8);
    m_action = named(new QComboBox(this), "bulkActionCombo", tr("Action for every row"));
    for (ActionKind kind : ActionInfo::all())
        m_action->addItem(ActionInfo::displayName(kind), int(kind));
    m_reason = named(new QLineEdit(this), "bulkReasonEdit", tr("Reason or case reference"));
    m_reason->setPlaceholderText(tr("Reason or case reference (a reason column overrides it per row)"));
    m_column = named(new QLineEdit(this), "bulkColumnEdit", tr("CSV column of the user IDs"));
    m_column->setPlaceholderText(QStringLiteral("user_id"));
    m_rate = named(new QSpinBox(this), "bulkRateSpin", tr("Requests per second"));
    m_rate->setRange(0, 100);
    m_rate->setValue(5);
    m_rate->setSpecialValueText(tr("no limit"));
    m_rate->setSuffix(tr(" per second"));
    m_check = named(new QPushButton(tr("&Check (dry run)"), this), "bulkCheckButton",
                    tr("Check every row; nothing is sent"));
    m_start = named(new QPushButton(tr("&Start run…"), this), "bulkStartButton", tr("Start the bulk run"));
    m_summary = named(new QLabel(this), "bulkSummary", tr("What the check found"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_runs = named(new QComboBox(this), "bulkRunsCombo", tr("Earlier runs"));
    m_runs->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_runs->setMinimumContentsLength(18);
    m_resumeRun = named(new QPushButton(tr("&Resume run…"), this), "bulkResumeRunButton", tr("Resume the chosen run"));
    m_progress = new BulkProgressView(this);
    m_progress->setObjectName(QStringLiteral("bulkProgressView"));

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_open);
    fileRow->addWidget(m_file, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("&Action:"), m_action);
    form->addRow(tr("R&eason:"), m_reason);
    form->addRow(tr("Co&lumn:"), m_column);
    form->addRow(tr("Ra&te:"), m_rate);
    auto *go = new QHBoxLayout;
    go->addWidget(m_check);
    go->addWidget(m_start);
    go->addStretch(1);
    go->addWidget(m_runs);
    go->addWidget(m_resumeRun);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addWidget(m_input);
    layout->addLayout(form);
    layout->addLayout(go);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress, 1);

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
    connect(m_resumeRun, &QPushButton::clicked, this, &BulkPanel::resumeStored);
    connect(m_runs, &QComboBox::currentIndexChanged, this, &BulkPanel::updateButtons);
    connect(m_progress, &BulkProgressView::retryRequested, this, &BulkPanel::retry);
    connect(m_progress, &BulkProgressView::resumed, this, [this] {
        m_running = true;
        updateButtons();
        emit runningChanged(true);
    });
    connect(m_progress, &BulkProgressView::openResultsRequested, this, [this] {
        if (m_run)
            m_prompts->openUrl(QUrl::fromLocalFile(m_run->resultsPath()));
    });
}

bool BulkPanel::isRunning() const
{
    return m_run && m_running;
}

void BulkPanel::pauseForClose()
{
    if (isRunning())
        m_run->pause(BulkRun::PauseCause::Requested, tr("The window was closed."));
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
    m_resumeRun->setEnabled(!running && m_runs->currentIndex() >= 0 && m_context->isReady());
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
    const QString column = m_column->text().trimmed();
    const QString reason = m_reason->text().trimmed();
    Result<BulkInput> parsed = m_inputPath.isEmpty() ? BulkInput::parse(m_input->toPlainText().toUtf8(), column, reason)
                                                     : BulkInput::readFile(m_inputPath, column, reason);
    if (!parsed.ok())
        return parsed.status();
    BulkInput input = parsed.value();
    BulkRecord record;
    record.action = ActionKind(m_action->currentData().toInt());
    record.reason = reason;
    record.profile = m_profiles->active();
    BulkInput::applyPolicy(input.rows(), m_context->core()->policy(), record.action, record.profile.environment);
    record.inputPath = m_inputPath;
    record.inputSha256 = input.sha256();
    record.rows = input.rows();
    record.rate = m_rate->value();
    record.canary = record.profile.isProduction() ? 5 : 0;
    return record;
}

void BulkPanel::check()
{
    const Result<BulkRecord> made = recordFromInput();
    if (!made.ok()) {
        m_checked.clear();
        m_summary->setText(made.message());
        m_progress->showPreview({});
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
    m_progress->showPreview(preview);
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
        QSet<QString> done;
        for (const HistoryEntry &e : read.value().entries) {
            if (e.action == record.action && e.outcome == HistoryEntry::Outcome::Success)
                done.insert(e.userId);
        }
        int known = 0;
        for (const BulkRow &row : record.rows)
            known += row.valid() && done.contains(row.userId) ? 1 : 0;
        if (known > 0)
            m_summary->setText(m_summary->text() + QLatin1Char('\n')
                               + tr("%n of these were already %1 by this console (history).", nullptr, known)
                                     .arg(ActionInfo::pastTense(record.action)));
    });
}
