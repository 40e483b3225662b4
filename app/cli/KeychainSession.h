#pragma once

#include <QObject>
#include <QString>

class CredentialStore;

// The CLI's link to the keychain for one run: a credential store under AppPaths::keychainService()
// (its own, or the CoreContext's). When there is no keychain (a server, a container, no D-Bus) it
// says so once on standard error and lets the command go on, as the console window does. A keychain
// that keeps the command waiting over a second is named once on standard error too, and one that has
// not answered after ENROLLEE_KEYCHAIN_TIMEOUT seconds (default 120) is given up on: the command then
// fails as it does without the key, instead of waiting for a prompt no one may ever see.
class KeychainSession : public QObject
{
    Q_OBJECT
public:
    explicit KeychainSession(QObject *parent = nullptr);
    // Watches a store that someone else owns (the CoreContext's).
    KeychainSession(CredentialStore *store, QObject *parent);

    CredentialStore *store() const { return m_store; }

    static constexpr const char *kTimeoutVariable = "ENROLLEE_KEYCHAIN_TIMEOUT";
    static constexpr int kDefaultGiveUpSeconds = 120;
    static int giveUpSeconds();

private:
    void warnUnavailable(const QString &reason);

    CredentialStore *m_store;
    bool m_warned = false;
    bool m_saidWaiting = false;
};
