#pragma once

#include "base/Status.h"

#include <QByteArray>
#include <QString>

#include <functional>

class CredentialStore;

// The per-installation secret that keys the history's hash chain. It lives in the keychain when
// there is one; otherwise in a file readable only by this user beside the history (weaker, and
// said so), so faces without a keychain still chain their records consistently. There is one key per
// installation: it is made only under the history lock, after looking again (so processes making
// their first actions at once share it), and never while the history already has records, because
// a new key would silently start a second chain that no check could join to the first.
namespace AuditKey {
inline constexpr const char *kAccount = "history-chain-key";
enum class Mode {
    ReadOnly, // a check: look in the keychain and the file, write nothing anywhere
    Create,   // an append: make the key when there is none yet and the history is new
    // The key was lost for good and a new key epoch begins: make a key although the history has records
    // (the keychain must be reachable: a key it holds but cannot give now is not lost) ...
    NewEpoch,
    NewEpochInFile, // ... or, on a computer without a keychain, in the file beside the history
};
struct Found {
    QByteArray key; // empty when there is none to be had: appends must then be refused
    QString where;  // translated: "the keychain" / "the file …"
    bool inKeychain = false;
    Status status; // why there is no key (Kind::KeyUnavailable, or the lock's or disk's failure)
};
struct Place {
    QString historyDir;
    QString anchorFile; // its existence says a key existed, like a record does
    Mode mode = Mode::Create;
};
// Runs `work` where the key's file work belongs, then `then` on the caller's thread. Taking the history
// lock (a file created and synced), reading and writing the key file all go through it, so the caller
// hands over a thread that may wait on the disk: CoreContext hands over the history service's.
using FileWork = std::function<void(const std::function<void()> &work, const std::function<void()> &then)>;
void obtain(CredentialStore *store, const Place &place, const FileWork &files,
            const std::function<void(const Found &)> &done);
// Mode::Create without an anchor, the file work on the calling thread (for tools and tests).
void obtain(CredentialStore *store, const QString &historyDir, const std::function<void(const Found &)> &done);
} // namespace AuditKey
