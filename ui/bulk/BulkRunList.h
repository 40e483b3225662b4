#pragma once

#include "bulk/BulkRecord.h"

#include <QWidget>

class BulkRunFiles;
class QComboBox;
class QPushButton;

// The Bulk tab's stored runs: a list of every run file, newest first, and a button to resume the chosen
// one. The run files hold every row (10,000 of them for a big run), so they are listed and loaded on
// BulkRunFiles' worker; only each run's line of text and the one run asked for come back to the window.
class BulkRunList : public QWidget
{
    Q_OBJECT
public:
    BulkRunList(BulkRunFiles *files, QWidget *parent = nullptr);

    // Lists the stored runs again (the newest listing asked for wins), keeping the choice when it is there.
    void refresh();
    // Whether resuming is possible at all now (no run sending, the console ready); the button also needs a run chosen.
    void setResumable(bool resumable);
    QString currentId() const;

signals:
    // The chosen run, read from its file, to be resumed.
    void resumeRequested(const BulkRecord &record);
    // The chosen run's file could not be read (translated).
    void loadFailed(const QString &message);

private:
    void resume();
    void updateButton();

    BulkRunFiles *m_files;
    quint64 m_generation = 0; // the newest listing asked for
    bool m_resumable = false;
    bool m_loading = false; // the chosen run is being read
    QComboBox *m_runs = nullptr;
    QPushButton *m_resume = nullptr;
};
