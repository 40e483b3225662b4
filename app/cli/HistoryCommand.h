#pragma once

#include "Command.h"
#include "base/Status.h"
#include "history/AuditKey.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>

#include <functional>

struct ChainReport;
struct HistoryEntry;
struct HistoryRead;
class CoreContext;
class KeychainSession;

// `enrollee-cli history`: the shared audit trail, newest first, as aligned lines or JSON, and
// `--verify` to walk its hash chain (the exit status says whether it is intact).
class HistoryCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;
    void start(const QStringList &arguments) override;

private:
    CoreContext *core();
    // The chain key is fetched (ReadOnly: nothing is written), then `then` runs with why there is none.
    void withChainKey(AuditKey::Mode mode, const std::function<void(const Status &)> &then);
    void list(const QString &userId, bool json);
    void show(const HistoryRead &read, const QString &userId, bool json);
    // --json: each entry's fields, an approved action's approval completed from the team's requests.
    void showJson(const QList<HistoryEntry> &entries);
    // The approvals of the team requests `ids` (their JSON by request number), each asked once; a request
    // that cannot be read is warned of and left out. None without a team.
    void withApprovals(const QSet<qint64> &ids, const std::function<void(const QHash<qint64, QJsonObject> &)> &then);
    void verify();
    void reportUnreachable(const ChainReport &report);
    void reportBreaks(const ChainReport &report);
    // --new-key-epoch: asks (KeyEpochConfirmation), then makes the new key and records the epoch.
    void newKeyEpoch(const QString &reason, bool yes, bool withoutKeychain);
    void beginEpoch(const QString &reason, bool withoutKeychain);
    QString operatorEmail() const;
    // Retention: shows what goes, asks (or --yes), then saves the setting and removes the months.
    void prune(int months, bool yes);
    void confirmPrune(int months, const QDate &keepFrom, bool yes);
    void removeMonths(int months, const QDate &keepFrom);
    bool saveRetention(int months);

    CoreContext *m_core = nullptr;
    KeychainSession *m_keychain = nullptr;
};
