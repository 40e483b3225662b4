#pragma once

#include "actions/ActionController.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>

class AppContext;
class ApprovalsPanel;
class ProfileController;
class PromptService;
class QTabWidget;
class QWidget;
class ResultView;
class TeamStatusBar;
struct ActionOutcome;
struct ApprovalRequest;
struct TeamStatus;

// The window's team side: the team trail's status line, the Approvals tab with its badge, and the
// four-eyes gate before an action — the core's FourEyes verdict decides; this only decides how to ask
// the officer (a request recorded instead of sent, colleagues' recent acts warned of, a held action
// explained). Built by the window only when a team trail is configured.
class TeamController : public QObject
{
    Q_OBJECT
public:
    // What of the window the team side works with.
    struct Window {
        QWidget *window = nullptr; // dialogs open over it
        QTabWidget *tabs = nullptr;
        ActionController *actions = nullptr;
        ResultView *result = nullptr;
        ProfileController *profiles = nullptr;
        std::function<QWidget *()> bulk; // the Bulk tab's page, where a run approved as a whole is resumed
    };
    TeamController(AppContext *context, PromptService *prompts, const Window &window, QObject *parent = nullptr);

    // The status line, for the window to place under the profile bar.
    TeamStatusBar *statusBar() const { return m_status; }
    ApprovalsPanel *approvals() const { return m_approvals; }

private:
    void onTeamStatus(const TeamStatus &status);
    void gate(const ActionRequest &request, const ActionController::Proceed &proceed);
    void recordForApproval(const ActionRequest &request);
    void sendApproved(const ApprovalRequest &request);
    void onFinished(const ActionOutcome &outcome);

    AppContext *m_context;
    PromptService *m_prompts;
    Window m_window;
    TeamStatusBar *m_status;
    ApprovalsPanel *m_approvals;
    qint64 m_verifiedSeq = -1;
    QElapsedTimer m_verifiedAt; // when the team trail was last checked
    qint64 m_sending = 0;       // the approved request on its way through the action path
};
