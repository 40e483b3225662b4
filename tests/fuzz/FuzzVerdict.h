#pragma once

#include <QString>

// Collects the first broken property of one fuzz input: later checks still run (they must not crash
// either) but the first failure is what is reported, since later ones often follow from it.
class FuzzVerdict
{
public:
    void require(bool holds, const char *property)
    {
        if (!holds && m_failure.isEmpty())
            m_failure = QLatin1String(property);
    }
    QString failure() const { return m_failure; }

private:
    QString m_failure;
};
