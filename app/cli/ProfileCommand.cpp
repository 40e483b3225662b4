#include "ProfileCommand.h"

#include "CliOptions.h"
#include "Console.h"
#include "ExitCode.h"
#include "KeySource.h"
#include "KeychainSession.h"
#include "TerminalPrompt.h"
#include "action/Validation.h"
#include "settings/AppPaths.h"
#include "settings/AppSettings.h"
#include "settings/CredentialStore.h"
#include "settings/SecretBytes.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringDecoder>

void ProfileCommand::start(const QStringList &arguments)
{
    const QString sub = arguments.value(1);
    const QStringList rest = arguments.mid(1); // starts with the sub-command word, as parse() expects
    if (sub == QLatin1String("list"))
        return list(rest);
    if (sub == QLatin1String("add"))
        return add(rest);
    if (sub == QLatin1String("remove"))
        return remove(rest);
    if (sub == QLatin1String("use"))
        return use(rest);
    if (sub == QLatin1String("set-key"))
        return setKey(rest);
    const QString usage = tr("Usage: enrollee-cli profile list|add|remove|use|set-key … (each takes --help).\n"
                             "  list                 show the saved profiles (* = default)\n"
                             "  add NAME --partner-id ID --email ADDR [--environment ENV] [--scheme S] [--base-url URL]"
                             " [--api-key-file PATH] [--use]\n"
                             "  remove NAME          forget a profile and its keychain key\n"
                             "  use NAME             make NAME the default profile\n"
                             "  set-key NAME         store NAME's API key in the keychain (from standard input or "
                             "--api-key-file)");
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h") || sub == QLatin1String("help")) {
        Console::out(usage);
        return succeed();
    }
    Console::err(usage);
    fail(ExitCode::kUsage,
         sub.isEmpty() ? tr("profile needs a sub-command.")
                       : tr("Unknown profile sub-command \"%1\".").arg(sub.left(40)));
}

QString ProfileCommand::nameArgument(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.addPositionalArgument(QStringLiteral("NAME"), tr("The profile's name."));
    if (!parse(parser, arguments))
        return {};
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2 || positional.at(1).trimmed().isEmpty()) {
        fail(ExitCode::kUsage, tr("Usage: enrollee-cli profile %1 NAME").arg(arguments.value(0)));
        return {};
    }
    QString name = positional.at(1).trimmed();
    if (name.size() > 64 || Console::oneLine(name) != name) {
        fail(ExitCode::kUsage, tr("A profile name is one line of at most 64 characters."));
        return {};
    }
    return name;
}

QString ProfileCommand::savedProfileArgument(QCommandLineParser &parser, const QStringList &arguments,
                                             const AppSettings &settings)
{
    QString name = nameArgument(parser, arguments);
    if (!name.isEmpty() && !settings.hasProfile(name)) {
        fail(ExitCode::kUsage, tr("There is no profile \"%1\".").arg(name));
        return {};
    }
    return name;
}

void ProfileCommand::list(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show the saved profiles; * marks the default one."));
    parser.addPositionalArgument(QStringLiteral("list"), tr("The sub-command."), QStringLiteral("profile list"));
    const QCommandLineOption json = CliOptions::json();
    parser.addOption(json);
    if (!parse(parser, arguments))
        return;
    const AppSettings settings(AppPaths::settingsFile());
    const QString active = settings.activeProfile();
    QJsonArray array;
    for (const Profile &p : settings.profiles()) {
        if (parser.isSet(json)) {
            array.append(QJsonObject{{QStringLiteral("name"), p.name},
                                     {QStringLiteral("default"), p.name == active},
                                     {QStringLiteral("partner_id"), p.partnerId},
                                     {QStringLiteral("email"), p.email},
                                     {QStringLiteral("environment"), environmentName(p.environment)},
                                     {QStringLiteral("scheme"), schemeName(p.scheme)},
                                     {QStringLiteral("base_url"), p.baseUrl.toString()}});
            continue;
        }
        Console::out(QStringLiteral("%1 %2  %3  partner %4  %5  %6  %7")
                         .arg(p.name == active ? QStringLiteral("*") : QStringLiteral(" "), p.name,
                              environmentName(p.environment), p.partnerId, p.email, schemeName(p.scheme),
                              p.endpoint().toString()));
    }
    if (parser.isSet(json))
        Console::json(array);
    else if (settings.profiles().isEmpty())
        Console::err(tr("No profiles yet: enrollee-cli profile add NAME --partner-id ID --email ADDR"));
    succeed();
}

