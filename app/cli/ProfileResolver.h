#pragma once

#include "settings/Profile.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

class AppSettings;

// Builds the profile a command acts with: the saved default profile, overridden by what the command
// line says. Switching environment on the command line leaves the saved profile's name (and so its
// keychain key) behind, so a key is never sent to an environment it was not saved for.
class ProfileResolver
{
    Q_DECLARE_TR_FUNCTIONS(ProfileResolver)
public:
    struct Overrides {
        std::optional<QString> partnerId;
        std::optional<QString> email;
        std::optional<QString> environment;
        std::optional<QString> baseUrl;
        std::optional<QString> scheme;
    };

    // Returns false with a translated *error when an override is malformed. Does not require the
    // partner ID or email: callers check what they need (Profile::validate for actions).
    static bool resolve(const AppSettings &settings, const Overrides &overrides, Profile *profile, QString *error);
};
