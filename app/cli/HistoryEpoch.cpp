// `enrollee-cli history --new-key-epoch`: the explicit, recorded way to go on after the chain key was lost.
#include "Console.h"
#include "CoreContext.h"
#include "ExitCode.h"
#include "HistoryCommand.h"
#include "KeychainSession.h"
#include "TerminalPrompt.h"
#include "history/HistoryService.h"

void HistoryCommand::newKeyEpoch(const QString &reason, bool yes, bool withoutKeychain)
{
    if (reason.trimmed().isEmpty())
        return fail(ExitCode::kUsage,
                    tr("--new-key-epoch needs --reason TEXT: the trail records why the key was "
                       "given up."));
    if (yes)
        return beginEpoch(reason.trimmed(), withoutKeychain);
    if (!Console::stdinIsTerminal())
        return fail(ExitCode::kNotConfirmed,
                    tr("Beginning a new key epoch cannot be undone and standard input is not a terminal to confirm "
                       "it: add --yes. Nothing was changed."));
    Console::out(tr("A new chain key will be made. Every record written so far will be reported as unverifiable "
                    "from now on, because the key that chained it is gone; this is recorded in the history."));
    auto *prompt = new TerminalPrompt(this);
    prompt->ask(tr("Begin a new key epoch? Type \"yes\" to confirm: "));
    connect(prompt, &TerminalPrompt::answered, this,
            [this, prompt, reason, withoutKeychain](const QByteArray &line, bool) {
        prompt->deleteLater();
        const QString answer = QString::fromUtf8(line).trimmed();
        if (answer.compare(QLatin1String("yes"), Qt::CaseInsensitive) != 0
            && answer.compare(tr("yes"), Qt::CaseInsensitive) != 0)
            return fail(ExitCode::kNotConfirmed, tr("Not confirmed; nothing was changed."));
        beginEpoch(reason.trimmed(), withoutKeychain);
    });
}

void HistoryCommand::beginEpoch(const QString &reason, bool withoutKeychain)
{
    const AuditKey::Mode mode = withoutKeychain ? AuditKey::Mode::NewEpochInFile : AuditKey::Mode::NewEpoch;
    withChainKey(mode, [this, reason](const Status &key) {
        if (!key.ok())
            return fail(ExitCode::kStorage, tr("No key epoch was begun: %1").arg(key.message()));
        core()->history()->beginKeyEpoch(operatorEmail(), reason, this, [this](const Result<qint64> &begun) {
            if (!begun.ok())
                return fail(ExitCode::kStorage, tr("No key epoch was begun: %1").arg(begun.message()));
            Console::out(tr("A new key epoch begins at record #%1, chained with a new key in %2. Records before it "
                            "are reported as unverifiable by the history check.")
                             .arg(begun.value())
                             .arg(core()->chainKeyLocation()));
            succeed();
        });
    });
}
