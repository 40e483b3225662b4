#include "HistoryShard.h"

#include "history/local/IniText.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QMutex>
#include <QSettings>

#include <algorithm>

namespace {
// What QSettings' cache goes by: a file it parsed is not parsed again while these are unchanged.
struct Stamp {
    qint64 size = -1;
    QDateTime modified;
    bool operator==(const Stamp &other) const { return size == other.size && modified == other.modified; }
};

Stamp stampOf(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? Stamp{info.size(), info.lastModified()} : Stamp();
}

QMutex g_unparsableMutex;
QHash<QString, Stamp> g_unparsable; // files QSettings failed to parse, as they were then
} // namespace

namespace HistoryShard {

namespace {
Record parseRecord(const QString &key, const QString &text, const QString &path)
{
    Record r;
    r.seq = key.toLongLong();
    r.text = text;
    r.file = path;
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(r.text.toUtf8(), &error);
    r.parsed = error.error == QJsonParseError::NoError && doc.isObject();
    if (r.parsed)
        r.json = doc.object();
    return r;
}

// Every record named by its zero-padded number, as written: no two keys can then name one number, whose
// order would be QSettings' to decide.
bool canonical(const IniText::Sections &sections)
{
    const QHash<QString, QString> texts = sections.value(QStringLiteral("records"));
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        if (it.key().size() != 10 || seqKey(it.key().toLongLong()) != it.key())
            return false;
    }
    return true;
}

// What read() takes from a file decoded directly, exactly as it takes it through QSettings.
bool take(const IniText::Sections &sections, const QString &path, QList<Record> *records, QString *month)
{
    const QHash<QString, QString> meta = sections.value(QStringLiteral("meta"));
    if (month)
        *month = meta.value(QStringLiteral("month"));
    if (meta.value(QStringLiteral("format")).toInt() != kFormat)
        return false;
    const QHash<QString, QString> texts = sections.value(QStringLiteral("records"));
    const QHash<QString, QString> hashes = sections.value(QStringLiteral("hashes"));
    QList<Record> local;
    local.reserve(texts.size());
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        Record r = parseRecord(it.key(), it.value(), path);
        r.hash = hashes.value(it.key()); // the key is seqKey(r.seq): canonical() said so
        local.append(std::move(r));
    }
    std::sort(local.begin(), local.end(), [](const Record &a, const Record &b) { return a.seq < b.seq; });
    records->append(local);
    return true;
}
} // namespace

const QString kHeadFile = QStringLiteral("HEAD");

QString seqKey(qint64 seq)
{
    return QStringLiteral("%1").arg(seq, 10, 10, QLatin1Char('0'));
}

qint64 firstSeq(const QString &fileName)
{
    // "h-" + 4 digits + "-" + 2 digits + "-" + 10 digits + ".ini", digits as a regular expression's \\d
    // takes them (any decimal digit); checked by hand, as every shard of a large history is named here.
    constexpr qsizetype kLength = 24;
    if (fileName.size() != kLength || !fileName.startsWith(QLatin1String("h-"))
        || !fileName.endsWith(QLatin1String(".ini")) || fileName.at(6) != QLatin1Char('-')
        || fileName.at(9) != QLatin1Char('-'))
        return -1;
    for (const qsizetype i : {2, 3, 4, 5, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}) {
        if (!fileName.at(i).isDigit())
            return -1;
    }
    return fileName.mid(10, 10).toLongLong();
}

QDateTime parseTime(const QJsonValue &v)
{
    // What timeText() writes ("2026-03-04T05:06:07.089Z") is taken apart by hand: Qt's ISO parser is a
    // large share of reading a history of millions. Anything else, or a date or time that does not
    // exist, is Qt's to parse, as before.
    const QString text = v.toString();
    const auto digits = [&text](qsizetype at, qsizetype count, int *value) {
        int n = 0;
        for (qsizetype i = at; i < at + count; ++i) {
            const char16_t c = text.at(i).unicode();
            if (c < u'0' || c > u'9')
                return false;
            n = n * 10 + (c - u'0');
        }
        *value = n;
        return true;
    };
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, msec = 0;
    if (text.size() == 24 && text.at(4) == u'-' && text.at(7) == u'-' && text.at(10) == u'T' && text.at(13) == u':'
        && text.at(16) == u':' && text.at(19) == u'.' && text.at(23) == u'Z' && digits(0, 4, &year)
        && digits(5, 2, &month) && digits(8, 2, &day) && digits(11, 2, &hour) && digits(14, 2, &minute)
        && digits(17, 2, &second) && digits(20, 3, &msec) && year > 0) {
        const QDate date(year, month, day);
        const QTime time(hour, minute, second, msec);
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

QString monthOf(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM"));
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
    if (parts.size() == 3 || parts.size() == 4 || (parts.size() == 5 && parts[4] == kAnchoredMark)) {
        head.seq = parts[0].toLongLong();
        head.hash = QString::fromLatin1(parts[1]);
        head.mac = QString::fromLatin1(parts[2]);
        if (parts.size() >= 4 && firstSeq(QString::fromLatin1(parts[3])) > 0)
            head.shard = QString::fromLatin1(parts[3]);
        head.anchored = parts.size() == 5;
    }
    return head;
}

std::unique_ptr<QSettings> open(const QString &path)
{
    const Stamp before = stampOf(path);
    auto settings = std::make_unique<QSettings>(path, QSettings::IniFormat);
    settings->sync(); // another process may have appended since this process last read it
    const Stamp after = stampOf(path);
    const bool failed = settings->status() != QSettings::NoError;
    const QString key = QFileInfo(path).absoluteFilePath();
    const QMutexLocker lock(&g_unparsableMutex);
    if (failed) {
        // Remembered only for a file that held still while it was parsed: that is the content cached.
        if (before == after)
            g_unparsable.insert(key, after);
        return nullptr;
    }
    if (const auto it = g_unparsable.constFind(key); it != g_unparsable.constEnd()) {
        if (*it == after)
            return nullptr;
        g_unparsable.erase(it); // changed since: what QSettings holds now was parsed afresh
    }
    return settings;
}

bool read(const QString &path, QList<Record> *records, QString *month)
{
    // The files this history writes are read directly (IniText::decode); anything it does not take
    // for certain goes through QSettings as before.
    if (QFile file(path); file.open(QIODevice::ReadOnly)) {
        const std::optional<IniText::Sections> decoded = IniText::decode(file.readAll());
        if (decoded && canonical(*decoded))
            return take(*decoded, path, records, month);
    }
    const std::unique_ptr<QSettings> opened = open(path);
    if (!opened)
        return false;
    QSettings &settings = *opened;
    if (month)
        *month = settings.value(QStringLiteral("meta/month")).toString();
    if (settings.value(QStringLiteral("meta/format")).toInt() != kFormat)
        return false;
    settings.beginGroup(QStringLiteral("records"));
    const QStringList keys = settings.childKeys();
    QList<Record> local;
    local.reserve(keys.size());
    for (const QString &key : keys)
        local.append(parseRecord(key, settings.value(key).toString(), path));
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
    e->runId = o.value(QLatin1String("run_id")).toString();
    e->runLine = o.value(QLatin1String("run_line")).toInt();
    e->runDigest = o.value(QLatin1String("run_digest")).toString();
    e->approvalId = qint64(o.value(QLatin1String("approval_request")).toDouble());
    e->outcome = HistoryEntry::Outcome::Pending;
    return environmentFromName(o.value(QLatin1String("environment")).toString(), &e->environment)
        && ActionInfo::fromCliName(o.value(QLatin1String("action")).toString(), &e->action);
}

} // namespace HistoryShard
