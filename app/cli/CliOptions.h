#pragma once

#include "Action.h"
#include "Profile.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

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

    // Parse option values; on failure return false with a translated *error.
    static bool parseScheme(const QString &text, SigningScheme *scheme, QString *error);
    static bool parseEnvironment(const QString &text, Environment *env, QString *error);

    // The text shown under every command's --help and the top-level help.
    static QString exitCodeHelp();
    static QString keyHelp();
};
