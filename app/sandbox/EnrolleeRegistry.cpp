#include "EnrolleeRegistry.h"

#include <algorithm>

void EnrolleeRegistry::add(const QString &userId)
{
    add(userId, State());
}

void EnrolleeRegistry::add(const QString &userId, const State &state)
{
    m_states.insert(userId, state);
}

bool EnrolleeRegistry::contains(const QString &userId) const
{
    const auto it = m_states.constFind(userId);
    return it != m_states.constEnd() && !it->deleted;
}

EnrolleeRegistry::State EnrolleeRegistry::state(const QString &userId) const
{
    return m_states.value(userId);
}

QStringList EnrolleeRegistry::userIds() const
{
    QStringList ids;
    for (auto it = m_states.constBegin(); it != m_states.constEnd(); ++it) {
        if (!it->deleted)
            ids.append(it.key());
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

QString EnrolleeRegistry::apply(const QString &userId, ActionKind action)
{
    auto it = m_states.find(userId);
    if (it == m_states.end())
        return QStringLiteral("2210");
    // A deleted user_id stays known so the answer can say "deleted" (2208) rather than "never existed".
    if (it->deleted)
        return QStringLiteral("2208");
    State &state = *it;
    // The sandbox refuses only what Smile ID documents; it does not invent rules such as "reactivate an
    // active user is an error", so every action on a live user succeeds and is idempotent.
    state.apply(action);
    return {};
}
