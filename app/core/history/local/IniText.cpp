#include "IniText.h"

#include <QStringList>

namespace {
bool isHex(char16_t c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// A section or key name: plain characters as they are, '/' as '\', anything else %XX or %UXXXX.
QByteArray name(const QString &text)
{
    static const char digits[] = "0123456789ABCDEF";
    QByteArray out;
    for (const QChar qc : text) {
        const char16_t c = qc.unicode();
        if (c == u'/') {
            out += '\\';
        } else if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_'
                   || c == u'-' || c == u'.') {
            out += char(c);
        } else if (c <= 0xFF) {
            out += '%';
            out += digits[(c >> 4) & 0xF];
            out += digits[c & 0xF];
        } else {
            out += "%U";
            for (int shift = 12; shift >= 0; shift -= 4)
                out += digits[(c >> shift) & 0xF];
        }
    }
    return out;
}

// What QSettings stores for a string: one starting with '@' gets another '@', one holding a NUL is
// wrapped as @String(...), so neither reads back as a typed value.
QString stored(const QString &value)
{
    if (value.contains(QChar::Null))
        return QStringLiteral("@String(") + value + QLatin1Char(')');
    if (value.startsWith(QLatin1Char('@')))
        return QLatin1Char('@') + value;
    return value;
}

// One value, escaped; quoted when it holds ';', ',' or '=' or starts or ends with a space.
void appendValue(const QString &value, QByteArray &out)
{
    const qsizetype start = out.size();
    bool quote = false;
    bool hexFollows = false; // after \0 or \xNN a hex digit must be escaped too, or it would join the escape
    QString plain;
    const auto flush = [&plain, &out] {
        out += plain.toUtf8();
        plain.clear();
    };
    for (const QChar qc : value) {
        const char16_t c = qc.unicode();
        if (c == u';' || c == u',' || c == u'=')
            quote = true;
        if (hexFollows && isHex(c)) {
            flush();
            out += "\\x" + QByteArray::number(uint(c), 16);
            continue;
        }
        hexFollows = false;
        const char *escape = nullptr;
        switch (c) {
        case u'\0':
            escape = "\\0";
            hexFollows = true;
            break;
        case u'\a':
            escape = "\\a";
            break;
        case u'\b':
            escape = "\\b";
            break;
        case u'\f':
            escape = "\\f";
            break;
        case u'\n':
            escape = "\\n";
            break;
        case u'\r':
            escape = "\\r";
            break;
        case u'\t':
            escape = "\\t";
            break;
        case u'\v':
            escape = "\\v";
            break;
        case u'"':
            escape = "\\\"";
            break;
        case u'\\':
            escape = "\\\\";
            break;
        default:
            break;
        }
        if (escape) {
            flush();
            out += escape;
        } else if (c <= 0x1F) {
            flush();
            out += "\\x" + QByteArray::number(uint(c), 16);
            hexFollows = true;
        } else {
            plain += qc;
        }
    }
    flush();
    if (quote || (out.size() > start && (out.at(start) == ' ' || out.back() == ' '))) {
        out.insert(start, '"');
        out += '"';
    }
}

bool appendVariant(const QVariant &value, QByteArray &out)
{
    if (value.typeId() == QMetaType::QString) {
        appendValue(stored(value.toString()), out);
        return true;
    }
    // A list as QSettings reads one back (two or more items; "a, b" unquoted), each item a string.
    if (value.typeId() == QMetaType::QStringList || value.typeId() == QMetaType::QVariantList) {
        const QVariantList items = value.toList();
        if (items.size() < 2)
            return false;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (items.at(i).typeId() != QMetaType::QString)
                return false;
            if (i)
                out += ", ";
            appendValue(stored(items.at(i).toString()), out);
        }
        return true;
    }
    return false;
}
} // namespace

namespace IniText {

std::optional<QByteArray> encode(const QMap<QString, QVariant> &values)
{
    QMap<QString, QMap<QString, QVariant>> sections;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const qsizetype slash = it.key().indexOf(QLatin1Char('/'));
        sections[slash < 0 ? QString() : it.key().left(slash)][slash < 0 ? it.key() : it.key().mid(slash + 1)] =
            it.value();
    }
    QByteArray out;
    for (auto section = sections.cbegin(); section != sections.cend(); ++section) {
        QByteArray header = name(section.key());
        if (header.isEmpty())
            header = "General";
        else if (header.compare("general", Qt::CaseInsensitive) == 0)
            header = "%General";
        if (section != sections.cbegin())
            out += '\n';
        out += '[' + header + "]\n";
        for (auto key = section->cbegin(); key != section->cend(); ++key) {
            out += name(key.key()) + '=';
            if (!appendVariant(key.value(), out))
                return std::nullopt;
            out += '\n';
        }
    }
    return out;
}

} // namespace IniText
