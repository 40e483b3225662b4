#include "CoreContext.h"

#include "action/ActionRunner.h"
#include "api/EnrolleeClient.h"
#include "approvals/BulkApprovalGate.h"
#include "approvals/PolicyFourEyes.h"
#include "bulk/BulkRun.h"
#include "bulk/BulkStore.h"
#include "history/AuditKey.h"
#include "history/HistoryService.h"
#include "history/KeychainAnchor.h"
#include "history/local/LocalHistoryBackend.h"
#include "index/SqliteHistoryIndex.h"
#include "settings/AppPaths.h"
#include "settings/AppSettings.h"
#include "settings/CredentialStore.h"
#include "settings/PrivateFiles.h"
#include "team/TeamAdmin.h"
#include "team/TeamFourEyes.h"
#include "team/TeamHistoryBackend.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSysInfo>

CoreConfig CoreConfig::standard()
{
    CoreConfig config;
    config.settingsFile = AppPaths::settingsFile();
    config.historyDir = AppPaths::historyDir();
    config.dataDir = AppPaths::dataDir();
    config.keychainService = AppPaths::keychainService();
    return config;
}

QString CoreConfig::anchorPath() const
{
    if (!anchorFile.isEmpty() || settingsFile.isEmpty())
        return anchorFile;
    return QFileInfo(settingsFile).absoluteDir().filePath(QStringLiteral("history.anchor"));
}

namespace {
std::unique_ptr<LocalHistoryBackend> localBackend(const CoreConfig &config, const Clock *clock)
{
    auto backend = std::make_unique<LocalHistoryBackend>(config.historyDir, clock);
    backend->setAnchorFile(config.anchorPath());
    // Beside the history folder, not in it: the folder is watched, and the index's own files coming and
    // going must not read as another program appending.
    const QFileInfo folder(config.historyDir);
    backend->setIndex(std::make_unique<SqliteHistoryIndex>(
        folder.absoluteDir().filePath(folder.fileName() + QStringLiteral("-index.sqlite"))));
    if (config.shardCapacity > 0)
        backend->setShardCapacity(config.shardCapacity);
    return backend;
}

// The standard table with the office's own reason rule from the settings. Once a team store exists,
// a production delete needs a second officer until the team's policy says more.
ActionPolicy policyFrom(const AppSettings &settings)
{
    ActionPolicy policy = ActionPolicy::standard();
    policy.setReasonRule(settings.reasonRule());
    if (!settings.teamConninfo().isEmpty()) {
        ActionRule rule = policy.rule(ActionKind::Delete, Environment::Production);
        rule.needsApproval = true;
        policy.setRule(ActionKind::Delete, Environment::Production, rule);
    }
    return policy;
}

FourEyes *fourEyesFor(const AppSettings &settings, HistoryService *history, QObject *parent)
{
    if (settings.teamConninfo().isEmpty())
        return new PolicyFourEyes(policyFrom(settings), parent);
    return new TeamFourEyes(history, parent);
}

// With a team store connected, the local trail stays the first, durable write and a forwarder
// carries it to the team trail.
std::unique_ptr<HistoryBackend> historyBackend(const CoreConfig &config, const Clock *clock, AppSettings &settings,
                                               TeamHistoryBackend **teamOut)
{
    const QString conninfo = settings.teamConninfo();
    if (conninfo.isEmpty())
        return localBackend(config, clock);
    TeamHistoryBackend::Config team;
    team.conninfo = conninfo;
    team.installation = settings.teamInstallation();
    team.machine = QSysInfo::machineHostName();
    team.stateDir = QFileInfo(config.settingsFile).absolutePath();
    auto backend = std::make_unique<TeamHistoryBackend>(localBackend(config, clock), team);
    *teamOut = backend.get();
    return backend;
}
} // namespace

