// The history backend's read and chain check under any files: they may only report what the files
// hold, must account for every record they cannot use, must leave every file where and as it was, and
// must leave a later read seeing the same history.
#include "FuzzTargets.h"
#include "FuzzVerdict.h"
#include "history/local/LocalHistoryBackend.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QMultiHash>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>

#include <algorithm>

namespace {
// What the shard files hold, read straight from copies of the INI files. A shard the backend may use is
// one QSettings parses with format 1.
struct Holding {
    QStringList readable;
    QStringList unreadable;
    QHash<QString, QByteArray> bytes; // every file as written, by the path the backend reads
    qsizetype records = 0;            // in readable shards
    qsizetype unparsed = 0;           // records in readable shards whose text is not a JSON object
    QSet<qint64> seqs;
    QMultiHash<qint64, QString> hashes;
    QMultiHash<qint64, QJsonObject> begins;         // by record number
    QMultiHash<qint64, QString> completionOutcomes; // by the entry they complete
};

// Reads `copy`, a copy of the backend's file `path`.
void readShard(const QString &copy, const QString &path, Holding *h)
{
    QSettings ini(copy, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError || ini.value(QStringLiteral("meta/format")).toInt() != 1) {
        h->unreadable.append(path);
        return;
    }
    h->readable.append(path);
    ini.beginGroup(QStringLiteral("records"));
    const QStringList keys = ini.childKeys();
    QStringList texts;
    for (const QString &key : keys)
        texts.append(ini.value(key).toString());
    ini.endGroup();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const qint64 seq = keys[i].toLongLong();
        const QJsonDocument doc = QJsonDocument::fromJson(texts[i].toUtf8());
        const QJsonObject o = doc.object();
        ++h->records;
        h->unparsed += doc.isObject() ? 0 : 1;
        h->seqs.insert(seq);
        h->hashes.insert(seq, ini.value(QStringLiteral("hashes/%1").arg(seq, 10, 10, QLatin1Char('0'))).toString());
        const QString type = o.value(QLatin1String("type")).toString();
        if (type == QLatin1String("begin"))
            h->begins.insert(seq, o);
        else if (type == QLatin1String("complete"))
            h->completionOutcomes.insert(qint64(o.value(QLatin1String("ref")).toDouble()),
                                         o.value(QLatin1String("outcome")).toString());
    }
}

// A passing chain check vouches for every record, and for nothing the files do not hold.
void checkVerify(FuzzVerdict &v, const ChainReport &report, const Holding &h)
{
    v.require(report.keyed, "the report knows the chain is keyed");
    v.require(report.ok || !report.problem.isEmpty(), "a failed check names the problem");
    v.require(!report.ok || (h.unreadable.isEmpty() && h.unparsed == 0), "a damaged history never passes the check");
    v.require(!report.ok || report.records == h.records, "a passing check walked every record");
    if (report.ok && report.records > 0) {
        v.require(report.headSeq == *std::max_element(h.seqs.cbegin(), h.seqs.cend()),
                  "the vouched head is the newest record");
        v.require(h.hashes.values(report.headSeq).contains(report.headHash),
                  "the vouched head hash is the one on disk");
    }
}

bool matchesBegin(const HistoryEntry &e, const Holding &h)
{
    // Compared through the export shape, so what enrollee-cli and exports show is what the file says.
    const QJsonObject exported = e.toJson();
    const QList<QJsonObject> candidates = h.begins.values(e.id);
    auto same = [&exported](const QJsonObject &o, const char *field) {
        return o.value(QLatin1String(field)).toString() == exported.value(QLatin1String(field)).toString();
    };
    return std::any_of(candidates.cbegin(), candidates.cend(),
                       [&same](const QJsonObject &o) { return same(o, "user_id") && same(o, "action"); });
}

// Every entry comes from a begin record on disk, with that record's hash; an outcome comes from a
// completion on disk; nothing unusable goes unreported.
void checkRead(FuzzVerdict &v, const HistoryRead &load, const Holding &h)
{
    v.require(load.entries.size() <= h.begins.size(), "no more entries than begin records on disk");
    for (const HistoryEntry &e : load.entries) {
        v.require(h.seqs.contains(e.id) && matchesBegin(e, h),
                  "each entry is a begin record read from disk (number, user, action)");
        v.require(h.hashes.values(e.id).contains(e.recordHash), "each entry carries its begin record's hash");
        v.require(e.completionRecord == 0
                      || (h.seqs.contains(e.completionRecord)
                          && h.hashes.values(e.completionRecord).contains(e.completionHash)),
                  "a completion record named by an entry is on disk, with its hash");
        const QStringList outcomes = h.completionOutcomes.values(e.id);
        v.require(e.outcome != HistoryEntry::Outcome::Success || outcomes.contains(QStringLiteral("success")),
                  "success is shown only when a completion on disk says so");
        v.require(e.outcome != HistoryEntry::Outcome::Failure || !outcomes.isEmpty(),
                  "failure is shown only when a completion on disk exists");
    }
    v.require(load.problems.size() >= h.unparsed + h.unreadable.size(),
              "every unreadable file and damaged record is reported");
    v.require(load.completions.isEmpty(), "a read from record 1 has no answers to earlier entries");
    v.require(std::all_of(
                  h.unreadable.cbegin(), h.unreadable.cend(),
                  [&load](const QString &p) {
        const QString name = QFileInfo(p).fileName();
        return std::any_of(load.problems.cbegin(), load.problems.cend(),
                           [&name](const QString &problem) { return problem.contains(name); });
                  }),
              "each unreadable file is named in the problems");
    v.require(std::all_of(h.readable.cbegin(), h.readable.cend(), [](const QString &p) { return QFile::exists(p); }),
              "readable files are left in place");
}

