#pragma once

#include "action/Action.h"
#include "base/Status.h"
#include "settings/Profile.h"

#include <QHash>
#include <QRegularExpression>

// How sure the officer must say they are before an action is sent.
enum class Confirmation {
    None,
    Plain,       // a yes to a question that names the action, the user and the environment
    TypedUserId, // the user ID typed again
};

// What one action needs in one environment.
struct ActionRule {
    bool needsReason = false; // a reason or case reference for the audit trail
    Confirmation confirmation = Confirmation::None;
    bool irreversible = false; // nothing undoes it (a delete)
    // A second officer must approve it first (the team trail's four-eyes policy); the runner refuses
    // it without an approved request's id.
    bool needsApproval = false;
};

// What a reason must look like to go into the audit trail: at least `minLength` characters (trimmed)
// and, when `pattern` is set, a case reference matching it somewhere in the text ("CASE-\\d+").
// It comes from the settings (AppSettings::reasonRule), so one office can require its own references.
struct ReasonRule {
    static constexpr int kDefaultMinLength = 4;
    int minLength = kDefaultMinLength;
    QString pattern; // a regular expression; empty = no case reference required

    // A translated refusal naming the rule, or success. An invalid pattern refuses every reason
    // rather than letting everything through.
    Status check(const QString &reason) const;
};

// The one table of what each action needs, per environment, applied by the ActionRunner for every
// face: the window and the CLI differ only in how they ask. A seventh action, or a stricter rule for
// production, is a line here.
class ActionPolicy
{
public:
    // Today's rules: a reason for delete and both fraud flags everywhere; delete confirmed by typing
    // the user ID everywhere; every other action confirmed in production (lifting a fraud flag or
    // reactivating a real person deserves a question as much as flagging or deactivating them).
    static ActionPolicy standard();

    ActionRule rule(ActionKind action, Environment environment) const;
    void setRule(ActionKind action, Environment environment, const ActionRule &rule);

    // The reason rule applies to every reason an action needs, and to any reason given at all.
    void setReasonRule(const ReasonRule &rule) { m_reasonRule = rule; }
    ReasonRule reasonRule() const { return m_reasonRule; }

    // Whether a request with this reason and the confirmation the face obtained may go.
    Status check(ActionKind action, Environment environment, const QString &reason, Confirmation given) const;

private:
    static int key(ActionKind action, Environment environment) { return int(action) * 16 + int(environment); }
    QHash<int, ActionRule> m_rules;
    ReasonRule m_reasonRule;
};
