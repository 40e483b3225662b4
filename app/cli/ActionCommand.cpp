#include "ActionCommand.h"

#include "CliOptions.h"
#include "Console.h"
#include "CoreContext.h"
#include "ExitCode.h"
#include "KeySource.h"
#include "KeychainSession.h"
#include "ProfileResolver.h"
#include "TerminalPrompt.h"
#include "action/Validation.h"
#include "approvals/FourEyes.h"
#include "settings/AppSettings.h"

#include <QCommandLineParser>
#include <QJsonObject>

ActionCommand::ActionCommand(ActionKind action, QObject *parent) : Command(parent), m_action(action)
{
}

void ActionCommand::start(const QStringList &arguments)
{
    const QString name = ActionInfo::cliName(m_action);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("%1 a Smile ID enrollee. Options not given come from the default profile (enrollee-cli profile use NAME).")
            .arg(ActionInfo::displayName(m_action))
        + QLatin1Char('\n') + CliOptions::keyHelp() + QLatin1Char('\n') + CliOptions::exitCodeHelp());
    parser.addPositionalArgument(name, tr("The action."), name);
    parser.addPositionalArgument(QStringLiteral("USER_ID"), tr("The enrollee's user_id."));
    const QCommandLineOption partner = CliOptions::partnerId();
    const QCommandLineOption email = CliOptions::email();
    const QCommandLineOption environment = CliOptions::environment();
    const QCommandLineOption baseUrl = CliOptions::baseUrl();
    const QCommandLineOption scheme = CliOptions::scheme();
    const QCommandLineOption reason(QStringLiteral("reason"), tr("Reason or case reference for the audit trail."),
                                    tr("TEXT"));
    const QCommandLineOption keyFile = CliOptions::apiKeyFile();
    const QCommandLineOption yes = CliOptions::yes();
    const QCommandLineOption json = CliOptions::json();
    parser.addOptions({partner, email, environment, baseUrl, scheme, reason, keyFile, yes, json});
    if (!parse(parser, arguments))
        return;
    m_json = parser.isSet(json);
    m_yes = parser.isSet(yes);
    m_keyFile = parser.value(keyFile);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() < 2)
        return fail(ExitCode::kUsage, tr("Which user? Usage: enrollee-cli %1 USER_ID [options]").arg(name));
    if (positional.size() > 2)
        return fail(ExitCode::kUsage,
                    tr("One user ID per call; unexpected \"%1\".").arg(Console::oneLine(positional.at(2)).left(60)));
    const QString &userId = positional.at(1);
    if (const Status s = Validation::checkUserId(userId); !s.ok())
        return fail(ExitCode::kUsage, s.message());
    if (const Status s = Validation::checkReason(parser.value(reason)); !s.ok())
        return fail(ExitCode::kUsage, s.message());

    m_core = new CoreContext(CoreConfig::standard(), this);
    settleBeforeEnd(m_core);
    const AppSettings &settings = *m_core->settings();
    if (!settings.problem().isEmpty())
        Console::err(QStringLiteral("enrollee-cli: ") + tr("warning: %1").arg(settings.problem()));
    const ProfileResolver::Overrides overrides = CliOptions::profileOverrides(parser);
    Profile profile;
    QString error;
    if (!ProfileResolver::resolve(settings, overrides, &profile, &error))
        return fail(ExitCode::kUsage, error);
    if (const Status s = profile.validate(); !s.ok())
        return fail(ExitCode::kUsage, s.message());

    m_request.action = m_action;
    m_request.userId = Validation::normalizedUserId(userId);
    m_request.reason = parser.value(reason);
    m_request.profile = profile;
    m_request.face = QStringLiteral("cli");
    // The policy's reason rule is refused here, before anyone is asked to confirm.
    if (Status reason = m_core->policy().check(m_action, profile.environment, m_request.reason,
                                               Confirmation::TypedUserId);
        !reason.ok())
        return fail(ExitCode::kUsage, reason.message());
    confirm();
}

