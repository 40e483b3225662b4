// The local history's pages, counts and single entries answered from its index are exactly what the
// base class's walk of the shards gives, for many queries in both orders, paged to the end: over a
// history with varied actions, outcomes, texts, dates and runs, an entry still pending, one whose
// process is gone, one answered twice, one answered "unknown", a damaged record, a begin of an unknown
// action and a tampered shard. The answers stay exact when the index is deleted, left stale by an
// edit that put the file's size and time back, or behind another writer's appends; a tampered record
// is shown as the shard has it, and the chain check still names it.
#include "history/local/LocalHistoryBackend.h"
#include "index/SqliteHistoryIndex.h"
#include "support/HistorySamples.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
const QByteArray kKey = "per-installation-secret-for-queries";
// No process has this number (it is above the kernel's limit): its entries read as unknown.
constexpr qint64 kGonePid = 2147483000;

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Replaces the first `from` in `path` by `to` in place (same inode); with `keepStamp` the modification
// time is put back, an edit the index cannot see by the file's stamp when the size is kept too.
bool editInPlace(const QString &path, const QByteArray &from, const QByteArray &to, bool keepStamp)
{
    struct stat before {};
    if (::stat(QFile::encodeName(path).constData(), &before) != 0)
        return false;
    QByteArray bytes = readFile(path);
    const qsizetype at = bytes.indexOf(from);
    if (at < 0)
        return false;
    bytes.replace(at, from.size(), to);
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

// The first shard from `start` on that holds `text`.
QString shardWith(const QStringList &shards, const QByteArray &text, qsizetype start = 0)
{
    for (qsizetype i = start; i < shards.size(); ++i) {
        if (readFile(shards.at(i)).contains(text))
            return shards.at(i);
    }
    return {};
}

QByteArray jsonOf(const QList<HistoryEntry> &entries)
{
    QByteArray out;
    for (const HistoryEntry &e : entries)
        out += QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) + '\n';
    return out;
}

QString describe(const HistoryQuery &q)
{
    QStringList parts;
    if (!q.text.isEmpty())
        parts << QStringLiteral("text=%1").arg(q.text);
    if (q.action)
        parts << QStringLiteral("action=%1").arg(int(*q.action));
    if (q.outcome)
        parts << QStringLiteral("outcome=%1").arg(HistoryEntry::outcomeName(*q.outcome));
    if (q.from.isValid())
        parts << QStringLiteral("from=%1").arg(q.from.toString(Qt::ISODate));
    if (q.until.isValid())
        parts << QStringLiteral("until=%1").arg(q.until.toString(Qt::ISODate));
    if (!q.userId.isEmpty())
        parts << QStringLiteral("user=%1").arg(q.userId);
    if (!q.runId.isEmpty())
        parts << QStringLiteral("run=%1").arg(q.runId);
    if (!q.dbRole.isEmpty())
        parts << QStringLiteral("role=%1").arg(q.dbRole);
    parts << (q.order == HistoryQuery::Order::NewestFirst ? QStringLiteral("newest") : QStringLiteral("oldest"));
    return parts.join(QLatin1Char(' '));
}

// A SqliteHistoryIndex that counts what it is asked, so a test can tell the index answered (and
// whether it had to be made again).
class CountingIndex : public HistoryIndex
{
public:
    CountingIndex(const QString &path, int *asked, int *cleared, int *failed)
        : m_inner(path), m_asked(asked), m_cleared(cleared), m_failed(failed)
    {
        // Every count crosses slices, so their seams are compared with the walk too.
        m_inner.setCountSlice(7);
    }
    QString location() const override { return m_inner.location(); }
    Result<QList<Shard>> shards() override { return m_inner.shards(); }
    Result<QByteArray> stampsDigest() override { return m_inner.stampsDigest(); }
    Status setStampsDigest(const QByteArray &digest) override { return m_inner.setStampsDigest(digest); }
    Status store(const QList<Shard> &shards, const QList<QList<Row>> &rows, const QStringList &gone) override
    {
        return m_inner.store(shards, rows, gone);
    }
    Result<QList<Location>> userRecords(const QString &userId) override { return m_inner.userRecords(userId); }
    Result<QList<Location>> problemRecords() override { return m_inner.problemRecords(); }
    Result<qint64> newestEpoch() override { return m_inner.newestEpoch(); }
    Status clear() override
    {
        ++*m_cleared;
        return m_inner.clear();
    }
    Result<QList<EntryAt>> entries(const HistoryQuery &query, qint64 after, int limit) override
    {
        ++*m_asked;
        return counted(m_inner.entries(query, after, limit));
    }
    Result<QList<EntryAt>> entry(qint64 seq) override
    {
        ++*m_asked;
        return counted(m_inner.entry(seq));
    }
    Result<QList<Tally>> answered(const HistoryQuery &query) override
    {
        ++*m_asked;
        return counted(m_inner.answered(query));
    }
    Result<QList<Unanswered>> unanswered(const HistoryQuery &query) override
    {
        return counted(m_inner.unanswered(query));
    }
    Result<QList<Shard>> unreadableShards() override { return m_inner.unreadableShards(); }

private:
    // A question the index could not answer is answered by the walk all the same: counted, so a test
    // can tell the index's own SQL never failed.
    template <typename T>
    Result<T> counted(Result<T> result)
    {
        if (!result.ok()) {
            ++*m_failed;
            qWarning("the index could not answer: %s", qPrintable(result.status().message()));
        }
        return result;
    }

