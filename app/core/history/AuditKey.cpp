#include "AuditKey.h"

#include "history/local/HistoryLock.h"
#include "settings/CredentialStore.h"
#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimer>

#include <openssl/rand.h>

#include <memory>

namespace {
constexpr int kLockTimeoutMs = 10000;
using Done = std::function<void(const AuditKey::Found &)>;

QString keyFile(const QString &historyDir)
{
    return QDir(historyDir).filePath(QStringLiteral("chain.key"));
}

QByteArray readKeyFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QByteArray::fromHex(file.readAll().trimmed());
}

QByteArray randomKey()
{
    QByteArray key(32, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), int(key.size())) != 1)
        return {};
    return key;
}

Status writeKeyFile(const QString &path, const QByteArray &key)
{
    const QString folder = QFileInfo(path).absolutePath();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return PrivateFiles::writeFailure(folder, path);
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // before the first byte
    file.write(key.toHex() + '\n');
    if (!file.commit())
        return PrivateFiles::writeFailure(folder, path);
    return Status::success();
}

AuditKey::Found inKeychain(const QByteArray &key)
{
    return {key, QCoreApplication::translate("AuditKey", "the keychain"), true, Status::success()};
}

AuditKey::Found inFile(const QString &historyDir, const QByteArray &key, const QString &why)
{
    const QString path = keyFile(historyDir);
    return {key,
            why.isEmpty() ? QCoreApplication::translate("AuditKey", "the file %1").arg(path)
                          : QCoreApplication::translate("AuditKey", "the file %1 (no keychain: %2)").arg(path, why),
            false, Status::success()};
}

AuditKey::Found missing(const Status &why)
{
    AuditKey::Found found;
    found.status = why;
    return found;
}

AuditKey::Found missing(const QString &why)
{
    return missing(Status::failure(why, Status::Kind::KeyUnavailable));
}

// A record, a HEAD or an anchor means a key was made and used before.
bool historyBegun(const AuditKey::Place &place)
{
    const QDir dir(place.historyDir);
    if (!dir.entryList({QStringLiteral("h-*.ini"), QStringLiteral("HEAD")}, QDir::Files).isEmpty())
        return true;
    return !place.anchorFile.isEmpty() && QFileInfo::exists(place.anchorFile);
}

bool newEpoch(const AuditKey::Place &place)
{
    return place.mode == AuditKey::Mode::NewEpoch || place.mode == AuditKey::Mode::NewEpochInFile;
}

QString lostKey(const AuditKey::Place &place, const QString &why)
{
    const QString path = keyFile(place.historyDir);
    if (why.isEmpty())
        return QCoreApplication::translate("AuditKey",
                                           "The history already has records, but its chain key is in neither the "
                                           "keychain nor %1: a new key would start a second chain that no check can "
                                           "join to the first. Restore the key (the keychain entry \"%2\" or the "
                                           "file) first, or move the history folder aside to start a new history.")
            .arg(path, QLatin1String(AuditKey::kAccount));
    return QCoreApplication::translate("AuditKey",
                                       "The history's chain key cannot be reached (%1), and the history already has "
                                       "records: a new key would start a second chain that no check can join to the "
                                       "first. Run where the keychain is reachable, restore %2, or move the "
                                       "history folder aside to start a new history.")
        .arg(why, path);
}

// Under the history lock: the file is read once more, and a key is made only for a new history.
AuditKey::Found createInFile(const AuditKey::Place &place, const QString &why)
{
    const QString path = keyFile(place.historyDir);
    QByteArray key = readKeyFile(path);
    if (!key.isEmpty())
        return inFile(place.historyDir, key, why);
    if (QFileInfo::exists(path))
        return missing(QCoreApplication::translate("AuditKey",
                                                   "The chain key file %1 cannot be read; it was left as "
                                                   "it is.")
                           .arg(path));
    if (historyBegun(place) && !newEpoch(place))
        return missing(lostKey(place, why));
    key = randomKey();
    if (key.isEmpty())
        return missing(QCoreApplication::translate("AuditKey", "No random chain key could be made."));
    if (Status written = writeKeyFile(path, key); !written.ok())
        return missing(written);
    return inFile(place.historyDir, key, why);
}

