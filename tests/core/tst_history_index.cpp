// The local history's streaming faces and its index beside the shards: entries walked newest first are
// the entries a whole read gives (merged with answers written shards later, damaged records named the
// same); one user's entries from the index are that user's entries from a read, whether the index was
// deleted, left behind by another writer's append or by a shard edited behind its back (even one whose
// size and time were put back); the chain check, told the key epoch by the index, reports what it
// reports without one, and still names a tampered shard whatever the index says.
#include "history/local/FolderChanges.h"
#include "history/local/HistoryIndexer.h"
#include "history/local/LocalHistoryBackend.h"
#include "index/SqliteHistoryIndex.h"
#include "support/HistorySamples.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
const QByteArray kKey = "per-installation-secret-for-tests";

HistoryEntry answer(const HistoryEntry &begun, bool ok)
{
    HistoryEntry e = begun;
    e.outcome = ok ? HistoryEntry::Outcome::Success : HistoryEntry::Outcome::Failure;
    e.httpStatus = ok ? 200 : 400;
    e.code = ok ? QString() : QStringLiteral("2210");
    e.response = ok ? QStringLiteral("{\"success\":true}") : QStringLiteral("{\"code\":\"2210\"}");
    e.elapsedMs = 12;
    return e;
}

QByteArray jsonOf(const QList<HistoryEntry> &entries)
{
    QByteArray out;
    for (const HistoryEntry &e : entries)
        out += QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) + '\n';
    return out;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

// Rewrites `path` in place (same inode) and, when `keepStamp`, puts its modification time back: an
// edit the index cannot see by the file's stamp.
bool editInPlace(const QString &path, const QByteArray &from, const QByteArray &to, bool keepStamp)
{
    struct stat before {};
    if (::stat(QFile::encodeName(path).constData(), &before) != 0)
        return false;
    QByteArray bytes = readFile(path);
    if (!bytes.contains(from))
        return false;
    bytes.replace(from, to);
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || f.write(bytes) != bytes.size() || !f.resize(bytes.size()))
        return false;
    f.close();
    if (keepStamp) {
        const timespec times[2] = {before.st_atim, before.st_mtim};
        return ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0) == 0;
    }
    return true;
}
} // namespace

