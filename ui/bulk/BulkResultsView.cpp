#include "BulkResultsView.h"

#include "bulk/BulkRowModel.h"
#include "bulk/BulkRun.h"
#include "widgets/HeaderFit.h"
#include "widgets/StretchColumn.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

BulkResultsView::BulkResultsView(QWidget *parent)
    : QWidget(parent), m_model(new BulkRowModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(BulkRowModel::ProblemRole);
    auto named = [](auto *w, const char *name, const QString &accessible) {
        w->setObjectName(QLatin1String(name));
        w->setAccessibleName(accessible);
        return w;
    };
    // What the table shows changes; the caption says it, and a screen reader reads its text.
    m_caption = new QLabel(this);
    m_caption->setObjectName(QStringLiteral("bulkTableCaption"));
    m_caption->setAccessibleDescription(tr("What the table of rows shows"));
    m_caption->setWordWrap(true);
    m_problemsOnly = named(new QCheckBox(tr("Sho&w only problems"), this), "bulkProblemsOnly",
                           tr("Show only rows with a problem"));
    m_openResults = named(new QPushButton(tr("Open results &file"), this), "bulkOpenResultsButton",
                          tr("Open the results file"));
    m_retry = named(new QPushButton(tr("Retry &failed…"), this), "bulkRetryButton", tr("Retry the failed rows"));
    m_retryUnknown = named(new QCheckBox(tr("and unknown"), this), "bulkRetryUnknown",
                           tr("Also retry rows whose outcome is unknown"));
    m_retryUnknown->setToolTip(tr("Unknown rows may have been carried out already: retry them only after checking."));
    m_table = named(new QTableView(this), "bulkTable", tr("Rows of the run"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->setWordWrap(false);
    m_table->setMinimumWidth(m_table->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 30);
    // Columns sized once from their possible texts, not from 10,000 rows.
    QHeaderView *header = m_table->horizontalHeader();
    const QFontMetrics fm = m_table->fontMetrics();
    int outcome = fm.horizontalAdvance(
        m_model->headerData(BulkRowModel::Outcome, Qt::Horizontal, Qt::DisplayRole).toString());
    for (const QString &text : BulkRowModel::outcomeTexts())
        outcome = qMax(outcome, fm.horizontalAdvance(text));
    header->resizeSection(BulkRowModel::Line, fm.horizontalAdvance(QStringLiteral("000000")) + 16);
    header->resizeSection(BulkRowModel::UserId, fm.horizontalAdvance(QLatin1Char('x')) * 18);
    header->resizeSection(BulkRowModel::Outcome, outcome + 24);
    header->resizeSection(BulkRowModel::Http, fm.horizontalAdvance(QStringLiteral("HTTP")) + 24);
    header->resizeSection(BulkRowModel::Code, fm.horizontalAdvance(QStringLiteral("00000")) + 24);
    header->resizeSection(
        BulkRowModel::Attempts,
        fm.horizontalAdvance(m_model->headerData(BulkRowModel::Attempts, Qt::Horizontal, Qt::DisplayRole).toString())
            + 24);
    header->setStretchLastSection(false);
    new StretchColumn(m_table, BulkRowModel::Message, fm.horizontalAdvance(QLatin1Char('x')) * 24);
    HeaderFit::fit(m_table, header);

    auto *top = new QHBoxLayout;
    top->addWidget(m_caption, 1);
    top->addWidget(m_problemsOnly);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_openResults);
    bottom->addStretch(1);
    bottom->addWidget(m_retry);
    bottom->addWidget(m_retryUnknown);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    // A rows file found damaged while scrolling: the rows read so far stay, and the caption says why.
    connect(m_model, &BulkRowModel::fetchFailed, m_caption, &QLabel::setText);
    connect(m_openResults, &QPushButton::clicked, this, [this] { emit openResultsRequested(resultsPath()); });
    connect(m_retry, &QPushButton::clicked, this, [this] { emit retryRequested(m_retryUnknown->isChecked()); });
    connect(m_problemsOnly, &QCheckBox::toggled, this,
            [this](bool only) { m_proxy->setFilterFixedString(only ? QStringLiteral("true") : QString()); });
    showPreview({});
}

void BulkResultsView::showPreview(const QList<BulkRowResult> &rows)
{
    if (m_run)
        disconnect(m_run, nullptr, this, nullptr);
    m_run = nullptr;
    m_stored = BulkRecord();
    m_storedCounts = {};
    m_model->setRows(rows);
    m_caption->setText(rows.isEmpty() ? tr("Paste or open a list of user IDs, then check it: its rows show here.")
                                      : tr("Checked input: %n row(s), nothing sent.", nullptr, int(rows.size())));
    refresh();
}

void BulkResultsView::attach(BulkRun *run)
{
    if (m_run)
        disconnect(m_run, nullptr, this, nullptr);
    m_run = run;
    m_stored = BulkRecord();
    m_storedCounts = {};
    m_model->follow(run);
    if (run) {
        m_caption->setText(tr("Rows of run %1").arg(run->record().id));
        connect(run, &BulkRun::finished, this, &BulkResultsView::refresh);
        connect(run, &BulkRun::paused, this, &BulkResultsView::refresh);
    }
    refresh();
}

void BulkResultsView::showStored(const BulkRecord &record, const BulkCounts &counts, const BulkRowModel::Fetch &fetch)
{
    if (m_run)
        disconnect(m_run, nullptr, this, nullptr);
    m_run = nullptr;
    m_stored = record;
    m_storedCounts = counts;
    const bool ended = record.state == BulkRecord::State::Finished || record.state == BulkRecord::State::Cancelled;
    m_model->setStored(record.totalRows(), fetch, ended);
    m_caption->setText(tr("Rows of run %1 (%2)").arg(record.id, record.displayState()));
    refresh();
}

BulkRecord BulkResultsView::record() const
{
    return m_run ? m_run->record() : m_stored;
}

QList<BulkRowResult> BulkResultsView::rows() const
{
    if (m_run)
        return m_run->rows();
    QList<BulkRowResult> rows;
    rows.reserve(m_model->rowCount());
    for (int i = 0; i < m_model->rowCount(); ++i)
        rows.append(m_model->rowAt(i));
    return rows;
}

QString BulkResultsView::resultsPath() const
{
    return m_run ? m_run->resultsPath() : m_stored.resultsPath;
}

void BulkResultsView::setBusy(bool busy)
{
    m_busy = busy;
    refresh();
}

void BulkResultsView::refresh()
{
    const BulkRecord shown = record();
    const bool ended = !shown.id.isEmpty() && !m_busy && (!m_run || !m_run->isActive())
        && shown.state != BulkRecord::State::Running;
    int failed = 0;
    int unknown = 0;
    if (ended) {
        const BulkCounts c = m_run ? m_run->counts() : m_storedCounts;
        failed = c.failed;
        unknown = c.unknown;
    }
    m_openResults->setEnabled(!resultsPath().isEmpty());
    m_retry->setEnabled(ended && shown.state != BulkRecord::State::Paused && failed + unknown > 0);
    m_retryUnknown->setEnabled(m_retry->isEnabled() && unknown > 0);
}
