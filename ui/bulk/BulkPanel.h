#pragma once

#include "action/Action.h"
#include "bulk/BulkRecord.h"
#include "bulk/BulkRun.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QVariantMap>
#include <QWidget>

#include <memory>

class AppContext;
class BulkInputForm;
class BulkLauncher;
class BulkProgressView;
class BulkResultsView;
class BulkRunFiles;
class BulkRunList;
class BulkRunLock;
class BulkRunReader;
class ProfileController;
class PromptService;
class QLabel;
class QPushButton;

// The Bulk tab, laid out as the flow it is: a list of user IDs (opened from a CSV or text file, or
// pasted), an action and a reason, checked row by row before anything is sent (the check is the dry run),
// then, after the officer types the number of rows, sent through the core's BulkRun — the same pipeline,
// policy, history and results file as `enrollee-cli bulk` — and its rows shown live. Earlier runs can be
// chosen to see their rows, resumed (paused, interrupted) here or from the CLI, and their failed rows
// retried as a new run linked to the first.
class BulkPanel : public QWidget
{
    Q_OBJECT
public:
    BulkPanel(AppContext *context, ProfileController *profiles, PromptService *prompts, QWidget *parent = nullptr);
    ~BulkPanel() override;

    // A run is sending or waiting for its answers (not paused, not over).
    bool isRunning() const;
    BulkRun *run() const { return m_run; }
    // Pauses a running run while the officer is asked whether to close the window (no row is sent while
    // the question is open); true when it did.
    bool pauseForQuestion();
    // The officer kept the window: the run paused for the question goes on (once it has paused).
    void resumeAfterQuestion();
    // The last desktop notification shown (translated), for the window's tray or a test.
    QString lastNotification() const { return m_lastNotification; }
    // What the officer has set up and not started (list, action, reason, column, rate), to carry over
    // into a window rebuilt in another language; restoreDraft() checks the list again.
    QVariantMap draft() const;
    void restoreDraft(const QVariantMap &draft);
    // Runs at least this long notify when they end (default 30 s: such a run ends unwatched more often than not).
    void setNotifyAfterMs(int ms) { m_notifyAfterMs = ms; }

signals:
    void runningChanged(bool running);
    // A long run ended while the window may be elsewhere: worth a desktop notification.
    void notify(const QString &title, const QString &text);

private:
    void build();
    void check();
    void start();
    void retry(bool withUnknown);
    void resumeStored(const BulkRecord &record);
    // Resumes the attached, paused run (after a pause, the canary or a question).
    void resumeRun();
    void confirmCancel();
    // Reads the stored run `id` and shows its rows (the live run when it is the one attached).
    void showStored(const QString &id);
    void showStoredIfEmpty();
    // Shows and starts a run the launcher made ready.
    void attach(BulkRun *run);
    void updateButtons();
    // The core's plan of a run from what the officer typed or opened, with the active profile and policy.
    Result<BulkRecord> recordFromInput() const;

    AppContext *m_context;
    ProfileController *m_profiles;
    PromptService *m_prompts;
    QList<BulkRow> m_checked; // the rows of the last check; empty until one succeeded
    QPointer<BulkRun> m_run;
    // The family's lock of the retry being confirmed or sent (BulkRunReader::planRetry); let go when it stops.
    std::shared_ptr<BulkRunLock> m_retryLock;
    bool m_running = false; // launched and neither paused nor over
    QElapsedTimer m_runClock;
    QString m_lastNotification;
    qint64 m_notifyAfterMs = 30000;
    BulkRunFiles *m_files = nullptr; // the run files, read and written off the GUI thread
    BulkLauncher *m_launcher = nullptr;
    BulkRunReader *m_reader = nullptr;
    QString m_storedWanted;           // the stored run last asked to be shown
    bool m_pausedForQuestion = false; // paused while the window asks whether to close

    BulkInputForm *m_form = nullptr; // the list and the run's options
    QPushButton *m_check = nullptr;
    QPushButton *m_start = nullptr;
    QLabel *m_summary = nullptr;
    BulkRunList *m_runs = nullptr;
    BulkProgressView *m_progress = nullptr;
    BulkResultsView *m_results = nullptr;
};
