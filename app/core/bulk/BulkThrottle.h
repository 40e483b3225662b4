#pragma once

#include <QQueue>

// The rate cap of a bulk run as a sliding window of send times: at most `rate` sends in any second
// (for rates below 1, one per 1/rate seconds), so the cap holds over every window, not only on average,
// and sends that are allowed together leave together (one history commit for the group). A 429 lowers
// the rate for the rest of the run (halved, at least 1/s); Retry-After holds every send until it passes.
class BulkThrottle
{
public:
    explicit BulkThrottle(double rate = 0) { setRate(rate); }

    void setRate(double rate); // 0 = unlimited
    double rate() const { return m_rate; }
    // How many sends are allowed at `nowMs`; when 0, *waitMs says when to ask again.
    int allowance(qint64 nowMs, int *waitMs);
    void sent(qint64 nowMs, int count = 1);
    void hold(qint64 untilMs) { m_holdUntil = qMax(m_holdUntil, untilMs); }
    // The server said 429: slow down.
    void tooMany(qint64 nowMs);

private:
    int windowMs() const;
    int perWindow() const;
    void expire(qint64 nowMs);

    double m_rate = 0;
    qint64 m_holdUntil = 0;
    QQueue<qint64> m_sends;
};
