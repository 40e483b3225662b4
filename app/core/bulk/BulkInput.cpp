#include "BulkInput.h"

#include "action/ActionPolicy.h"
#include "action/Validation.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStringDecoder>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("BulkInput", text);
}
constexpr qint64 kReadChunk = 1024 * 1024;

// One RFC 4180 record and the physical line it starts on.
struct CsvRecord {
    int line = 0;
    QStringList fields;
    bool blank() const { return fields.size() == 1 && fields.first().trimmed().isEmpty(); }
};

Status tooManyRows()
{
    return Status::failure(
        QCoreApplication::translate("BulkInput", "The input has more than %L1 rows; split it into several runs.")
            .arg(BulkInput::kMaxRows),
        Status::Kind::Invalid);
}

Status malformed(int line, const QString &what)
{
    return Status::failure(tr("Line %1 is not well-formed CSV: %2.").arg(line).arg(what), Status::Kind::Invalid);
}

// The records of `text` (which starts on physical line `firstLine`), as RFC 4180 reads them: a field in
// double quotes may hold commas, doubled quotes and line breaks. A stray quote is refused by its line
// rather than guessed at, since a guess could turn half of a row into a user ID that gets sent. More
// than `maxRecords` rows are refused as soon as they are seen (blank lines past them are no rows).
Result<QList<CsvRecord>> csvRecords(const QString &text, int firstLine, qsizetype maxRecords)
{
    bool overflow = false;
    enum class At { FieldStart, Unquoted, Quoted, AfterQuote };
    QList<CsvRecord> records;
    CsvRecord record{firstLine, {}};
    QString field;
    At at = At::FieldStart;
    int line = firstLine;
    int quoteLine = firstLine;
    auto endField = [&] {
        record.fields.append(field);
        field.clear();
        at = At::FieldStart;
    };
    auto endRecord = [&] {
        endField();
        if (records.size() < maxRecords)
            records.append(record);
        else if (!record.blank())
            overflow = true;
        record = CsvRecord{++line, {}};
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        const bool crlf = c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n');
        if (at == At::Quoted) {
            if (c == QLatin1Char('"') && i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                at = At::AfterQuote;
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (crlf)
            continue; // the \n that follows ends the record
        if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\n')) {
            endRecord();
            if (overflow)
                return tooManyRows();
        } else if (at == At::AfterQuote) {
            return malformed(line, tr("text after a closing quote"));
        } else if (c == QLatin1Char('"')) {
            if (at == At::Unquoted)
                return malformed(line, tr("a quote inside a field that does not start with one"));
            at = At::Quoted;
            quoteLine = line;
        } else {
            field += c;
            at = At::Unquoted;
        }
    }
    if (at == At::Quoted)
        return malformed(quoteLine, tr("a quoted field is not closed"));
    if (at != At::FieldStart || !field.isEmpty() || !record.fields.isEmpty())
        endRecord();
    if (overflow)
        return tooManyRows();
    while (!records.isEmpty() && records.last().blank())
        records.removeLast();
    return records;
}
} // namespace

QJsonObject BulkRow::toJson() const
{
    QJsonObject o{{QStringLiteral("line"), line}, {QStringLiteral("user_id"), userId}};
    if (!reason.isEmpty())
        o.insert(QStringLiteral("reason"), reason);
    if (!problem.isEmpty())
        o.insert(QStringLiteral("problem"), problem);
    return o;
}

BulkRow BulkRow::fromJson(const QJsonObject &o)
{
    BulkRow row;
    row.line = o.value(QLatin1String("line")).toInt();
    row.userId = o.value(QLatin1String("user_id")).toString();
    row.reason = o.value(QLatin1String("reason")).toString();
    row.problem = o.value(QLatin1String("problem")).toString();
    return row;
}

int BulkInput::validCount() const
{
    int n = 0;
    for (const BulkRow &row : m_rows)
        n += row.valid() ? 1 : 0;
    return n;
}

QStringList BulkInput::splitCsvLine(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields.append(field);
            field.clear();
        } else {
            field += c;
        }
    }
    fields.append(field);
    return fields;
}

Status BulkInput::checkUtf8(const QByteArray &bytes, QString *text)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    *text = decoder.decode(bytes);
    if (!decoder.hasError())
        return Status::success();
    // Name the first line that is not UTF-8, so the officer can fix it.
    int line = 1;
    for (const QByteArray &chunk : bytes.split('\n')) {
        QStringDecoder probe(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = probe.decode(chunk); // decoding happens on conversion to QString
        Q_UNUSED(decoded)
        if (probe.hasError())
            break;
        ++line;
    }
    return Status::failure(tr("The input is not UTF-8 text (line %1); save it as UTF-8 and try again.").arg(line),
                           Status::Kind::Invalid);
}

