#pragma once

#include "bulk/BulkRecord.h"
#include "bulk/BulkRun.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

class BulkRowModel;
class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

// A bulk run as it goes: a progress bar with per-outcome counts, the rate and the time left, pause,
// resume (or "go on" after the canary) and cancel, and the live per-row table (a model, so 10,000 rows
// scroll smoothly). Before a run it shows the checked input rows in the same table.
class BulkProgressView : public QWidget
{
    Q_OBJECT
public:
    explicit BulkProgressView(QWidget *parent = nullptr);

    BulkRowModel *model() const { return m_model; }
    // Follows `run` (null: none) until it is destroyed or another is attached.
    void attach(BulkRun *run);
    void showPreview(const QList<BulkRowResult> &rows);
    // Translated, one line each: what the counts and the rate line say now.
    QString countsText() const;

signals:
    void openResultsRequested();
    void retryRequested(bool withUnknown);
    // The officer resumed the attached run (after a pause or the canary).
    void resumed();

private:
    void build();
    void refresh();
    void onPaused(BulkRun::PauseCause cause, const QString &reason);
    void onFinished(const BulkCounts &counts);
    QString rateText(const BulkCounts &counts) const;

    QPointer<BulkRun> m_run;
    BulkRowModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QProgressBar *m_progress = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_rate = nullptr;
    QLabel *m_state = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_openResults = nullptr;
    QPushButton *m_retry = nullptr;
    QCheckBox *m_retryUnknown = nullptr;
    QCheckBox *m_problemsOnly = nullptr;
    QTableView *m_table = nullptr;
    QElapsedTimer m_elapsed;
    int m_doneAtStart = 0;
};
