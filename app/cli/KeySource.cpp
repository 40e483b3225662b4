#include "KeySource.h"

#include "ExitCode.h"
#include "settings/CredentialStore.h"
#include "settings/SecretBytes.h"

#include <QFile>
#include <QStringDecoder>
#include <QTimer>
#include <QtGlobal>

#include <cstdlib>
#include <cstring>

namespace {
// SMILEID_API_KEY as this process started with it; empty when it was not set.
QByteArray &environmentKey()
{
    static QByteArray key;
    return key;
}
} // namespace

void KeySource::takeEnvironmentKey()
{
    char *value = std::getenv(kEnvironmentVariable);
    if (!value)
        return;
    environmentKey() = QByteArray(value).trimmed();
    // Out of the environment before anything is started: a D-Bus daemon or keyring launched on this
    // process's behalf lives on after it and would otherwise keep the key in its own environment. The
    // process's original environment block is blanked too, so /proc/PID/environ no longer shows it.
    const std::size_t nameLength = std::strlen(kEnvironmentVariable) + 1;
    const std::size_t valueLength = std::strlen(value);
    qunsetenv(kEnvironmentVariable);
    std::memset(value - nameLength, 0, nameLength + valueLength);
}

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
    if (key.isEmpty()) {
        *error = tr("The API key file %1 is empty.").arg(path);
        return key;
    }
    // A NUL or another control byte is never part of a key: a binary file, or a key pasted with junk.
    for (const char c : std::as_const(key)) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            SecretBytes::wipe(key);
            *error = tr("The API key file %1 holds a control character (a NUL byte?); it is not a key.").arg(path);
            return {};
        }
    }
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
    takeEnvironmentKey(); // when main() has not already
    const QByteArray fromEnvironment = environmentKey();
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
        auto demo = [done] {
            Found fallback;
            fallback.key = localDemoKey();
            fallback.origin = tr("the local sandbox's demo key");
            done(fallback);
        };
        if (profile.name.isEmpty())
            return demo();
        // A key saved for a local profile (a sandbox started with its own key) wins over the demo key.
        store->read(CredentialStore::profileAccount(profile.name), [done, demo](const CredentialResult &read) {
            if (!read.ok() || read.secret.isEmpty())
                return demo();
            Found saved;
            saved.key = read.secret;
            saved.origin = tr("the keychain");
            done(saved);
        });
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
