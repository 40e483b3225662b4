#include "SafeText.h"

namespace {
constexpr char16_t kEsc = 0x1b;
constexpr char16_t kBel = 0x07;
constexpr char16_t kCsi = 0x9b; // the 8-bit forms of ESC [, ESC ], ESC \ and the other string starters
constexpr char16_t kOsc = 0x9d;
constexpr char16_t kSt = 0x9c;

bool startsControlString(char16_t c)
{
    // DCS, SOS, OSC, PM, APC: a payload runs to ST (or BEL), and all of it is for the terminal.
    return c == 0x90 || c == 0x98 || c == kOsc || c == 0x9e || c == 0x9f;
}

// Index just past a CSI sequence's final byte, starting after its introducer.
qsizetype skipCsi(const QString &s, qsizetype i)
{
    while (i < s.size() && s.at(i).unicode() >= 0x20 && s.at(i).unicode() <= 0x3f)
        ++i; // parameters and intermediates
    while (i < s.size() && s.at(i).unicode() >= 0x20 && s.at(i).unicode() <= 0x2f)
        ++i;
    return i < s.size() && s.at(i).unicode() >= 0x40 && s.at(i).unicode() <= 0x7e ? i + 1 : i;
}

// Index just past a control string's terminator (BEL, ST or ESC \), starting after its introducer. An
// unterminated string swallows the rest: a terminal would too.
qsizetype skipControlString(const QString &s, qsizetype i)
{
    for (; i < s.size(); ++i) {
        const char16_t c = s.at(i).unicode();
        if (c == kBel || c == kSt)
            return i + 1;
        if (c == kEsc)
            return i + 1 < s.size() && s.at(i + 1) == QLatin1Char('\\') ? i + 2 : i + 1;
    }
    return i;
}

// Index past the escape sequence that starts at s[i] (an ESC or an 8-bit introducer).
qsizetype skipEscape(const QString &s, qsizetype i)
{
    const char16_t c = s.at(i).unicode();
    if (c == kCsi)
        return skipCsi(s, i + 1);
    if (startsControlString(c))
        return skipControlString(s, i + 1);
    if (i + 1 >= s.size())
        return i + 1;
    const char16_t next = s.at(i + 1).unicode();
    if (next == '[')
        return skipCsi(s, i + 2);
    if (next == ']' || next == 'P' || next == 'X' || next == '^' || next == '_')
        return skipControlString(s, i + 2);
    qsizetype j = i + 1;
    while (j < s.size() && s.at(j).unicode() >= 0x20 && s.at(j).unicode() <= 0x2f)
        ++j; // nF intermediates, e.g. ESC ( B
    return j < s.size() && s.at(j).unicode() >= 0x30 && s.at(j).unicode() <= 0x7e ? j + 1 : j;
}
} // namespace

namespace SafeText {

bool isUnsafe(QChar c)
{
    const auto category = c.category();
    return category == QChar::Other_Control || category == QChar::Other_Format || c == QChar::LineSeparator
        || c == QChar::ParagraphSeparator;
}

QString line(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text.at(i);
        const char16_t u = c.unicode();
        if (u == kEsc || u == kCsi || startsControlString(u)) {
            i = skipEscape(text, i);
            continue;
        }
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            const char32_t ucs4 = QChar::surrogateToUcs4(c, text.at(i + 1));
            if (QChar::category(ucs4) != QChar::Other_Format) // e.g. U+E0001 language tags
                out.append(c).append(text.at(i + 1));
            i += 2;
            continue;
        }
        if (c.isSurrogate())
            out += QChar(QChar::ReplacementCharacter);
        else if (u == '\n' || u == '\r' || u == '\t' || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            out += QLatin1Char(' ');
        else if (!isUnsafe(c))
            out += c;
        ++i;
    }
    return out.simplified();
}

} // namespace SafeText
