#include "HistoryEntryJson.h"

#include <QCborValue>
#include <QJsonArray>
#include <QJsonObject>

namespace {
// A string as QJsonDocument escapes it: the two JSON specials and the named controls escaped, the rest
// as UTF-8. False for what is left to QJsonDocument (other controls, DEL, lone surrogates).
bool appendString(const QString &s, QByteArray &out)
{
    bool ascii = true;
    qsizetype escapes = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t u = s.at(i).unicode();
        if (u >= 0x80) {
            if (QChar::isHighSurrogate(u)) {
                if (i + 1 >= s.size() || !QChar::isLowSurrogate(s.at(i + 1).unicode()))
                    return false;
                ++i;
            } else if (QChar::isLowSurrogate(u)) {
                return false;
            }
            ascii = false;
            continue;
        }
        if (u >= 0x20 && u != 0x7F && u != u'"' && u != u'\\')
            continue;
        switch (u) {
        case u'"':
        case u'\\':
        case u'\b':
        case u'\f':
        case u'\n':
        case u'\r':
        case u'\t':
            ++escapes;
            break;
        default:
            return false;
        }
    }
    // Checked; now written, at once when nothing needs escaping.
    out += '"';
    const QByteArray bytes = ascii ? s.toLatin1() : s.toUtf8();
    if (!escapes) {
        out += bytes;
        out += '"';
        return true;
    }
    out.reserve(out.size() + bytes.size() + 2 * escapes + 1);
    for (const char c : bytes) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += c;
        }
    }
    out += '"';
    return true;
}

// QDateTime::toString(Qt::ISODateWithMs) of a UTC time ("2026-03-04T05:06:07.089Z"), written by hand
// for the years it writes with four digits (it formats through a slow general path).
QString isoUtc(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate d = utc.date();
    const QTime t = utc.time();
    if (!d.isValid() || !t.isValid() || d.year() < 0 || d.year() > 9999)
        return utc.toString(Qt::ISODateWithMs);
    char text[24];
    const auto put = [&text](int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; --i) {
            text[at + i] = char('0' + value % 10);
            value /= 10;
        }
    };
    put(0, d.year(), 4);
    text[4] = '-';
    put(5, d.month(), 2);
    text[7] = '-';
    put(8, d.day(), 2);
    text[10] = 'T';
    put(11, t.hour(), 2);
    text[13] = ':';
    put(14, t.minute(), 2);
    text[16] = ':';
    put(17, t.second(), 2);
    text[19] = '.';
    put(20, t.msec(), 3);
    text[23] = 'Z';
    return QString::fromLatin1(text, 24);
}

QByteArray spaces(int indent)
{
    return QByteArray(4 * indent, ' ');
}

bool appendValue(const QJsonValue &v, QByteArray &out, int indent);

bool appendObject(const QJsonObject &o, QByteArray &out, int indent)
{
    out += "{\n";
    for (auto it = o.begin(); it != o.end(); ++it) {
        out += spaces(indent + 1);
        if (!appendString(it.key(), out))
            return false;
        out += ": ";
        if (!appendValue(it.value(), out, indent + 1))
            return false;
        out += std::next(it) == o.end() ? "\n" : ",\n";
    }
    out += spaces(indent);
    out += '}';
    return true;
}

bool appendArray(const QJsonArray &a, QByteArray &out, int indent)
{
    out += "[\n";
    for (qsizetype i = 0; i < a.size(); ++i) {
        out += spaces(indent + 1);
        if (!appendValue(a.at(i), out, indent + 1))
            return false;
        out += i + 1 == a.size() ? "\n" : ",\n";
    }
    out += spaces(indent);
    out += ']';
    return true;
}

bool appendValue(const QJsonValue &v, QByteArray &out, int indent)
{
    switch (v.type()) {
    case QJsonValue::Null:
        out += "null";
        return true;
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        return true;
    case QJsonValue::Double: {
        // Integers are written as integers; a floating-point number is left to QJsonDocument.
        const QCborValue cbor = QCborValue::fromJsonValue(v);
        if (!cbor.isInteger())
            return false;
        out += QByteArray::number(cbor.toInteger());
        return true;
    }
    case QJsonValue::String:
        return appendString(v.toString(), out);
    case QJsonValue::Array:
        return appendArray(v.toArray(), out, indent);
    case QJsonValue::Object:
        return appendObject(v.toObject(), out, indent);
    case QJsonValue::Undefined:
        break;
    }
    return false;
}

// One field at the entry's level (indent 2, the entry being an element of the top array).
struct Fields {
    QByteArray out;
    bool ok = true;
    bool first = true;
    void key(const char *name)
    {
        out += first ? "        \"" : ",\n        \"";
        first = false;
        out += name;
        out += "\": ";
    }
    void string(const char *name, const QString &value)
    {
        key(name);
        ok = ok && appendString(value, out);
    }
    void integer(const char *name, qint64 value)
    {
        key(name);
        out += QByteArray::number(value);
    }
    void null(const char *name)
    {
        key(name);
        out += "null";
    }
};
} // namespace

namespace HistoryEntryJson {

std::optional<QByteArray> arrayElement(const HistoryEntry &e)
{
    // The fields of HistoryEntry::toJson(), in the order QJsonObject keeps them (sorted by name).
    Fields f;
    f.out.reserve(1024 + e.response.size());
    f.out += "    {\n";
    f.string("action", ActionInfo::cliName(e.action));
    if (e.approvalId > 0) {
        f.key("approval");
        f.out += "{\n            \"request\": " + QByteArray::number(e.approvalId) + "\n        }";
    }
    f.key("attempts");
    f.ok = f.ok && appendArray(e.attempts, f.out, 2);
    f.string("code", e.code);
    if (e.completedAt.isValid())
        f.string("completed_at", isoUtc(e.completedAt));
    else
        f.null("completed_at");
    f.string("completion_hash", e.completionHash);
    f.integer("completion_record", e.completionRecord);
    if (!e.dbRole.isEmpty())
        f.string("db_role", e.dbRole);
    f.integer("elapsed_ms", e.elapsedMs);
    f.string("environment", environmentName(e.environment));
    f.string("face", e.face);
    f.string("host", e.host);
    f.integer("http_status", e.httpStatus);
    f.integer("id", e.id);
    if (!e.dbRole.isEmpty())
        f.string("machine", e.machine);
    f.string("message", e.message);
    f.string("operator", e.operatorEmail);
    f.string("outcome", HistoryEntry::outcomeName(e.outcome));
    f.string("partner_id", e.partnerId);
    f.string("profile", e.profileName);
    f.string("reason", e.reason);
    f.string("record_hash", e.recordHash);
    f.string("response", e.response);
    if (e.runId.isEmpty()) {
        f.null("run_digest");
        f.null("run_id");
        f.null("run_line");
    } else {
        f.string("run_digest", e.runDigest);
        f.string("run_id", e.runId);
        f.integer("run_line", e.runLine);
    }
    f.string("time", isoUtc(e.time));
    f.string("user_id", e.userId);
    f.out += "\n    }";
    if (!f.ok)
        return std::nullopt;
    return f.out;
}

} // namespace HistoryEntryJson
