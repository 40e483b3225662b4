#pragma once

#include <QDateTime>

// Where "now" comes from. Signing takes a fresh timestamp for every request through this seam, so
// tests can pin or skew time without touching the system clock.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// Reports a fixed instant, or the system time shifted by an offset: for tests and the sandbox's skew checks.
class OffsetClock final : public Clock
{
public:
    explicit OffsetClock(qint64 offsetMs = 0) : m_offsetMs(offsetMs) {}
    void setOffsetMs(qint64 offsetMs) { m_offsetMs = offsetMs; }
    void setFixed(const QDateTime &time) { m_fixed = time; }
    QDateTime now() const override
    {
        return m_fixed.isValid() ? m_fixed : QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs);
    }

private:
    qint64 m_offsetMs;
    QDateTime m_fixed;
};
