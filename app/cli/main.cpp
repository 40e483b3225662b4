#include "CliApplication.h"
#include "CliOptions.h"
#include "Console.h"
#include "ExitCode.h"
#include "KeySource.h"
#include "base/Translations.h"
#include "settings/AppPaths.h"
#include "settings/AppSettings.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    KeySource::takeEnvironmentKey();
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

    // Before anything reads QCoreApplication::arguments(), which holds argv already "repaired".
    if (const Status raw = CliOptions::checkRawArguments(argc, argv); !raw.ok()) {
        Console::err(QStringLiteral("enrollee-cli: ") + raw.message());
        return ExitCode::kUsage;
    }

    CliApplication cli;
    QObject::connect(&cli, &CliApplication::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
    cli.start(QCoreApplication::arguments().mid(1));
    return app.exec();
}
