#include "Clock.h"
#include "HistoryStore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

namespace {
const QByteArray kKey = "per-installation-secret-for-tests";

HistoryEntry sampleEntry(const QString &user, ActionKind action = ActionKind::Deactivate)
{
    HistoryEntry e;
    e.operatorEmail = QStringLiteral("officer@example.com");
    e.profileName = QStringLiteral("Test");
    e.environment = Environment::Local;
    e.partnerId = QStringLiteral("001");
    e.host = QStringLiteral("127.0.0.1:8787");
    e.userId = user;
    e.action = action;
    e.reason = QStringLiteral("case-%1").arg(user);
    e.face = QStringLiteral("test");
    return e;
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

// Child-process modes: the test re-runs its own binary to get real concurrent writers and a real kill -9.
int childMain(const QStringList &args)
{
    HistoryStore store(args.value(2));
    store.setChainKey(kKey);
    const int count = args.value(3).toInt();
    for (int i = 0; i < count; ++i) {
        HistoryEntry e = sampleEntry(QStringLiteral("%1-%2").arg(args.value(4)).arg(i));
        e.id = store.begin(e);
        if (e.id == 0 || !store.complete(e.id, completion(e, true)))
            return 2;
    }
    if (args.value(1) == QLatin1String("--child-hang")) {
        HistoryEntry e = sampleEntry(QStringLiteral("in-flight"));
        if (store.begin(e) == 0)
            return 3;
        fputs("ready\n", stdout);
        fflush(stdout);
        for (;;)
            pause();
    }
    return 0;
}
} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString dir(const char *name) { return m_dir.filePath(QLatin1String(name)); }

    // Fills a store with n completed actions.
    static void fill(HistoryStore &store, int n)
    {
        for (int i = 0; i < n; ++i) {
            HistoryEntry e = sampleEntry(QStringLiteral("user-%1").arg(i));
            e.id = store.begin(e);
            QVERIFY(e.id > 0);
            QVERIFY(store.complete(e.id, completion(e, i % 3 != 0)));
        }
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
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
    }

