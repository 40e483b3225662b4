#include "HistoryShard.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSettings>

#include <algorithm>

namespace HistoryShard {

const QString kHeadFile = QStringLiteral("HEAD");

QString seqKey(qint64 seq)
{
    return QStringLiteral("%1").arg(seq, 10, 10, QLatin1Char('0'));
}

qint64 firstSeq(const QString &fileName)
{
    static const QRegularExpression pattern(QStringLiteral("^h-\\d{4}-\\d{2}-(\\d{10})\\.ini$"));
    const QRegularExpressionMatch m = pattern.match(fileName);
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

QDateTime parseTime(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

QString timeText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

Head readHead(const QString &directory)
{
    QFile file(QDir(directory).filePath(kHeadFile));
    Head head;
    if (!file.open(QIODevice::ReadOnly))
        return head;
    const QList<QByteArray> parts = file.readAll().trimmed().split(' ');
    if (parts.size() == 3 || parts.size() == 4) {
        head.seq = parts[0].toLongLong();
        head.hash = QString::fromLatin1(parts[1]);
        head.mac = QString::fromLatin1(parts[2]);
        if (parts.size() == 4 && firstSeq(QString::fromLatin1(parts[3])) > 0)
            head.shard = QString::fromLatin1(parts[3]);
    }
    return head;
}

bool read(const QString &path, QList<Record> *records, QString *month)
{
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return false;
    if (month)
        *month = settings.value(QStringLiteral("meta/month")).toString();
    if (settings.value(QStringLiteral("meta/format")).toInt() != kFormat)
        return false;
    settings.beginGroup(QStringLiteral("records"));
    const QStringList keys = settings.childKeys();
    QList<Record> local;
    local.reserve(keys.size());
    for (const QString &key : keys) {
        Record r;
        r.seq = key.toLongLong();
        r.text = settings.value(key).toString();
        r.file = path;
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(r.text.toUtf8(), &error);
        r.parsed = error.error == QJsonParseError::NoError && doc.isObject();
        if (r.parsed)
            r.json = doc.object();
        local.append(r);
    }
    settings.endGroup();
    settings.beginGroup(QStringLiteral("hashes"));
    for (Record &r : local)
        r.hash = settings.value(seqKey(r.seq)).toString();
    std::sort(local.begin(), local.end(), [](const Record &a, const Record &b) { return a.seq < b.seq; });
    records->append(local);
    return true;
}

QString describe(const Record &r)
{
    const QString type = r.json.value(QLatin1String("type")).toString();
    if (type == QLatin1String("begin")) {
        ActionKind action = ActionKind::ReEnroll;
        const QString actionName = ActionInfo::fromCliName(r.json.value(QLatin1String("action")).toString(), &action)
            ? ActionInfo::displayName(action)
            : r.json.value(QLatin1String("action")).toString();
        return QCoreApplication::translate("HistoryStore", "record #%1 (entry #%1: %2 of user \"%3\" at %4)")
            .arg(r.seq)
            .arg(actionName, r.json.value(QLatin1String("user_id")).toString().left(60),
                 r.json.value(QLatin1String("time")).toString());
    }
    if (type == QLatin1String("complete")) {
        return QCoreApplication::translate("HistoryStore", "record #%1 (the outcome of entry #%2)")
            .arg(r.seq)
            .arg(qint64(r.json.value(QLatin1String("ref")).toDouble()));
    }
    return QCoreApplication::translate("HistoryStore", "record #%1").arg(r.seq);
}

void applyCompletion(HistoryEntry &e, const QJsonObject &o)
{
    HistoryEntry::Outcome outcome = HistoryEntry::Outcome::Failure;
    HistoryEntry::outcomeFromName(o.value(QLatin1String("outcome")).toString(), &outcome);
    e.outcome = outcome;
    e.completedAt = parseTime(o.value(QLatin1String("time")));
    e.httpStatus = o.value(QLatin1String("http_status")).toInt();
    e.code = o.value(QLatin1String("code")).toString();
    e.message = o.value(QLatin1String("message")).toString();
    e.response = o.value(QLatin1String("response")).toString();
    e.elapsedMs = qint64(o.value(QLatin1String("elapsed_ms")).toDouble());
    e.attempts = o.value(QLatin1String("attempts")).toArray();
}

bool entryFromBegin(const Record &r, HistoryEntry *e)
{
    const QJsonObject &o = r.json;
    e->id = r.seq;
    e->time = parseTime(o.value(QLatin1String("time")));
    e->operatorEmail = o.value(QLatin1String("operator")).toString();
    e->profileName = o.value(QLatin1String("profile")).toString();
    e->partnerId = o.value(QLatin1String("partner_id")).toString();
    e->host = o.value(QLatin1String("host")).toString();
    e->userId = o.value(QLatin1String("user_id")).toString();
    e->reason = o.value(QLatin1String("reason")).toString();
    e->face = o.value(QLatin1String("face")).toString();
    e->pid = qint64(o.value(QLatin1String("pid")).toDouble());
    e->outcome = HistoryEntry::Outcome::Pending;
    return environmentFromName(o.value(QLatin1String("environment")).toString(), &e->environment)
        && ActionInfo::fromCliName(o.value(QLatin1String("action")).toString(), &e->action);
}

} // namespace HistoryShard
