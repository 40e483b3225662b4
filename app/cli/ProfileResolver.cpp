#include "ProfileResolver.h"

#include "CliOptions.h"
#include "action/Validation.h"
#include "settings/AppSettings.h"

bool ProfileResolver::resolve(const AppSettings &settings, const Overrides &overrides, Profile *profile, QString *error)
{
    Profile p;
    const QString active = settings.activeProfile();
    if (!active.isEmpty() && settings.hasProfile(active))
        p = settings.profile(active);

    if (overrides.environment) {
        Environment env = Environment::Sandbox;
        if (!CliOptions::parseEnvironment(*overrides.environment, &env, error))
            return false;
        if (env != p.environment) {
            p.name.clear();
            p.baseUrl.clear();
            if (env == Environment::Local || p.environment == Environment::Local)
                p.partnerId.clear();
            if (p.environment == Environment::Local)
                p.email.clear();
            p.environment = env;
        }
    }
    if (overrides.scheme && !CliOptions::parseScheme(*overrides.scheme, &p.scheme, error))
        return false;
    if (overrides.partnerId)
        p.partnerId = overrides.partnerId->trimmed();
    if (overrides.email)
        p.email = overrides.email->trimmed();
    if (overrides.baseUrl) {
        if (const Status s = Validation::checkBaseUrl(*overrides.baseUrl); !s.ok()) {
            *error = s.message();
            return false;
        }
        p.baseUrl = Validation::parseBaseUrl(*overrides.baseUrl);
    }
    if (p.environment == Environment::Local) {
        if (p.partnerId.isEmpty())
            p.partnerId = QLatin1String(Defaults::kLocalPartnerId);
        if (p.email.isEmpty())
            p.email = QLatin1String(Defaults::kLocalEmail);
    }
    *profile = p;
    return true;
}
