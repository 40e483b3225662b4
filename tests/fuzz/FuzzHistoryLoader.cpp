// The history loader and chain check under any files: they may only report what the files hold, must
// account for every record they cannot use, and must leave a later load seeing the same history.
#include "FuzzTargets.h"
#include "FuzzVerdict.h"

#include "HistoryStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QMultiHash>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>

#include <algorithm>

namespace {
// What the shard files hold, read straight from the INI files before the loader touches them (it moves
// unreadable ones aside). A shard the loader may use is one QSettings parses with format 1.
struct Holding {
    QStringList readable;
    QStringList unreadable;
    qsizetype records = 0;  // in readable shards
    qsizetype unparsed = 0; // records in readable shards whose text is not a JSON object
    QSet<qint64> seqs;
    QMultiHash<qint64, QString> hashes;
    QMultiHash<qint64, QJsonObject> begins;        // by record number
    QMultiHash<qint64, QString> completionOutcomes; // by the entry they complete
};

// Reads `copy`, a copy of the loader's file `path`.
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
            h->completionOutcomes.insert(qint64(o.value(QLatin1String("ref")).toDouble()), o.value(QLatin1String("outcome")).toString());
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
        v.require(report.headSeq == *std::max_element(h.seqs.cbegin(), h.seqs.cend()), "the vouched head is the newest record");
        v.require(h.hashes.values(report.headSeq).contains(report.headHash), "the vouched head hash is the one on disk");
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
void checkLoad(FuzzVerdict &v, const HistoryLoad &load, const Holding &h)
{
    v.require(load.entries.size() <= h.begins.size(), "no more entries than begin records on disk");
    for (const HistoryEntry &e : load.entries) {
        v.require(h.seqs.contains(e.id) && matchesBegin(e, h), "each entry is a begin record read from disk (number, user, action)");
        v.require(h.hashes.values(e.id).contains(e.recordHash), "each entry carries its begin record's hash");
        v.require(e.completionRecord == 0
                      || (h.seqs.contains(e.completionRecord) && h.hashes.values(e.completionRecord).contains(e.completionHash)),
                  "a completion record named by an entry is on disk, with its hash");
        const QStringList outcomes = h.completionOutcomes.values(e.id);
        v.require(e.outcome != HistoryEntry::Outcome::Success || outcomes.contains(QStringLiteral("success")),
                  "success is shown only when a completion on disk says so");
        v.require(e.outcome != HistoryEntry::Outcome::Failure || !outcomes.isEmpty(),
                  "failure is shown only when a completion on disk exists");
    }
    v.require(load.problems.size() >= h.unparsed + h.unreadable.size(), "every unreadable file and damaged record is reported");
    v.require(load.quarantined.size() == h.unreadable.size(), "exactly the unreadable files are moved aside");
    v.require(std::all_of(h.readable.cbegin(), h.readable.cend(), [](const QString &p) { return QFile::exists(p); }),
              "readable files are left in place");
}

// A second load sees what the first one returned, and has nothing left to move aside.
void checkReload(FuzzVerdict &v, const HistoryLoad &first, const HistoryLoad &second)
{
    auto shape = [](const HistoryLoad &l) {
        QList<QStringList> rows;
        for (const HistoryEntry &e : l.entries)
            rows.append({QString::number(e.id), e.recordHash, QString::number(e.completionRecord), e.completionHash, e.userId});
        return rows;
    };
    v.require(second.quarantined.isEmpty(), "a second load has nothing left to quarantine");
    v.require(shape(first) == shape(second), "loading twice gives the same entries");
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
    // (milliseconds) match, which a fuzzer rewriting the same path thousands of times a second defeats;
    // and a cached file no longer reports that it failed to parse. So every input gets fresh paths,
    // and the oracle, the check and the load each read their own copy: none primes another's cache.
    // (The store's own verify() followed by load() on one folder hides an unreadable shard that way:
    // regressions/history_loader/nul-in-group-header.bin, reported to the history rewrite.)
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
    for (const QString &name : {QStringLiteral("h-2026-01-0000000001.ini"), QStringLiteral("h-2026-01-0000000003.ini")}) {
        if (QFile::exists(QDir(oracleDir).filePath(name)))
            readShard(QDir(oracleDir).filePath(name), QDir(historyDir).filePath(name), &holding);
    }
    FuzzVerdict v;
    {
        HistoryStore check(checkDir);
        check.setChainKey(QByteArrayLiteral("fuzz"));
        checkVerify(v, check.verify(), holding);
        HistoryStore store(historyDir);
        store.setChainKey(QByteArrayLiteral("fuzz"));
        const HistoryLoad first = store.load();
        checkLoad(v, first, holding);
        checkReload(v, first, store.load());
    }
    for (const QString &d : {historyDir, checkDir, oracleDir})
        QDir(d).removeRecursively();
    return v.failure();
}
