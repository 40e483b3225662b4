#include "Command.h"

#include "CliOptions.h"
#include "Console.h"
#include "CoreContext.h"
#include "ExitCode.h"

#include <QCommandLineParser>
#include <QTimer>

bool Command::parse(QCommandLineParser &parser, const QStringList &arguments)
{
    // A key typed on the command line is visible to every user of the machine; refuse it before parsing.
    if (const QString secret = CliOptions::secretArgumentError(arguments); !secret.isEmpty()) {
        fail(ExitCode::kUsage, secret);
        return false;
    }
    const QCommandLineOption help = parser.addHelpOption();
    // QCommandLineParser wants the program name first.
    QStringList argv = arguments;
    argv.prepend(QStringLiteral("enrollee-cli"));
    if (!parser.parse(argv)) {
        fail(ExitCode::kUsage,
             parser.errorText() + QLatin1Char(' ')
                 + tr("Run \"enrollee-cli %1 --help\" for the options.").arg(arguments.value(0)));
        return false;
    }
    if (parser.isSet(help)) {
        Console::out(parser.helpText().trimmed());
        end(ExitCode::kOk);
        return false;
    }
    if (const Status values = CliOptions::checkOptionValues(parser); !values.ok()) {
        fail(ExitCode::kUsage, values.message());
        return false;
    }
    return true;
}

void Command::fail(int exitCode, const QString &reason)
{
    Console::err(QStringLiteral("enrollee-cli: ") + Console::oneLine(reason));
    end(exitCode);
}

void Command::succeed()
{
    end(ExitCode::kOk);
}

void Command::end(int exitCode)
{
    if (m_ended)
        return;
    m_ended = true;
    // Queued, so a command can finish from inside start() before main() has entered the event loop.
    QTimer::singleShot(0, this, [this, exitCode] {
        if (!m_core)
            return emit finished(exitCode);
        m_core->whenSettled(this, [this, exitCode] { emit finished(exitCode); });
    });
}
