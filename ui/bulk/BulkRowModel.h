#pragma once

#include "bulk/BulkRecord.h"

#include <QAbstractTableModel>
#include <QList>
#include <QTimer>

class BulkRun;

// The rows of a bulk run as a table: line, user ID, outcome, HTTP status, code, message, attempts. Before
// a run it shows the checked input (setRows); during one it follows the run (follow), and row updates
// are gathered and announced at most ten times a second, so 10,000 rows finishing never flood the view.
class BulkRowModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Line, UserId, Outcome, Http, Code, Message, Attempts, ColumnCount };
    enum Role { StatusRole = Qt::UserRole + 1, ProblemRole };

    explicit BulkRowModel(QObject *parent = nullptr);

    void setRows(const QList<BulkRowResult> &rows);
    // Shows `run`'s rows from now on, updating as they finish; null goes back to the last setRows().
    void follow(const BulkRun *run);
    const BulkRowResult &rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString statusText(BulkRowStatus status); // translated

private:
    void markChanged(int row);
    void flush();
    const QList<BulkRowResult> &rows() const;

    QList<BulkRowResult> m_rows;
    const BulkRun *m_run = nullptr;
    QTimer m_flush;
    int m_first = -1;
    int m_last = -1;
};
