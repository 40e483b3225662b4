#include "AppSettings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

namespace {
constexpr QFile::Permissions kPrivateFile = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions kPrivateDir = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
constexpr QFile::Permissions kGroupOrOther = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
    | QFile::WriteOther | QFile::ExeOther;

// Sets `path` to exactly `wanted` when group or others may reach it; a notice says what was done.
void tighten(const QString &path, QFile::Permissions wanted, QStringList *notices)
{
    const QFileInfo info(path);
    if (!info.exists() || !(info.permissions() & kGroupOrOther))
        return;
    if (QFile::setPermissions(path, wanted))
        notices->append(
            QCoreApplication::translate("AppSettings", "%1 was readable by other users; it is now private to you.")
                .arg(path));
    else
        notices->append(
            QCoreApplication::translate(
                "AppSettings", "%1 is readable by other users and could not be made private; fix its permissions.")
                .arg(path));
}

// Profiles name partners, operators and endpoints: looser folders and files are tightened at once.
void makePrivate(const QString &file, QStringList *notices)
{
    tighten(QFileInfo(file).absolutePath(), kPrivateDir, notices);
    tighten(file, kPrivateFile, notices);
}

// Before the first write, not at construction, so a command that only reads (history --verify) leaves no
// file behind: the folder is created 0700 and the file 0600 before QSettings writes a byte (QSaveFile
// keeps an existing file's permissions).
void createPrivate(const QString &file)
{
    const QString dir = QFileInfo(file).absolutePath();
    if (!QFileInfo::exists(dir)) {
        QDir().mkpath(QFileInfo(dir).absolutePath());
        QDir().mkdir(dir, kPrivateDir);
    }
    if (!QFileInfo::exists(file)) {
        QFile created(file);
        if (created.open(QIODevice::WriteOnly | QIODevice::NewOnly, kPrivateFile))
            created.close();
    }
}

QString profileGroup(const QString &name)
{
    // Profile names are free text; percent-encoding keeps '/' and INI specials out of the key path.
    return QStringLiteral("profiles/") + QString::fromLatin1(QUrl::toPercentEncoding(name));
}
} // namespace

AppSettings::AppSettings(const QString &file)
{
    QStringList notices;
    makePrivate(file, &notices);
    m_settings = std::make_unique<QSettings>(file, QSettings::IniFormat);
    if (m_settings->status() != QSettings::NoError && QFileInfo::exists(file)) {
        const QString moved = file + QStringLiteral(".corrupt-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmss"));
        m_settings.reset();
        QFile::rename(file, moved);
        notices.append(
            QCoreApplication::translate(
                "AppSettings", "The settings file could not be read; it was moved to %1 and defaults are in use.")
                .arg(moved));
        makePrivate(file, &notices);
        m_settings = std::make_unique<QSettings>(file, QSettings::IniFormat);
    }
    m_problem = notices.join(QLatin1Char(' '));
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

QList<Profile> AppSettings::profiles() const
{
    QList<Profile> list;
    m_settings->beginGroup(QStringLiteral("profiles"));
    const QStringList groups = m_settings->childGroups();
    m_settings->endGroup();
    for (const QString &encoded : groups)
        list.append(profile(QUrl::fromPercentEncoding(encoded.toLatin1())));
    return list;
}

bool AppSettings::hasProfile(const QString &name) const
{
    return m_settings->contains(profileGroup(name) + QStringLiteral("/partner_id"));
}

Profile AppSettings::profile(const QString &name) const
{
    Profile p;
    const QString g = profileGroup(name) + QLatin1Char('/');
    p.name = name;
    p.partnerId = m_settings->value(g + QStringLiteral("partner_id")).toString();
    p.email = m_settings->value(g + QStringLiteral("email")).toString();
    environmentFromName(m_settings->value(g + QStringLiteral("environment"), QStringLiteral("sandbox")).toString(),
                        &p.environment);
    schemeFromName(m_settings->value(g + QStringLiteral("scheme"), QStringLiteral("signature")).toString(), &p.scheme);
    const QString base = m_settings->value(g + QStringLiteral("base_url")).toString();
    if (!base.isEmpty())
        p.baseUrl = QUrl(base);
    return p;
}