void ActionCommand::confirm()
{
    // The core's policy says what this action needs here; the CLI decides how to ask.
    const Confirmation needed = m_core->policy().rule(m_action, m_request.profile.environment).confirmation;
    const bool typed = needed == Confirmation::TypedUserId;
    if (m_yes || needed == Confirmation::None) {
        m_confirmed = Confirmation::TypedUserId;
        return obtainKey();
    }
    if (!Console::stdinIsTerminal()) {
        if (typed)
            return fail(ExitCode::kNotConfirmed,
                        tr("%1 cannot be undone and standard input is not a terminal to confirm it: add --yes. "
                           "Nothing was sent.")
                            .arg(ActionInfo::cliName(m_action)));
        // Scripts in production deactivate without a prompt, as documented: running one is the yes.
        m_confirmed = Confirmation::Plain;
        return obtainKey();
    }
    auto *prompt = new TerminalPrompt(this);
    const QString where = environmentDisplayName(m_request.profile.environment);
    if (typed) {
        prompt->ask(
            tr("Delete user \"%1\" permanently (%2, %3)? This cannot be undone.\nType the user ID again to confirm: ")
                .arg(m_request.userId, where, m_request.profile.endpoint().host()));
    } else {
        prompt->ask(tr("%1 user \"%2\" in %3? Type \"yes\" to confirm: ")
                        .arg(ActionInfo::displayName(m_action), m_request.userId, where));
    }
    connect(prompt, &TerminalPrompt::answered, this, [this, typed, needed, prompt](const QByteArray &line, bool) {
        prompt->deleteLater();
        const QString answer = QString::fromUtf8(line).trimmed();
        const bool confirmed = typed ? answer == m_request.userId
                                     : (answer.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0
                                        || answer.compare(tr("yes"), Qt::CaseInsensitive) == 0);
        if (!confirmed)
            return fail(ExitCode::kNotConfirmed,
                        typed ? tr("The user ID did not match; nothing was sent.")
                              : tr("Not confirmed; nothing was sent."));
        m_confirmed = needed;
        obtainKey();
    });
}

void ActionCommand::obtainKey()
{
    m_keychain = new KeychainSession(m_core->credentials(), this);
    KeySource::resolve(m_keyFile, m_request.profile, m_core->credentials(), [this](const KeySource::Found &found) {
        if (!found.ok())
            return fail(found.exitCode, found.error);
        m_request.apiKey = std::make_shared<const SecretBytes>(found.key);
        prepare();
    });
}

void ActionCommand::prepare()
{
    ActionRunner *runner = m_core->runner();
    connect(runner, &ActionRunner::attemptFailed, this,
            [](quint64, int attempt, const ApiResult &result, int retryInMs) {
        Console::err(QStringLiteral("enrollee-cli: ")
                     + tr("attempt %1 failed (%2); retrying in %3 s.")
                           .arg(attempt)
                           .arg(Console::oneLine(result.summary()))
                           .arg(QString::number(retryInMs / 1000.0, 'f', 1)));
    });
    connect(runner, &ActionRunner::actionFinished, this, &ActionCommand::report);

    // Everything that can be refused (a key that cannot sign, say) is refused before the history is touched.
    if (Status invalid = runner->validate(m_request); !invalid.ok()) {
        m_request.apiKey.reset();
        return fail(ExitCode::kUsage, invalid.message());
    }
    connect(m_core, &CoreContext::historyReady, this, [this](const Status &key) {
        // Without the installation's one chain key nothing is recorded, so nothing may be sent.
        if (!key.ok()) {
            m_request.apiKey.reset();
            return fail(ExitCode::kStorage, tr("Nothing was sent: %1").arg(key.message()));
        }
        gate();
    });
    m_core->openHistory();
}

