#include "Action.h"

namespace {
struct ActionRow {
    ActionKind kind;
    const char *cli;
    const char *label;
    const char *past;
};

// One table so that adding an action is one line, not a hunt through switch statements.
const ActionRow kRows[] = {
    {ActionKind::ReEnroll, "re-enroll", QT_TRANSLATE_NOOP("Action", "Re-enroll"),
     QT_TRANSLATE_NOOP("Action", "allowed to re-enroll")},
    {ActionKind::Deactivate, "deactivate", QT_TRANSLATE_NOOP("Action", "Deactivate"),
     QT_TRANSLATE_NOOP("Action", "deactivated")},
    {ActionKind::Reactivate, "reactivate", QT_TRANSLATE_NOOP("Action", "Reactivate"),
     QT_TRANSLATE_NOOP("Action", "reactivated")},
    {ActionKind::FlagFraud, "flag-fraud", QT_TRANSLATE_NOOP("Action", "Flag as fraud"),
     QT_TRANSLATE_NOOP("Action", "flagged as fraudulent")},
    {ActionKind::UnflagFraud, "unflag-fraud", QT_TRANSLATE_NOOP("Action", "Unflag fraud"),
     QT_TRANSLATE_NOOP("Action", "un-flagged")},
    {ActionKind::Delete, "delete", QT_TRANSLATE_NOOP("Action", "Delete"),
     QT_TRANSLATE_NOOP("Action", "deleted permanently")},
};

const ActionRow &row(ActionKind kind)
{
    for (const ActionRow &r : kRows) {
        if (r.kind == kind)
            return r;
    }
    Q_UNREACHABLE();
}
} // namespace

namespace ActionInfo {

QList<ActionKind> all()
{
    QList<ActionKind> kinds;
    for (const ActionRow &r : kRows)
        kinds.append(r.kind);
    return kinds;
}

QString cliName(ActionKind kind)
{
    return QString::fromLatin1(row(kind).cli);
}

bool fromCliName(const QString &name, ActionKind *kind)
{
    for (const ActionRow &r : kRows) {
        if (name == QLatin1String(r.cli)) {
            *kind = r.kind;
            return true;
        }
    }
    return false;
}

QString displayName(ActionKind kind)
{
    return QCoreApplication::translate("Action", row(kind).label);
}

QString pastTense(ActionKind kind)
{
    return QCoreApplication::translate("Action", row(kind).past);
}

QString bodyFlag(ActionKind kind, SigningScheme scheme)
{
    switch (kind) {
    case ActionKind::ReEnroll:
        return scheme == SigningScheme::SecKey ? QStringLiteral("allow_re_enroll") : QStringLiteral("allow_new_enroll");
    case ActionKind::Deactivate:
    case ActionKind::Reactivate:
        return QStringLiteral("active");
    case ActionKind::FlagFraud:
    case ActionKind::UnflagFraud:
        return QStringLiteral("is_fraudulent");
    case ActionKind::Delete:
        return QStringLiteral("delete");
    }
    Q_UNREACHABLE();
}

bool bodyFlagValue(ActionKind kind)
{
    switch (kind) {
    case ActionKind::Deactivate:
    case ActionKind::UnflagFraud:
        return false;
    case ActionKind::ReEnroll:
    case ActionKind::Reactivate:
    case ActionKind::FlagFraud:
    case ActionKind::Delete:
        return true;
    }
    Q_UNREACHABLE();
}

bool isDestructive(ActionKind kind)
{
    return kind == ActionKind::Delete;
}

bool needsConfirmationInProduction(ActionKind kind)
{
    return kind == ActionKind::Delete || kind == ActionKind::Deactivate || kind == ActionKind::FlagFraud;
}

bool requiresReason(ActionKind kind)
{
    return kind == ActionKind::Delete || kind == ActionKind::FlagFraud || kind == ActionKind::UnflagFraud;
}

} // namespace ActionInfo

QString schemeName(SigningScheme scheme)
{
    return scheme == SigningScheme::SecKey ? QStringLiteral("sec_key") : QStringLiteral("signature");
}

bool schemeFromName(const QString &name, SigningScheme *scheme)
{
    if (name == QLatin1String("signature")) {
        *scheme = SigningScheme::Signature;
        return true;
    }
    if (name == QLatin1String("sec_key")) {
        *scheme = SigningScheme::SecKey;
        return true;
    }
    return false;
}
