#include "JsonArrayStream.h"

#include "Console.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

void JsonArrayStream::write(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void JsonArrayStream::add(const QJsonObject &object)
{
    // An array of one, indented as the whole array indents it: "[\n" + the element + "\n]\n".
    const QByteArray one = QJsonDocument(QJsonArray{object}).toJson(QJsonDocument::Indented);
    addElement(one.mid(2, one.size() - 5));
}

void JsonArrayStream::addElement(const QByteArray &indented)
{
    write(m_any ? QByteArrayLiteral(",\n") : QByteArrayLiteral("[\n"));
    write(Console::safeJson(indented));
    m_any = true;
}

void JsonArrayStream::finish()
{
    write(m_any ? QByteArrayLiteral("\n]\n") : QByteArrayLiteral("[\n]\n"));
    std::fflush(stdout);
}