void BulkInput::addRow(int line, const QString &userId, const QString &reason)
{
    BulkRow row;
    row.line = line;
    row.userId = Validation::normalizedUserId(userId);
    row.reason = reason.trimmed();
    if (row.userId.isEmpty())
        row.problem = tr("blank");
    else if (const Status s = Validation::checkUserId(userId); !s.ok())
        row.problem = s.message();
    else if (const Status r = Validation::checkReason(row.reason); !r.ok())
        row.problem = r.message();
    m_rows.append(row);
}

Result<BulkInput> BulkInput::parse(const QByteArray &bytes, const QString &column, const QString &defaultReason)
{
    BulkInput input;
    input.m_sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    QString text;
    if (Status s = checkUtf8(bytes, &text); !s.ok())
        return s;
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    // The header is the first physical line; a line break inside a header field is not a header.
    const qsizetype firstBreak = text.indexOf(QLatin1Char('\n'));
    QString first = firstBreak < 0 ? text : text.left(firstBreak);
    if (first.endsWith(QLatin1Char('\r')))
        first.chop(1);
    if (text.trimmed().isEmpty())
        return Status::failure(tr("The input has no rows."), Status::Kind::Invalid);

    const QString wanted = column.isEmpty() ? QStringLiteral("user_id") : column;
    const QStringList header = splitCsvLine(first);
    qsizetype idColumn = -1;
    qsizetype reasonColumn = -1;
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString name = header.at(i).trimmed();
        if (name.compare(wanted, Qt::CaseInsensitive) == 0)
            idColumn = i;
        else if (name.compare(QLatin1String("reason"), Qt::CaseInsensitive) == 0)
            reasonColumn = i;
    }
    input.m_csv = idColumn >= 0;
    if (!input.m_csv && (!column.isEmpty() || header.size() > 1))
        return Status::failure(tr("The header (line 1) has no column \"%1\".").arg(wanted.left(60)),
                               Status::Kind::Invalid);

    QList<CsvRecord> records;
    if (input.m_csv) {
        Result<QList<CsvRecord>> parsed = csvRecords(firstBreak < 0 ? QString() : text.mid(firstBreak + 1), 2,
                                                     kMaxRows);
        if (!parsed.ok())
            return parsed.status();
        records = std::move(parsed.value());
    } else {
        // One ID per line: no quoting, so nothing can join or split lines.
        QStringList lines = text.split(QLatin1Char('\n'));
        for (QString &l : lines) {
            if (l.endsWith(QLatin1Char('\r')))
                l.chop(1);
        }
        while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
            lines.removeLast();
        if (lines.size() > kMaxRows)
            return tooManyRows();
        for (qsizetype i = 0; i < lines.size(); ++i)
            records.append(CsvRecord{int(i) + 1, {lines.at(i)}});
    }

    QHash<QString, int> seen;
    input.m_rows.reserve(records.size());
    for (const CsvRecord &record : std::as_const(records)) {
        if (input.m_csv) {
            const QString reason = reasonColumn >= 0 ? record.fields.value(reasonColumn).trimmed() : QString();
            input.addRow(record.line, record.fields.value(idColumn), reason.isEmpty() ? defaultReason : reason);
        } else {
            input.addRow(record.line, record.fields.first(), defaultReason);
        }
        BulkRow &row = input.m_rows.last();
        if (!row.valid())
            continue;
        if (const auto it = seen.constFind(row.userId); it != seen.constEnd())
            row.problem = tr("duplicate of line %1").arg(*it);
        else
            seen.insert(row.userId, record.line);
    }
    if (input.m_rows.isEmpty())
        return Status::failure(tr("The input has a header but no data rows."), Status::Kind::Invalid);
    return input;
}

Result<BulkInput> BulkInput::readFile(const QString &path, const QString &column, const QString &defaultReason)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status::failure(tr("Cannot read %1: %2").arg(path, file.errorString()), Status::Kind::Invalid);
    // Read in chunks up to the limit: a pipe, a device or a growing file reports no size (or a wrong
    // one), and /dev/zero never ends.
    QByteArray bytes;
    while (true) {
        const QByteArray chunk = file.read(kReadChunk);
        if (chunk.isEmpty())
            break;
        bytes += chunk;
        if (bytes.size() > kMaxInputBytes)
            return Status::failure(tr("%1 is larger than %2 MiB; split it into several runs.")
                                       .arg(path)
                                       .arg(kMaxInputBytes / (1024 * 1024)),
                                   Status::Kind::Invalid);
    }
    if (file.error() != QFileDevice::NoError)
        return Status::failure(tr("Cannot read %1: %2").arg(path, file.errorString()), Status::Kind::Invalid);
    Result<BulkInput> parsed = parse(bytes, column, defaultReason);
    if (parsed.ok())
        parsed.value().m_path = QFileInfo(path).absoluteFilePath();
    return parsed;
}

void BulkInput::applyPolicy(QList<BulkRow> &rows, const ActionPolicy &policy, ActionKind action,
                            Environment environment)
{
    for (BulkRow &row : rows) {
        if (!row.valid())
            continue;
        if (const Status s = policy.check(action, environment, row.reason, Confirmation::TypedUserId); !s.ok())
            row.problem = s.message();
    }
}