void ProfileCommand::add(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Save a profile (replacing one of the same name).") + QLatin1Char('\n')
                                     + CliOptions::exitCodeHelp());
    parser.addPositionalArgument(QStringLiteral("add"), tr("The sub-command."), QStringLiteral("profile add"));
    const QCommandLineOption partner = CliOptions::partnerId();
    const QCommandLineOption email = CliOptions::email();
    const QCommandLineOption environment = CliOptions::environment();
    const QCommandLineOption baseUrl = CliOptions::baseUrl();
    const QCommandLineOption scheme = CliOptions::scheme();
    const QCommandLineOption keyFile(QStringLiteral("api-key-file"),
                                     tr("Store the API key in this file in the keychain."), tr("PATH"));
    const QCommandLineOption use(QStringLiteral("use"), tr("Make it the default profile."));
    parser.addOptions({partner, email, environment, baseUrl, scheme, keyFile, use});
    const QString name = nameArgument(parser, arguments);
    if (name.isEmpty())
        return;
    Profile p;
    p.name = name;
    p.partnerId = parser.value(partner).trimmed();
    p.email = parser.value(email).trimmed();
    QString error;
    if (parser.isSet(environment) && !CliOptions::parseEnvironment(parser.value(environment), &p.environment, &error))
        return fail(ExitCode::kUsage, error);
    if (parser.isSet(scheme) && !CliOptions::parseScheme(parser.value(scheme), &p.scheme, &error))
        return fail(ExitCode::kUsage, error);
    if (parser.isSet(baseUrl)) {
        if (const Status s = Validation::checkBaseUrl(parser.value(baseUrl)); !s.ok())
            return fail(ExitCode::kUsage, s.message());
        p.baseUrl = Validation::parseBaseUrl(parser.value(baseUrl));
    }
    if (const Status s = p.validate(); !s.ok())
        return fail(ExitCode::kUsage, s.message());
    AppSettings settings(AppPaths::settingsFile());
    const bool first = settings.profiles().isEmpty();
    settings.saveProfile(p);
    if (first || parser.isSet(use))
        settings.setActiveProfile(name);
    if (!settings.sync())
        return fail(ExitCode::kStorage, tr("Could not write %1.").arg(settings.fileName()));
    Console::out(settings.activeProfile() == name ? tr("Profile \"%1\" saved as the default.").arg(name)
                                                  : tr("Profile \"%1\" saved.").arg(name));
    if (parser.isSet(keyFile))
        return storeKey(name, parser.value(keyFile), true);
    succeed();
}

void ProfileCommand::remove(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Forget a profile and delete its API key from the keychain."));
    parser.addPositionalArgument(QStringLiteral("remove"), tr("The sub-command."), QStringLiteral("profile remove"));
    AppSettings settings(AppPaths::settingsFile());
    const QString name = savedProfileArgument(parser, arguments, settings);
    if (name.isEmpty())
        return;
    settings.removeProfile(name);
    // The key goes only once the profile is gone for certain: a key deleted under a profile that is still
    // saved would leave a profile that can no longer act.
    if (!settings.sync())
        return fail(ExitCode::kStorage,
                    tr("Could not write %1; profile \"%2\" and its API key are kept.").arg(settings.fileName(), name));
    m_keychain = new KeychainSession(this);
    m_keychain->store()->remove(CredentialStore::profileAccount(name), [this, name](const CredentialResult &r) {
        const bool gone = r.ok() || r.status == CredentialResult::Status::NotFound
            || r.status == CredentialResult::Status::Unavailable;
        Console::out(tr("Profile \"%1\" removed.").arg(name));
        if (!gone)
            return fail(ExitCode::kStorage,
                        tr("Its API key could not be removed from the keychain: %1").arg(r.message));
        succeed();
    });
}

void ProfileCommand::use(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Make a saved profile the default for actions and sign."));
    parser.addPositionalArgument(QStringLiteral("use"), tr("The sub-command."), QStringLiteral("profile use"));
    AppSettings settings(AppPaths::settingsFile());
    const QString name = savedProfileArgument(parser, arguments, settings);
    if (name.isEmpty())
        return;
    settings.setActiveProfile(name);
    if (!settings.sync())
        return fail(ExitCode::kStorage,
                    tr("Could not write %1; the default profile is unchanged.").arg(settings.fileName()));
    Console::out(tr("\"%1\" is now the default profile.").arg(name));
    succeed();
}

void ProfileCommand::setKey(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Store a profile's API key in the keychain, read from standard input "
                                        "(not echoed on a terminal) or from --api-key-file."));
    parser.addPositionalArgument(QStringLiteral("set-key"), tr("The sub-command."), QStringLiteral("profile set-key"));
    const QCommandLineOption keyFile = CliOptions::apiKeyFile();
    parser.addOption(keyFile);
    const QString name = savedProfileArgument(parser, arguments, AppSettings(AppPaths::settingsFile()));
    if (name.isEmpty())
        return;
    storeKey(name, parser.value(keyFile), true);
}

void ProfileCommand::storeKey(const QString &name, const QString &keyFile, bool)
{
    if (!keyFile.isEmpty()) {
        QString error;
        const QByteArray key = KeySource::readKeyFile(keyFile, &error);
        if (!error.isEmpty())
            return fail(ExitCode::kUsage, error);
        return saveKey(name, key);
    }
    auto *prompt = new TerminalPrompt(this);
    connect(prompt, &TerminalPrompt::answered, this, [this, name, prompt](const QByteArray &line, bool) {
        prompt->deleteLater();
        const QByteArray key = line.trimmed();
        if (key.isEmpty())
            return fail(ExitCode::kUsage, tr("No API key was given; nothing was stored."));
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        QString text = decoder.decode(key); // decoded on conversion to QString
        text.fill(QChar(0));
        if (decoder.hasError())
            return fail(ExitCode::kUsage, tr("The API key given is not UTF-8 text; nothing was stored."));
        saveKey(name, key);
    });
    prompt->ask(Console::stdinIsTerminal() ? tr("API key for profile \"%1\" (not shown): ").arg(name) : QString(),
                false);
}

void ProfileCommand::saveKey(const QString &name, QByteArray key)
{
    if (!m_keychain)
        m_keychain = new KeychainSession(this);
    m_keychain->store()->write(CredentialStore::profileAccount(name), key, [this, name](const CredentialResult &r) {
        if (r.ok()) {
            Console::out(tr("The API key of profile \"%1\" is stored in the keychain.").arg(name));
            return succeed();
        }
        fail(ExitCode::kStorage,
             tr("The API key was not stored (%1); use SMILEID_API_KEY or --api-key-file instead.")
                 .arg(Console::oneLine(r.message)));
    });
    SecretBytes::wipe(key); // blanks it unless the keychain write still holds it
}
