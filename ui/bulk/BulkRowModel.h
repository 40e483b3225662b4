#pragma once

#include "bulk/BulkRecord.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QTimer>

#include <functional>

class BulkRun;

// The rows of a bulk run as a table: line, user ID, outcome, HTTP status, code, message, attempts. Before
// a run it shows the checked input (setRows); during one it follows the run (follow): the run's own rows
// once it has read the history, its planned rows (waiting) until then. Row updates are gathered and
// announced as one range at most ten times a second, and the model is reset only when the row set itself
// changes, so 10,000 rows finishing never flood the view or lose its scroll position. A stored run is
// fetched on demand (setStored): a chunk at a time, read off the GUI thread from its rows file as the view
// scrolls (canFetchMore/fetchMore), so a 100,000-row run never sits in the window whole.
class BulkRowModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Line, UserId, Outcome, Http, Code, Message, Attempts, ColumnCount };
    enum Role { StatusRole = Qt::UserRole + 1, ProblemRole };

    explicit BulkRowModel(QObject *parent = nullptr);

    // What a fetch hands back: the rows (with their standing), the byte offset of the next row in the rows
    // file, and why it failed (translated; empty when it did not).
    using Page = std::function<void(const QList<BulkRowResult> &rows, qint64 next, const QString &problem)>;
    // Reads `limit` rows from row `index` (starting at byte `offset` of the rows file) off this thread, then
    // calls `done` on this thread unless `context` is gone.
    using Fetch = std::function<void(int index, qint64 offset, int limit, QObject *context, const Page &done)>;
    static constexpr int kChunk = 500;

    // Rows not followed from a run: a check's preview, or a stored run read back. `ended`: a valid row
    // never begun will not be sent any more (its run finished or was cancelled) rather than waiting.
    void setRows(const QList<BulkRowResult> &rows, bool ended = false);
    // A stored run of `total` rows, shown as `fetch` brings them: its first chunk is asked for now.
    void setStored(int total, Fetch fetch, bool ended);
    // Rows a stored run has that are not fetched yet.
    int unfetched() const { return m_fetch ? m_total - int(m_rows.size()) : 0; }
    // Shows `run`'s rows from now on, updating as they finish; null keeps the rows last shown.
    void follow(const BulkRun *run);
    const BulkRowResult &rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Translated: what the Outcome column says of a row (waiting, sending, done, not sent...).
    static QString outcomeText(const BulkRowResult &row, bool ended);
    // Every text outcomeText() can give, to size the column once.
    static QStringList outcomeTexts();

signals:
    // A chunk of a stored run could not be read (its rows file is damaged, say): what was fetched stays.
    void fetchFailed(const QString &problem);

private:
    void markChanged(int row);
    void flush();
    void onRunStarted();
    const QList<BulkRowResult> &rows() const;

    void stopFetching();

    QList<BulkRowResult> m_rows; // shown while no run is followed, or the followed run has no rows yet
    Fetch m_fetch;               // a stored run's rows still to come
    int m_total = 0;             // its rows, fetched or not
    qint64 m_nextOffset = 0;     // where its next unfetched row starts in its rows file
    bool m_fetching = false;
    quint64 m_generation = 0; // a page that comes back for rows no longer shown is dropped
    QPointer<const BulkRun> m_run;
    bool m_ended = false;
    QTimer m_flush;
    int m_first = -1;
    int m_last = -1;
};
