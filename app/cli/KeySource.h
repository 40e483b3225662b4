#pragma once

#include "settings/Profile.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>

class CredentialStore;

// Where enrollee-cli finds an API key: --api-key-file, then SMILEID_API_KEY, then (for the local
// sandbox) its documented demo key, then the keychain entry of the profile. Never an argument, and
// the key is never printed: only where it came from.
class KeySource
{
    Q_DECLARE_TR_FUNCTIONS(KeySource)
public:
    struct Found {
        QByteArray key;
        QString origin; // translated: "SMILEID_API_KEY", "the file …", "the keychain"
        QString error;  // translated; empty on success
        int exitCode = 0;
        bool ok() const { return error.isEmpty(); }
    };

    static constexpr const char *kEnvironmentVariable = "SMILEID_API_KEY";
    // Moves SMILEID_API_KEY out of the environment into this process's memory; first thing in main().
    static void takeEnvironmentKey();

    // The key given to this process explicitly (file or environment), without touching the keychain.
    // Returns false with an empty key when none was given; false with *error when a file is unusable.
    static bool explicitKey(const QString &keyFile, Found *found);
    // Reads a key file: its first line, trimmed. Empty with *error when it cannot be used.
    static QByteArray readKeyFile(const QString &path, QString *error);
    // The full search for `profile`; `done` is called exactly once (possibly later, from the event loop).
    static void resolve(const QString &keyFile, const Profile &profile, CredentialStore *store,
                        const std::function<void(const Found &)> &done);
    // The local sandbox's demo HMAC key; it opens only the emulator on loopback.
    static QByteArray localDemoKey();
};
