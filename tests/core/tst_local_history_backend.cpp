// LocalHistoryBackend on its own, called synchronously (the test is its one thread): the chain and
// what breaks it, shards and months, batched begins, incremental reads, retention, private files,
// damaged shards reported where they lie, and real child processes (this binary re-run) appending at
// once or killed with -9 mid-action.
#include "base/Clock.h"
#include "history/local/HistoryShard.h"
#include "history/local/IniText.h"
#include "history/local/LocalHistoryBackend.h"
#include "support/HistorySamples.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSettings>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

namespace {
const QByteArray kKey = "per-installation-secret-for-tests";

HistoryEntry sampleEntry(const QString &user, ActionKind action = ActionKind::Deactivate)
{
    return HistorySamples::entry(user, action);
}

HistoryEntry completion(const HistoryEntry &begun, bool ok)
{
    HistoryEntry e = begun;
    e.outcome = ok ? HistoryEntry::Outcome::Success : HistoryEntry::Outcome::Failure;
    e.httpStatus = ok ? 200 : 400;
    e.code = ok ? QString() : QStringLiteral("2210");
    e.message = ok ? QString() : QStringLiteral("HTTP 400, code 2210: no user");
    e.response = ok ? QStringLiteral("{\"success\":true}") : QStringLiteral("{\"code\":\"2210\"}");
    e.elapsedMs = 12;
    return e;
}

// One begin record; 0 when it could not be written.
qint64 beginOne(LocalHistoryBackend &backend, const HistoryEntry &e)
{
    const Result<QList<qint64>> ids = backend.begin({e});
    return ids.ok() && ids.value().size() == 1 ? ids.value().first() : 0;
}

mode_t modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : mode_t(07777);
}

// Every file under `folders`, path -> bytes: what a failed write must leave exactly as it was.
QMap<QString, QByteArray> snapshot(const QStringList &folders)
{
    QMap<QString, QByteArray> files;
    for (const QString &folder : folders) {
        QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            files.insert(path, f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>"));
        }
    }
    return files;
}

// A real, small file system that fills up: tmpfs mounted for the test's lifetime (root only).
class SmallDisk
{
public:
    explicit SmallDisk(const QString &path) : m_path(path)
    {
        QDir().mkpath(path);
        m_mounted = QProcess::execute(QStringLiteral("mount"),
                                      {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                       QStringLiteral("size=2m"), QStringLiteral("tmpfs"), path})
            == 0;
    }
    ~SmallDisk()
    {
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_path});
    }
    bool mounted() const { return m_mounted; }
    QString filler() const { return QDir(m_path).filePath(QStringLiteral("filler")); }
    // Grows the filler until fewer than `freeBytes` remain.
    bool fillLeaving(qint64 freeBytes) const
    {
        QFile f(filler());
        if (!f.open(QIODevice::WriteOnly | QIODevice::Append))
            return false;
        const QByteArray block(4096, 'f');
        while (QStorageInfo(m_path).bytesAvailable() > freeBytes) {
            if (f.write(block) != block.size() || !f.flush())
                return false;
        }
        return true;
    }
    // Gives `bytes` back by shortening the filler.
    bool release(qint64 bytes) const
    {
        QFile f(filler());
        return f.resize(qMax<qint64>(0, f.size() - bytes));
    }

private:
    QString m_path;
    bool m_mounted = false;
};

// Child-process modes: the test re-runs its own binary to get real concurrent writers and a real kill -9.
int childMain(const QStringList &args)
{
    LocalHistoryBackend backend(args.value(2));
    backend.setChainKey(kKey);
    backend.setAnchorFile(args.value(5)); // none when not given
    const int count = args.value(3).toInt();
    for (int i = 0; i < count; ++i) {
        HistoryEntry e = sampleEntry(QStringLiteral("%1-%2").arg(args.value(4)).arg(i));
        const Result<QList<qint64>> ids = backend.begin({e});
        Status done = ids.status();
        if (ids.ok()) {
            e.id = ids.value().first();
            done = backend.complete({completion(e, true)});
        }
        if (!done.ok()) {
            fprintf(stderr, "%s\n", qPrintable(done.message()));
            return 2;
        }
    }
    if (args.value(1) == QLatin1String("--child-hang")) {
        if (beginOne(backend, sampleEntry(QStringLiteral("in-flight"))) == 0)
            return 3;
        fputs("ready\n", stdout);
        fflush(stdout);
        for (;;)
            pause();
    }
    return 0;
}
} // namespace

