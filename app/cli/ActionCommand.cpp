#include "ActionCommand.h"

#include "AppPaths.h"
#include "AppSettings.h"
#include "CliOptions.h"
#include "Clock.h"
#include "Console.h"
#include "EnrolleeClient.h"
#include "ExitCode.h"
#include "HistoryStore.h"
#include "KeySource.h"
#include "KeychainSession.h"
#include "ProfileResolver.h"
#include "TerminalPrompt.h"
#include "Validation.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QNetworkAccessManager>

ActionCommand::ActionCommand(ActionKind action, QObject *parent)
    : Command(parent), m_action(action)
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
    const QCommandLineOption reason(QStringLiteral("reason"), tr("Reason or case reference for the audit trail."), tr("TEXT"));
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
        return fail(ExitCode::kUsage, tr("One user ID per call; unexpected \"%1\".").arg(Console::oneLine(positional.at(2)).left(60)));
    const QString userId = positional.at(1);
    if (const Status s = Validation::checkUserId(userId); !s.ok())
        return fail(ExitCode::kUsage, s.message());
    if (const Status s = Validation::checkReason(parser.value(reason)); !s.ok())
        return fail(ExitCode::kUsage, s.message());

    const AppSettings settings(AppPaths::settingsFile());
    if (!settings.problem().isEmpty())
        Console::err(QStringLiteral("enrollee-cli: ") + tr("warning: %1").arg(settings.problem()));
    ProfileResolver::Overrides overrides;
    const auto take = [&parser](const QCommandLineOption &o) {
        return parser.isSet(o) ? std::optional<QString>(parser.value(o)) : std::nullopt;
    };
    overrides.partnerId = take(partner);
    overrides.email = take(email);
    overrides.environment = take(environment);
    overrides.baseUrl = take(baseUrl);
    overrides.scheme = take(scheme);
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
    confirm();
}

void ActionCommand::confirm()
{
    const bool isDelete = m_action == ActionKind::Delete;
    const bool productionCheck = m_request.profile.isProduction() && ActionInfo::needsConfirmationInProduction(m_action);
    if (m_yes || (!isDelete && !productionCheck))
        return obtainKey();
    if (!Console::stdinIsTerminal()) {
        if (isDelete)
            return fail(ExitCode::kNotConfirmed,
                        tr("delete cannot be undone and standard input is not a terminal to confirm it: add --yes. "
                           "Nothing was sent."));
        return obtainKey(); // scripts in production deactivate without a prompt, as documented
    }
    auto *prompt = new TerminalPrompt(this);
    const QString where = environmentDisplayName(m_request.profile.environment);
    if (isDelete) {
        prompt->ask(tr("Delete user \"%1\" permanently (%2, %3)? This cannot be undone.\nType the user ID again to confirm: ")
                        .arg(m_request.userId, where, m_request.profile.endpoint().host()));
    } else {
        prompt->ask(tr("%1 user \"%2\" in %3? Type \"yes\" to confirm: ")
                        .arg(ActionInfo::displayName(m_action), m_request.userId, where));
    }
    connect(prompt, &TerminalPrompt::answered, this, [this, isDelete, prompt](const QByteArray &line, bool) {
        prompt->deleteLater();
        const QString answer = QString::fromUtf8(line).trimmed();
        const bool confirmed = isDelete ? answer == m_request.userId
                                        : (answer.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0
                                           || answer.compare(tr("yes"), Qt::CaseInsensitive) == 0);
        if (!confirmed)
            return fail(ExitCode::kNotConfirmed, isDelete ? tr("The user ID did not match; nothing was sent.")
                                                          : tr("Not confirmed; nothing was sent."));
        obtainKey();
    });
}

void ActionCommand::obtainKey()
{
    m_keychain = new KeychainSession(this);
    KeySource::resolve(m_keyFile, m_request.profile, m_keychain->store(), [this](const KeySource::Found &found) {
        if (!found.ok())
            return fail(found.exitCode, found.error);
        m_request.apiKey = found.key;
        prepare();
    });
}

void ActionCommand::prepare()
{
    const AppSettings settings(AppPaths::settingsFile());
    m_history = new HistoryStore(AppPaths::historyDir(), this);
    auto *client = new EnrolleeClient(new QNetworkAccessManager(this), this);
    client->setTimeoutMs(settings.timeoutSeconds() * 1000);
    static const SystemClock clock;
    m_runner = new ActionRunner(client, m_history, &clock, this);
    RetryPolicy policy = m_runner->retryPolicy();
    policy.maxAttempts = settings.maxAttempts();
    m_runner->setRetryPolicy(policy);
    connect(m_runner, &ActionRunner::attemptFailed, this, [](quint64, int attempt, const ApiResult &result, int retryInMs) {
        Console::err(QStringLiteral("enrollee-cli: ")
                     + tr("attempt %1 failed (%2); retrying in %3 s.")
                           .arg(attempt)
                           .arg(Console::oneLine(result.summary()))
                           .arg(QString::number(retryInMs / 1000.0, 'f', 1)));
    });
    connect(m_runner, &ActionRunner::actionFinished, this, &ActionCommand::report);

    // Everything that can be refused (a key that cannot sign, say) is refused before the history is touched.
    if (QString invalid = m_runner->validate(m_request); !invalid.isEmpty()) {
        m_request.apiKey.fill('\0');
        return fail(ExitCode::kUsage, invalid);
    }
    m_keychain->obtainChainKey(AppPaths::historyDir(), [this](const QByteArray &key, const QString &) { submit(key); });
}

void ActionCommand::submit(const QByteArray &chainKey)
{
    m_history->setChainKey(chainKey);
    QString error;
    const quint64 ticket = m_runner->submit(m_request, &error);
    m_request.apiKey.fill('\0');
    m_request.apiKey.clear();
    if (ticket == 0)
        return fail(ExitCode::kStorage, tr("Nothing was sent: %1").arg(error));
}

void ActionCommand::report(const ActionOutcome &outcome)
{
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
        Console::err(QStringLiteral("enrollee-cli: ") + tr("warning: the outcome could not be written to the history: %1")
                                                            .arg(Console::oneLine(outcome.historyError)));
    if (outcome.ok()) {
        if (!m_json)
            Console::out(Console::oneLine(line));
        return succeed();
    }
    fail(code, line);
}
