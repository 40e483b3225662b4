#include "BulkThrottle.h"

#include <cmath>

void BulkThrottle::setRate(double rate)
{
    m_rate = rate > 0 ? rate : 0;
}

int BulkThrottle::windowMs() const
{
    return m_rate >= 1 ? 1000 : int(std::ceil(1000.0 / m_rate));
}

int BulkThrottle::perWindow() const
{
    return m_rate >= 1 ? int(std::floor(m_rate)) : 1;
}

void BulkThrottle::expire(qint64 nowMs)
{
    const qint64 horizon = nowMs - (m_rate > 0 ? windowMs() : 1000);
    while (!m_sends.isEmpty() && m_sends.head() <= horizon)
        m_sends.dequeue();
}

int BulkThrottle::allowance(qint64 nowMs, int *waitMs)
{
    *waitMs = 0;
    if (nowMs < m_holdUntil) {
        *waitMs = int(m_holdUntil - nowMs);
        return 0;
    }
    expire(nowMs);
    if (m_rate <= 0)
        return 1 << 20;
    const int left = perWindow() - int(m_sends.size());
    if (left > 0)
        return left;
    *waitMs = int(qMax<qint64>(1, m_sends.head() + windowMs() - nowMs + 1));
    return 0;
}

void BulkThrottle::sent(qint64 nowMs, int count)
{
    for (int i = 0; i < count; ++i)
        m_sends.enqueue(nowMs);
}

void BulkThrottle::tooMany(qint64 nowMs)
{
    expire(nowMs);
    const double recent = double(m_sends.size()) * 1000.0 / (m_rate > 0 ? windowMs() : 1000);
    const double current = m_rate > 0 ? qMin(m_rate, qMax(recent, 1.0)) : qMax(recent, 1.0);
    setRate(qMax(1.0, std::floor(current / 2)));
}
