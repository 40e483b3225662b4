#include "Console.h"

#include "base/SafeText.h"

#include <QJsonDocument>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

namespace {
void write(FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

// Printable ASCII and newlines are all safe: most JSON is only that, and is taken as it is.
bool plainAscii(const QByteArray &json)
{
    return std::all_of(json.cbegin(), json.cend(), [](char c) { return (c >= 0x20 && c < 0x7F) || c == '\n'; });
}

// QJsonDocument escapes C0 controls inside strings but writes C1 controls, bidi overrides and line
// separators raw. JSON is ASCII outside its strings (a raw newline there is indentation), so every such
// character is inside a string and can be written as \uXXXX: the same JSON to a parser, inert on a screen.
QString terminalSafeJson(const QByteArray &json)
{
    if (plainAscii(json))
        return QString::fromLatin1(json);
    const QString text = QString::fromUtf8(json);
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (SafeText::isUnsafe(c) && c != QLatin1Char('\n'))
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}
} // namespace

namespace Console {

void out(const QString &line)
{
    write(stdout, line);
}

void err(const QString &line)
{
    write(stderr, line);
}

void json(const QJsonObject &object)
{
    out(terminalSafeJson(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

void json(const QJsonArray &array)
{
    out(terminalSafeJson(QJsonDocument(array).toJson(QJsonDocument::Indented)).trimmed());
}

QByteArray safeJson(const QByteArray &json)
{
    return plainAscii(json) ? json : terminalSafeJson(json).toUtf8();
}

bool stdinIsTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

QString oneLine(const QString &text)
{
    return SafeText::line(text);
}

} // namespace Console