class TestLocalHistoryBackend : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString dir(const char *name) { return m_dir.filePath(QLatin1String(name)); }

    // Fills a history with n completed actions.
    static void fill(LocalHistoryBackend &backend, int n)
    {
        for (int i = 0; i < n; ++i) {
            HistoryEntry e = sampleEntry(QStringLiteral("user-%1").arg(i));
            e.id = beginOne(backend, e);
            QVERIFY(e.id > 0);
            const Status done = backend.complete({completion(e, i % 3 != 0)});
            QVERIFY2(done.ok(), qPrintable(done.message()));
        }
    }

    static HistoryRead readAll(LocalHistoryBackend &backend, qint64 from = 1)
    {
        const Result<HistoryRead> read = backend.read(from);
        if (!read.ok())
            qWarning("read(%lld) failed: %s", static_cast<long long>(from), qPrintable(read.message()));
        return read.valueOr(HistoryRead());
    }

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static void writeFile(const QString &path, const QByteArray &data)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(data);
        QVERIFY(f.flush());
        // QSettings re-reads a file when its size or time changed; an edit of the same size within one
        // file-system tick would otherwise be served from its cache. A person's edit is never that fast.
        static qint64 tick = 0;
        QVERIFY(f.setFileTime(QDateTime::currentDateTimeUtc().addSecs(++tick), QFileDevice::FileModificationTime));
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void beginCompleteAndRead()
    {
        LocalHistoryBackend backend(dir("basic"));
        backend.setChainKey(kKey);
        HistoryEntry e = sampleEntry(QStringLiteral("user-1"));
        e.id = beginOne(backend, e);
        QCOMPARE(e.id, 1);
        HistoryRead read = readAll(backend);
        QCOMPARE(read.entries.size(), 1);
        QCOMPARE(read.entries[0].outcome, HistoryEntry::Outcome::Pending); // ours, still in flight
        QCOMPARE(read.newestRecord, 1);
        QVERIFY(backend.complete({completion(e, false)}).ok());
        read = readAll(backend);
        QVERIFY(read.problems.isEmpty());
        QCOMPARE(read.newestRecord, 2);
        const HistoryEntry &got = read.entries.at(0);
        QCOMPARE(got.userId, QStringLiteral("user-1"));
        QCOMPARE(got.action, ActionKind::Deactivate);
        QCOMPARE(got.operatorEmail, QStringLiteral("officer@example.com"));
        QCOMPARE(got.environment, Environment::Local);
        QCOMPARE(got.reason, QStringLiteral("case-user-1"));
        QCOMPARE(got.outcome, HistoryEntry::Outcome::Failure);
        QCOMPARE(got.httpStatus, 400);
        QCOMPARE(got.code, QStringLiteral("2210"));
        QVERIFY(got.message.contains(QLatin1String("2210")));
        QVERIFY(got.time.isValid() && got.completedAt.isValid());
        QCOMPARE(got.completionRecord, 2);
        QVERIFY(backend.verify().ok);
        const QJsonObject json = got.toJson();
        for (const char *key : {"time", "operator", "environment", "user_id", "action", "reason", "outcome",
                                "http_status", "code", "message"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
    }

    void interleavedActionsKeepTheChain()
    {
        LocalHistoryBackend backend(dir("interleaved"));
        backend.setChainKey(kKey);
        HistoryEntry a = sampleEntry(QStringLiteral("a"));
        HistoryEntry b = sampleEntry(QStringLiteral("b"));
        a.id = beginOne(backend, a);
        b.id = beginOne(backend, b);
        QVERIFY(backend.complete({completion(b, true)}).ok());
        QVERIFY(backend.complete({completion(a, false)}).ok());
        const HistoryRead read = readAll(backend);
        QCOMPARE(read.entries.size(), 2);
        QCOMPARE(read.entries[0].outcome, HistoryEntry::Outcome::Failure);
        QCOMPARE(read.entries[1].outcome, HistoryEntry::Outcome::Success);
        const ChainReport report = backend.verify();
        QVERIFY2(report.ok, qPrintable(report.problem));
        QCOMPARE(report.records, 4);
    }

    void shardsRollOverBySizeAndMonth()
    {
        OffsetClock clock;
        clock.setFixed(QDateTime(QDate(2026, 1, 31), QTime(23, 0), Qt::UTC));
        LocalHistoryBackend backend(dir("shards"), &clock);
        backend.setChainKey(kKey);
        backend.setShardCapacity(10);
        fill(backend, 12); // 24 records: 3 shards in January
        clock.setFixed(QDateTime(QDate(2026, 2, 1), QTime(0, 30), Qt::UTC));
        fill(backend, 1); // a new month starts a new shard
        const QStringList files = backend.shardFiles();
        QCOMPARE(files.size(), 4);
        QVERIFY(files.last().contains(QLatin1String("h-2026-02-")));
        QCOMPARE(readAll(backend).entries.size(), 13);
        QVERIFY(backend.verify().ok);
    }

    void oneBeginOfManyEntriesSpansShardsInOneChain()
    {
        const QString path = dir("bulk");
        LocalHistoryBackend backend(path);
        backend.setChainKey(kKey);
        backend.setShardCapacity(100);
        HistoryEntry first = sampleEntry(QStringLiteral("before"));
        QCOMPARE(beginOne(backend, first), 1);
        QList<HistoryEntry> bulk;
        for (int i = 0; i < 250; ++i)
            bulk.append(sampleEntry(QStringLiteral("bulk-%1").arg(i)));
        const Result<QList<qint64>> ids = backend.begin(bulk);
        QVERIFY2(ids.ok(), qPrintable(ids.message()));
        QCOMPARE(ids.value().size(), 250);
        for (qsizetype i = 0; i < ids.value().size(); ++i)
            QCOMPARE(ids.value().at(i), qint64(i + 2)); // consecutive, after the one before
        // 251 records at 100 a shard: three shards, and exactly one HEAD naming the newest record.
        const QStringList shards = backend.shardFiles();
        QCOMPARE(shards.size(), 3);
        QCOMPARE(HistoryShard::firstSeq(QFileInfo(shards.at(1)).fileName()), 101);
        QCOMPARE(HistoryShard::firstSeq(QFileInfo(shards.at(2)).fileName()), 201);
        QStringList expected;
        for (const QString &s : shards)
            expected.append(QFileInfo(s).fileName());
        expected.append(HistoryShard::kHeadFile);
        expected.sort();
        QStringList present = QDir(path).entryList(QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
        present.sort();
        QCOMPARE(present, expected);
        const HistoryShard::Head head = HistoryShard::readHead(path);
        QCOMPARE(head.seq, 251);
        QCOMPARE(head.shard, QFileInfo(shards.last()).fileName());
        const ChainReport report = backend.verify();
        QVERIFY2(report.ok, qPrintable(report.problem));
        QCOMPARE(report.records, 251);
        QCOMPARE(report.headSeq, 251);
        QCOMPARE(report.headHash, head.hash);
        const HistoryRead read = readAll(backend);
        QCOMPARE(read.entries.size(), 251);
        QCOMPARE(read.entries.at(1).userId, QStringLiteral("bulk-0"));
        QCOMPARE(read.entries.last().userId, QStringLiteral("bulk-249"));

        // Their answers go in one call too, and the chain goes on from the batch's end.
        QList<HistoryEntry> answers;
        for (qsizetype i = 0; i < bulk.size(); ++i) {
            HistoryEntry done = completion(bulk.at(i), i % 2 == 0);
            done.id = ids.value().at(i);
            answers.append(done);
        }
        QVERIFY(backend.complete(answers).ok());
        QCOMPARE(HistoryShard::readHead(path).seq, 501);
        QCOMPARE(backend.shardFiles().size(), 6);
        const ChainReport after = backend.verify();
        QVERIFY2(after.ok, qPrintable(after.problem));
        QCOMPARE(after.records, 501);
        const HistoryRead completed = readAll(backend);
        QCOMPARE(completed.entries.at(1).outcome, HistoryEntry::Outcome::Success);
        QCOMPARE(completed.entries.at(2).outcome, HistoryEntry::Outcome::Failure);
        QCOMPARE(completed.entries.at(0).outcome, HistoryEntry::Outcome::Pending); // "before" was never answered
    }

    void readFromARecordReturnsOnlyWhatIsNewer()
    {
        LocalHistoryBackend backend(dir("incremental"));
        backend.setChainKey(kKey);
        backend.setShardCapacity(2); // so a read from the middle skips whole shards
        HistoryEntry a = sampleEntry(QStringLiteral("a"));
        HistoryEntry b = sampleEntry(QStringLiteral("b"));
        HistoryEntry c = sampleEntry(QStringLiteral("c"));
        a.id = beginOne(backend, a);                            // record 1
        b.id = beginOne(backend, b);                            // record 2
        QVERIFY(backend.complete({completion(a, true)}).ok());  // record 3
        c.id = beginOne(backend, c);                            // record 4
        QVERIFY(backend.complete({completion(b, false)}).ok()); // record 5
        QVERIFY(backend.complete({completion(c, true)}).ok());  // record 6
        QCOMPARE((QList<qint64>{a.id, b.id, c.id}), (QList<qint64>{1, 2, 4}));

        HistoryRead read = readAll(backend, 4);
        QVERIFY(read.problems.isEmpty());
        QCOMPARE(read.newestRecord, 6);
        QCOMPARE(read.entries.size(), 1); // c only, with its answer
        QCOMPARE(read.entries.first().id, c.id);
        QCOMPARE(read.entries.first().outcome, HistoryEntry::Outcome::Success);
        QCOMPARE(read.entries.first().completionRecord, 6);
        QCOMPARE(read.completions.size(), 1); // b's answer; a's (record 3) is older than the read
        QCOMPARE(read.completions.first().id, b.id);
        QCOMPARE(read.completions.first().outcome, HistoryEntry::Outcome::Failure);
        QCOMPARE(read.completions.first().code, QStringLiteral("2210"));
        QCOMPARE(read.completions.first().completionRecord, 5);

        read = readAll(backend, 3);
        QCOMPARE(read.entries.size(), 1);
        QCOMPARE(read.entries.first().id, c.id);
        QCOMPARE(read.completions.size(), 2);
        QCOMPARE(read.completions.at(0).id, a.id);
        QCOMPARE(read.completions.at(0).completionRecord, 3);
        QCOMPARE(read.completions.at(1).id, b.id);

        // The hashes of an incremental read are the whole read's.
        const HistoryRead whole = readAll(backend, 1);
        QCOMPARE(whole.entries.size(), 3);
        QVERIFY(whole.completions.isEmpty());
        QCOMPARE(read.entries.first().recordHash, whole.entries.at(2).recordHash);
        QCOMPARE(read.completions.at(1).completionHash, whole.entries.at(1).completionHash);

        // Nothing newer: nothing, and the place to read from stays.
        read = readAll(backend, 7);
        QVERIFY(read.entries.isEmpty());
        QVERIFY(read.completions.isEmpty());
        QCOMPARE(read.newestRecord, 6);
        HistoryEntry d = sampleEntry(QStringLiteral("d"));
        d.id = beginOne(backend, d);
        read = readAll(backend, 7);
        QCOMPARE(read.entries.size(), 1);
        QCOMPARE(read.entries.first().userId, QStringLiteral("d"));
        QCOMPARE(read.newestRecord, 7);
    }

    void everyOneByteEditIsCaught()
    {
        LocalHistoryBackend backend(dir("tamper"));
        backend.setChainKey(kKey);
        fill(backend, 3);
        QVERIFY(backend.verify().ok);
        const QString shard = backend.shardFiles().constFirst();
        const QByteArray original = readFile(shard);
        // Every byte of the record lines (not the INI framing) is edited in turn.
        const qsizetype start = original.indexOf("[records]");
        QVERIFY(start > 0);
        int edits = 0;
        int caught = 0;
        for (qsizetype i = start + 10; i < original.size(); ++i) {
            if (original[i] == '\n' || original[i] == '\r')
                continue;
            QByteArray edited = original;
            edited[i] = original[i] == 'x' ? 'y' : 'x';
            writeFile(shard, edited);
            const ChainReport report = backend.verify();
            ++edits;
            if (!report.ok) {
                ++caught;
                QVERIFY(!report.problem.isEmpty());
            } else {
                // Only an edit the INI reader folds away (e.g. in a key's letter case) may pass: the
                // records themselves must then be unchanged.
                LocalHistoryBackend reread(dir("tamper"));
                QCOMPARE(readAll(reread).entries.size(), 3);
            }
        }
        writeFile(shard, original);
        const ChainReport restored = backend.verify();
        QVERIFY2(restored.ok,
                 qPrintable(restored.problem + QStringLiteral(" files: ")
                            + QDir(dir("tamper")).entryList().join(QLatin1Char(','))));
        QVERIFY(edits > 300);
        QVERIFY2(caught >= edits - 8, qPrintable(QStringLiteral("%1 of %2 edits caught").arg(caught).arg(edits)));
    }

    void firstBadEntryIsNamed()
    {
        LocalHistoryBackend backend(dir("named"));
        backend.setChainKey(kKey);
        fill(backend, 4); // records 1..8; entry 3 = records 5 (begin), 6 (complete)
        const QString shard = backend.shardFiles().constFirst();
        QByteArray data = readFile(shard);
        data.replace("user-2", "user-X");
        writeFile(shard, data);
        const ChainReport report = backend.verify();
        QVERIFY(!report.ok);
        QCOMPARE(report.firstBadSeq, 5);
        QCOMPARE(report.firstBadEntry, 5);
        QVERIFY2(report.problem.contains(QLatin1String("#5")), qPrintable(report.problem));
    }

    void removalAndReorderAreCaught()
    {
        LocalHistoryBackend backend(dir("removal"));
        backend.setChainKey(kKey);
        fill(backend, 3);
        const QString shard = backend.shardFiles().constFirst();
        const QByteArray original = readFile(shard);

        { // a record in the middle removed
            QSettings s(shard, QSettings::IniFormat);
            s.remove(QStringLiteral("records/0000000003"));
            s.remove(QStringLiteral("hashes/0000000003"));
        }
        ChainReport report = backend.verify();
        QVERIFY(!report.ok);
        QCOMPARE(report.firstBadSeq, 3);
        writeFile(shard, original);

        { // the newest record removed: only the head file shows it
            QSettings s(shard, QSettings::IniFormat);
            s.remove(QStringLiteral("records/0000000006"));
            s.remove(QStringLiteral("hashes/0000000006"));
        }
        report = backend.verify();
        QVERIFY(!report.ok);
        QCOMPARE(report.firstBadSeq, 6);
        writeFile(shard, original);

        { // two records swapped, hashes and all
            QSettings s(shard, QSettings::IniFormat);
            const QVariant r2 = s.value(QStringLiteral("records/0000000002"));
            const QVariant h2 = s.value(QStringLiteral("hashes/0000000002"));
            s.setValue(QStringLiteral("records/0000000002"), s.value(QStringLiteral("records/0000000003")));
            s.setValue(QStringLiteral("hashes/0000000002"), s.value(QStringLiteral("hashes/0000000003")));
            s.setValue(QStringLiteral("records/0000000003"), r2);
            s.setValue(QStringLiteral("hashes/0000000003"), h2);
        }
        report = backend.verify();
        QVERIFY(!report.ok);
        QCOMPARE(report.firstBadSeq, 2);
        writeFile(shard, original);
        QVERIFY(backend.verify().ok);

        // A record rewritten with a valid-looking hash but without the key is still caught.
        LocalHistoryBackend forger(dir("removal"));
        forger.setChainKey("guessed");
        QVERIFY(!forger.verify().ok);
    }

    void wholeShardRemovedIsCaught()
    {
        LocalHistoryBackend backend(dir("shard-removed"));
        backend.setChainKey(kKey);
        backend.setShardCapacity(4);
        fill(backend, 6); // 12 records, 3 shards
        QCOMPARE(backend.shardFiles().size(), 3);
        QVERIFY(QFile::remove(backend.shardFiles().at(1)));
        ChainReport report = backend.verify();
        QVERIFY(!report.ok);
        QCOMPARE(report.firstBadSeq, 5);
        QVERIFY(QFile::remove(backend.shardFiles().last()));
        report = backend.verify();
        QVERIFY(!report.ok);
    }

    void pruneRemovesWholeMonthsAndIsRecorded()
    {
        OffsetClock clock;
        LocalHistoryBackend backend(dir("prune"), &clock);
        backend.setChainKey(kKey);
        for (int month = 1; month <= 3; ++month) {
            clock.setFixed(QDateTime(QDate(2026, month, 10), QTime(12, 0), Qt::UTC));
            fill(backend, 2);
        }
        QCOMPARE(backend.shardFiles().size(), 3);
        const Result<PruneReport> removed = backend.prune(QDate(2026, 3, 1), QStringLiteral("admin@example.com"));
        QVERIFY2(removed.ok(), qPrintable(removed.message()));
        QCOMPARE(removed.value().removedEntries, 4);
        QCOMPARE(removed.value().removedFiles.size(), 2);
        QCOMPARE(backend.shardFiles().size(), 1);
        const ChainReport report = backend.verify();
        QVERIFY2(report.ok, qPrintable(report.problem));
        QCOMPARE(readAll(backend).entries.size(), 2);
        // The prune itself is in the chain, so removing the prune record is caught.
        const QString shard = backend.shardFiles().constFirst();
        QVERIFY(readFile(shard).contains("prune"));
        // Nothing newer is pruned, and the newest shard never is.
        const Result<PruneReport> none = backend.prune(QDate(2030, 1, 1), QStringLiteral("admin@example.com"));
        QVERIFY2(none.ok(), qPrintable(none.message()));
        QCOMPARE(none.value().removedEntries, 0);
        QVERIFY(none.value().removedFiles.isEmpty());
    }

    void freshHistoryIsPrivate()
    {
        const QString path = dir("private");
        LocalHistoryBackend backend(path);
        backend.setChainKey(kKey);
        fill(backend, 1);
        QCOMPARE(modeOf(path), mode_t(0700));
        const QStringList files = QDir(path).entryList(QDir::Files | QDir::Hidden | QDir::System);
        QCOMPARE(files.size(), 2); // one shard, HEAD
        for (const QString &name : files)
            QVERIFY2(modeOf(QDir(path).filePath(name)) == 0600,
                     qPrintable(QStringLiteral("%1 is %2").arg(name).arg(modeOf(QDir(path).filePath(name)), 0, 8)));
    }

    void unreadableShardIsReportedAndLeftInPlace()
    {
        const QString path = dir("corrupt");
        LocalHistoryBackend backend(path);
        backend.setChainKey(kKey);
        backend.setShardCapacity(4);
        fill(backend, 4); // 2 shards
        const QString broken = backend.shardFiles().constFirst();
        const QByteArray damage("\x00\x01garbage\xff\n[meta]\nformat=99\n", 25);
        writeFile(broken, damage);
        const QStringList before = QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        HistoryRead read = readAll(backend);
        QCOMPARE(read.problems.size(), 1);
        QVERIFY2(read.problems.first().contains(QFileInfo(broken).fileName()), qPrintable(read.problems.first()));
        QCOMPARE(read.entries.size(), 2);
        // Reads never move anything: the damaged file is where it was, as it was, and nothing was set aside.
        QVERIFY(QFile::exists(broken));
        QCOMPARE(readFile(broken), damage);
        QVERIFY(!QFileInfo::exists(QDir(path).filePath(QStringLiteral("quarantine"))));
        QCOMPARE(QDir(path).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), before);
        // A second read reports it again: nothing was hidden by the first.
        read = readAll(backend);
        QCOMPARE(read.problems.size(), 1);
        QCOMPARE(read.entries.size(), 2);
        // The history keeps working, and the check reports the gap.
        QVERIFY(beginOne(backend, sampleEntry(QStringLiteral("after"))) > 8);
        QVERIFY(!backend.verify().ok);
        QCOMPARE(readFile(broken), damage);
    }

    void aShardThatFailsToParseStaysUnreadable()
    {
        // QSettings says a file failed to parse only to the first reader in a process; later readers get
        // what it half-parsed, as if sound. Reads leave such a file in place, so every read and check
        // after the first must still find it unreadable. Here a group header lost its "]": QSettings
        // fails the file, yet its cache then holds every record, so a later check would pass it.
        const QString path = dir("parses-once");
        LocalHistoryBackend backend(path);
        backend.setChainKey(kKey);
        backend.setShardCapacity(4);
        fill(backend, 4); // 2 shards
        const QString broken = backend.shardFiles().constFirst();
        const QByteArray original = readFile(broken);
        QByteArray damage = original;
        QVERIFY(damage.contains("[records]\n"));
        damage.replace("[records]\n", "[records\n");
        writeFile(broken, damage);
        for (int pass = 0; pass < 3; ++pass) {
            const HistoryRead read = readAll(backend);
            QVERIFY2(read.problems.size() == 1,
                     qPrintable(QStringLiteral("pass %1: %2").arg(pass).arg(read.problems.join(QLatin1Char('|')))));
            QVERIFY(read.problems.first().contains(QFileInfo(broken).fileName()));
            QCOMPARE(read.entries.size(), 2);
            const ChainReport report = backend.verify();
            QVERIFY(!report.ok);
            QVERIFY2(report.problem.contains(QFileInfo(broken).fileName()), qPrintable(report.problem));
        }
        // Another instance in this process (the export's, the CLI's in-process tests) sees it the same way.
        LocalHistoryBackend other(path);
        other.setChainKey(kKey);
        QCOMPARE(readAll(other).problems.size(), 1);
        QCOMPARE(readFile(broken), damage);
        // Once the file is put right, it reads as sound again.
        writeFile(broken, original);
        QVERIFY(readAll(backend).problems.isEmpty());
        QCOMPARE(readAll(backend).entries.size(), 4);
        const ChainReport restored = backend.verify();
        QVERIFY2(restored.ok, qPrintable(restored.problem));
    }

    void concurrentProcessesShareOneChain()
    {
        const QString path = dir("concurrent");
        LocalHistoryBackend backend(path);
        backend.setChainKey(kKey);
        backend.setShardCapacity(16);
        QList<QProcess *> children;
        for (int i = 0; i < 3; ++i) {
            auto *p = new QProcess(this);
            p->start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("--child-append"), path, QStringLiteral("20"), QStringLiteral("p%1").arg(i)});
            children.append(p);
        }
        for (QProcess *p : children) {
            QVERIFY(p->waitForFinished(60000));
            QCOMPARE(p->exitCode(), 0);
        }
        const HistoryRead read = readAll(backend);
        QCOMPARE(read.entries.size(), 60);
        for (const HistoryEntry &e : read.entries)
            QCOMPARE(e.outcome, HistoryEntry::Outcome::Success);
        const ChainReport report = backend.verify();
        QVERIFY2(report.ok, qPrintable(report.problem));
        QCOMPARE(report.records, 120);
    }

    void eightProcessesTwentyFiveActionsEach()
    {
        // The bar for concurrent consoles: 8 real processes x 25 actions on one anchored history; 400 records at 100 a
        // file, so they also race to start new files.
        const QString path = dir("eight-by-25");
        const QString anchor = dir("eight-by-25.anchor");
        QList<QProcess *> children;
        for (int i = 0; i < 8; ++i) {
            auto *p = new QProcess(this);
            p->start(
                QCoreApplication::applicationFilePath(),
                {QStringLiteral("--child-append"), path, QStringLiteral("25"), QStringLiteral("w%1").arg(i), anchor});
            children.append(p);
        }
        for (QProcess *p : children) {
            QVERIFY(p->waitForFinished(120000));
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData()); // 2: a write refused or failed
        }
        LocalHistoryBackend backend(path);
        backend.setChainKey(kKey);
        backend.setAnchorFile(anchor);
        const HistoryRead read = readAll(backend);
        QCOMPARE(read.entries.size(), 200);
        QSet<QString> users;
        QSet<qint64> ids;
        for (const HistoryEntry &e : read.entries) {
            QCOMPARE(e.outcome, HistoryEntry::Outcome::Success); // none unknown, none pending
            users.insert(e.userId);
            ids.insert(e.id);
        }
        QCOMPARE(users.size(), 200); // each once
        QCOMPARE(ids.size(), 200);
        const ChainReport report = backend.verify();
        QVERIFY2(report.ok, qPrintable(report.problem));
        QCOMPARE(report.records, 400);
        QVERIFY(report.anchored);
    }

    // Records and HEAD are durable before the anchor is written: an anchor that cannot be written does
    // not turn a recorded begin into "nothing sent"; it lags, and the next append that can write it does.
    void anchorThatCannotBeWrittenLagsButLosesNothing()
    {
        const QString path = dir("anchor-lag");
        const QString settings = dir("anchor-lag-settings");
        const QString anchor = QDir(settings).filePath(QStringLiteral("history.anchor"));
        LocalHistoryBackend backend(path);
        backend.setChainKey(kKey);
        backend.setAnchorFile(anchor);
        fill(backend, 1);
        // Its folder is a file now: the anchor can be neither read nor written there (for root too).
        const QString blocked = dir("anchor-lag-blocked");
        QFile file(blocked);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        backend.setAnchorFile(QDir(blocked).filePath(QStringLiteral("history.anchor")));
        const Result<QList<qint64>> ids = backend.begin({sampleEntry(QStringLiteral("lagging"))});
        QVERIFY2(ids.ok(), qPrintable(ids.message()));
        QCOMPARE(readAll(backend).entries.size(), 2);
        // The real anchor is now one append behind, which is accepted; the next append brings it up to date.
        backend.setAnchorFile(anchor);
        QVERIFY(backend.begin({sampleEntry(QStringLiteral("caught-up"))}).ok());
        const ChainReport report = backend.verify();
        QVERIFY2(report.ok, qPrintable(report.problem));
        QVERIFY(report.anchored);
    }

    // The on-disk format did not change: a history written by release 0.1.0 (four actions by its
    // enrollee-cli: deactivate, reactivate, flag-fraud, delete) reads, checks, and takes new records, and
    // its files, written 0644 then, are made private by the first append.
    void historyOfTheLastReleaseStillWorks()
    {
        const QString path = dir("release-0.1.0");
        QVERIFY(QDir().mkpath(path));
        for (const QString &name : QDir(QStringLiteral(ENROLLEE_RELEASE_FIXTURE)).entryList(QDir::Files))
            QVERIFY(
                QFile::copy(QDir(QStringLiteral(ENROLLEE_RELEASE_FIXTURE)).filePath(name), QDir(path).filePath(name)));
        QFile keyFile(QDir(path).filePath(QStringLiteral("chain.key")));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QByteArray key = QByteArray::fromHex(keyFile.readAll().trimmed());
        QCOMPARE(key.size(), 32);
        LocalHistoryBackend backend(path);
        backend.setChainKey(key);
        backend.setAnchorFile(dir("release-0.1.0-settings/history.anchor"));
        QVERIFY(QFile::setPermissions(path,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                          | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther));
        const HistoryRead read = readAll(backend);
        QVERIFY2(read.problems.isEmpty(), qPrintable(read.problems.join(QLatin1Char('\n'))));
        QCOMPARE(read.entries.size(), 4);
        const QList<ActionKind> actions{ActionKind::Deactivate, ActionKind::Reactivate, ActionKind::FlagFraud,
                                        ActionKind::Delete};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(read.entries.at(i).action, actions.at(i));
            QCOMPARE(read.entries.at(i).outcome, HistoryEntry::Outcome::Success);
            QCOMPARE(read.entries.at(i).reason, QStringLiteral("CASE-old"));
            QCOMPARE(read.entries.at(i).face, QStringLiteral("cli"));
        }
        ChainReport report = backend.verify();
        QVERIFY2(report.ok, qPrintable(report.problem));
        QCOMPARE(report.records, 8);
        // It was written before anchors: no anchor is no break, and the check says there is none yet.
        QVERIFY2(report.anchorNote.contains(QLatin1String("no anchor")), qPrintable(report.anchorNote));
        QVERIFY(beginOne(backend, sampleEntry(QStringLiteral("after-upgrade"))) == 9);
        report = backend.verify();
        QVERIFY2(report.ok, qPrintable(report.problem));
        QCOMPARE(report.records, 9);
        QVERIFY(report.anchored);
        QVERIFY(report.anchorNote.isEmpty());
        QCOMPARE(modeOf(path), mode_t(0700));
        QCOMPARE(modeOf(QDir(path).filePath(QStringLiteral("HEAD"))), mode_t(0600));
        QCOMPARE(modeOf(backend.shardFiles().constLast()), mode_t(0600));
    }

    void anchorStopsNumbersBeingReused()
    {
        const QString path = dir("anchored");
        const QString anchor = dir("anchored-settings/history.anchor");
        LocalHistoryBackend backend(path);
        backend.setChainKey(kKey);
        backend.setAnchorFile(anchor);
        fill(backend, 3);
        QCOMPARE(modeOf(anchor), mode_t(0600));
        QVERIFY(QFile::remove(QDir(path).filePath(QStringLiteral("HEAD"))));
        {
            QSettings shard(backend.shardFiles().last(), QSettings::IniFormat);
            shard.remove(QStringLiteral("records/0000000006"));
            shard.remove(QStringLiteral("hashes/0000000006"));
        }
        const Result<QList<qint64>> refused = backend.begin({sampleEntry(QStringLiteral("after"))});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.kind(), Status::Kind::Storage);
        const ChainReport report = backend.verify();
        QVERIFY(!report.ok);
        QCOMPARE(report.breaks.size(), 1);
        QVERIFY2(report.problem.contains(QLatin1String("#6 to #6")), qPrintable(report.problem));
    }

    void killNineLosesNothingAndShowsUnknown()
    {
        const QString path = dir("killed");
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--child-hang"), path, QStringLiteral("5"), QStringLiteral("k")});
        QVERIFY(child.waitForReadyRead(30000));
        QCOMPARE(child.readLine().trimmed(), QByteArray("ready"));
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        LocalHistoryBackend backend(path);
        backend.setChainKey(kKey);
        const HistoryRead read = readAll(backend);
        QCOMPARE(read.entries.size(), 6);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(read.entries[i].outcome, HistoryEntry::Outcome::Success);
        QCOMPARE(read.entries[5].userId, QStringLiteral("in-flight"));
        QCOMPARE(read.entries[5].outcome, HistoryEntry::Outcome::Unknown);
        QVERIFY(backend.verify().ok);
    }

    void fileInTheWayIsAClearError()
    {
        // Works as root too: the history folder's path is taken by a file.
        const QString path = dir("in-the-way");
        writeFile(path, "not a folder");
        LocalHistoryBackend backend(path);
        backend.setChainKey(kKey);
        const Result<QList<qint64>> ids = backend.begin({sampleEntry(QStringLiteral("u"))});
        QVERIFY(!ids.ok());
        QVERIFY2(!ids.message().isEmpty(), "an error message is expected");
        QCOMPARE(ids.kind(), Status::Kind::Storage);
        QCOMPARE(readFile(path), QByteArray("not a folder"));
    }

    // The shards are written as INI text made here (so each byte written can be checked), and it must
    // be the text QSettings writes and reads back: the files every release wrote and reads.
    void shardTextIsWhatQSettingsWrites()
    {
        QMap<QString, QVariant> values;
        const QStringList tricky{
            QStringLiteral("{\"type\":\"begin\",\"user_id\":\"a,b;c=d\",\"reason\":\"CASE-1 \\\"q\\\" \\\\ x\"}"),
            QStringLiteral("@starts with an at"),
            QStringLiteral(" spaces at both ends "),
            QStringLiteral("tab\there, newline\nthere, bell\a, \x01"
                           "abc \x1f"
                           "F then digits"),
            QStringLiteral("\u00e9l\u00e8ve \u4e2d\u6587 \U0001F600 ") + QChar(0x7f),
            QStringLiteral("nul") + QChar(QChar::Null) + QStringLiteral("0ab then more"),
            QString(),
            QStringLiteral("x"),
        };
        for (qsizetype i = 0; i < tricky.size(); ++i) {
            values.insert(QStringLiteral("records/") + HistoryShard::seqKey(i + 1), tricky.at(i));
            values.insert(QStringLiteral("hashes/") + HistoryShard::seqKey(i + 1), QString(64, QLatin1Char('a')));
        }
        values.insert(QStringLiteral("meta/format"), QStringLiteral("1"));
        values.insert(QStringLiteral("meta/month"), QStringLiteral("2026-12"));
        values.insert(QStringLiteral("odd key/w\u00e9ird k\u4e2dy"), QStringLiteral("v"));
        values.insert(QStringLiteral("plain"), QStringLiteral("in General"));
        values.insert(QStringLiteral("General/key"), QStringLiteral("in a section named General"));

        const QString written = dir("ini-text-qsettings.ini");
        {
            QSettings settings(written, QSettings::IniFormat);
            for (auto it = values.cbegin(); it != values.cend(); ++it)
                settings.setValue(it.key(), it.value());
            settings.sync();
            QCOMPARE(settings.status(), QSettings::NoError);
        }
        const std::optional<QByteArray> text = IniText::encode(values);
        QVERIFY(text.has_value());
        QCOMPARE(*text, readFile(written));

        // And what QSettings reads from it is what was given, list values included.
        QSettings listed(written, QSettings::IniFormat);
        listed.setValue(QStringLiteral("zz/list"), QStringList{QStringLiteral("a"), QStringLiteral("b, c")});
        listed.sync();
        QMap<QString, QVariant> reread;
        {
            QSettings again(written, QSettings::IniFormat);
            for (const QString &key : again.allKeys())
                reread.insert(key, again.value(key));
        }
        const std::optional<QByteArray> withList = IniText::encode(reread);
        QVERIFY(withList.has_value());
        QCOMPARE(*withList, readFile(written));
        const QString mine = dir("ini-text-mine.ini");
        writeFile(mine, *withList);
        QSettings back(mine, QSettings::IniFormat);
        QCOMPARE(back.status(), QSettings::NoError);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            QCOMPARE(back.value(it.key()).toString(), it.value().toString());
        QCOMPARE(back.value(QStringLiteral("zz/list")).toStringList(),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b, c")}));
        // A value of a kind the history never writes is refused rather than written differently.
        QVERIFY(!IniText::encode({{QStringLiteral("a/b"), QVariant(QByteArray("\x01"))}}).has_value());
    }

    // A full disk (a real one: a small tmpfs filled up) never changes what is already written: every
    // append that fails leaves each file of the history and its anchor byte for byte as it was, says
    // the disk is full, and the history keeps verifying; once there is room again appends go on.
    void fullDiskChangesNothingAlreadyWritten()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a tmpfs needs root (CI and the development machine run tests as root)");
        const QString root = dir("full-disk");
        SmallDisk disk(root);
        QVERIFY2(disk.mounted(), "mount -t tmpfs failed");
        const QString path = QDir(root).filePath(QStringLiteral("history"));
        const QString settings = QDir(root).filePath(QStringLiteral("settings"));
        LocalHistoryBackend backend(path);
        backend.setChainKey(kKey);
        backend.setShardCapacity(40);
        backend.setAnchorFile(QDir(settings).filePath(QStringLiteral("history.anchor")));
        fill(backend, 2);
        QVERIFY(disk.fillLeaving(40 * 1024));

        int written = 2;
        int failures = 0;
        for (int attempt = 0; attempt < 3000 && failures < 12; ++attempt) {
            const QMap<QString, QByteArray> before = snapshot({path, settings});
            HistoryEntry e = sampleEntry(QStringLiteral("user-%1-").arg(attempt) + QString(300, QLatin1Char('x')));
            const Result<QList<qint64>> ids = backend.begin({e});
            Status done = ids.status();
            if (ids.ok()) {
                e.id = ids.value().first();
                done = backend.complete({completion(e, true)});
                if (done.ok()) {
                    ++written;
                    continue;
                }
                // The begin stood and the completion did not: the completion is written later.
                QVERIFY(done.message().contains(QLatin1String("disk is full")));
                QVERIFY(disk.release(256 * 1024));
                QVERIFY2(backend.complete({completion(e, true)}).ok(), "a completion once there is room");
                ++written;
                QVERIFY(disk.fillLeaving(8 * 1024));
                continue;
            }
            ++failures;
            QCOMPARE(done.kind(), Status::Kind::DiskFull);
            QVERIFY2(done.message().contains(QLatin1String("disk is full")), qPrintable(done.message()));
            // Nothing already on disk changed, and no temporary file was left behind.
            const QMap<QString, QByteArray> after = snapshot({path, settings});
            QCOMPARE(after.keys(), before.keys());
            for (auto it = before.cbegin(); it != before.cend(); ++it)
                QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key() + QStringLiteral(" changed")));
            const ChainReport report = backend.verify();
            QVERIFY2(report.ok, qPrintable(report.problem));
            QVERIFY(report.anchored);
            QCOMPARE(report.records, qint64(written) * 2);
            // A page more each time, so the next failure comes at another point of the append.
            QVERIFY(disk.release(4096));
        }
        QVERIFY2(failures >= 3, qPrintable(QStringLiteral("only %1 appends failed").arg(failures)));

        QVERIFY(QFile::remove(disk.filler()));
        fill(backend, 3);
        const ChainReport report = backend.verify();
        QVERIFY2(report.ok, qPrintable(report.problem));
        QVERIFY(report.anchored);
        QCOMPARE(report.records, qint64(written + 3) * 2);
        QCOMPARE(readAll(backend).entries.size(), written + 3);
    }

    // HEAD names the newest record: a shard that ends before it had its newest records removed (or the
    // newest shard is gone), and the next append is refused, naming what is missing, with nothing written.
    void truncatedShardRefusesAppends()
    {
        const QString path = dir("truncated");
        LocalHistoryBackend backend(path);
        backend.setChainKey(kKey);
        backend.setShardCapacity(4);
        fill(backend, 3); // records #1 to #6; shards from #1 and #5
        const QString newest = backend.shardFiles().last();
        {
            QSettings shard(newest, QSettings::IniFormat);
            shard.remove(QStringLiteral("records/0000000006"));
            shard.remove(QStringLiteral("hashes/0000000006"));
        }
        const QMap<QString, QByteArray> before = snapshot({path});
        const Result<QList<qint64>> refused = backend.begin({sampleEntry(QStringLiteral("after-cut"))});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.kind(), Status::Kind::Storage);
        QVERIFY2(refused.message().contains(QLatin1String("record #6 was written"))
                     && refused.message().contains(QLatin1String("ends at record #5"))
                     && refused.message().contains(QFileInfo(newest).fileName()),
                 qPrintable(refused.message()));
        QCOMPARE(snapshot({path}), before);
        QVERIFY(!backend.verify().ok);

        // The newest shard removed whole: the same.
        QVERIFY(QFile::remove(newest));
        const Result<QList<qint64>> gone = backend.begin({sampleEntry(QStringLiteral("after-removal"))});
        QVERIFY(!gone.ok());
        QVERIFY2(gone.message().contains(QLatin1String("ends at record #4"))
                     && gone.message().contains(QLatin1String("record #6 was written")),
                 qPrintable(gone.message()));
        QCOMPARE(readAll(backend).entries.size(), 2);
    }

    // A history that has been anchored and lost its anchor file fails the check, which names the file;
    // one from before anchors still verifies, and the check says it has no anchor yet.
    void missingAnchorIsNamed()
    {
        const QString path = dir("anchor-gone");
        const QString anchor = dir("anchor-gone-settings/history.anchor");
        LocalHistoryBackend backend(path);
        backend.setChainKey(kKey);
        backend.setAnchorFile(anchor);
        fill(backend, 2);
        ChainReport report = backend.verify();
        QVERIFY2(report.ok && report.anchored && report.anchorNote.isEmpty(), qPrintable(report.problem));
        QVERIFY(QFile::remove(anchor));
        report = backend.verify();
        QVERIFY(!report.ok);
        QVERIFY2(report.problem.contains(QLatin1String("missing")) && report.problem.contains(anchor),
                 qPrintable(report.problem));
        // The keychain's copy, where there is one, does not make up for the file.
        HistoryChain chain;
        chain.setKey(kKey);
        backend.setKeychainAnchor(HistoryAnchor::format(4, report.headHash, chain));
        QVERIFY(
            HistoryAnchor::authentic(HistoryAnchor::parse(HistoryAnchor::format(4, report.headHash, chain)), chain));
        QVERIFY(!backend.verify().ok);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == QLatin1String("--child-append") || args.value(1) == QLatin1String("--child-hang"))
        return childMain(args);
    TestLocalHistoryBackend test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_local_history_backend.moc"
