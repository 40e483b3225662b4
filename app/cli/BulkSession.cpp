#include "BulkSession.h"

#include "BulkReport.h"
#include "Console.h"
#include "CoreContext.h"
#include "ExitCode.h"
#include "KeySource.h"
#include "KeychainSession.h"
#include "SignalWatcher.h"
#include "TerminalPrompt.h"
#include "action/ActionRunner.h"
#include "approvals/BulkApprovalGate.h"
#include "bulk/BulkHistory.h"
#include "bulk/BulkPlan.h"
#include "bulk/BulkResults.h"
#include "history/HistoryService.h"

namespace {
void note(const QString &line)
{
    Console::err(QStringLiteral("enrollee-cli: ") + line);
}
} // namespace

BulkSession::BulkSession(CoreContext *core, BulkRecord record, Options options, QObject *parent)
    : QObject(parent), m_core(core), m_record(std::move(record)), m_options(std::move(options))
{
}

void BulkSession::start()
{
    confirm();
}

void BulkSession::end(int exitCode, const QString &reason)
{
    if (m_ended)
        return;
    m_ended = true;
    m_key.reset();
    emit done(exitCode, reason);
}

void BulkSession::confirm()
{
    const int valid = m_record.validCount();
    const QString nothing = tr("Nothing was sent.");
    if (m_options.confirmCount >= 0 && m_options.confirmCount != valid)
        return end(
            ExitCode::kNotConfirmed,
            tr("--confirm-count %1 does not match the %n valid rows.", nullptr, valid).arg(m_options.confirmCount)
                + QLatin1Char(' ') + nothing);
    // In production "yes" is not enough for a new run: the officer states how many rows they mean.
    if (m_record.profile.isProduction() && m_options.isNew && m_options.confirmCount != valid)
        return end(
            ExitCode::kNotConfirmed,
            tr("In production a bulk run needs --confirm-count N, N being the number of valid rows (%1).").arg(valid)
                + QLatin1Char(' ') + nothing);
    const Confirmation needed = m_core->policy().rule(m_record.action, m_record.profile.environment).confirmation;
    if (m_options.confirmCount == valid || m_options.yes || needed == Confirmation::None) {
        m_confirmed = Confirmation::TypedUserId;
        return obtainKey();
    }
    if (!Console::stdinIsTerminal())
        return end(ExitCode::kNotConfirmed,
                   tr("%1 of %n users needs a confirmation and standard input is not a terminal: add --yes or "
                      "--confirm-count %n.",
                      nullptr, valid)
                           .arg(ActionInfo::displayName(m_record.action))
                       + QLatin1Char(' ') + nothing);
    auto *prompt = new TerminalPrompt(this);
    prompt->ask(tr("%1 %n users in %2 (profile %3, %4)? Type the number of rows (%n) to confirm: ", nullptr, valid)
                    .arg(ActionInfo::displayName(m_record.action), environmentDisplayName(m_record.profile.environment),
                         m_record.profile.name, m_record.profile.endpoint().host()));
    connect(prompt, &TerminalPrompt::answered, this, [this, prompt, valid](const QByteArray &line, bool) {
        prompt->deleteLater();
        if (QString::fromUtf8(line).trimmed() != QString::number(valid))
            return end(ExitCode::kNotConfirmed, tr("The count did not match; nothing was sent."));
        m_confirmed = Confirmation::TypedUserId;
        obtainKey();
    });
}

void BulkSession::obtainKey()
{
    m_keychain = new KeychainSession(m_core->credentials(), this);
    KeySource::resolve(m_options.keyFile, m_record.profile, m_core->credentials(), [this](const KeySource::Found &f) {
        if (!f.ok())
            return end(f.exitCode, f.error);
        m_key = std::make_shared<const SecretBytes>(f.key);
        // A key that cannot sign is refused before the history is touched.
        for (const BulkRow &row : m_record.rows) {
            if (!row.valid())
                continue;
            ActionRequest probe;
            probe.action = m_record.action;
            probe.userId = row.userId;
            probe.reason = row.reason;
            probe.profile = m_record.profile;
            probe.apiKey = m_key;
            if (Status s = m_core->runner()->validate(probe); !s.ok())
                return end(ExitCode::kUsage, s.message() + QLatin1Char(' ') + tr("Nothing was sent."));
            break;
        }
        openHistory();
    });
}

void BulkSession::openHistory()
{
    connect(m_core, &CoreContext::historyReady, this, [this](const Status &key) {
        if (!key.ok())
            return end(ExitCode::kStorage, tr("Nothing was sent: %1").arg(key.message()));
        fourEyes();
    });
    m_core->openHistory();
}

// The core's BulkApprovalGate decides; this maps its verdict to the CLI's exit codes (7 awaiting
// approval or held as a single action would be, 6 refused, 5 changed or unwritable).
void BulkSession::fourEyes()
{
    BulkApprovalGate *gate = m_core->createBulkApprovalGate(this);
    gate->check(m_record, m_options.isNew, [this, gate](const BulkApprovalGate::Verdict &verdict) {
        gate->deleteLater();
        using Kind = BulkApprovalGate::Verdict::Kind;
        switch (verdict.kind) {
        case Kind::Free:
        case Kind::Approved:
            m_approvalId = verdict.requestId;
            m_fourEyes = verdict.fourEyes();
            return afterFourEyes();
        case Kind::Requested:
        case Kind::Waiting:
        case Kind::Held:
            return end(ExitCode::kAwaitingApproval, verdict.message);
        case Kind::Refused:
            return end(ExitCode::kNotConfirmed, verdict.message);
        case Kind::Changed:
        case Kind::Failed:
            return end(ExitCode::kStorage, verdict.message);
        }
    });
}

