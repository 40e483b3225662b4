#include "BulkProgressView.h"

#include "bulk/BulkRowModel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace {
int doneOf(const BulkCounts &c)
{
    return c.succeeded + c.already + c.failed + c.unknown;
}
} // namespace

BulkProgressView::BulkProgressView(QWidget *parent)
    : QWidget(parent), m_model(new BulkRowModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(BulkRowModel::ProblemRole);
    build();
    refresh();
}

void BulkProgressView::build()
{
    auto named = [](auto *w, const char *name, const QString &accessible) {
        w->setObjectName(QLatin1String(name));
        w->setAccessibleName(accessible);
        return w;
    };
    m_state = named(new QLabel(this), "bulkState", tr("Run state"));
    m_state->setWordWrap(true);
    m_progress = named(new QProgressBar(this), "bulkProgress", tr("Run progress"));
    m_counts = named(new QLabel(this), "bulkCounts", tr("Counts"));
    m_counts->setWordWrap(true);
    m_rate = named(new QLabel(this), "bulkRate", tr("Rate and time left"));
    m_pause = named(new QPushButton(tr("&Pause"), this), "bulkPauseButton", tr("Pause the run"));
    m_resume = named(new QPushButton(tr("Res&ume"), this), "bulkResumeButton", tr("Resume the run"));
    m_cancel = named(new QPushButton(tr("Cance&l run…"), this), "bulkCancelButton", tr("Cancel the run"));
    m_openResults = named(new QPushButton(tr("Open results &file"), this), "bulkOpenResultsButton",
                          tr("Open the results file"));
    m_retry = named(new QPushButton(tr("Retry &failed…"), this), "bulkRetryButton", tr("Retry the failed rows"));
    m_retryUnknown = named(new QCheckBox(tr("and unknown"), this), "bulkRetryUnknown",
                           tr("Also retry rows whose outcome is unknown"));
    m_retryUnknown->setToolTip(tr("Unknown rows may have been carried out already: retry them only after checking."));
    m_problemsOnly = named(new QCheckBox(tr("Show only problems"), this), "bulkProblemsOnly",
                           tr("Show only rows with a problem"));
    m_table = named(new QTableView(this), "bulkTable", tr("Rows of the run"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(BulkRowModel::Message, QHeaderView::Stretch);
    m_table->setWordWrap(false);

    // Two short rows rather than one long one: the window stays narrow in every language.
    auto *controls = new QHBoxLayout;
    for (QWidget *w :
         {static_cast<QWidget *>(m_pause), static_cast<QWidget *>(m_resume), static_cast<QWidget *>(m_cancel)})
        controls->addWidget(w);
    controls->addStretch(1);
    controls->addWidget(m_problemsOnly);
    auto *buttons = new QHBoxLayout;
    for (QWidget *w : {static_cast<QWidget *>(m_openResults), static_cast<QWidget *>(m_retry),
                       static_cast<QWidget *>(m_retryUnknown)})
        buttons->addWidget(w);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_state);
    layout->addWidget(m_progress);
    auto *line = new QHBoxLayout;
    line->addWidget(m_counts, 1);
    line->addWidget(m_rate);
    layout->addLayout(line);
    layout->addLayout(controls);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);

    connect(m_pause, &QPushButton::clicked, this, [this] {
        if (m_run)
            m_run->pause(BulkRun::PauseCause::Requested, tr("Paused by the officer."));
        refresh();
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (m_run) {
            m_run->resume();
            emit resumed();
        }
        refresh();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_run)
            m_run->cancel();
        refresh();
    });
    connect(m_openResults, &QPushButton::clicked, this, &BulkProgressView::openResultsRequested);
    connect(m_retry, &QPushButton::clicked, this, [this] { emit retryRequested(m_retryUnknown->isChecked()); });
    connect(m_problemsOnly, &QCheckBox::toggled, this,
            [this](bool only) { m_proxy->setFilterFixedString(only ? QStringLiteral("true") : QString()); });
}

void BulkProgressView::showPreview(const QList<BulkRowResult> &rows)
{
    attach(nullptr);
    m_model->setRows(rows);
    m_state->setText(tr("Checked input: nothing has been sent."));
    refresh();
}

