#pragma once

#include "history/HistoryQuery.h"

#include <QObject>
#include <QTimer>

class HistoryService;
class HistoryTableModel;
class QLabel;
class QWidget;

// The History tab's count line: how many entries the filters match of how many there are, asked of
// the history service (its index or database counts; nothing is counted here). Counting may read far
// more than a page, so while actions come in it is asked at most once a second.
class HistoryCountLine : public QObject
{
    Q_OBJECT
public:
    HistoryCountLine(HistoryService *service, HistoryTableModel *model, QWidget *parent);

    QLabel *label() const { return m_label; }
    void showLoading();

public slots:
    // Counts now.
    void count();
    // Counts within a second (news came in).
    void countSoon();

signals:
    // The answer: `matching` the filters, `total` in the history.
    void counted(qint64 matching, qint64 total);

private:
    void show(const Result<HistoryCounts> &shown, const Result<HistoryCounts> &all);

    HistoryService *m_service;
    HistoryTableModel *m_model;
    QLabel *m_label;
    QTimer m_soon;
    int m_generation = 0;
};
