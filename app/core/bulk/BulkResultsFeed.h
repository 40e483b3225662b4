#pragma once

#include "action/Action.h"
#include "bulk/BulkRecord.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

class BulkResults;

// What a running bulk run gives its results file: the rows that ended, appended in a group every half
// second, and the whole file (every row, in input order) when the run starts, pauses or ends, so a
// long run never writes its whole file again and again.
class BulkResultsFeed : public QObject
{
    Q_OBJECT
public:
    explicit BulkResultsFeed(QObject *parent = nullptr);
    ~BulkResultsFeed() override;

    // Where results go (CSV, or JSON for *.json); empty: nowhere.
    void setPath(const QString &path);
    QString path() const;
    // The file itself, for a flush on the run's file thread; null when there is none.
    BulkResults *results() const { return m_results.get(); }

    // `row` ended: it goes with the next group.
    void rowEnded(const BulkRowResult &row);
    // The whole file now; the rows waiting for the next group are in it.
    void writeAll(const QString &runId, ActionKind action, const QList<BulkRowResult> &rows);

private:
    void appendEnded();

    std::unique_ptr<BulkResults> m_results;
    QList<BulkRowResult> m_ended; // since the file was last written to
    QTimer m_timer;
};
