#pragma once

#include "action/Action.h"
#include "bulk/BulkRecord.h"
#include "bulk/BulkRun.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QVariantMap>
#include <QWidget>

class AppContext;
class BulkProgressView;
class ProfileController;
class PromptService;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

// The Bulk tab: a list of user IDs (opened from a CSV or text file, or pasted), an action and a
// reason, checked row by row before anything is sent (the check is the dry run), then, after the
// officer types the number of rows, sent through the core's BulkRun — the same pipeline, policy,
// history and results file as `enrollee-cli bulk`. Earlier runs (paused, interrupted) can be resumed
// here or from the CLI; failed rows can be retried as a new run linked to the first.
class BulkPanel : public QWidget
{
    Q_OBJECT
public:
    BulkPanel(AppContext *context, ProfileController *profiles, PromptService *prompts, QWidget *parent = nullptr);
    ~BulkPanel() override;

    // A run is sending or waiting for its answers (not paused, not over).
    bool isRunning() const;
    BulkRun *run() const { return m_run; }
    // Pauses a running run, e.g. because the window closes: it can be resumed later.
    void pauseForClose();
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
    void openFile();
    void useFile(const QString &path);
    void check();
    void start();
    // Through the core's four-eyes gate, then startRun() (or the request it became is said).
    void launch(const BulkRecord &given);
    void startRun(const BulkRecord &record, qint64 approvalId, FourEyesVerdict fourEyes);
    void retry(bool withUnknown);
    void resumeStored();
    void refreshRuns();
    void updateButtons();
    void confirmAndLaunch(const BulkRecord &record, const QString &what);
    Result<BulkRecord> recordFromInput() const;
    void noteHistory(const BulkRecord &record);

    AppContext *m_context;
    ProfileController *m_profiles;
    PromptService *m_prompts;
    QString m_inputPath;
    QList<BulkRow> m_checked; // the rows of the last check; empty until one succeeded
    QPointer<BulkRun> m_run;
    bool m_running = false; // launched and neither paused nor over
    QElapsedTimer m_runClock;
    QString m_lastNotification;
    qint64 m_notifyAfterMs = 30000;
    quint64 m_runsGeneration = 0; // the newest listing of stored runs asked for

    QPushButton *m_open = nullptr;
    QLabel *m_file = nullptr;
    QPlainTextEdit *m_input = nullptr;
    QComboBox *m_action = nullptr;
    QLineEdit *m_reason = nullptr;
    QLineEdit *m_column = nullptr;
    QSpinBox *m_rate = nullptr;
    QPushButton *m_check = nullptr;
    QPushButton *m_start = nullptr;
    QLabel *m_summary = nullptr;
    QComboBox *m_runs = nullptr;
    QPushButton *m_resumeRun = nullptr;
    BulkProgressView *m_progress = nullptr;
};
