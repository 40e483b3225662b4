#include "ProductionBanner.h"

#include "EnvironmentStyle.h"

#include <QHBoxLayout>
#include <QLabel>

ProductionBanner::ProductionBanner(QWidget *parent) : QFrame(parent), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("productionBanner"));
    m_label->setObjectName(QStringLiteral("productionBannerText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
}

QString ProductionBanner::text() const
{
    return m_label->text();
}

void ProductionBanner::setProfile(const Profile &profile)
{
    m_production = profile.isProduction();
    QString text;
    switch (profile.environment) {
    case Environment::Production:
        text = tr("PRODUCTION — actions change real people's enrollments at Smile ID (%1).")
                   .arg(profile.endpoint().host());
        break;
    case Environment::Sandbox:
        text = tr("Smile ID sandbox — test data only; nothing here affects real people.");
        break;
    case Environment::Local:
        text = tr("Local sandbox — an emulator on this computer with demo enrollees; nothing leaves this machine.");
        break;
    }
    m_label->setText(text);
    m_label->setAccessibleName(text);
    setAccessibleName(text);
    EnvironmentStyle::applyBadge(m_label, profile.environment);
    m_label->setContentsMargins(6, m_production ? 6 : 2, 6, m_production ? 6 : 2);
}
