#pragma once

#include "history/HistoryEntry.h"

#include <QByteArray>

#include <optional>

// HistoryEntry::toJson() as QJsonDocument writes it indented, made without building the QJsonObject:
// an export of a million entries spent most of its time building and sorting those objects. The bytes
// are the ones QJsonDocument writes for the entry as an element of an indented array (four spaces
// before "{", fields sorted by name). Whatever it cannot write for certain (a string with a control
// character other than the usual escapes or a lone surrogate, a floating-point number) is nullopt: the
// caller then lets QJsonDocument write that entry.
namespace HistoryEntryJson {
std::optional<QByteArray> arrayElement(const HistoryEntry &entry);
} // namespace HistoryEntryJson
