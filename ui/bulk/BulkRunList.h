#pragma once

#include "bulk/BulkRecord.h"

#include <QWidget>

class BulkRunFiles;
class QComboBox;
class QLabel;
class QPushButton;

// The Bulk tab's stored runs: a labelled list of every run file, newest first (choosing one shows its
// rows), and a button to resume the chosen one. The run files hold every row (10,000 of them for a big run), so they
// are listed and loaded on BulkRunFiles' worker; only each run's line of text and the one run asked for come back to
// the window.
class BulkRunList : public QWidget
{
    Q_OBJECT
public:
    BulkRunList(BulkRunFiles *files, QWidget *parent = nullptr);

    // Lists the stored runs again (the newest listing asked for wins), choosing `select` when given, else
    // keeping the choice when it is there.
    void refresh(const QString &select = {});
    // Whether resuming is possible at all now (no run sending, the console ready); the button also needs a run chosen.
    void setResumable(bool resumable);
    // Whether the officer may choose another run to show (not while one is sending).
    void setChoosable(bool choosable);
    QString currentId() const;

signals:
    // The officer chose run `id` in the list: show it.
    void chosen(const QString &id);
    // The list was read (again); currentId() is the run chosen now.
    void listed();
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
    QLabel *m_label = nullptr;
    QComboBox *m_runs = nullptr;
    QPushButton *m_resume = nullptr;
};