void ActionCommand::gate()
{
    if (m_approvedRequest > 0) {
        // The runner claims it together with the intent, exactly once, and only as approved.
        m_request.approvalId = m_approvedRequest;
        return submit();
    }
    m_core->fourEyes()->verdict(m_request, this, [this](const ActionVerdict &verdict) {
        for (const QString &conflict : verdict.conflicts)
            Console::err(QStringLiteral("enrollee-cli: ") + tr("warning: %1.").arg(Console::oneLine(conflict)));
        switch (verdict.verdict) {
        case FourEyesVerdict::Held:
            // Never sent, never queued: nothing was recorded for a second officer either, as the
            // database that would keep the request cannot be reached.
            m_request.apiKey.reset();
            Console::err(QStringLiteral("enrollee-cli: ")
                         + Console::oneLine(verdict.why + QLatin1Char(' ') + verdict.problem));
            return fail(ExitCode::kAwaitingApproval,
                        tr("held: the team's policy cannot be checked; nothing was sent."));
        case FourEyesVerdict::NeedsSecondOfficer:
            return requestApproval();
        case FourEyesVerdict::Unasked:
        case FourEyesVerdict::Free:
            break;
        }
        m_request.fourEyes = verdict.verdict;
        submit();
    });
}

void ActionCommand::requestApproval()
{
    m_request.apiKey.reset(); // nothing is sent now
    const ApprovalRequest what = ApprovalRequest::of(m_request.profile, m_action, m_request.userId, m_request.reason);
    m_core->fourEyes()->request(what, this, [this, what](const Result<qint64> &id) {
        if (!id.ok())
            return fail(ExitCode::kStorage,
                        tr("The approval request could not be recorded; nothing was sent: %1").arg(id.message()));
        if (m_json) {
            QJsonObject object = what.toJson();
            object.insert(QStringLiteral("id"), id.value());
            object.insert(QStringLiteral("status"), QStringLiteral("pending"));
            object.insert(QStringLiteral("exit_code"), ExitCode::kAwaitingApproval);
            Console::json(object);
        }
        Console::err(QStringLiteral("enrollee-cli: ")
                     + tr("%1 of \"%2\" in %3 needs a second officer: request #%4 recorded, awaiting approval "
                          "(enrollee-cli approvals approve %4). Nothing was sent.")
                           .arg(what.action, what.userId, what.environment)
                           .arg(id.value()));
        end(ExitCode::kAwaitingApproval);
    });
}

void ActionCommand::submit()
{
    m_request.confirmed = m_confirmed;
    const Result<quint64> ticket = m_core->runner()->submit(m_request);
    m_request.apiKey.reset(); // the runner holds the only reference now
    if (!ticket.ok())
        return fail(ticket.kind() == Status::Kind::NotConfirmed ? ExitCode::kNotConfirmed : ExitCode::kUsage,
                    ticket.message());
}

void ActionCommand::report(const ActionOutcome &outcome)
{
    // A refused claim of an approved request is a refusal, not a storage failure.
    if (!outcome.sent())
        return fail(outcome.recording.kind() == Status::Kind::NotConfirmed ? ExitCode::kNotConfirmed
                                                                           : ExitCode::kStorage,
                    tr("Nothing was sent: %1").arg(outcome.recording.message()));
    const int code = ExitCode::forOutcome(outcome.result.outcome);
    QString line = outcome.headline;
    if (!outcome.advice.isEmpty())
        line += QLatin1Char(' ') + outcome.advice;
    if (m_json) {
        QJsonObject object = outcome.entry.toJson();
        object.insert(QStringLiteral("ok"), outcome.ok());
        object.insert(QStringLiteral("result"), outcome.result.outcomeName());
        object.insert(QStringLiteral("attempt_count"), outcome.attempts);
        object.insert(QStringLiteral("headline"), outcome.headline);
        object.insert(QStringLiteral("advice"), outcome.advice);
        object.insert(QStringLiteral("exit_code"), code);
        if (!outcome.historyError.isEmpty())
            object.insert(QStringLiteral("history_error"), outcome.historyError);
        Console::json(object);
    }
    if (!outcome.historyError.isEmpty())
        Console::err(QStringLiteral("enrollee-cli: ")
                     + tr("warning: the outcome could not be written to the history: %1")
                           .arg(Console::oneLine(outcome.historyError)));
    if (outcome.ok()) {
        if (!m_json)
            Console::out(Console::oneLine(line));
        return succeed();
    }
    fail(code, line);
}
