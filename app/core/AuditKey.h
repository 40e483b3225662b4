#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

class CredentialStore;

// The per-installation secret that keys the history's hash chain. It lives in the keychain when
// there is one; otherwise in a file readable only by this user beside the history (weaker, and
// said so), so faces without a keychain still chain their records consistently.
namespace AuditKey {
inline constexpr const char *kAccount = "history-chain-key";
struct Found {
    QByteArray key;
    QString where; // translated: "the keychain" / "the file …"
    bool inKeychain = false;
};
void obtain(CredentialStore *store, const QString &historyDir, const std::function<void(const Found &)> &done);
} // namespace AuditKey
