#pragma once

#include "action/Action.h"
#include "base/Status.h"

#include <QString>
#include <QUrl>

enum class Environment {
    Sandbox,    // Smile ID's sandbox (portal.smileidentity.com), body says "test"
    Production, // prod.smileidentity.com, body says "production"
    Local,      // this project's own sandbox on loopback, body says "test"
};

QString environmentName(Environment env); // "sandbox" / "production" / "local"
bool environmentFromName(const QString &name, Environment *env);
QString environmentDisplayName(Environment env); // translated
// The environment a known Smile ID host belongs to (portal.smileidentity.com is the sandbox,
// prod.smileidentity.com production); false for any other host.
bool environmentForHost(const QString &host, Environment *env);

// Everything needed to address and sign a request, except the API key, which never lives here.
struct Profile {
    QString name;
    QString partnerId;
    QString email;
    Environment environment = Environment::Sandbox;
    SigningScheme scheme = SigningScheme::Signature;
    QUrl baseUrl; // optional origin override such as http://127.0.0.1:8080

    // The value of the body's "environment" field.
    QString bodyEnvironment() const;
    // The origin requests go to: the override when set, else the environment's documented host.
    QUrl origin() const;
    // origin() + "/api/v2/partner/enrollee".
    QUrl endpoint() const;
    bool isProduction() const { return environment == Environment::Production; }
    // Why the profile cannot be used (kind Invalid, translated message), or success. A label that
    // disagrees with the host (a known Smile ID host, or "local" off this computer) is refused: the
    // label decides the confirmations and the banner, so it must never understate where requests go.
    Status validate() const;

    friend bool operator==(const Profile &a, const Profile &b);
    friend bool operator!=(const Profile &a, const Profile &b) { return !(a == b); }
};

namespace Defaults {
// What `enrollee-cli sandbox` and the embedded sandbox use when not told otherwise.
inline constexpr const char *kLocalHost = "127.0.0.1";
inline constexpr quint16 kLocalPort = 8787;
inline constexpr const char *kLocalPartnerId = "001";
// The demo key of the local sandbox. It only ever opens the emulator on loopback; it is not a secret.
inline constexpr const char *kLocalApiKey = "sandbox-demo-key";
inline constexpr const char *kLocalEmail = "officer@example.com";
inline constexpr const char *kEndpointPath = "/api/v2/partner/enrollee";
} // namespace Defaults
