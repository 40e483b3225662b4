#pragma once

#include "bulk/BulkRecord.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QTimer>

class BulkRun;

// The rows of a bulk run as a table: line, user ID, outcome, HTTP status, code, message, attempts. Before
// a run it shows the checked input (setRows); during one it follows the run (follow): the run's own rows
// once it has read the history, its planned rows (waiting) until then. Row updates are gathered and
// announced as one range at most ten times a second, and the model is reset only when the row set itself
// changes, so 10,000 rows finishing never flood the view or lose its scroll position.
class BulkRowModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Line, UserId, Outcome, Http, Code, Message, Attempts, ColumnCount };
    enum Role { StatusRole = Qt::UserRole + 1, ProblemRole };

    explicit BulkRowModel(QObject *parent = nullptr);

    // Rows not followed from a run: a check's preview, or a stored run read back. `ended`: a valid row
    // never begun will not be sent any more (its run finished or was cancelled) rather than waiting.
    void setRows(const QList<BulkRowResult> &rows, bool ended = false);
    // Shows `run`'s rows from now on, updating as they finish; null keeps the rows last shown.
    void follow(const BulkRun *run);
    const BulkRowResult &rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Translated: what the Outcome column says of a row (waiting, sending, done, not sent...).
    static QString outcomeText(const BulkRowResult &row, bool ended);
    // Every text outcomeText() can give, to size the column once.
    static QStringList outcomeTexts();

private:
    void markChanged(int row);
    void flush();
    void onRunStarted();
    const QList<BulkRowResult> &rows() const;

    QList<BulkRowResult> m_rows; // shown while no run is followed, or the followed run has no rows yet
    QPointer<const BulkRun> m_run;
    bool m_ended = false;
    QTimer m_flush;
    int m_first = -1;
    int m_last = -1;
};