    void beginCompleteAndLoad()
    {
        HistoryStore store(dir("basic"));
        store.setChainKey(kKey);
        HistoryEntry e = sampleEntry(QStringLiteral("user-1"));
        e.id = store.begin(e);
        QCOMPARE(e.id, 1);
        HistoryLoad load = store.load();
        QCOMPARE(load.entries.size(), 1);
        QCOMPARE(load.entries[0].outcome, HistoryEntry::Outcome::Pending); // ours, still in flight
        QVERIFY(store.complete(e.id, completion(e, false)));
        load = store.load();
        QVERIFY(load.problems.isEmpty());
        const HistoryEntry &got = load.entries.at(0);
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
        QVERIFY(store.verify().ok);
        const QJsonObject json = got.toJson();
        for (const char *key : {"time", "operator", "environment", "user_id", "action", "reason", "outcome", "http_status",
                                "code", "message"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
    }

    void interleavedActionsKeepTheChain()
    {
        HistoryStore store(dir("interleaved"));
        store.setChainKey(kKey);
        HistoryEntry a = sampleEntry(QStringLiteral("a"));
        HistoryEntry b = sampleEntry(QStringLiteral("b"));
        a.id = store.begin(a);
        b.id = store.begin(b);
        QVERIFY(store.complete(b.id, completion(b, true)));
        QVERIFY(store.complete(a.id, completion(a, false)));
        const HistoryLoad load = store.load();
        QCOMPARE(load.entries.size(), 2);
        QCOMPARE(load.entries[0].outcome, HistoryEntry::Outcome::Failure);
        QCOMPARE(load.entries[1].outcome, HistoryEntry::Outcome::Success);
        const ChainReport report = store.verify();
        QVERIFY2(report.ok, qPrintable(report.problem));
        QCOMPARE(report.records, 4);
    }

    void shardsRollOverBySizeAndMonth()
    {
        OffsetClock clock;
        clock.setFixed(QDateTime(QDate(2026, 1, 31), QTime(23, 0), Qt::UTC));
        HistoryStore store(dir("shards"));
        store.setChainKey(kKey);
        store.setClock(&clock);
        store.setShardCapacity(10);
        fill(store, 12); // 24 records: 3 shards in January
        clock.setFixed(QDateTime(QDate(2026, 2, 1), QTime(0, 30), Qt::UTC));
        fill(store, 1); // a new month starts a new shard
        const QStringList files = store.shardFiles();
        QCOMPARE(files.size(), 4);
        QVERIFY(files.last().contains(QLatin1String("h-2026-02-")));
        QCOMPARE(store.load().entries.size(), 13);
        QVERIFY(store.verify().ok);
    }

    void everyOneByteEditIsCaught()
    {
        HistoryStore store(dir("tamper"));
        store.setChainKey(kKey);
        fill(store, 3);
        QVERIFY(store.verify().ok);
        const QString shard = store.shardFiles().constFirst();
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
            const ChainReport report = store.verify();
            ++edits;
            if (!report.ok) {
                ++caught;
                QVERIFY(!report.problem.isEmpty());
            } else {
                // Only an edit the INI reader folds away (e.g. in a key's letter case) may pass: the
                // records themselves must then be unchanged.
                HistoryStore reread(dir("tamper"));
                QCOMPARE(reread.load().entries.size(), 3);
            }
        }
        writeFile(shard, original);
        const ChainReport restored = store.verify();
        QVERIFY2(restored.ok, qPrintable(restored.problem + QStringLiteral(" files: ") + QDir(dir("tamper")).entryList().join(QLatin1Char(','))));
        QVERIFY(edits > 300);
        QVERIFY2(caught >= edits - 8, qPrintable(QStringLiteral("%1 of %2 edits caught").arg(caught).arg(edits)));
    }

    void firstBadEntryIsNamed()
    {
        HistoryStore store(dir("named"));
        store.setChainKey(kKey);
        fill(store, 4); // records 1..8; entry 3 = records 5 (begin), 6 (complete)
        const QString shard = store.shardFiles().constFirst();
        QByteArray data = readFile(shard);
        data.replace("user-2", "user-X");
        writeFile(shard, data);
        const ChainReport report = store.verify();
        QVERIFY(!report.ok);
        QCOMPARE(report.firstBadSeq, 5);
        QCOMPARE(report.firstBadEntry, 5);
        QVERIFY2(report.problem.contains(QLatin1String("#5")), qPrintable(report.problem));
    }

    void removalAndReorderAreCaught()
    {
        HistoryStore store(dir("removal"));
        store.setChainKey(kKey);
        fill(store, 3);
        const QString shard = store.shardFiles().constFirst();
        const QByteArray original = readFile(shard);

        { // a record in the middle removed
            QSettings s(shard, QSettings::IniFormat);
            s.remove(QStringLiteral("records/0000000003"));
            s.remove(QStringLiteral("hashes/0000000003"));
        }
        ChainReport report = store.verify();
        QVERIFY(!report.ok);
        QCOMPARE(report.firstBadSeq, 3);
        writeFile(shard, original);

        { // the newest record removed: only the head file shows it
            QSettings s(shard, QSettings::IniFormat);
            s.remove(QStringLiteral("records/0000000006"));
            s.remove(QStringLiteral("hashes/0000000006"));
        }
        report = store.verify();
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
        report = store.verify();
        QVERIFY(!report.ok);
        QCOMPARE(report.firstBadSeq, 2);
        writeFile(shard, original);
        QVERIFY(store.verify().ok);

        // A record rewritten with a valid-looking hash but without the key is still caught.
        HistoryStore forger(dir("removal"));
        forger.setChainKey("guessed");
        QVERIFY(!forger.verify().ok);
    }

    void wholeShardRemovedIsCaught()
    {
        HistoryStore store(dir("shard-removed"));
        store.setChainKey(kKey);
        store.setShardCapacity(4);
        fill(store, 6); // 12 records, 3 shards
        QCOMPARE(store.shardFiles().size(), 3);
        QVERIFY(QFile::remove(store.shardFiles().at(1)));
        ChainReport report = store.verify();
        QVERIFY(!report.ok);
        QCOMPARE(report.firstBadSeq, 5);
        QVERIFY(QFile::remove(store.shardFiles().last()));
        report = store.verify();
        QVERIFY(!report.ok);
    }

    void pruneRemovesWholeMonthsAndIsRecorded()
    {
        OffsetClock clock;
        HistoryStore store(dir("prune"));
        store.setChainKey(kKey);
        store.setClock(&clock);
        for (int month = 1; month <= 3; ++month) {
            clock.setFixed(QDateTime(QDate(2026, month, 10), QTime(12, 0), Qt::UTC));
            fill(store, 2);
        }
        QCOMPARE(store.shardFiles().size(), 3);
        QString error;
        const qint64 removed = store.prune(QDate(2026, 3, 1), QStringLiteral("admin@example.com"), &error);
        QVERIFY2(removed == 4, qPrintable(error));
        QCOMPARE(store.shardFiles().size(), 1);
        const ChainReport report = store.verify();
        QVERIFY2(report.ok, qPrintable(report.problem));
        QCOMPARE(store.load().entries.size(), 2);
        // The prune itself is in the chain, so removing the prune record is caught.
        const QString shard = store.shardFiles().constFirst();
        QVERIFY(readFile(shard).contains("prune"));
        // Nothing newer is pruned, and the newest shard never is.
        QCOMPARE(store.prune(QDate(2030, 1, 1), QStringLiteral("admin@example.com")), 0);
    }

    void unreadableShardIsQuarantinedAndKept()
    {
        HistoryStore store(dir("corrupt"));
        store.setChainKey(kKey);
        store.setShardCapacity(4);
        fill(store, 4); // 2 shards
        const QString broken = store.shardFiles().constFirst();
        writeFile(broken, QByteArray("\x00\x01garbage\xff\n[meta]\nformat=99\n", 25));
        const HistoryLoad load = store.load();
        QCOMPARE(load.quarantined.size(), 1);
        QVERIFY(QFile::exists(load.quarantined.first()));
        QVERIFY(!QFile::exists(broken));
        QCOMPARE(load.problems.size(), 1);
        QCOMPARE(load.entries.size(), 2);
        // The store keeps working, and the check reports the gap.
        HistoryEntry e = sampleEntry(QStringLiteral("after"));
        QVERIFY(store.begin(e) > 8);
        QVERIFY(!store.verify().ok);
    }

    void concurrentProcessesShareOneChain()
    {
        const QString path = dir("concurrent");
        HistoryStore store(path);
        store.setChainKey(kKey);
        store.setShardCapacity(16);
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
        const HistoryLoad load = store.load();
        QCOMPARE(load.entries.size(), 60);
        for (const HistoryEntry &e : load.entries)
            QCOMPARE(e.outcome, HistoryEntry::Outcome::Success);
        const ChainReport report = store.verify();
        QVERIFY2(report.ok, qPrintable(report.problem));
        QCOMPARE(report.records, 120);
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
        HistoryStore store(path);
        store.setChainKey(kKey);
        const HistoryLoad load = store.load();
        QCOMPARE(load.entries.size(), 6);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(load.entries[i].outcome, HistoryEntry::Outcome::Success);
        QCOMPARE(load.entries[5].userId, QStringLiteral("in-flight"));
        QCOMPARE(load.entries[5].outcome, HistoryEntry::Outcome::Unknown);
        QVERIFY(store.verify().ok);
    }

    void fileInTheWayIsAClearError()
    {
        // Works as root too: the history folder's path is taken by a file.
        const QString path = dir("in-the-way");
        writeFile(path, "not a folder");
        HistoryStore store(path);
        QString error;
        QCOMPARE(store.begin(sampleEntry(QStringLiteral("u")), &error), 0);
        QVERIFY2(!error.isEmpty(), "an error message is expected");
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == QLatin1String("--child-append") || args.value(1) == QLatin1String("--child-hang"))
        return childMain(args);
    TestHistoryStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_history_store.moc"
