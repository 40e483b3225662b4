#include "IniText.h"

#include <QStringDecoder>
#include <QStringList>

#include <cstring>

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
bool plainName(const char *begin, const char *end)
{
    if (begin == end)
        return false;
    for (const char *c = begin; c != end; ++c) {
        const char ch = *c;
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-'
              || ch == '.'))
            return false;
    }
    return true;
}

// One value's bytes, unescaped; false for anything encode() would not have written.
bool unescape(const char *begin, const char *end, QByteArray *out)
{
    out->resize(0); // keeps its capacity for the next value
    if (begin != end && *begin == '"') {
        if (end - begin < 2 || *(end - 1) != '"')
            return false;
        ++begin;
        --end;
        const char *run = begin; // plain bytes not yet copied
        for (const char *c = begin; c != end; ++c) {
            const unsigned char ch = static_cast<unsigned char>(*c);
            if (ch == '"' || ch < 0x20 || ch == 0x7F)
                return false;
            if (ch != '\\')
                continue;
            out->append(run, c - run);
            if (++c == end)
                return false;
            run = c + 1;
            switch (*c) {
            case '"':
                out->append('"');
                break;
            case '\\':
                out->append('\\');
                break;
            case 'n':
                out->append('\n');
                break;
            case 't':
                out->append('\t');
                break;
            case 'r':
                out->append('\r');
                break;
            case 'a':
                out->append('\a');
                break;
            case 'b':
                out->append('\b');
                break;
            case 'f':
                out->append('\f');
                break;
            case 'v':
                out->append('\v');
                break;
            default:
                return false; // \x, \0 and the rest: QSettings reads those
            }
        }
        out->append(run, end - run);
        return true;
    }
    // Unquoted: nothing QSettings would trim, split, unescape or type.
    if (begin != end && (*begin == ' ' || *(end - 1) == ' '))
        return false;
    for (const char *c = begin; c != end; ++c) {
        const unsigned char ch = static_cast<unsigned char>(*c);
        if (ch < 0x20 || ch == 0x7F || ch == '"' || ch == '\\' || ch == ',' || ch == ';' || ch == '=')
            return false;
    }
    out->append(begin, end - begin);
    return true;
}

bool toText(const QByteArray &bytes, QString *text)
{
    bool ascii = true;
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        *text = QString::fromLatin1(bytes);
        return true;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *text = decoder.decode(bytes);
    return !decoder.hasError();
}
} // namespace

namespace IniText {

std::optional<Sections> decode(const QByteArray &text)
{
    Sections sections;
    QHash<QString, QString> *section = nullptr;
    const char *data = text.constData();
    const char *const end = data + text.size();
    QByteArray value;
    QString decoded;
    while (data < end) {
        const char *eol = static_cast<const char *>(memchr(data, '\n', size_t(end - data)));
        if (!eol)
            eol = end;
        const char *line = data;
        data = eol + 1;
        if (line == eol)
            continue;
        if (*line == '[') {
            if (*(eol - 1) != ']' || !plainName(line + 1, eol - 1))
                return std::nullopt;
            const QString name = QString::fromLatin1(line + 1, eol - line - 2);
            if (name.compare(QLatin1String("general"), Qt::CaseInsensitive) == 0 || sections.contains(name))
                return std::nullopt;
            section = &sections[name];
            continue;
        }
        const char *equals = static_cast<const char *>(memchr(line, '=', size_t(eol - line)));
        if (!section || !equals || !plainName(line, equals) || !unescape(equals + 1, eol, &value)
            || !toText(value, &decoded) || decoded.startsWith(QLatin1Char('@')))
            return std::nullopt;
        const QString key = QString::fromLatin1(line, equals - line);
        if (section->contains(key))
            return std::nullopt;
        section->insert(key, decoded);
    }
    return sections;
}

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
