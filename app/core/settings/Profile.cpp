#include "Profile.h"

#include "action/Validation.h"

#include <QCoreApplication>

QString environmentName(Environment env)
{
    switch (env) {
    case Environment::Sandbox:
        return QStringLiteral("sandbox");
    case Environment::Production:
        return QStringLiteral("production");
    case Environment::Local:
        return QStringLiteral("local");
    }
    Q_UNREACHABLE();
}

bool environmentFromName(const QString &name, Environment *env)
{
    for (Environment e : {Environment::Sandbox, Environment::Production, Environment::Local}) {
        if (environmentName(e) == name) {
            *env = e;
            return true;
        }
    }
    return false;
}

QString environmentDisplayName(Environment env)
{
    switch (env) {
    case Environment::Sandbox:
        return QCoreApplication::translate("Profile", "Smile ID sandbox");
    case Environment::Production:
        return QCoreApplication::translate("Profile", "PRODUCTION");
    case Environment::Local:
        return QCoreApplication::translate("Profile", "Local sandbox");
    }
    Q_UNREACHABLE();
}

bool environmentForHost(const QString &host, Environment *env)
{
    QString h = host.toLower();
    if (h.endsWith(QLatin1Char('.')))
        h.chop(1); // "prod.smileidentity.com." is the same host
    if (h == QLatin1String("portal.smileidentity.com")) {
        *env = Environment::Sandbox;
        return true;
    }
    if (h == QLatin1String("prod.smileidentity.com")) {
        *env = Environment::Production;
        return true;
    }
    return false;
}

QString Profile::bodyEnvironment() const
{
    return environment == Environment::Production ? QStringLiteral("production") : QStringLiteral("test");
}

QUrl Profile::origin() const
{
    if (!baseUrl.isEmpty())
        return baseUrl;
    switch (environment) {
    case Environment::Sandbox:
        return QUrl(QStringLiteral("https://portal.smileidentity.com"));
    case Environment::Production:
        return QUrl(QStringLiteral("https://prod.smileidentity.com"));
    case Environment::Local:
        return QUrl(QStringLiteral("http://%1:%2").arg(QLatin1String(Defaults::kLocalHost)).arg(Defaults::kLocalPort));
    }
    Q_UNREACHABLE();
}

QUrl Profile::endpoint() const
{
    QUrl url = origin();
    url.setPath(QLatin1String(Defaults::kEndpointPath));
    return url;
}

Status Profile::validate() const
{
    if (Status s = Validation::checkPartnerId(partnerId); !s.ok())
        return s;
    if (Status s = Validation::checkEmail(email); !s.ok())
        return s;
    if (baseUrl.isEmpty())
        return Status::success();
    if (Status s = Validation::checkBaseUrl(baseUrl.toString()); !s.ok())
        return s;
    const QString host = baseUrl.host();
    Environment hostEnvironment = environment;
    if (environmentForHost(host, &hostEnvironment) && hostEnvironment != environment) {
        return Status::failure(
            QCoreApplication::translate("Profile",
                                        "The base URL %1 is Smile ID's %2, but the profile's environment is %3. Set "
                                        "the environment to %2, or use another base URL.")
                .arg(host, environmentDisplayName(hostEnvironment), environmentDisplayName(environment)),
            Status::Kind::Invalid);
    }
    if (environment == Environment::Local && !Validation::isLoopbackHost(host)) {
        return Status::failure(
            QCoreApplication::translate("Profile",
                                        "The local sandbox runs on this computer, but the base URL points at %1. "
                                        "Use a 127.0.0.1 or localhost base URL, or choose the environment that "
                                        "host belongs to.")
                .arg(host),
            Status::Kind::Invalid);
    }
    return Status::success();
}

bool operator==(const Profile &a, const Profile &b)
{
    return a.name == b.name && a.partnerId == b.partnerId && a.email == b.email && a.environment == b.environment
        && a.scheme == b.scheme && a.baseUrl == b.baseUrl;
}
