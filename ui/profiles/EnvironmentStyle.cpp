#include "EnvironmentStyle.h"

#include <QCoreApplication>
#include <QWidget>

namespace EnvironmentStyle {

QString badgeText(Environment env)
{
    return environmentDisplayName(env);
}

void applyBadge(QWidget *widget, Environment env)
{
    if (env == Environment::Production) {
        widget->setStyleSheet(QStringLiteral("background-color: %1; color: %2; font-weight: bold; "
                                             "border-radius: 9px; padding: 2px 10px;")
                                  .arg(QLatin1String(kProductionBackground), QLatin1String(kProductionText)));
    } else {
        // palette(...) keeps the badge readable in light and dark themes without picking colours.
        widget->setStyleSheet(QStringLiteral("background-color: palette(alternate-base); color: palette(text); "
                                             "border: 1px solid palette(mid); border-radius: 9px; padding: 2px 10px;"));
    }
}

} // namespace EnvironmentStyle
