#include "CoreContext.h"

#include "ActionRunner.h"
#include "AppPaths.h"
#include "AppSettings.h"
#include "AuditKey.h"
#include "BulkRun.h"
#include "BulkStore.h"
#include "CredentialStore.h"
#include "EnrolleeClient.h"
#include "HistoryService.h"
#include "KeychainAnchor.h"
#include "LocalHistoryBackend.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QPointer>

CoreConfig CoreConfig::standard()
{
    CoreConfig config;
    config.settingsFile = AppPaths::settingsFile();
    config.historyDir = AppPaths::historyDir();
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
std::unique_ptr<HistoryBackend> localBackend(const CoreConfig &config, const Clock *clock)
{
    auto backend = std::make_unique<LocalHistoryBackend>(config.historyDir, clock);
    backend->setAnchorFile(config.anchorPath());
    if (config.shardCapacity > 0)
        backend->setShardCapacity(config.shardCapacity);
    return backend;
}
} // namespace

CoreContext::CoreContext(CoreConfig config, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_clock(m_config.clock ? m_config.clock : &m_systemClock),
      m_settings(std::make_unique<AppSettings>(m_config.settingsFile)), m_network(new QNetworkAccessManager(this)),
      m_client(new EnrolleeClient(m_network, this)), m_credentials(new CredentialStore(m_config.keychainService, this)),
      m_history(new HistoryService(localBackend(m_config, m_clock), this)),
      m_runner(new ActionRunner(m_client, m_history, m_clock, ActionPolicy::standard(), this)),
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
    return new BulkRun(record, m_runner, m_history, m_bulkStore.get(), parent);
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
    const AuditKey::Place place{m_config.historyDir, m_config.anchorPath(), mode};
    AuditKey::obtain(m_credentials, place, [self](const AuditKey::Found &found) {
        if (!self)
            return;
        if (found.key.isEmpty())
            self->m_history->refuseWrites(found.status); // never a fresh key: that would fork the chain
        else
            self->m_history->setChainKey(found.key);
        self->m_keyLocation = found.where;
        self->m_keyInKeychain = found.inKeychain;
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
