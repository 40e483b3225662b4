#include "BulkCommandBase.h"

#include "Console.h"
#include "CoreContext.h"
#include "ExitCode.h"
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

void BulkCommandBase::withHistory(const std::function<void(const QList<HistoryEntry> &)> &then)
{
    core()->history()->read(1, this, [this, then](const Result<HistoryRead> &read) {
        if (!read.ok())
            return fail(ExitCode::kStorage, read.message());
        then(read.value().entries);
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
