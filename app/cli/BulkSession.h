#pragma once

#include "bulk/BulkRecord.h"
#include "bulk/BulkRun.h"

#include <QObject>
#include <QString>

class CoreContext;
class KeychainSession;
class SignalWatcher;

// One sending `enrollee-cli bulk` (a new run, a resume, a retry) from confirmation to exit status:
// asks for the confirmation that fits the blast radius (in production the typed or given count of
// rows), finds the key, opens the history, drives the core's BulkRun and prints what happened.
// SIGINT/SIGTERM pause the run (rows in flight finish); a second signal ends at once.
class BulkSession : public QObject
{
    Q_OBJECT
public:
    struct Options {
        bool isNew = true;
        bool yes = false;
        int confirmCount = -1; // -1 = not given
        QString keyFile;
    };
    BulkSession(CoreContext *core, BulkRecord record, Options options, QObject *parent = nullptr);
    void start();

signals:
    // How the command ends; `reason` is printed on stderr when not empty.
    void done(int exitCode, const QString &reason);

private:
    void confirm();
    void obtainKey();
    void openHistory();
    // The core's BulkApprovalGate: a run the four-eyes policy gives to two officers is approved as a whole (a new one
    // becomes a request, exit 7; a resumed one is sent only under its approved, claimed request).
    void fourEyes();
    void afterFourEyes();
    void noteHistory();
    void run();
    void onPaused(BulkRun::PauseCause cause, const QString &reason);
    void askToGoOn();
    void onFinished();
    void end(int exitCode, const QString &reason = {});

    CoreContext *m_core;
    BulkRecord m_record;
    Options m_options;
    Confirmation m_confirmed = Confirmation::None;
    std::shared_ptr<const SecretBytes> m_key;
    KeychainSession *m_keychain = nullptr;
    SignalWatcher *m_signals = nullptr;
    BulkRun *m_run = nullptr;
    qint64 m_approvalId = 0; // the claimed team request the rows are sent under
    FourEyesVerdict m_fourEyes = FourEyesVerdict::Unasked;
    bool m_interrupted = false;
    bool m_ended = false;
};
