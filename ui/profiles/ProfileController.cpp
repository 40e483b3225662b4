#include "ProfileController.h"

#include "settings/AppSettings.h"
#include "settings/CredentialStore.h"

#include <QPointer>

ProfileController::ProfileController(AppSettings *settings, CredentialStore *credentials, QObject *parent)
    : QObject(parent), m_settings(settings), m_credentials(credentials)
{
}

ProfileController::~ProfileController()
{
    wipeKey();
}

QString ProfileController::localProfileName()
{
    // A fixed identifier (it is recorded in history); the widgets show a translated label beside it.
    return QStringLiteral("Local sandbox");
}

void ProfileController::setLocalSandbox(const QUrl &origin)
{
    m_localOrigin = origin;
    emit profilesChanged();
    if (isLocal(m_active.name))
        activate(m_active.name); // now it has an address and a key
}

Profile ProfileController::localProfile() const
{
    Profile p;
    p.name = localProfileName();
    p.partnerId = QLatin1String(Defaults::kLocalPartnerId);
    p.email = QLatin1String(Defaults::kLocalEmail);
    p.environment = Environment::Local;
    p.scheme = SigningScheme::Signature;
    p.baseUrl = m_localOrigin;
    return p;
}

QList<Profile> ProfileController::profiles() const
{
    QList<Profile> list{localProfile()};
    QList<Profile> saved = m_settings->profiles();
    std::sort(saved.begin(), saved.end(),
              [](const Profile &a, const Profile &b) { return QString::localeAwareCompare(a.name, b.name) < 0; });
    list += saved;
    return list;
}

bool ProfileController::hasSavedProfiles() const
{
    return !m_settings->profiles().isEmpty();
}

Profile ProfileController::profile(const QString &name) const
{
    return isLocal(name) ? localProfile() : m_settings->profile(name);
}

void ProfileController::activateInitial()
{
    const QString last = m_settings->activeProfile();
    activate(!last.isEmpty() && m_settings->hasProfile(last) ? last : localProfileName());
}

bool ProfileController::activate(const QString &name)
{
    if (m_switchingLocked)
        return false;
    wipeKey();
    m_active = profile(name);
    // The built-in profile is not a saved one: "no default profile" is how settings (and
    // enrollee-cli, which shares them) say so, and the console then starts on it again.
    const QString remembered = isLocal(name) ? QString() : name;
    if (m_settings->activeProfile() != remembered)
        m_settings->setActiveProfile(remembered);
    emit activeChanged(m_active);
    loadKey();
    return true;
}

void ProfileController::setSwitchingLocked(bool locked)
{
    if (m_switchingLocked == locked)
        return;
    m_switchingLocked = locked;
    emit switchingLockedChanged(locked);
}

void ProfileController::enableKeys()
{
    if (m_keysEnabled)
        return;
    m_keysEnabled = true;
    loadKey();
}

bool ProfileController::keyInMemoryOnly() const
{
    return !isLocal(m_active.name)
        && !m_credentials->sessionSecret(CredentialStore::profileAccount(m_active.name)).isEmpty();
}

void ProfileController::loadKey()
{
    const quint64 request = ++m_keyRequest;
    if (!m_keysEnabled) {
        setKeyState(KeyState::Loading, tr("Starting…"));
        return;
    }
    if (isLocal(m_active.name)) {
        if (!hasLocalSandbox()) {
            setKeyState(KeyState::Loading, tr("The local sandbox is starting…"));
            return;
        }
        m_key = std::make_shared<const SecretBytes>(QByteArray(Defaults::kLocalApiKey));
        setKeyState(KeyState::Available);
        return;
    }
    setKeyState(KeyState::Loading, tr("Reading the API key from the keychain…"));
    QPointer<ProfileController> self(this);
    const QString name = m_active.name;
    m_credentials->read(CredentialStore::profileAccount(name), [self, request](const CredentialResult &result) {
        if (!self || request != self->m_keyRequest)
            return;
        switch (result.status) {
        case CredentialResult::Status::Ok:
            self->m_key = std::make_shared<const SecretBytes>(result.secret);
            self->setKeyState(self->m_key->isEmpty() ? KeyState::Missing : KeyState::Available,
                              self->m_key->isEmpty() ? tr("No API key is stored for this profile.") : QString());
            break;
        case CredentialResult::Status::NotFound:
            self->setKeyState(KeyState::Missing,
                              tr("No API key is stored for this profile; edit the profile to enter it."));
            break;
        case CredentialResult::Status::Unavailable:
            self->setKeyState(KeyState::Unavailable,
                              tr("No keychain is available. Enter the API key in the profile; it is kept in "
                                 "memory for this session only."));
            break;
        case CredentialResult::Status::Denied:
        case CredentialResult::Status::Error:
            self->setKeyState(KeyState::Error, tr("The keychain did not give the API key: %1").arg(result.message));
            break;
        }
    });
}

void ProfileController::save(const Profile &profile, const QByteArray &apiKey, const QString &previousName)
{
    const bool renamed = !previousName.isEmpty() && previousName != profile.name;
    m_settings->saveProfile(profile);
    if (renamed)
        m_settings->removeProfile(previousName);
    emit profilesChanged();

    QPointer<ProfileController> self(this);
    const QString name = profile.name;
    const bool wasActive = m_active.name == name || (renamed && m_active.name == previousName);
    auto afterKey = [self, name, wasActive](bool inKeychain, const QString &message) {
        if (!self)
            return;
        emit self->saveFinished(name, inKeychain, message);
        if (wasActive)
            self->activate(name); // pick up the new name, address and key
    };
    if (apiKey.isEmpty() && renamed) {
        // Carry the stored key over to the new name.
        m_credentials->read(CredentialStore::profileAccount(previousName),
                            [self, previousName, name, afterKey](const CredentialResult &read) {
            if (!self)
                return;
            if (!read.ok()) {
                afterKey(false, read.message);
                return;
            }
            self->m_credentials->write(CredentialStore::profileAccount(name), read.secret,
                                       [self, previousName, afterKey](const CredentialResult &w) {
                // Without a keychain the write kept it in session memory: still usable.
                const bool kept = w.ok() || w.status == CredentialResult::Status::Unavailable;
                if (self && kept)
                    self->m_credentials->remove(CredentialStore::profileAccount(previousName),
                                                [](const CredentialResult &) {});
                afterKey(w.ok(), w.message);
            });
        });
        return;
    }
    if (apiKey.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [afterKey] { afterKey(true, QString()); }, Qt::QueuedConnection);
        return;
    }
    m_credentials->write(CredentialStore::profileAccount(name), apiKey, [afterKey](const CredentialResult &result) {
        afterKey(result.ok(), result.ok() ? QString() : result.message);
    });
    if (renamed)
        m_credentials->remove(CredentialStore::profileAccount(previousName), [](const CredentialResult &) {});
}

void ProfileController::remove(const QString &name)
{
    if (isLocal(name) || (m_switchingLocked && m_active.name == name))
        return;
    m_settings->removeProfile(name);
    m_credentials->remove(CredentialStore::profileAccount(name), [](const CredentialResult &) {});
    emit profilesChanged();
    if (m_active.name == name)
        activate(localProfileName());
}

void ProfileController::setKeyState(KeyState state, const QString &problem)
{
    m_keyState = state;
    m_keyProblem = problem;
    emit keyStateChanged(state, problem);
}

void ProfileController::wipeKey()
{
    m_key.reset(); // requests still in flight keep their reference; the last one wipes the bytes
}
