#include "ActionPolicy.h"

#include <QCoreApplication>

ActionPolicy ActionPolicy::standard()
{
    ActionPolicy policy;
    for (Environment env : {Environment::Local, Environment::Sandbox, Environment::Production}) {
        const bool production = env == Environment::Production;
        for (ActionKind action : ActionInfo::all()) {
            ActionRule rule;
            rule.needsReason = action == ActionKind::Delete || action == ActionKind::FlagFraud
                || action == ActionKind::UnflagFraud;
            rule.irreversible = action == ActionKind::Delete;
            if (action == ActionKind::Delete)
                rule.confirmation = Confirmation::TypedUserId;
            else if (production)
                rule.confirmation = Confirmation::Plain;
            policy.setRule(action, env, rule);
        }
    }
    return policy;
}

ActionRule ActionPolicy::rule(ActionKind action, Environment environment) const
{
    return m_rules.value(key(action, environment));
}

void ActionPolicy::setRule(ActionKind action, Environment environment, const ActionRule &rule)
{
    m_rules.insert(key(action, environment), rule);
}

Status ActionPolicy::check(ActionKind action, Environment environment, const QString &reason, Confirmation given) const
{
    const ActionRule r = rule(action, environment);
    if (r.needsReason && reason.trimmed().isEmpty()) {
        return Status::failure(
            QCoreApplication::translate("ActionPolicy", "%1 needs a reason or case reference for the audit trail.")
                .arg(ActionInfo::displayName(action)),
            Status::Kind::Invalid);
    }
    if (r.needsReason || !reason.trimmed().isEmpty()) {
        if (Status s = m_reasonRule.check(reason); !s.ok())
            return s;
    }
    if (int(given) < int(r.confirmation)) {
        return Status::failure(
            QCoreApplication::translate("ActionPolicy", "%1 in %2 must be confirmed first; nothing was sent.")
                .arg(ActionInfo::displayName(action), environmentDisplayName(environment)),
            Status::Kind::NotConfirmed);
    }
    return Status::success();
}

Status ReasonRule::check(const QString &reason) const
{
    const QString text = reason.trimmed();
    if (text.size() < minLength) {
        return Status::failure(QCoreApplication::translate("ActionPolicy",
                                                           "The reason \"%1\" is too short: the rule in the settings "
                                                           "asks for at least %n character(s).",
                                                           nullptr, minLength)
                                   .arg(text),
                               Status::Kind::Invalid);
    }
    if (pattern.isEmpty())
        return Status::success();
    const QRegularExpression expression(pattern);
    if (!expression.isValid()) {
        return Status::failure(
            QCoreApplication::translate("ActionPolicy",
                                        "The case-reference pattern in the settings (\"%1\") is not a valid "
                                        "regular expression; fix it before sending: %2")
                .arg(pattern, expression.errorString()),
            Status::Kind::Invalid);
    }
    if (!expression.match(text).hasMatch()) {
        return Status::failure(QCoreApplication::translate("ActionPolicy",
                                                           "The reason must contain a case reference matching the "
                                                           "pattern \"%1\" set in the settings.")
                                   .arg(pattern),
                               Status::Kind::Invalid);
    }
    return Status::success();
}
