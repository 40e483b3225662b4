#include "CliOptions.h"

#include "base/SafeText.h"

#include <QCommandLineParser>
#include <QStringDecoder>

#include <cstring>

Status CliOptions::checkRawArguments(int argc, const char *const *argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray bytes(argv[i], qsizetype(std::strlen(argv[i])));
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = decoder.decode(bytes);
        if (!decoder.hasError())
            continue;
        // Name it by position and by the option it belongs to, when the one before is an option.
        const QByteArray previous = i > 1 ? QByteArray(argv[i - 1]) : QByteArray();
        const QString shown = SafeText::line(text).left(60);
        const QString message = previous.startsWith('-') && !previous.contains('=')
            ? tr("Argument %1 (the value of %2, \"%3\") is not valid UTF-8 text; nothing was sent. Retype it.")
                  .arg(i)
                  .arg(SafeText::line(QString::fromUtf8(previous)).left(40), shown)
            : tr("Argument %1 (\"%2\") is not valid UTF-8 text; nothing was sent. Retype it.").arg(i).arg(shown);
        return Status::failure(message, Status::Kind::Invalid);
    }
    return Status::success();
}

Status CliOptions::checkOptionValues(const QCommandLineParser &parser)
{
    for (const QString &name : parser.optionNames()) {
        const QStringList values = parser.values(name);
        for (const QString &value : values) {
            if (!value.trimmed().isEmpty())
                continue;
            const QString option = (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
            return Status::failure(
                tr("%1 was given an empty value; give one, or leave the option out for its default.").arg(option),
                Status::Kind::Invalid);
        }
    }
    return Status::success();
}

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
    return {QStringLiteral("yes"),
            tr("Do not ask for confirmation (required for delete when input is not a terminal).")};
}

QString CliOptions::secretArgumentError(const QStringList &arguments)
{
    static const QStringList forbidden = {
        QStringLiteral("api-key"), QStringLiteral("apikey"),  QStringLiteral("api_key"),  QStringLiteral("key"),
        QStringLiteral("secret"),  QStringLiteral("sec-key"), QStringLiteral("password"), QStringLiteral("token"),
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
              "  6  not confirmed; nothing was sent\n"
              "  7  recorded as a request awaiting a second officer's approval, or held because the team's policy "
              "cannot be checked; nothing was sent");
}

QString CliOptions::keyHelp()
{
    return tr("The API key comes from the SMILEID_API_KEY environment variable, or --api-key-file PATH, or the "
              "keychain entry of the profile (see \"enrollee-cli profile set-key\"); never from an argument.");
}

ProfileResolver::Overrides CliOptions::profileOverrides(const QCommandLineParser &parser)
{
    const auto take = [&parser](const QCommandLineOption &o) {
        return parser.isSet(o) ? std::optional<QString>(parser.value(o)) : std::nullopt;
    };
    ProfileResolver::Overrides overrides;
    overrides.partnerId = take(partnerId());
    overrides.email = take(email());
    overrides.environment = take(environment());
    overrides.baseUrl = take(baseUrl());
    overrides.scheme = take(scheme());
    return overrides;
}
