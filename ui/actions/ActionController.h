#pragma once

#include "action/Action.h"
#include "action/ActionRunner.h"

#include <QObject>
#include <QPointer>

#include <functional>

class ProfileController;
class PromptService;
class QWidget;

// Turns "the officer pressed Deactivate" into one ActionRunner submission: checks the request,
// asks the confirmations the action and environment call for (through the PromptService seam),
// submits, and reports. One action at a time: while a prompt is open or a request is in flight,
// further requests are ignored, so a double click can never send twice.
class ActionController : public QObject
{
    Q_OBJECT
public:
    ActionController(ActionRunner *runner, ProfileController *profiles, PromptService *prompts,
                     QObject *parent = nullptr);

    // Dialogs are opened over this widget (window-modal).
    void setDialogParent(QWidget *parent) { m_dialogParent = parent; }
    bool isBusy() const { return m_prompting || m_ticket != 0; }
    bool isInFlight() const { return m_ticket != 0; }

    void request(ActionKind kind, const QString &userId, const QString &reason);
    // Asked before the confirmations when set (four eyes and conflict warnings): it calls
    // `proceed(true, verdict)` to go on with the four-eyes verdict the request then carries, or
    // `proceed(false, …)` when it handled the request itself (recorded it for approval, or the officer
    // stopped) and nothing is to be sent.
    using Proceed = std::function<void(bool proceed, FourEyesVerdict verdict)>;
    using Gate = std::function<void(const ActionRequest &request, const Proceed &proceed)>;
    void setGate(Gate gate) { m_gate = std::move(gate); }
    // Sends a request a second officer approved: the usual path with its approval id, the production
    // confirmation still asked; the runner claims it (exactly once) together with its intent, and
    // nothing is sent when the claim is refused.
    void requestApproved(ActionKind kind, const QString &userId, const QString &reason, qint64 approvalId);

    // The production question for one action, worded for it: "flag user "X" as fraudulent".
    static QString confirmationText(const ActionRequest &request);

signals:
    // A prompt is open or a request is in flight: the window locks the target and the profile.
    void busyChanged(bool busy);
    // Only a request on the wire: what the busy indicator shows (not a question waiting for an answer).
    void inFlightChanged(bool inFlight);
    // A confirmation for this action opened; nothing is sent until it is answered.
    void awaitingConfirmation(ActionKind kind, const QString &userId);
    void submitted(ActionKind kind, const QString &userId);
    // Nothing was sent: the request was invalid (translated reason) or the officer said no.
    void refused(ActionKind kind, const QString &reason);
    void cancelled(ActionKind kind, const QString &userId);
    void finished(const ActionOutcome &outcome);

private:
    void confirmAndSubmit(ActionRequest req);
    void submit(const ActionRequest &request);
    void setPrompting(bool prompting);
    void onFinished(const ActionOutcome &outcome);

    ActionRunner *m_runner;
    ProfileController *m_profiles;
    PromptService *m_prompts;
    QPointer<QWidget> m_dialogParent;
    Gate m_gate;
    bool m_prompting = false;
    quint64 m_ticket = 0;
};