class TestHistoryIndex : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString dir(const char *name) const { return QDir(m_dir.path()).filePath(QLatin1String(name)); }
    static QString indexOf(const QString &history) { return history + QStringLiteral("-index.sqlite"); }

    static std::unique_ptr<LocalHistoryBackend> open(const QString &path, bool indexed)
    {
        auto backend = std::make_unique<LocalHistoryBackend>(path);
        backend->setChainKey(kKey);
        backend->setShardCapacity(3);
        if (indexed)
            backend->setIndex(std::make_unique<SqliteHistoryIndex>(indexOf(path)));
        return backend;
    }

    // Users u0..u4 over several shards; answers written late, some shards after their begins.
    static void fill(LocalHistoryBackend &backend, int rounds)
    {
        for (int round = 0; round < rounds; ++round) {
            QList<HistoryEntry> begun;
            for (int i = 0; i < 5; ++i)
                begun.append(HistorySamples::entry(QStringLiteral("u%1").arg(i)));
            const Result<QList<qint64>> ids = backend.begin(begun);
            QVERIFY(ids.ok());
            for (qsizetype i = 0; i < begun.size(); ++i)
                begun[i].id = ids.value().at(i);
            // Answered newest first, the last one not at all (still in flight).
            for (qsizetype i = begun.size() - 2; i >= 0; --i)
                QVERIFY(backend.complete({answer(begun.at(i), i % 2 == 0)}).ok());
        }
    }

    static QList<HistoryEntry> userOf(const HistoryRead &read, const QString &user)
    {
        QList<HistoryEntry> mine;
        for (const HistoryEntry &e : read.entries) {
            if (e.userId == user)
                mine.append(e);
        }
        return mine;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void walkGivesWhatAReadGives()
    {
        const QString path = dir("walk");
        auto backend = open(path, false);
        fill(*backend, 4);
        // A damaged record and a begin of an action this release does not know, in different shards.
        const QStringList shards = backend->shardFiles();
        QVERIFY(shards.size() > 4);
        QVERIFY(editInPlace(shards.at(1), "{\\\"action", "{{\\\"action", false));
        QVERIFY(editInPlace(shards.at(3), "\\\"action\\\":\\\"deactivate\\\"", "\\\"action\\\":\\\"vanish\\\"", false));
        const Result<HistoryRead> read = backend->read(1);
        QVERIFY(read.ok());
        QVERIFY(read.value().problems.size() >= 1);
        QList<HistoryEntry> walked;
        const Result<QStringList> problems = backend->walkEntries([&walked](const HistoryEntry &e) {
            walked.prepend(e);
            return true;
        });
        QVERIFY(problems.ok());
        QCOMPARE(problems.value(), read.value().problems);
        QCOMPARE(jsonOf(walked), jsonOf(read.value().entries));
        // The one still in flight reads as pending in both; answers from later shards are merged.
        QVERIFY(std::any_of(walked.cbegin(), walked.cend(),
                            [](const HistoryEntry &e) { return e.outcome == HistoryEntry::Outcome::Pending; }));
        QVERIFY(
            std::any_of(walked.cbegin(), walked.cend(), [](const HistoryEntry &e) { return e.completionRecord > 0; }));
        // A visitor may stop the walk.
        int seen = 0;
        QVERIFY(backend->walkEntries([&seen](const HistoryEntry &) { return ++seen < 3; }).ok());
        QCOMPARE(seen, 3);
    }

    void userFromTheIndexIsUserFromARead()
    {
        const QString path = dir("user");
        auto backend = open(path, true);
        fill(*backend, 4);
        QVERIFY(QFileInfo::exists(indexOf(path)));
        const HistoryRead all = backend->read(1).value();
        for (const QString &user : {QStringLiteral("u0"), QStringLiteral("u4"), QStringLiteral("nobody")}) {
            const Result<HistoryRead> mine = backend->readUser(user);
            QVERIFY(mine.ok());
            QCOMPARE(jsonOf(mine.value().entries), jsonOf(userOf(all, user)));
            QCOMPARE(mine.value().problems, all.problems);
        }
        QCOMPARE(backend->readUser(QStringLiteral("u1")).value().entries.size(), 4);
    }

    void missingIndexIsRebuilt()
    {
        const QString path = dir("missing");
        QByteArray before;
        {
            auto backend = open(path, true);
            fill(*backend, 3);
            before = jsonOf(backend->readUser(QStringLiteral("u2")).value().entries);
        }
        QVERIFY(QFile::remove(indexOf(path)));
        QFile::remove(indexOf(path) + QStringLiteral("-wal"));
        QFile::remove(indexOf(path) + QStringLiteral("-shm"));
        auto backend = open(path, true);
        QCOMPARE(jsonOf(backend->readUser(QStringLiteral("u2")).value().entries), before);
        QVERIFY(QFileInfo::exists(indexOf(path)));
        // A file that is no index at all is replaced too.
        backend.reset();
        QFile junk(indexOf(path));
        QVERIFY(junk.open(QIODevice::WriteOnly | QIODevice::Truncate));
        junk.write("not a database");
        junk.close();
        QFile::remove(indexOf(path) + QStringLiteral("-wal"));
        QFile::remove(indexOf(path) + QStringLiteral("-shm"));
        backend = open(path, true);
        QCOMPARE(jsonOf(backend->readUser(QStringLiteral("u2")).value().entries), before);
    }

    // A link in the index's place is never followed: its target keeps its mode and its bytes, and the
    // shards answer what the index would have.
    void linkInTheIndexPlaceIsLeftAlone()
    {
        const QString path = dir("linked");
        {
            auto backend = open(path, false);
            fill(*backend, 2);
        }
        const QString victim = m_dir.filePath(QStringLiteral("victim.txt"));
        QFile file(victim);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not an index\n");
        file.close();
        QVERIFY(
            QFile::setPermissions(victim, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        const QFileDevice::Permissions before = QFileInfo(victim).permissions();
        QVERIFY(QFile::link(victim, indexOf(path)));
        auto backend = open(path, true);
        const Result<HistoryRead> mine = backend->readUser(QStringLiteral("u1"));
        QVERIFY2(mine.ok(), qPrintable(mine.message()));
        QCOMPARE(jsonOf(mine.value().entries), jsonOf(userOf(backend->read(1).value(), QStringLiteral("u1"))));
        QVERIFY(!mine.value().entries.isEmpty());
        QCOMPARE(QFileInfo(victim).permissions(), before);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("not an index\n"));
        QVERIFY(QFileInfo(indexOf(path)).isSymLink());
    }

    void anotherWritersAppendIsSeen()
    {
        const QString path = dir("other");
        auto mine = open(path, true);
        fill(*mine, 2);
        QCOMPARE(mine->readUser(QStringLiteral("u3")).value().entries.size(), 2);
        {
            // Another program that keeps no index (an older release) appends.
            auto other = open(path, false);
            QVERIFY(other->begin({HistorySamples::entry(QStringLiteral("u3"))}).ok());
        }
        QCOMPARE(mine->readUser(QStringLiteral("u3")).value().entries.size(), 3);
        {
            // And one that keeps it, through its own connection to the same file.
            auto other = open(path, true);
            QVERIFY(other->begin({HistorySamples::entry(QStringLiteral("u3"))}).ok());
        }
        QCOMPARE(mine->readUser(QStringLiteral("u3")).value().entries.size(), 4);
        QCOMPARE(jsonOf(mine->readUser(QStringLiteral("u3")).value().entries),
                 jsonOf(userOf(mine->read(1).value(), QStringLiteral("u3"))));
    }

    void shardEditedBehindItsBackIsIndexedAgain_data()
    {
        QTest::addColumn<bool>("keepStamp");
        QTest::newRow("stamp changed") << false;
        QTest::newRow("size and time put back") << true;
    }

    void shardEditedBehindItsBackIsIndexedAgain()
    {
        QFETCH(bool, keepStamp);
        const QString path = dir(keepStamp ? "edited-kept" : "edited");
        auto backend = open(path, true);
        fill(*backend, 3);
        QCOMPARE(backend->readUser(QStringLiteral("u1")).value().entries.size(), 3);
        QVERIFY(backend->readUser(QStringLiteral("v1")).value().entries.isEmpty());
        // One of u1's begins now says v1 (same length): the index still says u1.
        const QString shard = backend->shardFiles().constFirst();
        QVERIFY(editInPlace(shard, "\\\"user_id\\\":\\\"u1\\\"", "\\\"user_id\\\":\\\"v1\\\"", keepStamp));
        const HistoryRead all = backend->read(1).value();
        QCOMPARE(userOf(all, QStringLiteral("v1")).size(), 1);
        QCOMPARE(jsonOf(backend->readUser(QStringLiteral("u1")).value().entries),
                 jsonOf(userOf(all, QStringLiteral("u1"))));
        QCOMPARE(jsonOf(backend->readUser(QStringLiteral("v1")).value().entries),
                 jsonOf(userOf(all, QStringLiteral("v1"))));
        // Whatever the index holds, the check walks the shards and names the edit.
        const ChainReport report = backend->verify();
        QVERIFY(!report.ok);
        QVERIFY2(report.problem.contains(QLatin1String("altered")), qPrintable(report.problem));
    }

    void tamperedShardIsReportedWhateverTheIndexSays()
    {
        const QString path = dir("tampered");
        auto backend = open(path, true);
        fill(*backend, 3);
        QVERIFY(backend->verify().ok);
        // The edit comes first, then the index is brought up to date with it: it now agrees with the
        // tampered shard. The chain does not.
        QString shard;
        for (const QString &s : backend->shardFiles()) {
            if (shard.isEmpty() && HistoryShard::firstSeq(QFileInfo(s).fileName()) > 3
                && readFile(s).contains("case-u"))
                shard = s;
        }
        QVERIFY(editInPlace(shard, "case-u", "CASE-u", false));
        QVERIFY(backend->readUser(QStringLiteral("u0")).ok());
        const ChainReport report = backend->verify();
        QVERIFY(!report.ok);
        QVERIFY(report.firstBadSeq > 0);
        // The same report as a check without any index.
        const ChainReport bare = open(path, false)->verify();
        QCOMPARE(report.problem, bare.problem);
        QCOMPARE(report.breaks.size(), bare.breaks.size());
        QCOMPARE(report.headSeq, bare.headSeq);
    }

    // On a disk nearly full the index is not written: the last room is the history's. One user's
    // entries are then found by walking the shards, and the history takes every append there is room for.
    void indexLeavesTheLastRoomToTheHistory()
    {
        const QString mount = dir("small-disk");
        QVERIFY(QDir().mkpath(mount));
        if (::geteuid() != 0
            || QProcess::execute(QStringLiteral("mount"),
                                 {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                  QStringLiteral("size=2m"), QStringLiteral("tmpfs"), mount})
                != 0)
            QSKIP("a small tmpfs cannot be mounted here");
        const auto unmount = qScopeGuard([mount] {
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), mount});
        });
        const QString path = QDir(mount).filePath(QStringLiteral("history"));
        auto backend = open(path, true);
        fill(*backend, 4);
        QCOMPARE(backend->readUser(QStringLiteral("u2")).value().entries.size(), 4);
        QVERIFY(!QFileInfo::exists(indexOf(path)));
        QCOMPARE(jsonOf(backend->readUser(QStringLiteral("u2")).value().entries),
                 jsonOf(userOf(backend->read(1).value(), QStringLiteral("u2"))));
    }

    void keyEpochHintedByTheIndexGivesTheSameReport()
    {
        const QString path = dir("epoch");
        auto backend = open(path, true);
        fill(*backend, 2);
        // The key is lost for good: a new one, a key epoch, more actions.
        backend->setChainKey("another-key-altogether");
        const Result<qint64> epoch = backend->beginKeyEpoch(QStringLiteral("officer@example.com"),
                                                            QStringLiteral("laptop stolen"));
        QVERIFY2(epoch.ok(), qPrintable(epoch.message()));
        fill(*backend, 2);
        const ChainReport hinted = backend->verify();
        auto bare = open(path, false);
        bare->setChainKey("another-key-altogether");
        const ChainReport walkedTwice = bare->verify();
        QVERIFY2(hinted.ok, qPrintable(hinted.problem));
        QCOMPARE(hinted.epochRecord, epoch.value());
        QCOMPARE(hinted.unverifiableThrough, epoch.value() - 1);
        QCOMPARE(walkedTwice.ok, hinted.ok);
        QCOMPARE(walkedTwice.records, hinted.records);
        QCOMPARE(walkedTwice.epochNote, hinted.epochNote);
        QCOMPARE(walkedTwice.headSeq, hinted.headSeq);
        QCOMPARE(walkedTwice.headHash, hinted.headHash);
        // A record before the epoch edited: unverifiable, so not reported; one after it is.
        QVERIFY(editInPlace(backend->shardFiles().constFirst(), "case-u0", "CASE-u0", false));
        QVERIFY(backend->verify().ok);
        QString later;
        for (const QString &shard : backend->shardFiles()) {
            if (later.isEmpty() && HistoryShard::firstSeq(QFileInfo(shard).fileName()) > epoch.value()
                && readFile(shard).contains("case-u"))
                later = shard;
        }
        QVERIFY(editInPlace(later, "case-u", "CASE-u", false));
        const ChainReport after = backend->verify();
        QVERIFY(!after.ok);
        QCOMPARE(after.problem, bare->verify().problem);
    }

    // The trigram table holds what the rows hold: a shard stored again, or gone, takes its text with
    // it; two records under one number set the table aside, and text filters still find both.
    void trigramsFollowTheRows()
    {
        SqliteHistoryIndex index(QDir(m_dir.path()).filePath(QStringLiteral("grams.sqlite")));
        const auto shard = [](const char *name) {
            HistoryIndex::Shard s;
            s.name = QLatin1String(name);
            s.firstSeq = HistoryShard::firstSeq(s.name);
            s.size = 1;
            return s;
        };
        const auto begin = [](qint64 seq, const char *text) {
            HistoryIndex::Row r;
            r.seq = seq;
            r.entry = seq;
            r.kind = HistoryIndex::Kind::Begin;
            r.userId = QStringLiteral("u%1").arg(seq);
            r.outcome = -1;
            r.search = QLatin1String(text);
            return r;
        };
        const auto answer = [](qint64 seq, qint64 entry, const char *text) {
            HistoryIndex::Row r;
            r.seq = seq;
            r.entry = entry;
            r.kind = HistoryIndex::Kind::Complete;
            r.outcome = int(HistoryEntry::Outcome::Failure);
            r.search = QLatin1String(text);
            return r;
        };
        const auto found = [&index](const char *needle) {
            HistoryQuery q;
            q.text = QLatin1String(needle);
            QList<qint64> seqs;
            const Result<QList<HistoryIndex::EntryAt>> at = index.entries(q, 0, 100);
            if (!at.ok())
                return QList<qint64>{-1};
            for (const HistoryIndex::EntryAt &e : at.value())
                seqs.append(e.seq);
            return seqs;
        };
        const HistoryIndex::Shard a = shard("h-2026-01-0000000001.ini");
        const HistoryIndex::Shard b = shard("h-2026-01-0000000003.ini");
        QVERIFY(index.store({a, b}, {{begin(1, "alpha case"), begin(2, "bravo case")}, {answer(3, 1, "user gone")}}, {})
                    .ok());
        QVERIFY(index.narrowsText());
        QCOMPARE(found("alpha"), QList<qint64>{1});
        QCOMPARE(found("case"), (QList<qint64>{2, 1}));
        QCOMPARE(found("user gone"), QList<qint64>{1}); // through its answer
        // Stored again with other text: the old text no longer narrows to it.
        QVERIFY(index.store({a}, {{begin(1, "charlie case"), begin(2, "bravo case")}}, {}).ok());
        QCOMPARE(found("alpha"), QList<qint64>{});
        QCOMPARE(found("charlie"), QList<qint64>{1});
        QCOMPARE(found("user gone"), QList<qint64>{1});
        // The answer's shard gone: its text with it.
        QVERIFY(index.store({}, {}, {b.name}).ok());
        QCOMPARE(found("user gone"), QList<qint64>{});
        QCOMPARE(found("bravo"), QList<qint64>{2});
        QVERIFY(index.narrowsText());
        // Record 2 copied into another shard: one number, two records, both found.
        const HistoryIndex::Shard copy = shard("h-2026-01-0000000002.ini");
        QVERIFY(index.store({copy}, {{begin(2, "delta case")}}, {}).ok());
        QVERIFY(index.narrowsText());
        QCOMPARE(found("bravo"), QList<qint64>{2});
        QCOMPARE(found("delta"), QList<qint64>{2});
        QCOMPARE(found("case"), (QList<qint64>{2, 2, 1}));
        // The copy stored again: taking its trigrams out would take the original's "case" too, so the
        // table is set aside, and every text is still found.
        QVERIFY(index.store({copy}, {{begin(2, "echo case")}}, {}).ok());
        QVERIFY(!index.narrowsText());
        QCOMPARE(found("bravo"), QList<qint64>{2});
        QCOMPARE(found("echo"), QList<qint64>{2});
        QCOMPARE(found("delta"), QList<qint64>{});
        QCOMPARE(found("case"), (QList<qint64>{2, 2, 1}));
        // Made afresh, the table is back.
        QVERIFY(index.clear().ok());
        QVERIFY(index.narrowsText());
    }

    // A check or an append takes the history's lock file beside the shards: that alone must not send
    // the next question through a stat of every shard, while any change to a shard still must.
    void onlyShardChangesCountAsChanges()
    {
        const QString path = dir("changes");
        QVERIFY(QDir().mkpath(path));
        FolderChanges changes(path, [](const QString &name) { return HistoryShard::firstSeq(name) >= 0; });
        QVERIFY(!changes.quiet()); // the first question: nothing is known yet
        QVERIFY(changes.quiet());
        const QString lock = QDir(path).filePath(QStringLiteral(".lock"));
        QVERIFY(writeFile(lock, "123\n"));
        QVERIFY(QFile::remove(lock));
        QVERIFY(changes.quiet());
        const QString shard = QDir(path).filePath(QStringLiteral("h-2026-01-0000000001.ini"));
        QVERIFY(writeFile(shard, "[records]\n"));
        QVERIFY(!changes.quiet());
        QVERIFY(changes.quiet());
        // Written in place, renamed over, removed: each is a change.
        QVERIFY(writeFile(shard, "[records]\nx=1\n"));
        QVERIFY(!changes.quiet());
        const QString temporary = QDir(path).filePath(QStringLiteral("h-2026-01-0000000001.ini.tmp"));
        QVERIFY(writeFile(temporary, "[records]\n"));
        QVERIFY(changes.quiet());
        QVERIFY(::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(shard).constData()) == 0);
        QVERIFY(!changes.quiet());
        QVERIFY(QFile::remove(shard));
        QVERIFY(!changes.quiet());
        QVERIFY(changes.quiet());
        // The folder itself moved away: in doubt from then on.
        QVERIFY(QDir().rename(path, path + QStringLiteral("-moved")));
        QVERIFY(!changes.quiet());
    }
};

QTEST_GUILESS_MAIN(TestHistoryIndex)
#include "tst_history_index.moc"
