#include "TeamPolicyCache.h"

#include "history/DurableFile.h"
#include "history/HistoryChain.h"
#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
const QString kFormat = QStringLiteral("enrollee-team-policy");
constexpr int kVersion = 1;
constexpr qint64 kMaxBytes = 1 << 20; // far more than any policy: a bigger file is not one of ours

QString tr(const char *text)
{
    return QCoreApplication::translate("TeamPolicyCache", text);
}

// The body is canonical (QJsonDocument writes an object's keys sorted), so the MAC is taken over the
// very bytes a reader rebuilds from what it parsed.
QByteArray body(const TeamPolicyCache::Policy &policy, const QString &scope)
{
    QJsonObject actions;
    for (auto it = policy.actions.cbegin(); it != policy.actions.cend(); ++it)
        actions.insert(it.key(), QJsonArray::fromStringList(it.value()));
    QJsonObject limits;
    for (auto it = policy.bulkLimits.cbegin(); it != policy.bulkLimits.cend(); ++it)
        limits.insert(it.key(), it.value());
    QJsonObject o;
    o.insert(QStringLiteral("format"), kFormat);
    o.insert(QStringLiteral("version"), kVersion);
    o.insert(QStringLiteral("database"), scope);
    o.insert(QStringLiteral("read_at"), policy.readAt.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("require_approval"), actions);
    o.insert(QStringLiteral("bulk_approval_over"), limits);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString mac(const HistoryChain &chain, const QByteArray &body)
{
    // Its own domain: neither a checkpoint's nor a record's MAC passes for a policy's.
    return chain.recordHash(QStringLiteral("TEAM-POLICY"), 0, QString::fromUtf8(body));
}

// The policy a body states, or nothing when it is not one this version writes.
std::optional<TeamPolicyCache::Policy> parse(const QJsonObject &o)
{
    if (o.value(QLatin1String("format")).toString() != kFormat || o.value(QLatin1String("version")).toInt() != kVersion)
        return std::nullopt;
    TeamPolicyCache::Policy policy;
    policy.readAt = QDateTime::fromString(o.value(QLatin1String("read_at")).toString(), Qt::ISODateWithMs);
    if (!policy.readAt.isValid())
        return std::nullopt;
    const QJsonObject actions = o.value(QLatin1String("require_approval")).toObject();
    for (auto it = actions.begin(); it != actions.end(); ++it) {
        QStringList names;
        for (const auto &v : it.value().toArray())
            names.append(v.toString());
        policy.actions.insert(it.key(), names);
    }
    const QJsonObject limits = o.value(QLatin1String("bulk_approval_over")).toObject();
    for (auto it = limits.begin(); it != limits.end(); ++it) {
        if (!it.value().isDouble())
            return std::nullopt;
        policy.bulkLimits.insert(it.key(), it.value().toInt());
    }
    return policy;
}
} // namespace

TeamPolicyCache::State TeamPolicyCache::read(const HistoryChain &chain) const
{
    State state;
    QFile file(m_path);
    if (m_path.isEmpty() || !file.exists()) {
        state.problem = tr("this console has not read the team's policy yet");
        return state;
    }
    if (!chain.keyed()) {
        state.problem = tr("this console's chain key is not open, so its copy of the team's policy cannot be "
                           "trusted");
        return state;
    }
    const QString untrusted = tr("this console's copy of the team's policy (%1) is damaged or was edited, so it is "
                                 "not trusted")
                                  .arg(m_path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxBytes) {
        state.problem = untrusted;
        return state;
    }
    const QJsonObject outer = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject inner = outer.value(QLatin1String("policy")).toObject();
    const std::optional<Policy> policy = parse(inner);
    // Rebuilt from what was parsed, so anything the parse would not keep also fails the MAC.
    if (!policy || inner.value(QLatin1String("database")).toString() != m_scope
        || outer.value(QLatin1String("mac")).toString() != mac(chain, body(*policy, m_scope))) {
        state.problem = untrusted;
        return state;
    }
    state.policy = policy;
    return state;
}

Status TeamPolicyCache::write(const Policy &policy, const HistoryChain &chain) const
{
    if (m_path.isEmpty() || !chain.keyed())
        return Status::success();
    const QByteArray signedBody = body(policy, m_scope);
    QJsonObject outer;
    outer.insert(QStringLiteral("policy"), QJsonDocument::fromJson(signedBody).object());
    outer.insert(QStringLiteral("mac"), mac(chain, signedBody));
    const QByteArray bytes = QJsonDocument(outer).toJson(QJsonDocument::Indented);

    const QString folder = QFileInfo(m_path).absolutePath();
    if (Status made = PrivateFiles::ensureFolder(folder); !made.ok())
        return made;
    return DurableFile::write(m_path, bytes);
}
