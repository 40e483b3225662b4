#include "AuditKey.h"

#include "CredentialStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <openssl/rand.h>

namespace {
QString keyFile(const QString &historyDir)
{
    return QDir(historyDir).filePath(QStringLiteral("chain.key"));
}

QByteArray readKeyFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QByteArray::fromHex(file.readAll().trimmed());
}

QByteArray randomKey()
{
    QByteArray key(32, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), int(key.size())) != 1)
        return {};
    return key;
}

AuditKey::Found fromFile(const QString &historyDir, const QString &why)
{
    const QString path = keyFile(historyDir);
    QByteArray key = readKeyFile(path);
    if (key.isEmpty()) {
        key = randomKey();
        QDir().mkpath(historyDir);
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly)) {
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            file.write(key.toHex() + '\n');
            file.commit();
        }
    }
    return {key, QCoreApplication::translate("AuditKey", "the file %1 (no keychain: %2)").arg(path, why), false};
}
} // namespace

namespace AuditKey {

void obtain(CredentialStore *store, const QString &historyDir, const std::function<void(const Found &)> &done)
{
    const QString account = QLatin1String(kAccount);
    store->read(account, [store, historyDir, done, account](const CredentialResult &read) {
        if (read.ok() && !read.secret.isEmpty()) {
            done({read.secret, QCoreApplication::translate("AuditKey", "the keychain"), true});
            return;
        }
        if (read.status != CredentialResult::Status::NotFound) {
            done(fromFile(historyDir, read.message));
            return;
        }
        // First use with a keychain: adopt a key an earlier keychain-less run made, so its records still verify.
        QByteArray key = readKeyFile(keyFile(historyDir));
        if (key.isEmpty())
            key = randomKey();
        store->write(account, key, [historyDir, done, key](const CredentialResult &written) {
            if (written.ok())
                done({key, QCoreApplication::translate("AuditKey", "the keychain"), true});
            else
                done(fromFile(historyDir, written.message));
        });
    });
}

} // namespace AuditKey
