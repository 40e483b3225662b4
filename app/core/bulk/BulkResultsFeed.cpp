#include "BulkResultsFeed.h"

#include "bulk/BulkResults.h"

namespace {
constexpr int kAppendEveryMs = 500;
} // namespace

BulkResultsFeed::BulkResultsFeed(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kAppendEveryMs);
    connect(&m_timer, &QTimer::timeout, this, &BulkResultsFeed::appendEnded);
}

BulkResultsFeed::~BulkResultsFeed() = default;

void BulkResultsFeed::setPath(const QString &path)
{
    if (path.isEmpty())
        return;
    m_results = std::make_unique<BulkResults>(path);
}

QString BulkResultsFeed::path() const
{
    return m_results ? m_results->path() : QString();
}

void BulkResultsFeed::rowEnded(const BulkRowResult &row)
{
    m_ended.append(row);
    if (!m_timer.isActive())
        m_timer.start();
}

void BulkResultsFeed::appendEnded()
{
    if (m_results && !m_ended.isEmpty())
        m_results->append(std::exchange(m_ended, {}));
}

void BulkResultsFeed::writeAll(const QString &runId, ActionKind action, const QList<BulkRowResult> &rows)
{
    m_timer.stop();
    m_ended.clear();
    if (m_results)
        m_results->write(runId, action, rows);
}
