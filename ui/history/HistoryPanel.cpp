#include "HistoryPanel.h"

#include "history/HistoryApprovalLookup.h"
#include "history/HistoryCheck.h"
#include "history/HistoryCountLine.h"
#include "history/HistoryDetailView.h"
#include "history/HistoryExportNotice.h"
#include "history/HistoryFeed.h"
#include "history/HistoryFilter.h"
#include "history/HistoryFilterBar.h"
#include "history/HistoryService.h"
#include "history/HistoryTableMenu.h"
#include "history/HistoryTableModel.h"
#include "widgets/HeaderFit.h"
#include "widgets/StretchColumn.h"
#include "widgets/TimeText.h"

#include <QDataStream>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
constexpr quint32 kStateMagic = 0x48495354; // "HIST": refuses state saved by something else
constexpr quint32 kStateVersion = 1;

void name(QWidget *widget, const char *objectName, const QString &accessibleName)
{
    widget->setObjectName(QLatin1String(objectName));
    widget->setAccessibleName(accessibleName);
}

// A colour that reads on both light and dark palettes, with the text colour fixed to match.
const QString kWarningStyle = QStringLiteral("QLabel { background: #f0b400; color: black; padding: 4px; }");
} // namespace

HistoryPanel::HistoryPanel(HistoryFeed *feed, QWidget *parent)
    : QWidget(parent), m_feed(feed), m_service(feed->service()), m_model(feed->model()),
      m_filter(new HistoryFilter(this)), m_export(new HistoryExportFlow(feed->service(), m_filter, m_model, this)),
      m_approvals(new HistoryApprovalLookup(this)), m_check(new HistoryCheck(feed->service(), this)),
      m_counts(new HistoryCountLine(feed->service(), feed->model(), this))
{
    setObjectName(QStringLiteral("historyPanel"));
    setAccessibleName(tr("History"));
    qRegisterMetaType<HistoryEntry>();
    m_filter->setSessionStart(QDateTime::currentDateTime());
    m_export->setSaveFileNameProvider([this](const QString &title, const QString &filter, const QString &suggested) {
        return QFileDialog::getSaveFileName(this, title, suggested, filter);
    });
    buildUi();
    connectExports();
    connect(m_feed, &HistoryFeed::loaded, this, &HistoryPanel::onLoaded);
    // Several controls change together (Clear filters): one question for the lot.
    m_requery.setSingleShot(true);
    m_requery.setInterval(0);
    connect(&m_requery, &QTimer::timeout, this, [this] { m_model->setQuery(m_filter->query()); });
    connect(m_filter, &HistoryFilter::changed, &m_requery, qOverload<>(&QTimer::start));
    connect(m_feed, &HistoryFeed::problemsChanged, this, &HistoryPanel::showProblems);
    connect(m_feed, &HistoryFeed::changed, this, [this] {
        if (m_feed->isLoaded())
            m_counts->countSoon();
    });
    // News in the rows shown, or a count that moved: the check must cover the new records.
    connect(m_model, &HistoryTableModel::refreshed, m_check, &HistoryCheck::recordsArrived);
    connect(m_check, &HistoryCheck::alteredEntries, m_model, &HistoryTableModel::setAlteredEntries);
    connect(m_check, &HistoryCheck::finished, this, &HistoryPanel::verificationFinished);
    connect(m_counts, &HistoryCountLine::counted, this, [this](qint64 matching, qint64 total) {
        m_check->setEntryCount(total);
        m_export->setExpectedCount(matching);
    });
}

HistoryPanel::~HistoryPanel() = default;

QHBoxLayout *HistoryPanel::buildToolbar()
{
    m_filters = new HistoryFilterBar(m_filter, this);

    m_reloadButton = new QToolButton(this);
    name(m_reloadButton, "historyReload", tr("Reload history"));
    m_reloadButton->setText(tr("&Reload"));
    m_reloadButton->setToolTip(tr("Read the history again from disk and check it."));
    connect(m_reloadButton, &QToolButton::clicked, this, &HistoryPanel::reload);

    m_exportButton = new QToolButton(this);
    name(m_exportButton, "historyExport", tr("Export the shown history entries"));
    m_exportButton->setText(tr("&Export"));
    m_exportButton->setToolTip(tr("Export the entries shown, in the order shown."));
    auto *menu = new QMenu(m_exportButton);
    menu->setObjectName(QStringLiteral("historyExportMenu"));
    QAction *csv = menu->addAction(tr("&CSV…"), this, &HistoryPanel::exportCsv);
    csv->setObjectName(QStringLiteral("historyExportCsv"));
    QAction *json = menu->addAction(tr("&JSON…"), this, &HistoryPanel::exportJson);
    json->setObjectName(QStringLiteral("historyExportJson"));
    m_exportButton->setMenu(menu);
    // The arrow in a section of its own: an instant popup draws it over the text ("Exporter" in French).
    m_exportButton->setPopupMode(QToolButton::MenuButtonPopup);
    connect(m_exportButton, &QToolButton::clicked, m_exportButton, &QToolButton::showMenu);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filters, 1);
    top->addWidget(m_reloadButton);
    top->addWidget(m_exportButton);
    return top;
}

