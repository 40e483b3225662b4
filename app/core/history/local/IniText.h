#pragma once

#include <QByteArray>
#include <QHash>
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
// The way back for the files the history writes, without QSettings' cost (reading a history of
// millions of records is mostly that): section -> key -> value, for sections and keys of plain names and
// string values written plain or quoted with the escapes encode() makes. Anything else (comments,
// lists, typed values, other escapes, a duplicate, invalid UTF-8) is nullopt, and the caller reads the
// file through QSettings, which knows all of INI; what is decoded here is what QSettings would read.
using Sections = QHash<QString, QHash<QString, QString>>;
std::optional<Sections> decode(const QByteArray &text);
} // namespace IniText
