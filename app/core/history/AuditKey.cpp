#include "AuditKey.h"

#include "history/DurableFile.h"
#include "history/local/HistoryLock.h"
#include "settings/CredentialStore.h"
#include "settings/PrivateFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

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
    return DurableFile::write(path, key.toHex() + '\n');
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

// Makes the key in the file, on the file-work thread, and hands it to `finish`.
void createInFileThen(const AuditKey::Place &place, const QString &why, const AuditKey::FileWork &files,
                      const Done &finish)
{
    auto found = std::make_shared<AuditKey::Found>();
    files([place, why, found] { *found = createInFile(place, why); }, [found, finish] { finish(*found); });
}

void createLocked(CredentialStore *store, const AuditKey::Place &place, const AuditKey::FileWork &files,
                  bool keychainUp, const QString &why, const Done &finish)
{
    if (!keychainUp)
        return createInFileThen(place, why, files, finish);
    const QString account = QLatin1String(AuditKey::kAccount);
    store->read(account, [store, place, files, account, finish](const CredentialResult &again) {
        if (again.ok() && !again.secret.isEmpty())
            return finish(inKeychain(again.secret)); // another process made it meanwhile
        struct Looked {
            QByteArray fileKey;
            bool begun = false;
        };
        auto looked = std::make_shared<Looked>();
        files(
            [place, looked] {
            looked->fileKey = readKeyFile(keyFile(place.historyDir));
            looked->begun = historyBegun(place);
            },
            [store, place, files, account, finish, looked] {
            // Adopt a key an earlier keychain-less run made, so its records still verify.
            const bool adopted = !looked->fileKey.isEmpty();
            if (!adopted && looked->begun && !newEpoch(place))
                return finish(missing(lostKey(place, QString())));
            const QByteArray key = adopted ? looked->fileKey : randomKey();
            store->write(account, key, [place, files, key, adopted, finish](const CredentialResult &written) {
                if (written.ok())
                    return finish(inKeychain(key));
                if (adopted)
                    return finish(inFile(place.historyDir, key, written.message));
                createInFileThen(place, written.message, files, finish);
            });
        });
    });
}

void createUnderLock(CredentialStore *store, const AuditKey::Place &place, const AuditKey::FileWork &files,
                     bool keychainUp, const QString &why, const Done &done)
{
    struct Held {
        std::unique_ptr<HistoryLock> lock;
        Status status;
    };
    auto held = std::make_shared<Held>();
    // Waiting for another program's lock, and the sync of the lock file, happen on the file-work thread.
    files(
        [place, held] {
        held->status = PrivateFiles::ensureFolder(place.historyDir);
        if (!held->status.ok())
            return;
        held->lock = std::make_unique<HistoryLock>(place.historyDir, kLockTimeoutMs);
        held->status = held->lock->status();
        if (!held->status.ok())
            held->lock.reset();
        },
        [store, place, files, keychainUp, why, done, held] {
        if (!held->status.ok())
            return done(missing(held->status));
        // Released before `done`: the history thread of this very process takes the same lock next.
        auto finish = [held, done](const AuditKey::Found &found) {
            held->lock.reset();
            done(found);
        };
        createLocked(store, place, files, keychainUp, why, finish);
    });
}
// After the keychain was asked and the key file read: the key found, why there is none, or making it.
void afterLookup(CredentialStore *store, const AuditKey::Place &place, const AuditKey::FileWork &files, bool keychainUp,
                 const QString &why, const QByteArray &fileKey, const Done &done)
{
    using AuditKey::Mode;
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
        return done(missing(why.isEmpty()
                                ? QCoreApplication::translate("AuditKey", "No chain key is in the keychain or in %1.")
                                      .arg(keyFile(place.historyDir))
                                : QCoreApplication::translate("AuditKey",
                                                              "No chain key is in %1, and the keychain cannot be "
                                                              "reached (%2).")
                                      .arg(keyFile(place.historyDir), why)));
    createUnderLock(store, place, files, keychainUp, why, done);
}
} // namespace

namespace AuditKey {

void obtain(CredentialStore *store, const Place &place, const FileWork &files,
            const std::function<void(const Found &)> &done)
{
    const QString account = QLatin1String(kAccount);
    store->read(account, [store, place, files, done](const CredentialResult &read) {
        if (read.ok() && !read.secret.isEmpty())
            return done(inKeychain(read.secret));
        const bool keychainUp = read.status == CredentialResult::Status::NotFound;
        const QString why = keychainUp ? QString() : read.message;
        auto fileKey = std::make_shared<QByteArray>();
        files([place, fileKey] { *fileKey = readKeyFile(keyFile(place.historyDir)); },
              [store, place, files, done, keychainUp, why, fileKey] {
            afterLookup(store, place, files, keychainUp, why, *fileKey, done);
        });
    });
}

void obtain(CredentialStore *store, const QString &historyDir, const std::function<void(const Found &)> &done)
{
    const FileWork here = [](const std::function<void()> &work, const std::function<void()> &then) {
        work();
        then();
    };
    obtain(store, Place{historyDir, QString(), Mode::Create}, here, done);
}

} // namespace AuditKey