void HistoryPanel::buildTable()
{
    m_table = new QTableView(this);
    name(m_table, "historyTable", tr("History entries"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(HistoryTableModel::TimeColumn, Qt::DescendingOrder);
    // Only the time sorts (the history answers in entry order, both ways): a click elsewhere keeps it.
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int section) {
        if (section != HistoryTableModel::TimeColumn)
            m_table->horizontalHeader()->setSortIndicator(
                HistoryTableModel::TimeColumn,
                m_model->query().order == HistoryQuery::Order::NewestFirst ? Qt::DescendingOrder : Qt::AscendingOrder);
    });
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Fixed row heights: the view never measures 100,000 rows to lay them out.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Extra width goes to the reason, the column that has text to show, not to the short code at the end.
    m_table->horizontalHeader()->setStretchLastSection(false);
    new StretchColumn(m_table, HistoryTableModel::ReasonColumn,
                      m_table->fontMetrics().horizontalAdvance(QStringLiteral("CASE-1234: duplicate enrollment")));
    m_table->setColumnWidth(HistoryTableModel::OperatorColumn,
                            m_table->fontMetrics().horizontalAdvance(QStringLiteral("compliance.officer@example.com")));
    m_table->setColumnWidth(HistoryTableModel::TimeColumn,
                            m_table->fontMetrics().horizontalAdvance(TimeText::widest()) + 40); // + the altered icon
    HeaderFit::fit(m_table, m_table->horizontalHeader());
    m_tableMenu = new HistoryTableMenu(m_table);
    connect(m_tableMenu, &HistoryTableMenu::openUserRequested, this, &HistoryPanel::openUserRequested);
    connect(m_tableMenu, &HistoryTableMenu::exportSelectionRequested, this, &HistoryPanel::exportSelection);

    // With nothing to show, the table's place says why and how to get rows back.
    m_emptyLabel = new QLabel(this);
    name(m_emptyLabel, "historyEmptyState", tr("Why no history entries are shown"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    connect(m_emptyLabel, &QLabel::linkActivated, this, [this] { m_filters->reset(); });
    m_tableStack = new QStackedWidget(this);
    m_tableStack->setObjectName(QStringLiteral("historyTableStack"));
    m_tableStack->addWidget(m_table);
    m_tableStack->addWidget(m_emptyLabel);
    m_table->setColumnWidth(HistoryTableModel::ReasonColumn, 220);
    // A console of its own has no officers to tell apart: its table keeps the columns it always had.
    showOfficerColumns(m_model->hasOfficers());
    connect(m_model, &HistoryTableModel::officersChanged, this, &HistoryPanel::showOfficerColumns);
}

void HistoryPanel::showOfficerColumns(bool shown)
{
    m_table->setColumnHidden(HistoryTableModel::OfficerColumn, !shown);
    m_table->setColumnHidden(HistoryTableModel::MachineColumn, !shown);
}

void HistoryPanel::setFourEyes(FourEyes *fourEyes)
{
    m_approvals->setFourEyes(fourEyes);
}

void HistoryPanel::buildUi()
{
    QHBoxLayout *top = buildToolbar();
    m_problemsLabel = new QLabel(this);
    name(m_problemsLabel, "historyProblems", tr("History loading problems"));
    m_problemsLabel->setWordWrap(true);
    m_problemsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemsLabel->setStyleSheet(kWarningStyle);
    m_problemsLabel->hide();

    buildTable();

    m_detail = new HistoryDetailView(this);
    m_splitter = new QSplitter(Qt::Vertical, this);
    name(m_splitter, "historySplitter", tr("History table and details"));
    m_splitter->addWidget(m_tableStack);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);

    m_notice = new HistoryExportNotice(this);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_check->label());
    layout->addWidget(m_problemsLabel);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_counts->label());
    layout->addWidget(m_notice);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &HistoryPanel::showCurrentDetail);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &HistoryPanel::showCurrentDetail);
    connect(m_approvals, &HistoryApprovalLookup::answered, this, [this](qint64 id) {
        if (m_table->currentIndex().data(HistoryTableModel::EntryRole).value<HistoryEntry>().approvalId == id)
            showCurrentDetail();
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit entryActivated(index.data(HistoryTableModel::EntryRole).value<HistoryEntry>());
    });
    connect(m_model, &HistoryTableModel::changed, this, &HistoryPanel::updateEmptyState);
    updateEmptyState();
    setTabOrder(m_filters->textEdit(), m_table);
}

void HistoryPanel::setSessionStart(const QDateTime &start)
{
    m_filter->setSessionStart(start);
}

void HistoryPanel::setSaveFileNameProvider(SaveFileNameProvider provider)
{
    m_export->setSaveFileNameProvider(std::move(provider));
}

