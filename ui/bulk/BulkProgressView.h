#pragma once

#include "bulk/BulkRecord.h"
#include "bulk/BulkRun.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

// A bulk run as it goes: what the run is and where it stands, a progress bar with per-outcome counts, the
// rate and the time left, and pause, resume (or "go on" after the canary) and cancel. Every part keeps its
// place whether a run is shown or not, so nothing moves under the cursor when a run starts; the labels
// whose text changes expose that text to a screen reader (their role is their accessible description).
class BulkProgressView : public QWidget
{
    Q_OBJECT
public:
    explicit BulkProgressView(QWidget *parent = nullptr);

    // Follows `run` (null: none) until it is destroyed or another is attached.
    void attach(BulkRun *run);
    // A stored run, not attached: its state and counts as read back.
    void showStored(const BulkRecord &record, const BulkCounts &counts);
    // Nothing sent yet: the state line says what was checked.
    void showChecked();
    // The officer resumed the attached run; it takes its lock back and reads the history again.
    void showResuming();
    // The officer confirmed the cancel; the run waits for the rows in flight.
    void showCancelling();
    // Translated, one line each: what the counts and the rate line say now.
    QString countsText() const;

signals:
    // The officer asked to resume the attached, paused run (after a pause or the canary).
    void resumeRequested();
    // The officer asked to cancel the attached run (to be confirmed).
    void cancelRequested();

private:
    void build();
    void refresh();
    void setState(const QString &text);
    void onPaused(BulkRun::PauseCause cause, const QString &reason);
    void onFinished();
    QString runLine() const;
    QString rateText(const BulkCounts &counts) const;
    // `open`: the run can still go on (running or paused), so rows not yet sent are waiting.
    static QString countsText(const BulkCounts &counts, bool open);

    QPointer<BulkRun> m_run;
    BulkCounts m_storedCounts;
    bool m_storedOpen = false; // the stored run shown can still go on
    bool m_cancelling = false;
    QProgressBar *m_progress = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_rate = nullptr;
    QLabel *m_state = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_cancel = nullptr;
    QElapsedTimer m_elapsed;
    int m_doneAtStart = 0;
};
