#pragma once

#include <QObject>
#include <QString>

class CredentialStore;

// The CLI's link to the keychain for one run: a credential store under AppPaths::keychainService()
// (its own, or the CoreContext's). When there is no keychain (a server, a container, no D-Bus) it
// says so once on standard error and lets the command go on, as the console window does. A keychain
// that keeps the command waiting over a second is named once on standard error too.
class KeychainSession : public QObject
{
    Q_OBJECT
public:
    explicit KeychainSession(QObject *parent = nullptr);
    // Watches a store that someone else owns (the CoreContext's).
    KeychainSession(CredentialStore *store, QObject *parent);

    CredentialStore *store() const { return m_store; }

private:
    void warnUnavailable(const QString &reason);

    CredentialStore *m_store;
    bool m_warned = false;
    bool m_saidWaiting = false;
};
