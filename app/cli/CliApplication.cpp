#include "CliApplication.h"

#include "ActionCommand.h"
#include "ApprovalsCommand.h"
#include "BulkCommand.h"
#include "CliOptions.h"
#include "Console.h"
#include "ExitCode.h"
#include "HistoryCommand.h"
#include "ProfileCommand.h"
#include "SandboxCommand.h"
#include "SignCommand.h"
#include "TeamCommand.h"
#include "action/Action.h"

#include <QTimer>

QString CliApplication::helpText()
{
    QStringList actions;
    for (ActionKind kind : ActionInfo::all())
        actions.append(ActionInfo::cliName(kind));
    return tr("Usage: enrollee-cli COMMAND [options]   (enrollee-cli COMMAND --help for its options)\n"
              "\n"
              "Manage Smile ID enrollees (POST /api/v2/partner/enrollee) from scripts and terminals.\n"
              "\n"
              "Commands:\n"
              "  ACTION USER_ID [options]   one action on one user; ACTION is one of:\n"
              "                             %1\n"
              "  bulk ACTION --input FILE [--dry-run] [--rate N] [--concurrency N] [--results FILE] ...\n"
              "                             ACTION on every user ID in FILE: checked first, throttled,\n"
              "                             resumable, with a results file\n"
              "  bulk list|show RUN_ID|resume RUN_ID|retry RUN_ID [--codes C1,C2] [--unknown]\n"
              "                             bulk runs: their counts and rows; go on; retry failed rows\n"
              "  sign --partner-id ID       print a request signature and timestamp as JSON\n"
              "  history [--user-id ID] [--json] [--verify]\n"
              "                             the audit trail, newest first; --verify checks its hash chain\n"
              "  profile list|add|remove|use|set-key\n"
              "                             saved profiles; API keys go to the keychain\n"
              "  sandbox [--port N] ...     serve the local Smile ID sandbox in the foreground\n"
              "  team init|connect|status|disconnect|policy\n"
              "                             the team's shared audit trail on PostgreSQL\n"
              "  approvals list|approve|deny|run\n"
              "                             four-eyes requests: another officer approves, the requester runs\n"
              "\n"
              "Options:\n"
              "  -h, --help                 this help\n"
              "  -v, --version              the version\n"
              "\n")
               .arg(actions.join(QLatin1Char(' ')))
        + CliOptions::keyHelp() + QStringLiteral("\n\n") + CliOptions::exitCodeHelp();
}

Command *CliApplication::commandFor(const QString &word)
{
    ActionKind kind = ActionKind::ReEnroll;
    if (ActionInfo::fromCliName(word, &kind))
        return new ActionCommand(kind, this);
    if (word == QLatin1String("bulk"))
        return new BulkCommand(this);
    if (word == QLatin1String("sign"))
        return new SignCommand(this);
    if (word == QLatin1String("sandbox"))
        return new SandboxCommand(this);
    if (word == QLatin1String("history"))
        return new HistoryCommand(this);
    if (word == QLatin1String("profile"))
        return new ProfileCommand(this);
    if (word == QLatin1String("team"))
        return new TeamCommand(this);
    if (word == QLatin1String("approvals"))
        return new ApprovalsCommand(this);
    return nullptr;
}

void CliApplication::start(const QStringList &arguments)
{
    const auto endWith = [this](int code) { QTimer::singleShot(0, this, [this, code] { emit finished(code); }); };
    const QString first = arguments.value(0);
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")
        || first == QLatin1String("--help-all")) {
        Console::out(helpText());
        return endWith(ExitCode::kOk);
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        Console::out(QCoreApplication::applicationName() + QLatin1Char(' ') + QCoreApplication::applicationVersion());
        return endWith(ExitCode::kOk);
    }
    if (const QString secret = CliOptions::secretArgumentError(arguments); !secret.isEmpty()) {
        Console::err(QStringLiteral("enrollee-cli: ") + secret);
        return endWith(ExitCode::kUsage);
    }
    Command *command = first.startsWith(QLatin1Char('-')) ? nullptr : commandFor(first);
    if (!command) {
        Console::err(QStringLiteral("enrollee-cli: ")
                     + (first.isEmpty() ? tr("which command? Run \"enrollee-cli --help\".")
                                        : tr("unknown command or action \"%1\"; run \"enrollee-cli --help\".")
                                              .arg(Console::oneLine(first).left(60))));
        return endWith(ExitCode::kUsage);
    }
    connect(command, &Command::finished, this, &CliApplication::finished);
    command->start(arguments);
}
