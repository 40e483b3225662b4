#pragma once

#include "action/ActionPolicy.h"
#include "base/Clock.h"
#include "base/Status.h"
#include "history/AuditKey.h"
#include "history/TeamStatus.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class ActionRunner;
class BulkApprovalGate;
class BulkRun;
class BulkStore;
struct BulkRecord;
class AppSettings;
class CredentialStore;
class EnrolleeClient;
class FourEyes;
class HistoryService;
class KeychainAnchor;
class QNetworkAccessManager;
class TeamHistoryBackend;

// Where one process keeps its files and keys. standard() follows AppPaths (ENROLLEE_HOME, the XDG
// folders, ENROLLEE_KEYCHAIN_SERVICE); a test builds its own.
struct CoreConfig {
    QString settingsFile;
    QString historyDir;
    // The folder that holds the history and the runs, kept private (0700) like the settings folder;
    // left as it is when empty.
    QString dataDir;
    // The history's anchor, outside its folder (beside settings.ini by default); none when empty.
    QString anchorFile;
    QString keychainService;
    const Clock *clock = nullptr; // the system clock when null; must outlive the context
    int shardCapacity = 0;        // records per history file; 0 = the backend's default
    static CoreConfig standard();
    // anchorFile when set, else "history.anchor" in settingsFile's folder.
    QString anchorPath() const;
};

// The one composition root of every face: from settings it builds the clock, the network manager,
// the API client, the credential store, the history service (its backend on a thread of its own) and
// the action runner with its policy — once per process, for enrollee-console and enrollee-cli alike.
// Construction is cheap and touches no network, keychain or history file; openHistory() asks the
// keychain for the audit-chain key and historyReady() says when actions may be recorded.
class CoreContext : public QObject
{
    Q_OBJECT
public:
    explicit CoreContext(CoreConfig config = CoreConfig::standard(), QObject *parent = nullptr);
    ~CoreContext() override;

    const CoreConfig &config() const { return m_config; }
    AppSettings *settings() const { return m_settings.get(); }
    const Clock *clock() const { return m_clock; }
    QNetworkAccessManager *network() const { return m_network; }
    EnrolleeClient *client() const { return m_client; }
    CredentialStore *credentials() const { return m_credentials; }
    HistoryService *history() const { return m_history; }
    ActionRunner *runner() const { return m_runner; }
    // Four eyes: over the team trail when settings name one, else the policy's own rules.
    FourEyes *fourEyes() const { return m_fourEyes; }
    const ActionPolicy &policy() const;
    // Bulk run headers, in "runs" beside the history folder.
    BulkStore *bulkStore() const { return m_bulkStore.get(); }
    // A bulk run over this context's runner and history; `parent` owns it. A run made on the built-in
    // sandbox is sent to the one running now (setBuiltInSandbox), whatever port its file recorded.
    BulkRun *createBulkRun(const BulkRecord &record, QObject *parent);
    // The built-in sandbox of this process: its profile's name and where it listens this session (it
    // takes a new port each time). Unset: runs go where their file says.
    void setBuiltInSandbox(const QString &profileName, const QUrl &origin);
    // The four-eyes gate a bulk run passes before it sends anything; `parent` owns it.
    BulkApprovalGate *createBulkApprovalGate(QObject *parent);

    // Obtains the chain key and hands it to the history service; historyReady() follows once, with
    // the reason when there is no key (writes are then refused: a lost key is never replaced). ReadOnly
    // (a check) looks for the key and writes nothing; Create may make the key of a new history.
    void openHistory(AuditKey::Mode mode = AuditKey::Mode::Create);
    bool isHistoryReady() const { return m_historyReady; }
    // Translated: where the chain key lives ("the keychain", "the file …").
    QString chainKeyLocation() const { return m_keyLocation; }
    bool chainKeyInKeychain() const { return m_keyInKeychain; }
    // Whether the history is the team's trail on PostgreSQL (settings name a team database).
    bool hasTeam() const;
    // The keychain account of a team database's password (never in settings).
    static QString teamPasswordAccount(const QString &conninfo);

    // Calls `done` once what this process still owes the keychain (the anchor's copy) is written, so a
    // short-lived process can end without leaving it behind.
    void whenSettled(QObject *context, const std::function<void()> &done);

signals:
    void historyReady(const Status &status);
    // With a team trail, every two seconds from the history thread: connected?, records behind,
    // pending approvals (for the window's status line and Approvals badge).
    void teamStatusChanged(const TeamStatus &status);

private:
    void announceReady(const Status &status);
    void withTeamPassword(const std::function<void()> &then);

    CoreConfig m_config;
    SystemClock m_systemClock;
    const Clock *m_clock;
    std::unique_ptr<AppSettings> m_settings;
    QNetworkAccessManager *m_network;
    EnrolleeClient *m_client;
    CredentialStore *m_credentials;
    TeamHistoryBackend *m_team = nullptr; // set before m_history takes it (initialiser order)
    HistoryService *m_history;
    FourEyes *m_fourEyes;
    ActionRunner *m_runner;
    KeychainAnchor *m_keychainAnchor;
    std::unique_ptr<BulkStore> m_bulkStore;
    QString m_builtInSandbox; // the built-in sandbox's profile name, empty when none runs
    QUrl m_builtInOrigin;
    QString m_keyLocation;
    bool m_keyInKeychain = false;
    bool m_historyOpening = false;
    bool m_historyReady = false;
};
