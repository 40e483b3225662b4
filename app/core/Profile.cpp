#include "Profile.h"

#include "Validation.h"

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
    if (!baseUrl.isEmpty())
        return Validation::checkBaseUrl(baseUrl.toString());
    return Status::success();
}

bool operator==(const Profile &a, const Profile &b)
{
    return a.name == b.name && a.partnerId == b.partnerId && a.email == b.email && a.environment == b.environment
        && a.scheme == b.scheme && a.baseUrl == b.baseUrl;
}
