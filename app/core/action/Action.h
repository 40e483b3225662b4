#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

// The six things the enrollee endpoint can do to a user_id. Every face names actions through this
// type so that the CLI words, the window's labels and the request flags can never drift apart.
enum class ActionKind {
    ReEnroll,
    Deactivate,
    Reactivate,
    FlagFraud,
    UnflagFraud,
    Delete,
};

enum class SigningScheme {
    Signature, // current: HMAC-SHA256 signature + ISO 8601 timestamp
    SecKey,    // legacy (seed 000): RSA sec_key + unix-seconds timestamp
};

// Free functions in a namespace keep the enum a plain value type that every face can pass around.
namespace ActionInfo {
QList<ActionKind> all();
// The stable word used on the command line and in history ("re-enroll", "flag-fraud", ...).
QString cliName(ActionKind kind);
bool fromCliName(const QString &name, ActionKind *kind);
// A translated label for people ("Re-enroll", "Flag as fraud", ...).
QString displayName(ActionKind kind);
// Past tense for result lines ("deactivated").
QString pastTense(ActionKind kind);
// The one JSON flag the request carries, and its value. The legacy scheme names re-enrollment differently.
QString bodyFlag(ActionKind kind, SigningScheme scheme);
bool bodyFlagValue(ActionKind kind);
// Delete cannot be undone; deactivation and fraud flags stop a real person from working.
bool isDestructive(ActionKind kind);
bool needsConfirmationInProduction(ActionKind kind);
// Compliance wants a case reference for the actions that hurt a user.
bool requiresReason(ActionKind kind);
} // namespace ActionInfo

QString schemeName(SigningScheme scheme);
bool schemeFromName(const QString &name, SigningScheme *scheme);
