#include "AppPaths.h"

#include <QDir>
#include <QStandardPaths>

namespace {
const QString kName = QStringLiteral("enrollee-console");

QString home()
{
    return qEnvironmentVariable("ENROLLEE_HOME");
}
} // namespace

namespace AppPaths {

QString configDir()
{
    if (!home().isEmpty())
        return QDir(home()).filePath(QStringLiteral("config"));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)).filePath(kName);
}

QString dataDir()
{
    if (!home().isEmpty())
        return QDir(home()).filePath(QStringLiteral("data"));
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)).filePath(kName);
}

QString settingsFile()
{
    return QDir(configDir()).filePath(QStringLiteral("settings.ini"));
}

QString historyDir()
{
    return QDir(dataDir()).filePath(QStringLiteral("history"));
}

QString keychainService()
{
    const QString overridden = qEnvironmentVariable("ENROLLEE_KEYCHAIN_SERVICE");
    return overridden.isEmpty() ? kName : overridden;
}

} // namespace AppPaths
