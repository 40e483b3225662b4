#pragma once

#include "action/ActionPolicy.h"
#include "settings/Profile.h"

#include <QList>
#include <QSettings>
#include <QString>
#include <QVariant>

#include <memory>

// Typed access to settings.ini: profiles, the active profile and preferences. Never holds an API key.
// A settings file that cannot be parsed is moved aside (kept for inspection) and reported through
// problem(), and the program carries on with defaults. The file is private (0600 in a 0700 folder) from
// its first byte; looser permissions found on opening are tightened, and problem() says so.
class AppSettings
{
public:
    explicit AppSettings(const QString &file);

    QString fileName() const;
    QString problem() const { return m_problem; }

    QList<Profile> profiles() const;
    bool hasProfile(const QString &name) const;
    Profile profile(const QString &name) const;
    // Saves (adds or replaces) a profile by name; renaming is remove + save.
    void saveProfile(const Profile &profile);
    void removeProfile(const QString &name);
    QString activeProfile() const;
    void setActiveProfile(const QString &name);

    int timeoutSeconds() const; // default 30
    void setTimeoutSeconds(int seconds);
    int maxAttempts() const; // default 3 (one try and two retries)
    void setMaxAttempts(int attempts);
    int retentionMonths() const; // 0 = keep everything (default)
    void setRetentionMonths(int months);
    // The rule every reason in the trail meets, for every face: [audit] reason_min_length (default 4,
    // 0-200) and reason_pattern (a regular expression a case reference must match; empty = none).
    ReasonRule reasonRule() const;
    void setReasonRule(const ReasonRule &rule);
    QString language() const; // empty = follow the system
    void setLanguage(const QString &language);

    // The team trail: libpq's conninfo without a password (empty: no team store), and this
    // installation's stable id in it (made on first use).
    QString teamConninfo() const;
    void setTeamConninfo(const QString &conninfo);
    QString teamInstallation();

    // Free-form values for a face (window geometry, splitter sizes), under "ui/".
    QVariant uiValue(const QString &key, const QVariant &fallback = {}) const;
    void setUiValue(const QString &key, const QVariant &value);

    bool sync();

private:
    void writeThrough(); // creates the file private first, then syncs
    std::unique_ptr<QSettings> m_settings;
    QString m_problem;
};
