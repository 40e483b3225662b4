#pragma once

#include "action/Action.h"
#include "action/EnrolleeState.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// The sandbox's idea of each enrollee and how the six actions change it.
class EnrolleeRegistry
{
public:
    using State = EnrolleeState;

    // Two overloads rather than `const State &state = {}`: GCC refuses a braced default argument of a
    // nested type with member initialisers inside its enclosing class.
    void add(const QString &userId);
    void add(const QString &userId, const State &state);
    bool contains(const QString &userId) const; // known and not deleted
    State state(const QString &userId) const;
    QStringList userIds() const; // known, not deleted, sorted
    // Applies an action. Returns an empty string, or the Smile ID error code that refuses it
    // ("2210" unknown user, "2208" deleted).
    QString apply(const QString &userId, ActionKind action);

    // The whole registry as JSON ({"format": 1, "enrollees": {"<id>": {"active": …}}}) and back, so the
    // console's built-in sandbox remembers across restarts what its history says happened. restore()
    // replaces the states of the users it names and leaves the others; false when `json` is not ours.
    QJsonObject toJson() const;
    bool restore(const QJsonObject &json);

private:
    QHash<QString, State> m_states;
};