void BulkProgressView::attach(BulkRun *run)
{
    if (m_run)
        disconnect(m_run, nullptr, this, nullptr);
    m_run = run;
    m_model->follow(run);
    if (run) {
        m_elapsed.start();
        m_doneAtStart = doneOf(run->counts());
        m_state->setText(
            tr("Run %1: %2, profile %3.")
                .arg(run->record().id, ActionInfo::displayName(run->record().action), run->record().profile.name));
        connect(run, &BulkRun::progress, this, &BulkProgressView::refresh);
        connect(run, &BulkRun::started, this, &BulkProgressView::refresh);
        connect(run, &BulkRun::paused, this, &BulkProgressView::onPaused);
        connect(run, &BulkRun::finished, this, &BulkProgressView::onFinished);
        connect(run, &BulkRun::holding, this, [this](int ms, const QString &why) {
            m_state->setText(tr("The server asked to slow down (%1): the whole run waits %2 s.")
                                 .arg(why, QString::number(ms / 1000.0, 'f', 1)));
        });
        connect(run, &BulkRun::failed, this, [this](const Status &s) {
            m_state->setText(tr("The run stopped: %1").arg(s.message()));
            refresh();
        });
    }
    refresh();
}

void BulkProgressView::onPaused(BulkRun::PauseCause cause, const QString &reason)
{
    if (cause == BulkRun::PauseCause::Canary) {
        m_state->setText(tr("Canary: the first rows were sent. Check their results below, then go on or cancel."));
        m_resume->setText(tr("&Go on"));
    } else {
        m_state->setText(tr("Paused: %1").arg(reason));
        m_resume->setText(tr("Res&ume"));
    }
    refresh();
}

void BulkProgressView::onFinished(const BulkCounts &counts)
{
    const bool cancelled = m_run && m_run->record().state == BulkRecord::State::Cancelled;
    m_state->setText(cancelled ? tr("Run cancelled: %1").arg(countsText()) : tr("Run finished: %1").arg(countsText()));
    Q_UNUSED(counts)
    refresh();
}

QString BulkProgressView::countsText() const
{
    const BulkCounts c = m_run ? m_run->counts() : BulkCounts::of({});
    return tr("%1 done, %2 already so, %3 failed, %4 unknown, %5 not sent, %6 sending")
        .arg(c.succeeded)
        .arg(c.already)
        .arg(c.failed)
        .arg(c.unknown)
        .arg(c.notSent)
        .arg(c.inFlight);
}

QString BulkProgressView::rateText(const BulkCounts &counts) const
{
    const double secs = m_elapsed.isValid() ? m_elapsed.elapsed() / 1000.0 : 0;
    const int sent = doneOf(counts) - m_doneAtStart;
    if (!m_run || secs < 1 || sent <= 0)
        return {};
    const double rate = sent / secs;
    const int left = m_run->remaining() + m_run->inFlight();
    if (left == 0)
        return tr("%1 rows/s").arg(QString::number(rate, 'f', 1));
    const int eta = int(left / rate);
    const QString time = eta >= 3600 ? tr("%1 h %2 min").arg(eta / 3600).arg((eta % 3600) / 60)
        : eta >= 60                  ? tr("%1 min %2 s").arg(eta / 60).arg(eta % 60)
                                     : tr("%n s", nullptr, eta);
    return tr("%1 rows/s, about %2 left").arg(QString::number(rate, 'f', 1), time);
}

void BulkProgressView::refresh()
{
    const bool hasRun = !m_run.isNull();
    const BulkRecord::State state = hasRun ? m_run->record().state : BulkRecord::State::Finished;
    const bool active = hasRun && m_run->isActive();
    const BulkCounts c = hasRun ? m_run->counts() : BulkCounts();
    const int valid = hasRun ? m_run->record().validCount() : 0;
    m_progress->setVisible(hasRun);
    m_progress->setRange(0, qMax(1, valid));
    m_progress->setValue(qMin(valid, doneOf(c)));
    m_counts->setText(hasRun ? countsText() : QString());
    m_rate->setText(active ? rateText(c) : QString());
    // A paused run has stopped sending (isActive() is false) and waits for resume().
    const bool paused = hasRun && state == BulkRecord::State::Paused;
    m_pause->setEnabled(active);
    m_resume->setEnabled(paused);
    m_cancel->setEnabled(active);
    m_openResults->setEnabled(hasRun && !m_run->resultsPath().isEmpty());
    m_retry->setEnabled(hasRun && !active && !paused && c.failed + c.unknown > 0);
    m_retryUnknown->setEnabled(m_retry->isEnabled() && c.unknown > 0);
}
