#include "ProductionBanner.h"

#include "profiles/EnvironmentStyle.h"
#include "widgets/WrapLabel.h"

#include <QHBoxLayout>
#include <QLabel>

ProductionBanner::ProductionBanner(QWidget *parent) : QFrame(parent), m_label(new WrapLabel(this))
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
    applyStrip(profile.environment);
}

// Three strips that differ in colour and words, with one box model (border, padding, weight), so the
// window's layout does not move when the environment changes. Fixed text colours keep each readable on
// light and dark palettes.
void ProductionBanner::applyStrip(Environment env)
{
    QString colours;
    switch (env) {
    case Environment::Production:
        colours = QStringLiteral("background-color: %1; color: %2; border-color: %1;")
                      .arg(QLatin1String(EnvironmentStyle::kProductionBackground),
                           QLatin1String(EnvironmentStyle::kProductionText));
        break;
    case Environment::Sandbox: // Smile ID's own sandbox: amber, it is a remote service
        colours = QStringLiteral("background-color: #ffe0a3; color: #4a3000; border-color: #c98a00;");
        break;
    case Environment::Local: // this computer: green, nothing leaves it
        colours = QStringLiteral("background-color: #d4efd9; color: #0f3d1c; border-color: #3c9a55;");
        break;
    }
    m_label->setStyleSheet(QStringLiteral("QLabel { %1 border-width: 1px; border-style: solid; border-radius: 4px; "
                                          "padding: 6px 10px; font-weight: bold; }")
                               .arg(colours));
}
