#include "ActionReadiness.h"

#include "AppContext.h"
#include "actions/ActionPanel.h"
#include "lookup/LookupPanel.h"
#include "profiles/ProfileController.h"
#include "settings/CredentialStore.h"

ActionReadiness::ActionReadiness(AppContext *context, ProfileController *profiles, LookupPanel *lookup,
                                 ActionPanel *actions, QObject *parent)
    : QObject(parent), m_context(context), m_profiles(profiles), m_lookup(lookup), m_actions(actions)
{
    connect(profiles, &ProfileController::keyStateChanged, this, &ActionReadiness::update);
    connect(context->credentials(), &CredentialStore::waitingLongChanged, this, &ActionReadiness::update);
    connect(context, &AppContext::ready, this, &ActionReadiness::update);
}

void ActionReadiness::update()
{
    QString whyNot;
    if (!m_context->isReady() && m_context->credentials()->isWaitingLong())
        whyNot = tr("Waiting for the keyring to be unlocked… (your desktop may be asking for the keyring's "
                    "password)");
    else if (!m_context->isReady())
        whyNot = tr("Starting: opening the audit trail…");
    else if (!m_profiles->canSend())
        whyNot = m_profiles->keyProblem();
    else if (!m_lookup->isValid())
        whyNot = tr("Enter a valid user ID to enable the actions.");
    m_actions->setReady(whyNot.isEmpty(), whyNot);
}
