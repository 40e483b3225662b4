#include "KeychainSession.h"

#include "AppPaths.h"
#include "AuditKey.h"
#include "Console.h"
#include "CredentialStore.h"

KeychainSession::KeychainSession(QObject *parent)
    : QObject(parent), m_store(new CredentialStore(AppPaths::keychainService(), this))
{
    connect(m_store, &CredentialStore::availabilityChanged, this, [this](bool available, const QString &reason) {
        if (!available)
            warnUnavailable(reason);
    });
}

void KeychainSession::warnUnavailable(const QString &reason)
{
    if (m_warned)
        return;
    m_warned = true;
    Console::err(tr("enrollee-cli: warning: no keychain: %1; API keys must come from SMILEID_API_KEY or --api-key-file, "
                    "and the history chain key is kept in a file beside the history.")
                     .arg(Console::oneLine(reason)));
}

void KeychainSession::obtainChainKey(const QString &historyDir,
                                     std::function<void(const QByteArray &, const QString &)> done)
{
    AuditKey::obtain(m_store, historyDir, [done](const AuditKey::Found &found) { done(found.key, found.where); });
}
