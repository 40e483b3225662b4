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
        // Plain bold text: a bordered, rounded box read as a button that did nothing when clicked.
        widget->setStyleSheet(QStringLiteral("font-weight: bold; padding: 2px 4px;"));
    }
}

} // namespace EnvironmentStyle