void BulkSession::afterFourEyes()
{
    if (m_options.isNew)
        return noteHistory();
    run();
}

void BulkSession::noteHistory()
{
    // What the history already knows: rows this console already did the same action to (only the
    // entries of these users that matter are asked for, see BulkHistory).
    BulkHistory::noteAlreadyDone(m_core->history(), m_record, this, [this](const QString &known) {
        if (!known.isEmpty())
            note(known);
        run();
    });
}

void BulkSession::run()
{
    m_run = m_core->createBulkRun(m_record, this);
    m_run->setApiKey(m_key);
    m_key.reset();
    m_run->setConfirmation(m_confirmed);
    m_run->setApproval(m_approvalId, m_fourEyes);
    m_run->setFace(QStringLiteral("cli"));
    connect(m_run, &BulkRun::started, this, [this] {
        note(tr("run %1: %2 of %n rows to send (%3, profile %4); results in %5", nullptr, m_run->remaining())
                 .arg(m_record.id, ActionInfo::cliName(m_record.action), environmentName(m_record.profile.environment),
                      m_record.profile.name, m_run->resultsPath()));
    });
    connect(m_run, &BulkRun::holding, this, [](int ms, const QString &why) {
        note(tr("the server asked to slow down (%1): the whole run waits %2 s.")
                 .arg(Console::oneLine(why), QString::number(ms / 1000.0, 'f', 1)));
    });
    connect(m_run, &BulkRun::paused, this, &BulkSession::onPaused);
    connect(m_run, &BulkRun::finished, this, &BulkSession::onFinished);
    connect(m_run, &BulkRun::failed, this, [this](const Status &s) {
        // Another process sending the run, a run already ended or a results file that may not be written
        // over: refused before anything was sent, like bad input.
        if (m_run->refused())
            return end(ExitCode::kUsage, s.message() + QLatin1Char(' ') + tr("Nothing was sent."));
        end(ExitCode::kStorage, s.message());
    });
    m_signals = new SignalWatcher(this);
    connect(m_signals, &SignalWatcher::terminationRequested, this, [this](int) {
        if (m_interrupted)
            return end(ExitCode::kNetwork,
                       tr("Stopped with %n rows in flight; they are unknown now.", nullptr, m_run->inFlight()));
        m_interrupted = true;
        note(tr("pausing: waiting for %n rows in flight (again to stop at once).", nullptr, m_run->inFlight()));
        m_run->pause(BulkRun::PauseCause::Requested, tr("Interrupted."));
    });
    m_run->start();
}

void BulkSession::onPaused(BulkRun::PauseCause cause, const QString &reason)
{
    if (cause == BulkRun::PauseCause::Canary && !m_interrupted)
        return askToGoOn();
    BulkReport::printProblems(m_run->rows(), 20);
    Console::out(tr("Run %1 paused: %2").arg(m_record.id, Console::oneLine(reason)));
    Console::out(BulkReport::countsLine(m_run->counts()));
    const int code = BulkReport::exitCode(m_run->rows());
    end(code, tr("Resume with: enrollee-cli bulk resume %1").arg(m_record.id));
}

void BulkSession::askToGoOn()
{
    const BulkCounts c = m_run->counts();
    BulkReport::printProblems(m_run->rows(), 20);
    note(tr("canary: %1").arg(BulkReport::countsLine(c)));
    const int sent = c.succeeded + c.already + c.failed + c.unknown;
    const bool clean = c.succeeded + c.already == sent;
    const QString later = tr("Run %1 is paused; go on with: enrollee-cli bulk resume %1").arg(m_record.id);
    if (m_options.yes && clean)
        return m_run->resume();
    if (!Console::stdinIsTerminal())
        return end(ExitCode::kNotConfirmed, (clean ? QString() : tr("Not every canary row succeeded. ")) + later);
    auto *prompt = new TerminalPrompt(this);
    prompt->ask(tr("Go on with the other %n rows? Type \"yes\": ", nullptr, m_run->remaining()));
    connect(prompt, &TerminalPrompt::answered, this, [this, prompt, later](const QByteArray &line, bool) {
        prompt->deleteLater();
        const QString answer = QString::fromUtf8(line).trimmed();
        if (answer.compare(QLatin1String("yes"), Qt::CaseInsensitive) != 0
            && answer.compare(tr("yes"), Qt::CaseInsensitive) != 0)
            return end(ExitCode::kNotConfirmed, later);
        m_run->resume();
    });
}

void BulkSession::onFinished()
{
    BulkReport::printProblems(m_run->rows(), 20);
    Console::out(tr("Run %1 %2: %3. Results: %4")
                     .arg(m_record.id, BulkRecord::stateName(m_run->record().state),
                          BulkReport::countsLine(m_run->counts()), m_run->resultsPath()));
    end(BulkReport::exitCode(m_run->rows()));
}
