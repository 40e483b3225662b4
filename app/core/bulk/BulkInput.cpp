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
constexpr qint64 kMaxInputBytes = 64 * 1024 * 1024;
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
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &l : lines) {
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
    }
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    if (lines.isEmpty())
        return Status::failure(tr("The input has no rows."), Status::Kind::Invalid);

    const QString wanted = column.isEmpty() ? QStringLiteral("user_id") : column;
    const QStringList header = splitCsvLine(lines.first());
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

    QHash<QString, int> seen;
    for (qsizetype i = input.m_csv ? 1 : 0; i < lines.size(); ++i) {
        const int line = int(i) + 1;
        if (input.m_csv) {
            const QStringList fields = splitCsvLine(lines.at(i));
            const QString reason = reasonColumn >= 0 ? fields.value(reasonColumn).trimmed() : QString();
            input.addRow(line, fields.value(idColumn), reason.isEmpty() ? defaultReason : reason);
        } else {
            input.addRow(line, lines.at(i), defaultReason);
        }
        BulkRow &row = input.m_rows.last();
        if (!row.valid())
            continue;
        if (const auto it = seen.constFind(row.userId); it != seen.constEnd())
            row.problem = tr("duplicate of line %1").arg(*it);
        else
            seen.insert(row.userId, line);
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
    if (file.size() > kMaxInputBytes)
        return Status::failure(tr("%1 is larger than 64 MiB.").arg(path), Status::Kind::Invalid);
    Result<BulkInput> parsed = parse(file.readAll(), column, defaultReason);
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