// Reads and checks never move, repair or set aside anything: every file is where it was, as it was.
void checkUntouched(FuzzVerdict &v, const QString &historyDir, const Holding &h)
{
    for (auto it = h.bytes.cbegin(); it != h.bytes.cend(); ++it) {
        QFile f(it.key());
        v.require(f.open(QIODevice::ReadOnly) && f.readAll() == it.value(), "every file is left in place, unchanged");
    }
    v.require(!QFileInfo::exists(QDir(historyDir).filePath(QStringLiteral("quarantine"))), "nothing is set aside");
}

// A second read sees what the first one returned, problems included: the first hid nothing.
void checkReload(FuzzVerdict &v, const HistoryRead &first, const HistoryRead &second)
{
    auto shape = [](const HistoryRead &l) {
        QList<QStringList> rows;
        for (const HistoryEntry &e : l.entries)
            rows.append(
                {QString::number(e.id), e.recordHash, QString::number(e.completionRecord), e.completionHash, e.userId});
        return rows;
    };
    v.require(shape(first) == shape(second), "reading twice gives the same entries");
    v.require(first.problems == second.problems, "reading twice reports the same problems");
    v.require(first.newestRecord == second.newestRecord, "reading twice finds the same newest record");
}

void writeInput(const QString &historyDir, const QByteArray &bytes)
{
    QDir().mkpath(historyDir);
    // The input is one shard file as it would sit on disk; a second one follows a 0xFF separator, and a
    // third part, if any, becomes the HEAD file, so gaps, duplicates and heads are explored too.
    const QList<QByteArray> parts = bytes.split('\xff');
    const QStringList names{QStringLiteral("h-2026-01-0000000001.ini"), QStringLiteral("h-2026-01-0000000003.ini"),
                            QStringLiteral("HEAD")};
    for (int i = 0; i < qMin(int(parts.size()), 3); ++i) {
        QFile f(QDir(historyDir).filePath(names[i]));
        if (f.open(QIODevice::WriteOnly))
            f.write(parts[i]);
    }
}
} // namespace

QString fuzzHistoryLoader(const uint8_t *data, size_t size)
{
    // QSettings caches parsed files by path and trusts the cache while size and modification time
    // (milliseconds) match, which a fuzzer rewriting the same path thousands of times a second defeats.
    // So every input gets fresh paths, and the oracle and the first check read their own copies: none
    // primes another's cache. The backend then reads and checks its folder in the order the console does
    // (read, check, read again), and must reach the check's verdict there too.
    static QTemporaryDir dir;
    static quint64 run = 0;
    ++run;
    const QString historyDir = dir.filePath(QStringLiteral("h%1").arg(run));
    const QString checkDir = dir.filePath(QStringLiteral("c%1").arg(run));
    const QString oracleDir = dir.filePath(QStringLiteral("o%1").arg(run));
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    for (const QString &d : {historyDir, checkDir, oracleDir})
        writeInput(d, bytes);
    Holding holding;
    for (const QString &name : QDir(historyDir).entryList(QDir::Files)) {
        QFile f(QDir(historyDir).filePath(name));
        if (f.open(QIODevice::ReadOnly))
            holding.bytes.insert(f.fileName(), f.readAll());
    }
    for (const QString &name :
         {QStringLiteral("h-2026-01-0000000001.ini"), QStringLiteral("h-2026-01-0000000003.ini")}) {
        if (QFile::exists(QDir(oracleDir).filePath(name)))
            readShard(QDir(oracleDir).filePath(name), QDir(historyDir).filePath(name), &holding);
    }
    FuzzVerdict v;
    {
        LocalHistoryBackend check(checkDir);
        check.setChainKey(QByteArrayLiteral("fuzz"));
        const ChainReport verdict = check.verify();
        checkVerify(v, verdict, holding);
        LocalHistoryBackend backend(historyDir);
        backend.setChainKey(QByteArrayLiteral("fuzz"));
        const Result<HistoryRead> first = backend.read(1);
        v.require(first.ok(), "a folder of files can always be read");
        if (first.ok())
            checkRead(v, first.value(), holding);
        const ChainReport after = backend.verify();
        checkVerify(v, after, holding);
        v.require(after.ok == verdict.ok && after.records == verdict.records
                      && after.firstBadSeq == verdict.firstBadSeq,
                  "a check after a read reaches the same verdict as a check alone");
        const Result<HistoryRead> second = backend.read(1);
        v.require(second.ok(), "a folder of files can always be read again");
        if (first.ok() && second.ok())
            checkReload(v, first.value(), second.value());
        checkUntouched(v, historyDir, holding);
    }
    for (const QString &d : {historyDir, checkDir, oracleDir})
        QDir(d).removeRecursively();
    return v.failure();
}