// Takes the history lock without ever waiting on the calling thread (the window's GUI thread at
// first start): another program holding it is asked again shortly, from the event loop, until the
// deadline. `then` gets the held lock, or why there is none.
void whenLocked(QObject *context, const QString &historyDir, const QDeadlineTimer &deadline,
                const std::function<void(const std::shared_ptr<HistoryLock> &, const Status &)> &then)
{
    auto lock = std::make_shared<HistoryLock>(historyDir, 0);
    const Status status = lock->status();
    if (status.ok())
        return then(lock, status);
    if (status.kind() != Status::Kind::Locked || deadline.hasExpired())
        return then(nullptr, status);
    lock.reset();
    QTimer::singleShot(15, context,
                       [context, historyDir, deadline, then] { whenLocked(context, historyDir, deadline, then); });
}

void createLocked(CredentialStore *store, const AuditKey::Place &place, bool keychainUp, const QString &why,
                  const Done &finish)
{
    if (!keychainUp)
        return finish(createInFile(place, why));
    const QString account = QLatin1String(AuditKey::kAccount);
    store->read(account, [store, place, account, finish](const CredentialResult &again) {
        if (again.ok() && !again.secret.isEmpty())
            return finish(inKeychain(again.secret)); // another process made it meanwhile
        // Adopt a key an earlier keychain-less run made, so its records still verify.
        QByteArray key = readKeyFile(keyFile(place.historyDir));
        const bool adopted = !key.isEmpty();
        if (!adopted && historyBegun(place) && !newEpoch(place))
            return finish(missing(lostKey(place, QString())));
        if (!adopted)
            key = randomKey();
        store->write(account, key, [place, key, adopted, finish](const CredentialResult &written) {
            if (written.ok())
                return finish(inKeychain(key));
            finish(adopted ? inFile(place.historyDir, key, written.message) : createInFile(place, written.message));
        });
    });
}

void createUnderLock(CredentialStore *store, const AuditKey::Place &place, bool keychainUp, const QString &why,
                     const Done &done)
{
    if (Status folder = PrivateFiles::ensureFolder(place.historyDir); !folder.ok())
        return done(missing(folder));
    whenLocked(store, place.historyDir, QDeadlineTimer(kLockTimeoutMs),
               [store, place, keychainUp, why, done](const std::shared_ptr<HistoryLock> &lock, const Status &locked) {
        if (!locked.ok())
            return done(missing(locked));
        // Released before `done`: the history thread of this very process takes the same lock next.
        auto held = std::make_shared<std::shared_ptr<HistoryLock>>(lock);
        auto finish = [held, done](const AuditKey::Found &found) {
            held->reset();
            done(found);
        };
        createLocked(store, place, keychainUp, why, finish);
    });
}
} // namespace

namespace AuditKey {

void obtain(CredentialStore *store, const Place &place, const std::function<void(const Found &)> &done)
{
    const QString account = QLatin1String(kAccount);
    store->read(account, [store, place, done](const CredentialResult &read) {
        if (read.ok() && !read.secret.isEmpty())
            return done(inKeychain(read.secret));
        const bool keychainUp = read.status == CredentialResult::Status::NotFound;
        const QString why = keychainUp ? QString() : read.message;
        const QByteArray fileKey = readKeyFile(keyFile(place.historyDir));
        if (!fileKey.isEmpty() && (!keychainUp || place.mode == Mode::ReadOnly))
            return done(inFile(place.historyDir, fileKey, why));
        if (place.mode == Mode::NewEpoch && !keychainUp)
            return done(missing(QCoreApplication::translate("AuditKey",
                                                            "The keychain cannot be reached (%1): the chain key may "
                                                            "still be in it, so it is not lost. Begin a new key epoch "
                                                            "where the keychain is reachable, or with "
                                                            "--without-keychain on a computer that has none.")
                                    .arg(why)));
        if (place.mode == Mode::ReadOnly)
            return done(missing(
                why.isEmpty() ? QCoreApplication::translate("AuditKey", "No chain key is in the keychain or in %1.")
                                    .arg(keyFile(place.historyDir))
                              : QCoreApplication::translate("AuditKey",
                                                            "No chain key is in %1, and the keychain cannot be "
                                                            "reached (%2).")
                                    .arg(keyFile(place.historyDir), why)));
        createUnderLock(store, place, keychainUp, why, done);
    });
}

void obtain(CredentialStore *store, const QString &historyDir, const std::function<void(const Found &)> &done)
{
    obtain(store, Place{historyDir, QString(), Mode::Create}, done);
}

} // namespace AuditKey
