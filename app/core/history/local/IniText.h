#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QVariant>

#include <optional>

// The INI text QSettings writes, made here so that the bytes can be written and checked one by one
// (see DurableFile): sections in name order, keys in name order, values escaped and quoted as QSettings
// escapes and quotes them, so QSettings reads back exactly what was given and the files are the ones
// every release has written.
namespace IniText {
// `values` as QSettings::allKeys() names them ("section/key") with what QSettings::value() returned.
// Strings and lists of strings only (all the history ever writes); nullopt for anything else.
std::optional<QByteArray> encode(const QMap<QString, QVariant> &values);
} // namespace IniText