void HistoryPanel::connectExports()
{
    m_notice->follow(m_export);
    connect(m_export, &HistoryExportFlow::started, this, [this] { m_exportButton->setEnabled(false); });
    connect(m_export, &HistoryExportFlow::refused, this, &HistoryPanel::exportFinished);
    connect(m_export, &HistoryExportFlow::finished, this, [this](const QString &path, qsizetype, const QString &error) {
        m_exportButton->setEnabled(true);
        emit exportFinished(path, error);
    });
}

void HistoryPanel::exportCsv()
{
    m_export->askAndExport(HistoryExporter::Format::Csv);
}

void HistoryPanel::exportJson()
{
    m_export->askAndExport(HistoryExporter::Format::Json);
}

void HistoryPanel::exportTo(const QString &path, HistoryExporter::Format format)
{
    m_export->exportTo(path, format);
}

void HistoryPanel::exportSelection()
{
    m_export->exportSelection(m_tableMenu->selectedEntries());
}

bool HistoryPanel::isLoading() const
{
    return m_feed->isLoading();
}

void HistoryPanel::reload()
{
    m_reloadButton->setEnabled(false);
    m_counts->showLoading();
    m_verifyOnLoad = true;
    m_model->setQuery(m_filter->query());
}

void HistoryPanel::onLoaded()
{
    m_reloadButton->setEnabled(true);
    m_counts->count(); // before the check, whose line says how many entries it covered
    if (!std::exchange(m_verifyOnLoad, false))
        return; // a filter's first page, not a reload
    emit loadFinished();
    m_check->check();
}

void HistoryPanel::showProblems(const QStringList &problems)
{
    if (problems.isEmpty()) {
        m_problemsLabel->hide();
        return;
    }
    m_problemsLabel->setText(tr("Some history could not be read:") + QLatin1Char('\n')
                             + problems.join(QLatin1Char('\n')));
    m_problemsLabel->show();
}

void HistoryPanel::verify()
{
    m_check->check();
}

bool HistoryPanel::isVerifying() const
{
    return m_check->isChecking();
}

ChainReport HistoryPanel::lastVerification() const
{
    return m_check->lastReport();
}

bool HistoryPanel::checkFailed(const ChainReport &report)
{
    return HistoryCheck::failed(report);
}

void HistoryPanel::setChainKeyInKeychain(bool inKeychain)
{
    m_check->setChainKeyInKeychain(inKeychain);
}

void HistoryPanel::showCurrentDetail()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_detail->showNothing();
        return;
    }
    HistoryEntry entry = current.data(HistoryTableModel::EntryRole).value<HistoryEntry>();
    // A page may leave out what only the pane shows (the raw response, the attempts): the entry is read
    // whole once selected, and again when its row learns an answer.
    if (m_whole.id == entry.id && m_whole.outcome == entry.outcome
        && m_whole.completionRecord == entry.completionRecord) {
        entry = m_whole;
    } else if (m_reading != entry.id) {
        m_reading = entry.id;
        m_service->readEntry(entry.id, this, [this, entry](const Result<HistoryEntry> &whole) {
            if (m_reading != entry.id)
                return;
            m_reading = 0;
            m_whole = whole.ok() ? whole.value() : entry; // gone since: the row is all there is
            showCurrentDetail();
        });
    }
    HistoryDetailView::Approval approval;
    if (entry.approvalId > 0) {
        approval = m_approvals->canAsk()
            ? m_approvals->lookUp(entry.approvalId)
            : Result<ApprovalRequest>(Status::failure(tr("this console is not connected to the team database")));
    }
    m_detail->showEntry(entry, approval);
}

void HistoryPanel::updateEmptyState()
{
    const bool empty = m_model->hasLoaded() && m_model->rowCount() == 0;
    if (empty) {
        m_emptyLabel->setText(m_model->query().isEmpty()
                                  ? tr("No history entries yet. Every action you send is recorded here.")
                                  : tr("No entries match these filters. <a href=\"clear\">Clear filters</a>"));
    }
    m_tableStack->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyLabel) : m_table);
}

QByteArray HistoryPanel::saveState() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << kStateMagic << kStateVersion << m_splitter->saveState() << m_table->horizontalHeader()->saveState();
    return state;
}

bool HistoryPanel::restoreState(const QByteArray &state)
{
    QDataStream in(state);
    quint32 magic = 0;
    quint32 version = 0;
    QByteArray splitter;
    QByteArray header;
    in >> magic >> version >> splitter >> header;
    if (in.status() != QDataStream::Ok || magic != kStateMagic || version != kStateVersion)
        return false;
    const bool restored = m_splitter->restoreState(splitter) && m_table->horizontalHeader()->restoreState(header);
    // Whether the officer columns show follows the trail read, not the layout last saved.
    showOfficerColumns(m_model->hasOfficers());
    return restored;
}