void AppSettings::saveProfile(const Profile &profile)
{
    const QString g = profileGroup(profile.name) + QLatin1Char('/');
    m_settings->setValue(g + QStringLiteral("partner_id"), profile.partnerId);
    m_settings->setValue(g + QStringLiteral("email"), profile.email);
    m_settings->setValue(g + QStringLiteral("environment"), environmentName(profile.environment));
    m_settings->setValue(g + QStringLiteral("scheme"), schemeName(profile.scheme));
    m_settings->setValue(g + QStringLiteral("base_url"), profile.baseUrl.toString());
    writeThrough();
}

void AppSettings::removeProfile(const QString &name)
{
    m_settings->remove(profileGroup(name));
    if (activeProfile() == name)
        m_settings->remove(QStringLiteral("active_profile"));
    writeThrough();
}

QString AppSettings::activeProfile() const
{
    return m_settings->value(QStringLiteral("active_profile")).toString();
}

void AppSettings::setActiveProfile(const QString &name)
{
    m_settings->setValue(QStringLiteral("active_profile"), name);
    writeThrough();
}

int AppSettings::timeoutSeconds() const
{
    return qBound(1, m_settings->value(QStringLiteral("network/timeout_seconds"), 30).toInt(), 600);
}

void AppSettings::setTimeoutSeconds(int seconds)
{
    m_settings->setValue(QStringLiteral("network/timeout_seconds"), seconds);
}

int AppSettings::maxAttempts() const
{
    return qBound(1, m_settings->value(QStringLiteral("network/max_attempts"), 3).toInt(), 10);
}

void AppSettings::setMaxAttempts(int attempts)
{
    m_settings->setValue(QStringLiteral("network/max_attempts"), attempts);
}

int AppSettings::retentionMonths() const
{
    return qMax(0, m_settings->value(QStringLiteral("history/retention_months"), 0).toInt());
}

void AppSettings::setRetentionMonths(int months)
{
    m_settings->setValue(QStringLiteral("history/retention_months"), months);
}

ReasonRule AppSettings::reasonRule() const
{
    ReasonRule rule;
    rule.minLength = qBound(
        0, m_settings->value(QStringLiteral("audit/reason_min_length"), ReasonRule::kDefaultMinLength).toInt(), 200);
    rule.pattern = m_settings->value(QStringLiteral("audit/reason_pattern")).toString();
    return rule;
}

void AppSettings::setReasonRule(const ReasonRule &rule)
{
    m_settings->setValue(QStringLiteral("audit/reason_min_length"), rule.minLength);
    m_settings->setValue(QStringLiteral("audit/reason_pattern"), rule.pattern);
}

QString AppSettings::language() const
{
    return m_settings->value(QStringLiteral("ui/language")).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings->setValue(QStringLiteral("ui/language"), language);
}

QVariant AppSettings::uiValue(const QString &key, const QVariant &fallback) const
{
    return m_settings->value(QStringLiteral("ui/") + key, fallback);
}

void AppSettings::setUiValue(const QString &key, const QVariant &value)
{
    m_settings->setValue(QStringLiteral("ui/") + key, value);
}

bool AppSettings::sync()
{
    writeThrough();
    return m_settings->status() == QSettings::NoError;
}

void AppSettings::writeThrough()
{
    createPrivate(m_settings->fileName());
    m_settings->sync();
}

QString AppSettings::teamConninfo() const
{
    return m_settings->value(QStringLiteral("team/conninfo")).toString();
}

void AppSettings::setTeamConninfo(const QString &conninfo)
{
    if (conninfo.isEmpty())
        m_settings->remove(QStringLiteral("team/conninfo"));
    else
        m_settings->setValue(QStringLiteral("team/conninfo"), conninfo);
    writeThrough();
}

QString AppSettings::teamInstallation()
{
    QString id = m_settings->value(QStringLiteral("team/installation")).toString();
    if (id.isEmpty()) {
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_settings->setValue(QStringLiteral("team/installation"), id);
        writeThrough();
    }
    return id;
}
