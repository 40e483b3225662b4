#include "KeychainSession.h"

#include "Console.h"
#include "settings/AppPaths.h"
#include "settings/CredentialStore.h"

KeychainSession::KeychainSession(QObject *parent)
    : KeychainSession(new CredentialStore(AppPaths::keychainService(), parent), parent)
{
    m_store->setParent(this);
}

KeychainSession::KeychainSession(CredentialStore *store, QObject *parent) : QObject(parent), m_store(store)
{
    m_store->setGiveUpAfter(giveUpSeconds() * 1000);
    connect(m_store, &CredentialStore::availabilityChanged, this, [this](bool available, const QString &reason) {
        if (!available)
            warnUnavailable(reason);
    });
    // A keychain that keeps a command waiting (locked and prompting for its password, or busy) is named,
    // so the command does not look hung; the command goes on as soon as it answers.
    connect(m_store, &CredentialStore::gaveUp, this, [](int seconds) {
        Console::err(tr("enrollee-cli: the keychain did not answer within %1 s; going on without it (set %2 "
                        "to wait longer).")
                         .arg(seconds)
                         .arg(QLatin1String(kTimeoutVariable)));
    });
    connect(m_store, &CredentialStore::waitingLongChanged, this, [this](bool waiting) {
        if (waiting && !m_saidWaiting) {
            m_saidWaiting = true;
            Console::err(tr("enrollee-cli: waiting for the keychain (it may be locked and asking for its "
                            "password)…"));
        }
    });
}

int KeychainSession::giveUpSeconds()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue(kTimeoutVariable, &ok);
    return ok && seconds > 0 ? seconds : kDefaultGiveUpSeconds;
}

void KeychainSession::warnUnavailable(const QString &reason)
{
    if (m_warned)
        return;
    m_warned = true;
    Console::err(
        tr("enrollee-cli: warning: no keychain: %1; API keys must come from SMILEID_API_KEY or --api-key-file, "
           "and the history chain key is kept in a file beside the history.")
            .arg(Console::oneLine(reason)));
}
