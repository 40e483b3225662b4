#include "KeyEpochConfirmation.h"

#include "Console.h"
#include "ExitCode.h"
#include "TerminalPrompt.h"

void KeyEpochConfirmation::ask(const QString &reason, bool yes)
{
    const QString trimmed = reason.trimmed();
    if (trimmed.isEmpty()) {
        emit refused(ExitCode::kUsage,
                     tr("--new-key-epoch needs --reason TEXT: the trail records why the key was given up."));
        return;
    }
    if (yes) {
        emit confirmed(trimmed);
        return;
    }
    if (!Console::stdinIsTerminal()) {
        emit refused(ExitCode::kNotConfirmed,
                     tr("Beginning a new key epoch cannot be undone and standard input is not a terminal to confirm "
                        "it: add --yes. Nothing was changed."));
        return;
    }
    Console::out(tr("A new chain key will be made. Every record written so far will be reported as unverifiable "
                    "from now on, because the key that chained it is gone; this is recorded in the history."));
    auto *prompt = new TerminalPrompt(this);
    prompt->ask(tr("Begin a new key epoch? Type \"yes\" to confirm: "));
    connect(prompt, &TerminalPrompt::answered, this, [this, prompt, trimmed](const QByteArray &line, bool) {
        prompt->deleteLater();
        const QString answer = QString::fromUtf8(line).trimmed();
        if (answer.compare(QLatin1String("yes"), Qt::CaseInsensitive) != 0
            && answer.compare(tr("yes"), Qt::CaseInsensitive) != 0)
            emit refused(ExitCode::kNotConfirmed, tr("Not confirmed; nothing was changed."));
        else
            emit confirmed(trimmed);
    });
}
