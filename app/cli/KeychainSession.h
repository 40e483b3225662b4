#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

class CredentialStore;

// The CLI's link to the keychain for one run: the credential store under AppPaths::keychainService()
// and the history chain key. When there is no keychain (a server, a container, no D-Bus) it says so
// once on standard error and lets the command go on, as the console window does.
class KeychainSession : public QObject
{
    Q_OBJECT
public:
    explicit KeychainSession(QObject *parent = nullptr);

    CredentialStore *store() const { return m_store; }
    // The key that chains the history records (AuditKey), and where it lives.
    void obtainChainKey(const QString &historyDir, std::function<void(const QByteArray &key, const QString &where)> done);

private:
    void warnUnavailable(const QString &reason);

    CredentialStore *m_store;
    bool m_warned = false;
};
