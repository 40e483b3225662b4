#include "BulkCommandBase.h"

#include "Console.h"
#include "CoreContext.h"
#include "ExitCode.h"
#include "bulk/BulkHistory.h"
#include "bulk/BulkTally.h"
#include "history/HistoryService.h"
#include "settings/AppSettings.h"

CoreContext *BulkCommandBase::core()
{
    if (!m_core) {
        m_core = new CoreContext(CoreConfig::standard(), this);
        settleBeforeEnd(m_core);
        if (!m_core->settings()->problem().isEmpty())
            Console::err(QStringLiteral("enrollee-cli: ") + tr("warning: %1").arg(m_core->settings()->problem()));
    }
    return m_core;
}

void BulkCommandBase::withHistory(const QStringList &runIds, const BulkRecord &record,
                                  const std::function<void(const QList<HistoryEntry> &)> &then)
{
    BulkHistory::read(core()->history(), runIds, record, this, [this, then](const Result<QList<HistoryEntry>> &read) {
        if (!read.ok())
            return fail(ExitCode::kStorage, read.message());
        then(read.value());
    });
}

void BulkCommandBase::withTally(const QList<BulkRecord> &runs, const QString &detailed,
                                const std::function<void(const BulkTally &)> &then)
{
    // Filled on the history thread during the walk, read here once it has ended.
    auto tally = std::make_shared<BulkTally>(runs, detailed);
    QStringList ids;
    for (const BulkRecord &r : runs)
        ids.append(r.id);
    core()->history()->walkRunEntries(
        ids, [tally](const HistoryEntry &e) { return tally->visit(e); }, this,
        [this, tally, then](const Result<QStringList> &walked) {
        if (!walked.ok())
            return fail(ExitCode::kStorage, walked.message());
        then(*tally);
        });
}

void BulkCommandBase::launch(const BulkRecord &record, const BulkSession::Options &options)
{
    auto *session = new BulkSession(core(), record, options, this);
    connect(session, &BulkSession::done, this, [this](int code, const QString &reason) {
        if (reason.isEmpty())
            end(code);
        else
            fail(code, reason);
    });
    session->start();
}
