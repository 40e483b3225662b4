#pragma once

#include "Profile.h"

#include <QFrame>

class QLabel;

// A strip across the top of the window that says which world actions go to. In production it is a
// persistent alarm-coloured banner that cannot be dismissed; on a sandbox it is a calm, palette-coloured line.
class ProductionBanner : public QFrame
{
    Q_OBJECT
public:
    explicit ProductionBanner(QWidget *parent = nullptr);

    void setProfile(const Profile &profile);
    bool isProduction() const { return m_production; }
    QString text() const;

private:
    QLabel *m_label;
    bool m_production = false;
};
