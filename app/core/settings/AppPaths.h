#pragma once

#include <QString>

// Where every face keeps its files, so the console, enrollee-cli and tests agree on one store.
// ENROLLEE_HOME, when set, puts everything under one folder (portable installs, tests of the CLI).
namespace AppPaths {
QString configDir(); // settings.ini (profiles, preferences)
QString dataDir();   // history/
QString settingsFile();
QString historyDir();
// The keychain service name under which API keys and the audit-chain key are kept.
// ENROLLEE_KEYCHAIN_SERVICE overrides it so tests never touch a user's real entries.
QString keychainService();
} // namespace AppPaths
