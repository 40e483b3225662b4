#include "KeySource.h"

#include "ExitCode.h"
#include "settings/CredentialStore.h"
#include "settings/SecretBytes.h"

#include <QFile>
#include <QStringDecoder>
#include <QTimer>

QByteArray KeySource::readKeyFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the API key file %1: %2").arg(path, file.errorString());
        return {};
    }
    // A key is short; refusing big files avoids reading a wrong path (a disk image, a log) into memory.
    QByteArray content = file.read(64 * 1024 + 1);
    if (content.size() > 64 * 1024) {
        *error = tr("The API key file %1 is too large to be a key.").arg(path);
        return {};
    }
    const qsizetype newline = content.indexOf('\n');
    QByteArray key = (newline >= 0 ? content.left(newline) : content).trimmed();
    SecretBytes::wipe(content);
    // A key file is text; bytes that are not UTF-8 mean a wrong file or a damaged copy, never a key to sign with.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(key); // decoding happens on conversion to QString
    text.fill(QChar(0));                // the only owner of its buffer: blanked in place
    if (decoder.hasError()) {
        SecretBytes::wipe(key);
        *error = tr("The API key file %1 is not UTF-8 text.").arg(path);
        return {};
    }
    if (key.isEmpty())
        *error = tr("The API key file %1 is empty.").arg(path);
    return key;
}

bool KeySource::explicitKey(const QString &keyFile, Found *found)
{
    if (!keyFile.isEmpty()) {
        QString error;
        found->key = readKeyFile(keyFile, &error);
        found->origin = tr("the file %1").arg(keyFile);
        if (!error.isEmpty()) {
            found->error = error;
            found->exitCode = ExitCode::kUsage;
        }
        return error.isEmpty();
    }
    const QByteArray fromEnvironment = qgetenv(kEnvironmentVariable).trimmed();
    if (!fromEnvironment.isEmpty()) {
        found->key = fromEnvironment;
        found->origin = QLatin1String(kEnvironmentVariable);
        return true;
    }
    return false;
}

QByteArray KeySource::localDemoKey()
{
    return QByteArray(Defaults::kLocalApiKey);
}

void KeySource::resolve(const QString &keyFile, const Profile &profile, CredentialStore *store,
                        const std::function<void(const Found &)> &done)
{
    Found found;
    if (explicitKey(keyFile, &found) || !found.ok()) {
        done(found);
        return;
    }
    if (profile.environment == Environment::Local) {
        if (profile.scheme == SigningScheme::SecKey) {
            // The sandbox makes its legacy key pair afresh each run, so no built-in key can match it.
            found.error = tr("The local sandbox's sec_key API key changes each run: start it with "
                             "\"enrollee-cli sandbox --sec-key-api-key-file PATH\" and pass --api-key-file PATH.");
            found.exitCode = ExitCode::kUsage;
            done(found);
            return;
        }
        found.key = localDemoKey();
        found.origin = tr("the local sandbox's demo key");
        done(found);
        return;
    }
    if (profile.name.isEmpty()) {
        found.error = tr("No API key: set SMILEID_API_KEY, use --api-key-file PATH, or save a profile with its key "
                         "(enrollee-cli profile add … and profile set-key …).");
        found.exitCode = ExitCode::kStorage;
        done(found);
        return;
    }
    const QString name = profile.name;
    store->read(CredentialStore::profileAccount(name), [done, name](const CredentialResult &read) {
        Found result;
        if (read.ok() && !read.secret.isEmpty()) {
            result.key = read.secret;
            result.origin = tr("the keychain");
        } else if (read.status == CredentialResult::Status::NotFound) {
            result.error =
                tr("The keychain holds no API key for profile \"%1\": run \"enrollee-cli profile set-key %1\", "
                   "or set SMILEID_API_KEY, or use --api-key-file PATH.")
                    .arg(name);
            result.exitCode = ExitCode::kStorage;
        } else {
            result.error = tr("Cannot read the API key of profile \"%1\" from the keychain (%2): set SMILEID_API_KEY "
                              "or use --api-key-file PATH.")
                               .arg(name, read.message.simplified());
            result.exitCode = ExitCode::kStorage;
        }
        done(result);
    });
}
