#pragma once

#include "BulkRowModel.h"
#include "bulk/BulkRecord.h"

#include <QPointer>
#include <QWidget>

class BulkRun;
class QCheckBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

// The Bulk tab's results: the per-row table of what is shown — a check's preview, the run under way
// (live), or a stored run read back — with a filter to the rows with a problem, the results file, and a
// retry of the failed rows as a new run linked to the shown one. The table is a model over the run's rows,
// so 10,000 rows scroll and update smoothly.
class BulkResultsView : public QWidget
{
    Q_OBJECT
public:
    explicit BulkResultsView(QWidget *parent = nullptr);

    BulkRowModel *model() const { return m_model; }
    void showPreview(const QList<BulkRowResult> &rows);
    // Follows `run` until another is shown.
    void attach(BulkRun *run);
    // A stored run: its counts, and its rows as `fetch` brings them while the table scrolls.
    void showStored(const BulkRecord &record, const BulkCounts &counts, const BulkRowModel::Fetch &fetch);
    // The run shown (empty id for a preview) and, for a preview or the run under way, its rows as they
    // stand now; a stored run's rows are read whole when needed (BulkRunReader), never from the table.
    BulkRecord record() const;
    QList<BulkRowResult> rows() const;
    bool showsStored() const { return !m_run && !m_stored.id.isEmpty(); }
    QString resultsPath() const;
    // Whether a run is sending (retry waits for it to end).
    void setBusy(bool busy);

signals:
    void openResultsRequested(const QString &path);
    void retryRequested(bool withUnknown);

private:
    void refresh();

    QPointer<BulkRun> m_run;
    BulkRecord m_stored; // the stored run shown when no run is attached
    BulkCounts m_storedCounts;
    bool m_busy = false;
    BulkRowModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_caption = nullptr;
    QCheckBox *m_problemsOnly = nullptr;
    QPushButton *m_openResults = nullptr;
    QPushButton *m_retry = nullptr;
    QCheckBox *m_retryUnknown = nullptr;
    QTableView *m_table = nullptr;
};
