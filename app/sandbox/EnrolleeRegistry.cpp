#include "EnrolleeRegistry.h"

#include <algorithm>

namespace {
constexpr int kFormat = 1;
} // namespace

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

QJsonObject EnrolleeRegistry::toJson() const
{
    QJsonObject enrollees;
    for (auto it = m_states.constBegin(); it != m_states.constEnd(); ++it) {
        enrollees.insert(it.key(),
                         QJsonObject{{QStringLiteral("active"), it->active},
                                     {QStringLiteral("fraudulent"), it->fraudulent},
                                     {QStringLiteral("re_enroll_allowed"), it->reEnrollAllowed},
                                     {QStringLiteral("deleted"), it->deleted}});
    }
    return QJsonObject{{QStringLiteral("format"), kFormat}, {QStringLiteral("enrollees"), enrollees}};
}

bool EnrolleeRegistry::restore(const QJsonObject &json)
{
    if (json.value(QLatin1String("format")).toInt() != kFormat || !json.value(QLatin1String("enrollees")).isObject())
        return false;
    const QJsonObject enrollees = json.value(QLatin1String("enrollees")).toObject();
    for (auto it = enrollees.constBegin(); it != enrollees.constEnd(); ++it) {
        const QJsonObject o = it.value().toObject();
        State state;
        state.active = o.value(QLatin1String("active")).toBool(true);
        state.fraudulent = o.value(QLatin1String("fraudulent")).toBool(false);
        state.reEnrollAllowed = o.value(QLatin1String("re_enroll_allowed")).toBool(false);
        state.deleted = o.value(QLatin1String("deleted")).toBool(false);
        m_states.insert(it.key(), state);
    }
    return true;
}
