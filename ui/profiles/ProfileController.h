#pragma once

#include "settings/Profile.h"
#include "settings/SecretBytes.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QUrl>

#include <memory>

class AppSettings;
class CredentialStore;

// Which profile the window works with and the API key that goes with it. Saved profiles come from
// AppSettings, their keys from the keychain (or, without one, from this session's memory); the
// built-in "Local sandbox" profile points at the embedded sandbox and uses its demo key. Widgets
// ask and listen here; nothing in this class shows a dialog.
class ProfileController : public QObject
{
    Q_OBJECT
public:
    enum class KeyState {
        Loading,     // asked the keychain, no answer yet
        Available,   // a key is held for the active profile
        Missing,     // no key stored: edit the profile to enter one
        Unavailable, // no keychain and no key typed this session
        Error,       // the keychain refused or failed
    };
    Q_ENUM(KeyState)

    ProfileController(AppSettings *settings, CredentialStore *credentials, QObject *parent = nullptr);
    ~ProfileController() override;

    static QString localProfileName();
    // The embedded sandbox is listening at `origin`: the local profile becomes usable.
    void setLocalSandbox(const QUrl &origin);
    bool hasLocalSandbox() const { return m_localOrigin.isValid(); }
    Profile localProfile() const;
    bool isLocal(const QString &name) const { return name == localProfileName(); }

    // The local profile first, then the saved ones by name.
    QList<Profile> profiles() const;
    bool hasSavedProfiles() const;
    Profile profile(const QString &name) const;
    Profile active() const { return m_active; }
    // Shared with the requests made from it; the last owner wipes it.
    std::shared_ptr<const SecretBytes> apiKey() const { return m_key; }
    KeyState keyState() const { return m_keyState; }
    QString keyProblem() const { return m_keyProblem; }
    // The active profile's key is held only in this process's memory (no keychain): it is gone on quit.
    bool keyInMemoryOnly() const;
    bool canSend() const { return m_keyState == KeyState::Available && !m_active.partnerId.isEmpty(); }

    // Chooses the start-up profile: the last one used when it still exists, else the local sandbox.
    void activateInitial();
    // Keys are read from the keychain only from here on: the window shows its first frame before
    // anything talks to D-Bus.
    void enableKeys();
    // Refused (false, nothing changes) while switching is locked.
    bool activate(const QString &name);
    // While a request is in flight the profile must not change under it: its result belongs to the
    // profile it was sent with. Every way of switching (bar, dialog, removal) goes through activate().
    void setSwitchingLocked(bool locked);
    bool isSwitchingLocked() const { return m_switchingLocked; }
    // Adds or replaces a profile; `previousName` (may be empty) is removed when renaming. An empty key
    // keeps the stored one. The keychain answer arrives in saveFinished().
    void save(const Profile &profile, const QByteArray &apiKey, const QString &previousName = {});
    void remove(const QString &name);

signals:
    void profilesChanged();
    void activeChanged(const Profile &profile);
    void switchingLockedChanged(bool locked);
    void keyStateChanged(ProfileController::KeyState state, const QString &problem);
    // `inKeychain` false means the key is held for this session only (`message` says why).
    void saveFinished(const QString &name, bool inKeychain, const QString &message);

private:
    void setKeyState(KeyState state, const QString &problem = {});
    void loadKey();
    void wipeKey();

    AppSettings *m_settings;
    CredentialStore *m_credentials;
    QUrl m_localOrigin;
    Profile m_active;
    std::shared_ptr<const SecretBytes> m_key;
    KeyState m_keyState = KeyState::Loading;
    QString m_keyProblem;
    quint64 m_keyRequest = 0; // answers for an earlier activation are ignored
    bool m_keysEnabled = false;
    bool m_switchingLocked = false;
};
