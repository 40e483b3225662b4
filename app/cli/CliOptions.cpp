#include "CliOptions.h"

QCommandLineOption CliOptions::partnerId()
{
    return {QStringLiteral("partner-id"), tr("Smile ID partner ID (leading zeros are kept)."), tr("ID")};
}

QCommandLineOption CliOptions::email()
{
    return {QStringLiteral("email"), tr("Operator email address recorded with the action."), tr("ADDR")};
}

QCommandLineOption CliOptions::environment()
{
    return {QStringLiteral("environment"), tr("sandbox, production or local (this computer's sandbox)."), tr("ENV")};
}

QCommandLineOption CliOptions::baseUrl()
{
    return {QStringLiteral("base-url"),
            tr("Origin to send to instead of the environment's host, e.g. http://127.0.0.1:8787."), tr("URL")};
}

QCommandLineOption CliOptions::scheme()
{
    return {QStringLiteral("scheme"), tr("Signing scheme: signature (current) or sec_key (legacy)."), tr("SCHEME")};
}

QCommandLineOption CliOptions::apiKeyFile()
{
    return {QStringLiteral("api-key-file"), tr("Read the API key from this file (first line)."), tr("PATH")};
}

QCommandLineOption CliOptions::json()
{
    return {QStringLiteral("json"), tr("Print the result as JSON.")};
}

QCommandLineOption CliOptions::yes()
{
    return {QStringLiteral("yes"), tr("Do not ask for confirmation (required for delete when input is not a terminal).")};
}

QString CliOptions::secretArgumentError(const QStringList &arguments)
{
    static const QStringList forbidden = {
        QStringLiteral("api-key"), QStringLiteral("apikey"), QStringLiteral("api_key"), QStringLiteral("key"),
        QStringLiteral("secret"), QStringLiteral("sec-key"), QStringLiteral("password"), QStringLiteral("token"),
    };
    for (const QString &argument : arguments) {
        if (argument == QLatin1String("--"))
            break;
        if (!argument.startsWith(QLatin1Char('-')))
            continue;
        QString name = argument;
        while (name.startsWith(QLatin1Char('-')))
            name.remove(0, 1);
        name = name.section(QLatin1Char('='), 0, 0).toLower();
        if (forbidden.contains(name)) {
            return tr("--%1: an API key is never accepted as a command-line argument (other users can read it); "
                      "set SMILEID_API_KEY or use --api-key-file PATH.")
                .arg(name);
        }
    }
    return {};
}

bool CliOptions::parseScheme(const QString &text, SigningScheme *scheme, QString *error)
{
    if (schemeFromName(text, scheme))
        return true;
    *error = tr("Unknown signing scheme \"%1\": use signature or sec_key.").arg(text.left(40));
    return false;
}

bool CliOptions::parseEnvironment(const QString &text, Environment *env, QString *error)
{
    if (environmentFromName(text, env))
        return true;
    *error = tr("Unknown environment \"%1\": use sandbox, production or local.").arg(text.left(40));
    return false;
}

QString CliOptions::exitCodeHelp()
{
    return tr("Exit status:\n"
              "  0  the server accepted the action (or the command succeeded)\n"
              "  1  internal error\n"
              "  2  bad command line or input; nothing was sent\n"
              "  3  the server refused the action\n"
              "  4  network problem, timeout or TLS error (the action may or may not have been applied)\n"
              "  5  history, settings or keychain problem, or the history check failed\n"
              "  6  not confirmed; nothing was sent");
}

QString CliOptions::keyHelp()
{
    return tr("The API key comes from the SMILEID_API_KEY environment variable, or --api-key-file PATH, or the "
              "keychain entry of the profile (see \"enrollee-cli profile set-key\"); never from an argument.");
}
