#pragma once

#include "ProfileResolver.h"
#include "action/Action.h"
#include "base/Status.h"
#include "settings/Profile.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QCommandLineParser;

// The options several commands share, spelled once so every command means the same by them, and the
// checks on raw arguments that must happen before any parsing.
class CliOptions
{
    Q_DECLARE_TR_FUNCTIONS(CliOptions)
public:
    static QCommandLineOption partnerId();
    static QCommandLineOption email();
    static QCommandLineOption environment();
    static QCommandLineOption baseUrl();
    static QCommandLineOption scheme();
    static QCommandLineOption apiKeyFile();
    static QCommandLineOption json();
    static QCommandLineOption yes();

    // A translated refusal when the arguments try to carry an API key (--api-key VALUE, --key=...),
    // or an empty string. Other users can read a process's arguments, so keys never travel there.
    static QString secretArgumentError(const QStringList &arguments);
    // Refuses any argument that is not valid UTF-8, naming it. QCoreApplication::arguments() has
    // already replaced bad bytes with U+FFFD, and a repaired user ID or reason must never be sent, so
    // this looks at the bytes main() received.
    static Status checkRawArguments(int argc, const char *const *argv);
    // Refuses an option given an empty (or blank) value: "--partner-id ''" must not quietly mean the
    // default. `parser` has parsed successfully.
    static Status checkOptionValues(const QCommandLineParser &parser);

    // What --partner-id, --email, --environment, --base-url and --scheme (those of `parser` that are
    // set) change in the active profile.
    static ProfileResolver::Overrides profileOverrides(const QCommandLineParser &parser);

    // Parse option values; on failure return false with a translated *error.
    static bool parseScheme(const QString &text, SigningScheme *scheme, QString *error);
    static bool parseEnvironment(const QString &text, Environment *env, QString *error);

    // The text shown under every command's --help and the top-level help.
    static QString exitCodeHelp();
    static QString keyHelp();
};