CoreContext::CoreContext(CoreConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_clock(m_config.clock ? m_config.clock : &m_systemClock),
      m_settings(std::make_unique<AppSettings>(m_config.settingsFile)), m_network(new QNetworkAccessManager(this)),
      m_client(new EnrolleeClient(m_network, this)), m_credentials(new CredentialStore(m_config.keychainService, this)),
      m_history(new HistoryService(historyBackend(m_config, m_clock, *m_settings, &m_team), this)),
      m_fourEyes(fourEyesFor(*m_settings, m_history, this)),
      m_runner(new ActionRunner(m_client, m_history, m_clock, policyFrom(*m_settings), this)),
      m_keychainAnchor(new KeychainAnchor(m_credentials, this)),
      m_bulkStore(
          std::make_unique<BulkStore>(QFileInfo(m_config.historyDir).absoluteDir().filePath(QStringLiteral("runs"))))
{
    connect(m_history, &HistoryService::anchorWritten, this, [this](const QByteArray &line) {
        if (m_keyInKeychain)
            m_keychainAnchor->store(line);
    });
    m_client->setTimeoutMs(m_settings->timeoutSeconds() * 1000);
    RetryPolicy retry = m_runner->retryPolicy();
    retry.maxAttempts = m_settings->maxAttempts();
    m_runner->setRetryPolicy(retry);
    m_runner->setFourEyes(m_fourEyes);
    if (m_team) // lives on the history thread: only its signal is used here, queued
        connect(m_team, &TeamHistoryBackend::teamStatusChanged, this, &CoreContext::teamStatusChanged,
                Qt::QueuedConnection);
}

CoreContext::~CoreContext()
{
    // The runner and client go before the history service, whose destructor writes what is queued.
    delete m_runner;
    delete m_client;
    delete m_history;
}

BulkRun *CoreContext::createBulkRun(const BulkRecord &record, QObject *parent)
{
    auto *run = new BulkRun(record, m_runner, m_history, m_bulkStore.get(), parent);
    if (!m_builtInSandbox.isEmpty() && record.profile.environment == Environment::Local
        && record.profile.name == m_builtInSandbox)
        run->setOrigin(m_builtInOrigin);
    return run;
}

void CoreContext::setBuiltInSandbox(const QString &profileName, const QUrl &origin)
{
    m_builtInSandbox = profileName;
    m_builtInOrigin = origin;
}

BulkApprovalGate *CoreContext::createBulkApprovalGate(QObject *parent)
{
    return new BulkApprovalGate(m_fourEyes, m_history, m_bulkStore.get(), m_clock, parent);
}

const ActionPolicy &CoreContext::policy() const
{
    return m_runner->policy();
}

void CoreContext::openHistory(AuditKey::Mode mode)
{
    if (m_historyOpening)
        return;
    m_historyOpening = true;
    QPointer<CoreContext> self(this);
    // An existing data folder that others may read is tightened, as AppSettings does with its own; a
    // missing one is made private by whichever write creates it first.
    if (const QString data = m_config.dataDir; !data.isEmpty()) {
        m_history->run<bool>(
            [data](HistoryBackend &) { return !QFileInfo::exists(data) || PrivateFiles::ensureFolder(data).ok(); },
            this, [](const bool &) {});
    }
    // The key's file work (the lock, the key file) waits on the disk: on the history thread, not here.
    const AuditKey::FileWork onHistoryThread =
        [self](const std::function<void()> &work, const std::function<void()> &then) {
        if (!self)
            return;
        self->m_history->run<bool>(
            [work](HistoryBackend &) {
            work();
            return true;
            },
            self, [then](const bool &) { then(); });
    };
    const AuditKey::Place place{m_config.historyDir, m_config.anchorPath(), mode};
    AuditKey::obtain(m_credentials, place, onHistoryThread, [self](const AuditKey::Found &found) {
        if (!self)
            return;
        if (found.key.isEmpty())
            self->m_history->refuseWrites(found.status); // never a fresh key: that would fork the chain
        else
            self->m_history->setChainKey(found.key);
        self->m_keyLocation = found.where;
        self->m_keyInKeychain = found.inKeychain;
        self->withTeamPassword([self, found] {
            if (!self)
                return;
            if (!found.inKeychain)
                return self->announceReady(found.status);
            // The anchor's copy in the keychain joins the file's before the first append or check.
            self->m_keychainAnchor->read([self, found](const QByteArray &line, const Status &read) {
                if (!self)
                    return;
                if (read.ok())
                    self->m_history->setKeychainAnchor(line);
                else
                    qWarning("%s", qPrintable(read.message()));
                self->announceReady(found.status);
            });
        });
    });
}

bool CoreContext::hasTeam() const
{
    return !m_settings->teamConninfo().isEmpty();
}

QString CoreContext::teamPasswordAccount(const QString &conninfo)
{
    return QStringLiteral("team-db/") + TeamAdmin::normalise(conninfo, true).valueOr(conninfo);
}

void CoreContext::withTeamPassword(const std::function<void()> &then)
{
    if (!hasTeam())
        return then();
    // The keychain's password, if team connect saved one; PGPASSWORD and ~/.pgpass need nothing here.
    QPointer<CoreContext> self(this);
    m_credentials->read(teamPasswordAccount(m_settings->teamConninfo()), [self, then](const CredentialResult &r) {
        if (self && r.ok()) {
            const QString password = QString::fromUtf8(r.secret);
            self->m_history->run<bool>(
                [password](HistoryBackend &b) {
                if (auto *team = qobject_cast<TeamHistoryBackend *>(&b))
                    team->setPassword(password);
                return true;
                },
                self, [](const bool &) {});
        }
        then();
    });
}

void CoreContext::announceReady(const Status &status)
{
    m_historyReady = true;
    emit historyReady(status);
}

void CoreContext::whenSettled(QObject *context, const std::function<void()> &done)
{
    m_keychainAnchor->whenSettled(context, done);
}
