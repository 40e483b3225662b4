#include "Console.h"

#include <QJsonDocument>

#include <cstdio>
#include <unistd.h>

namespace {
void write(FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
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
    out(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

void json(const QJsonArray &array)
{
    out(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)).trimmed());
}

bool stdinIsTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

QString oneLine(const QString &text)
{
    QString line;
    line.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QLatin1Char('\t'))
            line += QLatin1Char(' ');
        else if (c.category() != QChar::Other_Control)
            line += c;
    }
    return line.simplified();
}

} // namespace Console
