#include "AppPaths.h"
#include "AppSettings.h"
#include "CliApplication.h"
#include "Translations.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("enrollee-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ENROLLEE_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("EnrolleeConsole"));
    // The console's language setting applies to the CLI too; otherwise the system locale (LANG/LC_*).
    {
        const AppSettings settings(AppPaths::settingsFile());
        Translations::install(settings.language());
        if (!settings.problem().isEmpty())
            qWarning("enrollee-cli: %s", qPrintable(settings.problem()));
    }

    CliApplication cli;
    QObject::connect(&cli, &CliApplication::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
    cli.start(QCoreApplication::arguments().mid(1));
    return app.exec();
}
