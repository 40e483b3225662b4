#pragma once

#include <QByteArray>
#include <QJsonObject>

// A JSON array written to standard output one element at a time, byte for byte what Console::json()
// writes for the whole array at once (indented, terminal-safe, one final newline), so an export of
// millions of entries never holds them all. Written through stdio's buffer, flushed by finish().
class JsonArrayStream
{
public:
    void add(const QJsonObject &object);
    // An element already written as QJsonDocument indents it in an array (HistoryEntryJson).
    void addElement(const QByteArray &indented);
    // Closes the array (an empty one when nothing was added) and flushes.
    void finish();

private:
    void write(const QByteArray &bytes);
    bool m_any = false;
};
