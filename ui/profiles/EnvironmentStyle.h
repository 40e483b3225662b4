#pragma once

#include "settings/Profile.h"

#include <QString>

class QWidget;

// The only hard-coded colours of the window: production must look alarming in light and dark themes
// alike, so it gets a fixed dark red with white text (readable on both). Sandbox and local follow the
// system palette so they look calm.
namespace EnvironmentStyle {
inline constexpr const char *kProductionBackground = "#b3261e";
inline constexpr const char *kProductionText = "#ffffff";
// A translated short label: "PRODUCTION", "Smile ID sandbox", "Local sandbox".
QString badgeText(Environment env);
// Applies the badge look to a label or frame: a red pill for production, plain bold text otherwise.
void applyBadge(QWidget *widget, Environment env);
} // namespace EnvironmentStyle
