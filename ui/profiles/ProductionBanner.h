#pragma once

#include "settings/Profile.h"

#include <QFrame>

class QLabel;

// A strip across the top of the window that says which world actions go to. In production it is a
// persistent alarm-coloured banner that cannot be dismissed; Smile ID's sandbox is amber, the local
// sandbox green. All three have the same height, so nothing below moves when the profile changes.
class ProductionBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ProductionBanner(QWidget *parent = nullptr);

    void setProfile(const Profile &profile);
    bool isProduction() const { return m_production; }
    QString text() const;

private:
    void applyStrip(Environment env);

    QLabel *m_label;
    bool m_production = false;
};
