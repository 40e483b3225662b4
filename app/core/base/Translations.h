#pragma once

#include <QString>

// Installs the translations every face shares: the project's own (compiled into the executable from
// resources/translations, ":/i18n/enrollee_<lang>.qm") and Qt's for the same language. `language` is
// the user's override ("fr", "en"); empty follows the system locale. A second call replaces what the
// first installed. Returns the language in use.
namespace Translations {
QString install(const QString &language = {});
// Languages the project ships, as codes ("en", "fr").
QStringList available();
} // namespace Translations
