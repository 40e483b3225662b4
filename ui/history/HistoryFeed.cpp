#include "HistoryFeed.h"

#include "history/HistoryService.h"
#include "history/HistoryTableModel.h"

namespace {
// Short enough that an officer sees an action listed as it is answered, long enough that a bulk run's
// answers arrive in batches.
constexpr int kTickMs = 150;
} // namespace

HistoryFeed::HistoryFeed(HistoryService *service, HistoryTableModel *model, QObject *parent)
    : QObject(parent), m_service(service), m_model(model)
{
    m_tick.setSingleShot(true);
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &HistoryFeed::notify);
    // Entries are shown as the history reads them back, never from these signals' copies: a team trail
    // numbers them otherwise, and one entry must be listed once however it arrived.
    connect(service, &HistoryService::entriesBegun, this, &HistoryFeed::catchUp);
    connect(service, &HistoryService::entriesCompleted, this, &HistoryFeed::catchUp);
    connect(service, &HistoryService::externalChange, this, &HistoryFeed::catchUp);
    connect(model, &HistoryTableModel::loaded, this, &HistoryFeed::loaded);
    connect(model, &HistoryTableModel::problemsChanged, this, &HistoryFeed::problemsChanged);
}

bool HistoryFeed::isLoaded() const
{
    return m_model->hasLoaded();
}

bool HistoryFeed::isLoading() const
{
    return m_model->isLoading();
}

QStringList HistoryFeed::problems() const
{
    return m_model->problems();
}

void HistoryFeed::reload()
{
    m_model->setQuery(m_model->query());
}

void HistoryFeed::catchUp()
{
    if (!m_tick.isActive())
        m_tick.start();
}

void HistoryFeed::notify()
{
    m_model->refresh();
    emit changed();
}
