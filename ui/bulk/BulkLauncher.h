#pragma once

#include "approvals/FourEyesVerdict.h"
#include "bulk/BulkRecord.h"

#include <QObject>

class AppContext;
class BulkRun;
class BulkRunFiles;
class ProfileController;
class PromptService;
class QLabel;
class QWidget;

// Takes a planned bulk run (new, resumed or a retry) from the officer's typed count to a BulkRun ready to
// start: the confirmation that states the blast radius, the team's four eyes, and the run file saved (on
// BulkRunFiles' worker) before anything is sent. What it has to say goes to the Bulk tab's summary line.
class BulkLauncher : public QObject
{
    Q_OBJECT
public:
    BulkLauncher(AppContext *context, ProfileController *profiles, PromptService *prompts, BulkRunFiles *files,
                 QLabel *summary, QWidget *owner);

    // Asks the officer to type the number of rows to be sent (`rows`; -1: every valid row); `what` says
    // which run it is ("new run", "a retry…").
    void confirmAndLaunch(const BulkRecord &record, const QString &what, int rows = -1);

signals:
    // A run was stored (saved to start, or kept paused for an approval): the list of runs changed.
    void runStored();
    // The run, saved and set up with the profile's key, parented to the owner; the receiver starts it.
    void runReady(BulkRun *run);
    // No run came of confirmAndLaunch(): the officer declined, the profile was wrong, the team's four eyes
    // held it (stored, paused, for a colleague), or it could not be saved.
    void notStarted();

private:
    // Through the core's four-eyes gate, then startRun() (or the request it became is said).
    void launch(const BulkRecord &given);
    void startRun(const BulkRecord &record, qint64 approvalId, FourEyesVerdict fourEyes);
    void refreshRuns() { emit runStored(); }

    AppContext *m_context;
    ProfileController *m_profiles;
    PromptService *m_prompts;
    BulkRunFiles *m_files;
    QLabel *m_summary;
    QWidget *m_owner; // the dialogs' parent and the run's
};
