#include "SignCommand.h"

#include "CliOptions.h"
#include "Console.h"
#include "ExitCode.h"
#include "KeySource.h"
#include "KeychainSession.h"
#include "ProfileResolver.h"
#include "action/Validation.h"
#include "api/Signer.h"
#include "settings/AppPaths.h"
#include "settings/AppSettings.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonObject>

void SignCommand::start(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Print a request signature as JSON: {\"signature\", \"timestamp\"}, or with --scheme sec_key "
           "{\"sec_key\", \"timestamp\"} (unix seconds).")
        + QLatin1Char('\n') + CliOptions::keyHelp() + QLatin1Char('\n') + CliOptions::exitCodeHelp());
    parser.addPositionalArgument(QStringLiteral("sign"), tr("The command."), QStringLiteral("sign"));
    const QCommandLineOption partner = CliOptions::partnerId();
    const QCommandLineOption timestamp(
        QStringLiteral("timestamp"), tr("Sign this timestamp (echoed exactly) instead of the current time."), tr("TS"));
    const QCommandLineOption scheme = CliOptions::scheme();
    const QCommandLineOption keyFile = CliOptions::apiKeyFile();
    parser.addOptions({partner, timestamp, scheme, keyFile});
    if (!parse(parser, arguments))
        return;
    if (parser.positionalArguments().size() > 1)
        return fail(ExitCode::kUsage, tr("sign takes no arguments besides its options."));

    const AppSettings settings(AppPaths::settingsFile());
    ProfileResolver::Overrides overrides;
    if (parser.isSet(partner))
        overrides.partnerId = parser.value(partner);
    if (parser.isSet(scheme))
        overrides.scheme = parser.value(scheme);
    Profile profile;
    QString error;
    if (!ProfileResolver::resolve(settings, overrides, &profile, &error))
        return fail(ExitCode::kUsage, error);
    if (const Status s = Validation::checkPartnerId(profile.partnerId); !s.ok())
        return fail(ExitCode::kUsage, s.message());

    QString ts = parser.value(timestamp);
    qint64 unixSeconds = 0;
    if (parser.isSet(timestamp)) {
        if (ts.isEmpty())
            return fail(ExitCode::kUsage, tr("--timestamp is empty."));
        if (profile.scheme == SigningScheme::SecKey) {
            bool ok = false;
            unixSeconds = ts.toLongLong(&ok);
            if (!ok || unixSeconds < 0)
                return fail(
                    ExitCode::kUsage,
                    tr("With --scheme sec_key the timestamp is whole unix seconds, not \"%1\".").arg(ts.left(60)));
        }
    } else {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        ts = Signer::formatTimestamp(now);
        unixSeconds = now.toSecsSinceEpoch();
    }

    m_keychain = new KeychainSession(this);
    KeySource::resolve(parser.value(keyFile), profile, m_keychain->store(),
                       [this, profile, ts, unixSeconds](const KeySource::Found &found) {
        if (!found.ok())
            return fail(found.exitCode, found.error);
        if (profile.scheme == SigningScheme::SecKey) {
            const Signer::Result r = Signer::secKey(found.key, profile.partnerId, unixSeconds);
            if (!r.ok())
                return fail(ExitCode::kUsage, r.error);
            Console::json(QJsonObject{{QStringLiteral("sec_key"), r.value},
                                      {QStringLiteral("timestamp"), QJsonValue(unixSeconds)}});
        } else {
            const Signer::Result r = Signer::signature(found.key, profile.partnerId, ts);
            if (!r.ok())
                return fail(ExitCode::kUsage, r.error);
            Console::json(QJsonObject{{QStringLiteral("signature"), r.value}, {QStringLiteral("timestamp"), ts}});
        }
        succeed();
    });
}
