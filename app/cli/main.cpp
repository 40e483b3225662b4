#include "CliApplication.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("enrollee-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ENROLLEE_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("EnrolleeConsole"));

    CliApplication cli;
    QObject::connect(&cli, &CliApplication::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
    cli.start(QCoreApplication::arguments().mid(1));
    return app.exec();
}