    SqliteHistoryIndex m_inner;
    int *m_asked;
    int *m_cleared;
    int *m_failed;
};
} // namespace

class TestHistoryQueries : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_asked = 0;
    int m_cleared = 0;
    int m_failed = 0;

    QString dir(const char *name) const { return QDir(m_dir.path()).filePath(QLatin1String(name)); }
    static QString indexOf(const QString &history) { return history + QStringLiteral("-index.sqlite"); }

    std::unique_ptr<LocalHistoryBackend> open(const QString &path, bool indexed)
    {
        auto backend = std::make_unique<LocalHistoryBackend>(path);
        backend->setChainKey(kKey);
        backend->setShardCapacity(4);
        if (indexed)
            backend->setIndex(std::make_unique<CountingIndex>(indexOf(path), &m_asked, &m_cleared, &m_failed));
        return backend;
    }

    static QDateTime day(int month, int d, int hour = 10)
    {
        return QDateTime(QDate(2026, month, d), QTime(hour, 0), Qt::UTC);
    }

    // 70 entries over six months, answered in batches (some answers shards after their begins), with
    // the odd ones described in the file's comment at the top.
    static void fillVaried(LocalHistoryBackend &backend)
    {
        QList<HistoryEntry> waiting; // begun, answer not written yet
        QList<int> numbers;          // the i each was begun as
        for (int i = 0; i < 70; ++i) {
            HistoryEntry e = HistorySamples::entry(QStringLiteral("u%1").arg(i % 7), ActionKind(i % 6));
            e.time = day(1 + (i % 6), 1 + (i % 27), 8 + (i % 9));
            e.reason = i % 4 == 0 ? QStringLiteral("Fraud ring %1").arg(i) : QStringLiteral("Routine CASE-%1").arg(i);
            if (i == 50)
                e.reason = QStringLiteral("O'Brien asked for 100%1 _% of it"); // quotes and placeholders
            if (i % 5 == 0)
                e.runId = i % 10 == 0 ? QStringLiteral("run-a") : QStringLiteral("run-b");
            if (i == 13)
                e.pid = kGonePid; // never answered, its process gone: unknown
            if (i == 17)
                e.pid = 1; // never answered, its process alive: pending
            if (i == 17 || i == 69)
                e.time = QDateTime(); // now: an action older than the grace reads as unknown whatever its process
            const Result<QList<qint64>> ids = backend.begin({e});
            QVERIFY(ids.ok());
            e.id = ids.value().constFirst();
            if (i == 13 || i == 17 || i == 69)
                continue; // 69: begun by this process, still in flight
            waiting.append(e);
            numbers.append(i);
            if (waiting.size() < 5 && i != 68)
                continue;
            QList<HistoryEntry> answers;
            for (qsizetype k = 0; k < waiting.size(); ++k) {
                const HistoryEntry &w = waiting.at(k);
                const int n = numbers.at(k);
                HistoryEntry a = w;
                a.outcome = n % 3 == 0 ? HistoryEntry::Outcome::Failure : HistoryEntry::Outcome::Success;
                if (n == 22)
                    a.outcome = HistoryEntry::Outcome::Unknown; // sent, no answer understood
                a.code = a.outcome == HistoryEntry::Outcome::Failure ? QStringLiteral("2210") : QString();
                a.message = a.outcome == HistoryEntry::Outcome::Failure ? QStringLiteral("User Not Found")
                                                                        : QStringLiteral("Done");
                a.httpStatus = a.outcome == HistoryEntry::Outcome::Failure ? 404 : 200;
                a.completedAt = w.time.addSecs(2);
                answers.append(a);
            }
            QVERIFY(backend.complete(answers).ok());
            // Answered twice: the newest answer is the one a read keeps.
            for (const HistoryEntry &a : std::as_const(answers)) {
                if (a.reason == QLatin1String("Routine CASE-9")) {
                    HistoryEntry again = a;
                    again.outcome = HistoryEntry::Outcome::Failure;
                    again.message = QStringLiteral("Answered Again");
                    QVERIFY(backend.complete({again}).ok());
                }
            }
            waiting.clear();
            numbers.clear();
        }
    }

    // Damage and tampering behind the backend's back: a record that is no JSON, a begin of an action
    // this release does not know, a reason and an outcome edited (the chain breaks there).
    static void spoil(LocalHistoryBackend &backend)
    {
        const QStringList shards = backend.shardFiles();
        QVERIFY(shards.size() > 10);
        QVERIFY(editInPlace(shardWith(shards, "Routine CASE-5\\\""), "{\\\"action", "{{\\\"action", false));
        QVERIFY(editInPlace(shardWith(shards, "Routine CASE-7\\\""), "\\\"action\\\":\\\"deactivate\\\"",
                            "\\\"action\\\":\\\"vanish\\\"", false));
        QVERIFY(editInPlace(shardWith(shards, "Routine CASE-31\\\""), "Routine CASE-31", "Tampered CASE-31", false));
        QVERIFY(editInPlace(shardWith(shards, "\\\"outcome\\\":\\\"success\\\"", shards.size() / 2),
                            "\\\"outcome\\\":\\\"success\\\"", "\\\"outcome\\\":\\\"failure\\\"", false));
    }

    static QList<HistoryQuery> queries()
    {
        QList<HistoryQuery> all;
        const auto add = [&all](const std::function<void(HistoryQuery &)> &set) {
            HistoryQuery q;
            set(q);
            all.append(q);
        };
        add([](HistoryQuery &) {});
        for (const char *text : {"case", "CASE-3", "fraud ring", "nothing-like-this", "user not found", "2210", "run-a",
                                 "officer@", "again", "tampered", "u4", " ", "%1", "o'brien", "_%", "'"})
            add([text](HistoryQuery &q) { q.text = QString::fromUtf8(text); });
        for (int a = 0; a < 6; ++a)
            add([a](HistoryQuery &q) { q.action = ActionKind(a); });
        for (HistoryEntry::Outcome o : {HistoryEntry::Outcome::Success, HistoryEntry::Outcome::Failure,
                                        HistoryEntry::Outcome::Pending, HistoryEntry::Outcome::Unknown})
            add([o](HistoryQuery &q) { q.outcome = o; });
        add([](HistoryQuery &q) { q.from = day(3, 1, 0); });
        add([](HistoryQuery &q) { q.until = day(4, 1, 0); });
        add([](HistoryQuery &q) {
            q.from = day(2, 10, 0);
            q.until = day(5, 3, 12);
        });
        add([](HistoryQuery &q) { q.userId = QStringLiteral("u3"); });
        add([](HistoryQuery &q) { q.runId = QStringLiteral("run-b"); });
        add([](HistoryQuery &q) { q.dbRole = QStringLiteral("enrollee_officer"); });
        add([](HistoryQuery &q) {
            q.text = QStringLiteral("routine");
            q.outcome = HistoryEntry::Outcome::Failure;
        });
        add([](HistoryQuery &q) {
            q.action = ActionKind::Deactivate;
            q.from = day(2, 1, 0);
        });
        add([](HistoryQuery &q) {
            q.outcome = HistoryEntry::Outcome::Unknown;
            q.text = QStringLiteral("u");
        });
        add([](HistoryQuery &q) {
            q.outcome = HistoryEntry::Outcome::Pending;
            q.userId = QStringLiteral("u3");
        });
        add([](HistoryQuery &q) {
            q.userId = QStringLiteral("u2");
            q.runId = QStringLiteral("run-a");
            q.text = QStringLiteral("fraud");
        });
        return all;
    }

    // Pages `query` through to its end from the index and from the walk; empty when they agree.
    static QString comparePaging(LocalHistoryBackend &backend, const HistoryQuery &query, int limit)
    {
        qint64 after = 0;
        for (int pages = 0; pages < 200; ++pages) {
            const Result<HistoryPage> indexed = backend.page(query, after, limit);
            const Result<HistoryPage> walked = backend.HistoryBackend::page(query, after, limit);
            const QString where = QStringLiteral("%1, limit %2, after %3: ").arg(describe(query)).arg(limit).arg(after);
            if (!indexed.ok() || !walked.ok())
                return where + QStringLiteral("failed: %1 / %2").arg(indexed.message(), walked.message());
            const HistoryPage &a = indexed.value();
            const HistoryPage &b = walked.value();
            if (jsonOf(a.entries) != jsonOf(b.entries))
                return where
                    + QStringLiteral("entries differ\n%1\n-- walk --\n%2")
                          .arg(QString::fromUtf8(jsonOf(a.entries)), QString::fromUtf8(jsonOf(b.entries)));
            if (a.next != b.next || a.more != b.more)
                return where + QStringLiteral("next %1/%2 more %3/%4").arg(a.next).arg(b.next).arg(a.more).arg(b.more);
            // The index names every problem of the history; the walk those it passed.
            for (const QString &p : b.problems) {
                if (!a.problems.contains(p))
                    return where + QStringLiteral("problem not named: ") + p;
            }
            if (!b.more && query.order == HistoryQuery::Order::NewestFirst && after == 0 && a.problems != b.problems)
                return where + QStringLiteral("problems differ");
            if (!a.more)
                return {};
            after = a.next;
        }
        return QStringLiteral("%1: paging never ended").arg(describe(query));
    }

    static QString compareCount(LocalHistoryBackend &backend, const HistoryQuery &query)
    {
        const Result<HistoryCounts> indexed = backend.count(query);
        const Result<HistoryCounts> walked = backend.HistoryBackend::count(query);
        if (!indexed.ok() || !walked.ok())
            return QStringLiteral("count failed");
        const HistoryCounts &a = indexed.value();
        const HistoryCounts &b = walked.value();
        if (a.total != b.total || a.success != b.success || a.failure != b.failure || a.pending != b.pending
            || a.unknown != b.unknown)
            return QStringLiteral("%1: counts %2/%3/%4/%5/%6, walk %7/%8/%9/%10/%11")
                .arg(describe(query))
                .arg(a.total)
                .arg(a.success)
                .arg(a.failure)
                .arg(a.pending)
                .arg(a.unknown)
                .arg(b.total)
                .arg(b.success)
                .arg(b.failure)
                .arg(b.pending)
                .arg(b.unknown);
        return {};
    }

    static QString compareEntries(LocalHistoryBackend &backend, qint64 through)
    {
        for (qint64 id = 0; id <= through + 1; ++id) {
            const Result<HistoryEntry> indexed = backend.readEntry(id);
            const Result<HistoryEntry> walked = backend.HistoryBackend::readEntry(id);
            if (indexed.ok() != walked.ok())
                return QStringLiteral("entry #%1 found by one only").arg(id);
            if (!indexed.ok() && indexed.message() != walked.message())
                return QStringLiteral("entry #%1: %2 / %3").arg(id).arg(indexed.message(), walked.message());
            if (indexed.ok() && jsonOf({indexed.value()}) != jsonOf({walked.value()}))
                return QStringLiteral("entry #%1 differs").arg(id);
        }
        return {};
    }

    // A varied history at `path`, its index made and then marked as of index format `format` (SQLite's
    // user_version, at byte 60 of the file's header, big-endian). Empty, or what failed.
    QString fillMarkedAsFormat(const QString &path, char format)
    {
        {
            auto backend = open(path, true);
            fillVaried(*backend);
        }
        {
            SqliteHistoryIndex index(indexOf(path));
            if (const auto shards = index.shards(); !shards.ok())
                return QStringLiteral("the index cannot be read: %1").arg(shards.message());
        }
        QFile file(indexOf(path));
        if (!file.open(QIODevice::ReadWrite) || !file.seek(60))
            return QStringLiteral("the index cannot be opened at its format: %1").arg(file.errorString());
        const QByteArray version = QByteArray(3, '\0') + format;
        if (file.write(version) != qint64(4))
            return QStringLiteral("the index's format cannot be written: %1").arg(file.errorString());
        return {};
    }

    static QString compareAll(LocalHistoryBackend &backend, const QList<int> &limits)
    {
        for (HistoryQuery query : queries()) {
            for (HistoryQuery::Order order : {HistoryQuery::Order::NewestFirst, HistoryQuery::Order::OldestFirst}) {
                query.order = order;
                for (int limit : limits) {
                    if (QString diff = comparePaging(backend, query, limit); !diff.isEmpty())
                        return diff;
                }
            }
            if (QString diff = compareCount(backend, query); !diff.isEmpty())
                return diff;
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_asked = 0;
        m_cleared = 0;
        m_failed = 0;
    }

    void indexAnswersWhatTheWalkAnswers()
    {
        const QString path = dir("varied");
        auto backend = open(path, true);
        fillVaried(*backend);
        spoil(*backend);
        if (QTest::currentTestFailed())
            return;
        // The spoiled history is what the comparison is about: the walk must see each spoil.
        const HistoryRead all = backend->read(1).value();
        QVERIFY(all.problems.size() >= 2);
        QVERIFY(std::any_of(all.entries.cbegin(), all.entries.cend(),
                            [](const HistoryEntry &e) { return e.outcome == HistoryEntry::Outcome::Pending; }));
        QVERIFY(std::any_of(all.entries.cbegin(), all.entries.cend(), [](const HistoryEntry &e) {
            return e.outcome == HistoryEntry::Outcome::Unknown && e.pid == kGonePid;
        }));
        QVERIFY(std::any_of(all.entries.cbegin(), all.entries.cend(),
                            [](const HistoryEntry &e) { return e.reason.startsWith(QLatin1String("Tampered")); }));
        QVERIFY(std::any_of(all.entries.cbegin(), all.entries.cend(),
                            [](const HistoryEntry &e) { return e.message == QLatin1String("Answered Again"); }));
        QVERIFY(std::any_of(all.entries.cbegin(), all.entries.cend(), [](const HistoryEntry &e) {
            return e.outcome == HistoryEntry::Outcome::Unknown && e.completionRecord > 0;
        }));
        const QString diff = compareAll(*backend, {1, 4, 1000});
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QVERIFY2(compareEntries(*backend, all.entries.constLast().completionRecord + 3).isEmpty(),
                 qPrintable(compareEntries(*backend, all.entries.constLast().completionRecord + 3)));
        // A needle with quotes and placeholders is a needle like any other.
        HistoryQuery odd;
        odd.text = QStringLiteral("O'Brien asked for 100%1 _%");
        QCOMPARE(backend->count(odd).value().total, 1);
        QCOMPARE(backend->page(odd, 0, 5).value().entries.size(), 1);
        // Answered by the index, never made again on the way, its SQL never failing.
        QVERIFY(m_asked > 100);
        QCOMPARE(m_cleared, 0);
        QCOMPARE(m_failed, 0);
        // The tampered record is shown as its shard has it, and the check names the edit.
        HistoryQuery tampered;
        tampered.text = QStringLiteral("tampered case-31");
        QCOMPARE(backend->page(tampered, 0, 10).value().entries.size(), 1);
        QCOMPARE(backend->count(tampered).value().total, 1);
        QVERIFY(!backend->verify().ok);
    }

    // The entries of a set of runs (a run and its retries) are every entry whose begin names one of them,
    // oldest first, and no other, answered by the index a page at a time however many pages a run fills;
    // the walk of the entries of one action and outcome is what a read filtered by the same query gives.
    void runsAreEveryEntryOfTheirRuns()
    {
        const QString path = dir("runs");
        auto backend = open(path, true);
        backend->setShardCapacity(500);
        QList<HistoryEntry> begins;
        for (int i = 0; i < 2600; ++i) {
            HistoryEntry e = HistorySamples::entry(QStringLiteral("r%1").arg(i % 40),
                                                   i % 3 == 0 ? ActionKind::Delete : ActionKind::Deactivate);
            e.time = day(3, 1 + (i % 27));
            if (i % 2 == 0) { // more than a page of entries in one run
                e.runId = QStringLiteral("run-long");
                e.runLine = i / 2 + 2;
            } else if (i % 7 == 0) {
                e.runId = QStringLiteral("run-retry");
                e.runLine = i;
            } else if (i % 5 == 0) {
                e.runId = QStringLiteral("run-other");
            }
            begins.append(e);
        }
        const Result<QList<qint64>> ids = backend->begin(begins);
        QVERIFY(ids.ok());
        QList<HistoryEntry> answers;
        for (qsizetype i = 0; i < begins.size(); i += 2) { // half answered, half still open
            HistoryEntry a = begins.at(i);
            a.id = ids.value().at(i);
            a.outcome = i % 4 == 0 ? HistoryEntry::Outcome::Success : HistoryEntry::Outcome::Failure;
            a.completedAt = a.time.addSecs(1);
            answers.append(a);
        }
        QVERIFY(backend->complete(answers).ok());
        const HistoryRead all = backend->read(1).value();
        QCOMPARE(all.entries.size(), begins.size());

        const QStringList family{QStringLiteral("run-long"), QStringLiteral("run-retry"), QStringLiteral("run-none")};
        QList<HistoryEntry> expected;
        std::copy_if(all.entries.cbegin(), all.entries.cend(), std::back_inserter(expected),
                     [&family](const HistoryEntry &e) { return family.contains(e.runId); });
        QVERIFY(expected.size() > 1300);
        // Read from the shards, not the index: a resume or a retry decides from them.
        const Result<HistoryRead> runs = backend->walkRuns(family);
        QVERIFY2(runs.ok(), qPrintable(runs.message()));
        QCOMPARE(runs.value().entries.size(), expected.size());
        QVERIFY(jsonOf(runs.value().entries) == jsonOf(expected));
        QVERIFY(runs.value().problems.isEmpty());
        QCOMPARE(m_failed, 0);
        // No run asked, or a blank one, is no entry, never every entry.
        QVERIFY(backend->walkRuns({}).value().entries.isEmpty());
        QVERIFY(backend->walkRuns({QString()}).value().entries.isEmpty());
        // The same walk in slices, giving way after every shard: the same entries, in as many calls as shards.
        RunWalk sliced;
        sliced.runIds = family;
        int gaveWay = 0;
        sliced.giveWay = [] { return true; };
        std::optional<Result<HistoryRead>> slices;
        while (!(slices = backend->walkRunsInSlices(sliced)))
            ++gaveWay;
        QVERIFY2(slices->ok(), qPrintable(slices->message()));
        QVERIFY(jsonOf(slices->value().entries) == jsonOf(expected));
        QVERIFY2(gaveWay > 4, qPrintable(QString::number(gaveWay))); // 5,200 records in shards of 500
        RunWalk whole;
        whole.runIds = family;
        const std::optional<Result<HistoryRead>> once = backend->walkRunsInSlices(whole);
        QVERIFY(once && once->ok());
        QVERIFY(jsonOf(once->value().entries) == jsonOf(expected));
        RunWalk nothing;
        nothing.runIds = {QString()};
        QVERIFY(backend->walkRunsInSlices(nothing)->value().entries.isEmpty());
        // What is shown of runs: the same entries, run after run, each newest first, found by the index.
        const int askedBefore = m_asked;
        QList<HistoryEntry> shown;
        const Result<QStringList> found = backend->walkRunEntries(family, [&shown](const HistoryEntry &e) {
            shown.append(e);
            return true;
        });
        QVERIFY2(found.ok(), qPrintable(found.message()));
        QVERIFY(found.value().isEmpty());
        QList<HistoryEntry> runByRun;
        for (const QString &run : family) {
            for (auto it = expected.crbegin(); it != expected.crend(); ++it) {
                if (it->runId == run)
                    runByRun.append(*it);
            }
        }
        QCOMPARE(shown.size(), runByRun.size());
        QVERIFY(jsonOf(shown) == jsonOf(runByRun));
        QVERIFY2(m_asked > askedBefore + 2, qPrintable(QString::number(m_asked - askedBefore))); // pages of a run
        int none = 0;
        QVERIFY(backend->walkRunEntries({QString()}, [&none](const HistoryEntry &) { return ++none > 0; }).ok());
        QCOMPARE(none, 0);

        HistoryQuery done;
        done.action = ActionKind::Delete;
        done.outcome = HistoryEntry::Outcome::Success;
        done.order = HistoryQuery::Order::OldestFirst;
        QList<HistoryEntry> matching;
        std::copy_if(all.entries.cbegin(), all.entries.cend(), std::back_inserter(matching),
                     [&done](const HistoryEntry &e) { return done.matches(e); });
        QVERIFY(!matching.isEmpty());
        QList<HistoryEntry> walked;
        const Result<QStringList> problems = backend->walkMatching(done, [&walked](const HistoryEntry &e) {
            walked.append(e);
            return true;
        });
        QVERIFY(problems.ok());
        QVERIFY(jsonOf(walked) == jsonOf(matching));
        // A visitor that stops ends the walk there.
        int seen = 0;
        QVERIFY(backend->walkMatching(done, [&seen](const HistoryEntry &) { return ++seen < 3; }).ok());
        QCOMPARE(seen, 3);
    }

    void deletedIndexIsRebuilt()
    {
        const QString path = dir("deleted");
        {
            auto backend = open(path, true);
            fillVaried(*backend);
        }
        QVERIFY(QFile::remove(indexOf(path)));
        QFile::remove(indexOf(path) + QStringLiteral("-wal"));
        QFile::remove(indexOf(path) + QStringLiteral("-shm"));
        auto backend = open(path, true);
        HistoryQuery fraud;
        fraud.text = QStringLiteral("fraud");
        QVERIFY(backend->page(fraud, 0, 5).ok());
        QVERIFY(QFileInfo::exists(indexOf(path)));
        const QString diff = compareAll(*backend, {3});
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QVERIFY(m_asked > 0);
    }

    // An index of an older format (no per-entry columns) is made afresh, not read.
    void olderFormatIsRebuilt()
    {
        const QString path = dir("older");
        const QString marked = fillMarkedAsFormat(path, 3);
        QVERIFY2(marked.isEmpty(), qPrintable(marked));
        auto backend = open(path, true);
        const QString diff = compareAll(*backend, {5});
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(m_cleared, 0);
    }

    // The index of the format before the trigram table keeps its rows and gains the table, made from
    // them, rather than being made again from every shard.
    void formatWithoutTrigramsGainsThem()
    {
        const QString path = dir("without-grams");
        const QString marked = fillMarkedAsFormat(path, 4);
        QVERIFY2(marked.isEmpty(), qPrintable(marked));
        {
            SqliteHistoryIndex index(indexOf(path));
            QVERIFY(index.narrowsText());
            QVERIFY(index.shards().value().size() > 3);
        }
        auto backend = open(path, true);
        const QString diff = compareAll(*backend, {5});
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(m_cleared, 0);
        QCOMPARE(m_failed, 0);
    }

    void editThatKeptTheStampIsFoundAndIndexedAgain()
    {
        const QString path = dir("kept-stamp");
        auto backend = open(path, true);
        fillVaried(*backend);
        HistoryQuery u1;
        u1.userId = QStringLiteral("u1");
        const qsizetype before = backend->page(u1, 0, 100).value().entries.size();
        QVERIFY(before > 3);
        // One of u1's begins now says v1, size and time put back: the index still says u1.
        QVERIFY(editInPlace(shardWith(backend->shardFiles(), "\\\"user_id\\\":\\\"u1\\\""),
                            "\\\"user_id\\\":\\\"u1\\\"", "\\\"user_id\\\":\\\"v1\\\"", true));
        // The candidate that no longer matches shows the index is stale: it is made again.
        QString diff = comparePaging(*backend, u1, 100);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(backend->page(u1, 0, 100).value().entries.size(), before - 1);
        QVERIFY(m_cleared > 0);
        HistoryQuery v1;
        v1.userId = QStringLiteral("v1");
        diff = comparePaging(*backend, v1, 100);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(backend->page(v1, 0, 100).value().entries.size(), 1);
        QCOMPARE(backend->count(v1).value().total, 1);
        QVERIFY(!backend->verify().ok);
    }

    void anotherWritersAppendsAreSeen()
    {
        const QString path = dir("other-writer");
        auto mine = open(path, true);
        fillVaried(*mine);
        HistoryQuery newcomer;
        newcomer.text = QStringLiteral("newcomer");
        QCOMPARE(mine->count(newcomer).value().total, 0);
        const HistoryPage first = mine->page({}, 0, 5).value();
        for (bool indexed : {false, true}) {
            // Another program appends, one keeping no index (an older release) and one keeping it.
            auto other = open(path, indexed);
            HistoryEntry e = HistorySamples::entry(QStringLiteral("newcomer-%1").arg(indexed));
            const Result<QList<qint64>> ids = other->begin({e});
            QVERIFY(ids.ok());
            e.id = ids.value().constFirst();
            e.outcome = HistoryEntry::Outcome::Failure;
            e.message = QStringLiteral("Late Answer");
            QVERIFY(other->complete({e}).ok());
        }
        const HistoryPage now = mine->page({}, 0, 5).value();
        QCOMPARE(now.entries.constFirst().userId, QStringLiteral("newcomer-1"));
        QVERIFY(now.entries.constFirst().id > first.entries.constFirst().id);
        QCOMPARE(mine->count(newcomer).value().total, 2);
        QCOMPARE(mine->count(newcomer).value().failure, 2);
        HistoryQuery late;
        late.text = QStringLiteral("late answer");
        QCOMPARE(mine->page(late, 0, 10).value().entries.size(), 2);
        const QString diff = compareAll(*mine, {7});
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(m_cleared, 0);
    }

    // A reader that asks again and again (the window) learns "nothing changed" from the folder's
    // notifications instead of stating every shard; an edit in place, a new shard, a removal and
    // another writer's appends between two questions are still seen by the next.
    void warmReaderSeesEveryChange()
    {
        const QString path = dir("warm");
        auto backend = open(path, true);
        fillVaried(*backend);
        HistoryQuery edited;
        edited.text = QStringLiteral("edited behind");
        for (int i = 0; i < 3; ++i)
            QCOMPARE(backend->page(edited, 0, 10).value().entries.size(), 0);
        QVERIFY(editInPlace(shardWith(backend->shardFiles(), "Routine CASE-41\\\""), "Routine CASE-41",
                            "edited behind 41", false));
        QCOMPARE(backend->page(edited, 0, 10).value().entries.size(), 1);
        QCOMPARE(backend->count(edited).value().total, 1);
        {
            auto other = open(path, false);
            HistoryEntry e = HistorySamples::entry(QStringLiteral("edited behind too"));
            QVERIFY(other->begin({e}).ok());
        }
        QCOMPARE(backend->page(edited, 0, 10).value().entries.size(), 2);
        const QString first = backend->shardFiles().constFirst();
        QVERIFY(QFile::remove(first));
        const QString diff = compareAll(*backend, {1000});
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(m_cleared, 0);
    }

    // A shard removed behind the index's back (as retention removes months) takes its entries and its
    // answers with it: an entry answered there reads as unanswered again.
    void removedShardTakesItsAnswersAlong()
    {
        const QString path = dir("removed");
        auto backend = open(path, true);
        fillVaried(*backend);
        const QString shard = shardWith(backend->shardFiles(), "\\\"type\\\":\\\"complete\\\"", 3);
        QVERIFY(!shard.isEmpty());
        QVERIFY(QFile::remove(shard));
        const QString diff = compareAll(*backend, {1000});
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // Kept in step, not found out of step and made again.
        QCOMPARE(m_cleared, 0);
    }

    // An index that cannot be opened (here its path is a folder) leaves every answer to the walk:
    // slower, never wrong or empty.
    void unusableIndexLeavesTheAnswerToTheWalk()
    {
        const QString path = dir("unusable");
        auto backend = open(path, false);
        fillVaried(*backend);
        QVERIFY(QDir().mkpath(indexOf(path)));
        backend->setIndex(std::make_unique<CountingIndex>(indexOf(path), &m_asked, &m_cleared, &m_failed));
        QCOMPARE(backend->page({}, 0, 5).value().entries.size(), 5);
        QCOMPARE(backend->count({}).value().total, 70);
        QVERIFY(backend->readEntry(1).ok());
        const QString diff = compareAll(*backend, {10});
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(m_asked, 0);
    }

    void withoutIndexTheWalkAnswers()
    {
        const QString path = dir("bare");
        auto backend = open(path, false);
        fillVaried(*backend);
        const QString diff = compareAll(*backend, {10});
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(m_asked, 0);
    }
};

QTEST_GUILESS_MAIN(TestHistoryQueries)
#include "tst_history_queries.moc"
