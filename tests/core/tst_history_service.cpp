// HistoryService over a real LocalHistoryBackend in a temporary folder: requests run in the order
// made, answers come back on the caller's thread and only to a context that still exists, what was
// recorded is signalled, the destructor finishes what was asked, a completion that could not be
// written is kept and written with a later request, and a write by another program is noticed.
#include "base/Clock.h"
#include "history/HistoryService.h"
#include "history/local/LocalHistoryBackend.h"
#include "support/FileEdits.h"
#include "support/HistorySamples.h"
#include "support/MemoryHistoryBackend.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <optional>
#include <unistd.h>

namespace {
const QByteArray kKey = "service-test-chain-key";

HistoryEntry sampleEntry(const QString &user)
{
    return HistorySamples::entry(user);
}

HistoryEntry answered(HistoryEntry e, qint64 id, bool ok = true)
{
    e.id = id;
    e.outcome = ok ? HistoryEntry::Outcome::Success : HistoryEntry::Outcome::Failure;
    e.httpStatus = ok ? 200 : 400;
    e.response = QStringLiteral("{\"success\":%1}").arg(ok ? QStringLiteral("true") : QStringLiteral("false"));
    e.elapsedMs = 7;
    return e;
}

// An entry begun by another program, still running (this test's parent process stands in for it).
HistoryEntry fromOtherProcess(const QString &user)
{
    HistoryEntry e = sampleEntry(user);
    e.pid = qint64(::getppid());
    e.time = QDateTime::currentDateTimeUtc(); // not the fixed clock's: an old pending action reads as unknown
    e.face = QStringLiteral("cli");
    return e;
}

// The trail as another program would read it, straight from the folder.
HistoryRead readFolder(const QString &path)
{
    LocalHistoryBackend reader(path);
    reader.setChainKey(kKey);
    return reader.read(1).valueOr(HistoryRead());
}

ChainReport verifyFolder(const QString &path)
{
    LocalHistoryBackend reader(path);
    reader.setChainKey(kKey);
    return reader.verify();
}

// A history whose count takes forty slices of 5 ms and stops between them when told to give way, as
// the index's count over a large history does; it counts how often counting began and stopped.
class SlicedCountBackend : public MemoryHistoryBackend
{
public:
    using MemoryHistoryBackend::MemoryHistoryBackend;
    Result<HistoryCounts> count(const HistoryQuery &query) override
    {
        ++started;
        for (int slice = 0; slice < 40; ++slice) {
            QThread::msleep(5);
            if (mustGiveWay()) {
                ++gaveWay;
                return Status::failure(QStringLiteral("gave way"), Status::Kind::GaveWay);
            }
        }
        return MemoryHistoryBackend::count(query);
    }
    // A check of forty 5 ms slices that goes on from the last one walked.
    std::optional<ChainReport> verifyInSlices() override
    {
        while (checkSlices->load() < 40) {
            QThread::msleep(5);
            ++*checkSlices;
            if (checkSlices->load() < 40 && mustGiveWay()) {
                ++checkStops;
                return std::nullopt;
            }
        }
        return verify();
    }
    std::atomic<int> started{0};
    std::atomic<int> gaveWay{0};
    // Shared, so a test can still read it once the backend is gone with its service.
    std::shared_ptr<std::atomic<int>> checkSlices = std::make_shared<std::atomic<int>>(0);
    std::atomic<int> checkStops{0};
};

QList<HistoryEntry> threeAnswered()
{
    return {answered(sampleEntry(QStringLiteral("u1")), 1), answered(sampleEntry(QStringLiteral("u2")), 2),
            answered(sampleEntry(QStringLiteral("u3")), 3, false)};
}
} // namespace

class TestHistoryService : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    OffsetClock m_clock; // one month for every shard, whatever the day the suite runs

    std::unique_ptr<HistoryService> makeService(int shardCapacity = 100)
    {
        auto backend = std::make_unique<LocalHistoryBackend>(m_path, &m_clock);
        backend->setShardCapacity(shardCapacity);
        auto service = std::make_unique<HistoryService>(std::move(backend));
        service->setChainKey(kKey);
        return service;
    }

    // Waits until every request made so far has been answered: requests run in order.
    static bool drain(HistoryService &service)
    {
        QObject context;
        bool done = false;
        service.read(1, &context, [&done](const Result<HistoryRead> &) { done = true; });
        return QTest::qWaitFor([&done] { return done; });
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<QList<HistoryEntry>>();
        m_clock.setFixed(QDateTime(QDate(2026, 5, 15), QTime(12, 0), Qt::UTC));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("history"));
    }

    void cleanup() { m_dir.reset(); }

    void requestsRunInTheOrderMade()
    {
        auto service = makeService();
        QStringList log;
        Result<QList<HistoryEntry>> begun = Status::failure(QStringLiteral("no answer"));
        Result<HistoryRead> read = Status::failure(QStringLiteral("no answer"));
        // Asked one after another without waiting: the completion (of record 1, which the begin will
        // be in a fresh history) must not be written before its begin, and the read sees both.
        service->begin({sampleEntry(QStringLiteral("alice"))}, this, [&](const Result<QList<HistoryEntry>> &r) {
            log.append(QStringLiteral("begin"));
            begun = r;
        });
        service->complete({answered(sampleEntry(QStringLiteral("alice")), 1)}, this, [&](const Status &s) {
            log.append(s.ok() ? QStringLiteral("complete") : QStringLiteral("complete failed: ") + s.message());
        });
        service->read(1, this, [&](const Result<HistoryRead> &r) {
            log.append(QStringLiteral("read"));
            read = r;
        });
        QTRY_COMPARE(log.size(), 3);
        QCOMPARE(log, (QStringList{QStringLiteral("begin"), QStringLiteral("complete"), QStringLiteral("read")}));
        QVERIFY2(begun.ok(), qPrintable(begun.message()));
        QCOMPARE(begun.value().size(), 1);
        QCOMPARE(begun.value().first().id, 1);
        QCOMPARE(begun.value().first().pid, QCoreApplication::applicationPid());
        QCOMPARE(begun.value().first().outcome, HistoryEntry::Outcome::Pending);
        QVERIFY2(read.ok(), qPrintable(read.message()));
        QCOMPARE(read.value().entries.size(), 1);
        QCOMPARE(read.value().entries.first().outcome, HistoryEntry::Outcome::Success);
        QCOMPARE(read.value().entries.first().completionRecord, 2);
        QCOMPARE(read.value().newestRecord, 2);
        // The entry as begun is the entry stored, to the millisecond.
        QCOMPARE(read.value().entries.first().time, begun.value().first().time);

        bool checked = false;
        service->verify(this, [&](const ChainReport &report) {
            QVERIFY2(report.ok, qPrintable(report.problem));
            QCOMPARE(report.records, 2);
            QVERIFY(report.keyed);
            checked = true;
        });
        QTRY_VERIFY(checked);
    }

    void answersComeBackOnTheCallersThreadAndWorkRunsOnItsOwn()
    {
        auto service = makeService();
        QThread *const caller = QThread::currentThread();
        QList<QThread *> answeredOn;
        QString workThread;
        QThread *workThreadPointer = nullptr;
        service->begin({sampleEntry(QStringLiteral("t"))}, this,
                       [&](const Result<QList<HistoryEntry>> &) { answeredOn.append(QThread::currentThread()); });
        service->complete({answered(sampleEntry(QStringLiteral("t")), 1)}, this,
                          [&](const Status &) { answeredOn.append(QThread::currentThread()); });
        service->read(1, this, [&](const Result<HistoryRead> &) { answeredOn.append(QThread::currentThread()); });
        service->verify(this, [&](const ChainReport &) { answeredOn.append(QThread::currentThread()); });
        service->prune(QDate(2000, 1, 1), QStringLiteral("admin@example.com"), this,
                       [&](const Result<PruneReport> &) { answeredOn.append(QThread::currentThread()); });
        service->run<QString>(
            [&workThreadPointer](HistoryBackend &) {
            workThreadPointer = QThread::currentThread();
            return QThread::currentThread()->objectName();
            },
            this,
            [&](const QString &name) {
            answeredOn.append(QThread::currentThread());
            workThread = name;
        });
        QTRY_COMPARE(answeredOn.size(), 6);
        for (QThread *t : std::as_const(answeredOn))
            QCOMPARE(t, caller);
        QCOMPARE(workThread, QStringLiteral("history"));
        QVERIFY(workThreadPointer != caller);
    }

    void aDestroyedContextGetsNoAnswer()
    {
        auto service = makeService();
        QSignalSpy begunSignal(service.get(), &HistoryService::entriesBegun);
        int calls = 0;
        auto *gone = new QObject;
        service->begin({sampleEntry(QStringLiteral("orphan"))}, gone,
                       [&](const Result<QList<HistoryEntry>> &) { ++calls; });
        service->complete({answered(sampleEntry(QStringLiteral("orphan")), 1)}, gone, [&](const Status &) { ++calls; });
        service->read(1, gone, [&](const Result<HistoryRead> &) { ++calls; });
        service->verify(gone, [&](const ChainReport &) { ++calls; });
        service->run<int>([](HistoryBackend &) { return 1; }, gone, [&](const int &) { ++calls; });
        delete gone;              // before any answer can have been delivered: this thread has not returned to its loop
        QVERIFY(drain(*service)); // every answer above was posted before this one
        QCOMPARE(calls, 0);
        // The work itself was done: only the answer was dropped.
        QCOMPARE(begunSignal.count(), 1);
        const HistoryRead read = readFolder(m_path);
        QCOMPARE(read.entries.size(), 1);
        QCOMPARE(read.entries.first().userId, QStringLiteral("orphan"));
        QCOMPARE(read.entries.first().outcome, HistoryEntry::Outcome::Success);
    }

    void recordsAreSignalledOnceDurable()
    {
        auto service = makeService();
        QSignalSpy begunSignal(service.get(), &HistoryService::entriesBegun);
        QSignalSpy completedSignal(service.get(), &HistoryService::entriesCompleted);
        QList<HistoryEntry> stored;
        int signalsAtAnswer = -1;
        service->begin({sampleEntry(QStringLiteral("a")), sampleEntry(QStringLiteral("b"))}, this,
                       [&](const Result<QList<HistoryEntry>> &r) {
            signalsAtAnswer = int(begunSignal.count());
            if (r.ok())
                stored = r.value();
        });
        QTRY_COMPARE(stored.size(), 2);
        QCOMPARE(signalsAtAnswer, 1); // the signal comes first, and once for the whole batch
        QCOMPARE(begunSignal.count(), 1);
        const QList<HistoryEntry> signalled = begunSignal.first().first().value<QList<HistoryEntry>>();
        QCOMPARE(signalled.size(), 2);
        QCOMPARE(signalled.at(0).id, 1);
        QCOMPARE(signalled.at(1).id, 2);
        QCOMPARE(signalled.at(1).userId, QStringLiteral("b"));
        QCOMPARE(completedSignal.count(), 0);
        // When the signal came, the records were on disk.
        QCOMPARE(readFolder(m_path).entries.size(), 2);

        bool done = false;
        service->complete({answered(stored.at(1), stored.at(1).id, false), answered(stored.at(0), stored.at(0).id)},
                          this, [&](const Status &s) { done = s.ok(); });
        QTRY_VERIFY(done);
        QCOMPARE(completedSignal.count(), 1);
        const QList<HistoryEntry> completed = completedSignal.first().first().value<QList<HistoryEntry>>();
        QCOMPARE(completed.size(), 2);
        QCOMPARE(completed.at(0).id, 2);
        QCOMPARE(completed.at(0).outcome, HistoryEntry::Outcome::Failure);
        QCOMPARE(completed.at(1).outcome, HistoryEntry::Outcome::Success);
        QCOMPARE(service->unwrittenCount(), 0);
        const HistoryRead read = readFolder(m_path);
        QCOMPARE(read.entries.at(0).outcome, HistoryEntry::Outcome::Success);
        QCOMPARE(read.entries.at(1).outcome, HistoryEntry::Outcome::Failure);

        // A begin that cannot be recorded is answered with why, and nothing is signalled.
        begunSignal.clear();
        QFile inTheWay(m_dir->filePath(QStringLiteral("not-a-folder")));
        QVERIFY(inTheWay.open(QIODevice::WriteOnly));
        inTheWay.close();
        auto backend = std::make_unique<LocalHistoryBackend>(inTheWay.fileName());
        HistoryService broken(std::move(backend));
        broken.setChainKey(kKey);
        QSignalSpy brokenBegun(&broken, &HistoryService::entriesBegun);
        std::optional<Result<QList<HistoryEntry>>> refused;
        broken.begin({sampleEntry(QStringLiteral("c"))}, this,
                     [&](const Result<QList<HistoryEntry>> &r) { refused = r; });
        QTRY_VERIFY(refused.has_value());
        QVERIFY(!refused->ok());
        QVERIFY(!refused->message().isEmpty());
        QCOMPARE(brokenBegun.count(), 0);
    }

    void destroyingTheServiceFinishesWhatWasAsked()
    {
        {
            auto service = makeService(4);
            QList<HistoryEntry> batch;
            for (int i = 0; i < 20; ++i)
                batch.append(sampleEntry(QStringLiteral("queued-%1").arg(i)));
            service->begin(batch, nullptr, {});
            QList<HistoryEntry> answers;
            for (int i = 0; i < 20; ++i)
                answers.append(answered(batch.at(i), i + 1));
            for (const HistoryEntry &a : std::as_const(answers))
                service->complete({a}, nullptr, {});
            // Gone at once: nothing above has had a chance to be answered on this thread.
        }
        const HistoryRead read = readFolder(m_path);
        QVERIFY(read.problems.isEmpty());
        QCOMPARE(read.entries.size(), 20);
        for (const HistoryEntry &e : read.entries)
            QCOMPARE(e.outcome, HistoryEntry::Outcome::Success);
        QCOMPARE(read.newestRecord, 40);
        const ChainReport report = verifyFolder(m_path);
        QVERIFY2(report.ok, qPrintable(report.problem));
        QCOMPARE(report.records, 40);
    }

    // A count running when a page is asked stops for it and starts again after: the page is answered
    // first, and the count still answers, in full.
    void aCountGivesWayToARequestAskedWhileItRuns()
    {
        auto owned = std::make_unique<SlicedCountBackend>(threeAnswered());
        SlicedCountBackend *backend = owned.get();
        HistoryService service(std::move(owned));
        QStringList log;
        HistoryCounts counts;
        service.count(HistoryQuery{}, this, [&](const Result<HistoryCounts> &c) {
            log.append(QStringLiteral("count"));
            counts = c.valueOr(HistoryCounts());
        });
        QTRY_VERIFY(backend->started.load() > 0);
        service.page(HistoryQuery{}, 0, 10, this, [&](const Result<HistoryPage> &p) {
            log.append(QStringLiteral("page of %1").arg(p.ok() ? p.value().entries.size() : -1));
        });
        QTRY_COMPARE(log.size(), 2);
        QCOMPARE(log, (QStringList{QStringLiteral("page of 3"), QStringLiteral("count")}));
        QVERIFY(backend->gaveWay.load() >= 1);
        QCOMPARE(backend->started.load(), backend->gaveWay.load() + 1);
        QCOMPARE(counts.total, 3);
        QCOMPARE(counts.success, 2);
        QCOMPARE(counts.failure, 1);
    }

    // A filter typed letter by letter asks a count per letter: only the last one asked by the same
    // asker, once it may run, is counted and answered; another asker's count is not affected.
    void aCountAskedAgainReplacesTheOneNotStarted()
    {
        auto owned = std::make_unique<SlicedCountBackend>(threeAnswered());
        SlicedCountBackend *backend = owned.get();
        HistoryService service(std::move(owned));
        std::atomic<bool> release{false};
        bool held = false;
        service.run<bool>(
            [&release](HistoryBackend &) {
            while (!release.load())
                QThread::msleep(1);
            return true;
            },
            this, [&held](bool) { held = true; });
        QObject typing;
        QObject other;
        QStringList answers;
        for (const char *text : {"u", "u1", "u2"}) {
            HistoryQuery q;
            q.text = QLatin1String(text);
            service.count(q, &typing, [&answers, text](const Result<HistoryCounts> &c) {
                answers.append(QStringLiteral("%1: %2").arg(QLatin1String(text)).arg(c.ok() ? c.value().total : -1));
            });
        }
        bool otherAnswered = false;
        service.count(HistoryQuery{}, &other, [&otherAnswered](const Result<HistoryCounts> &c) {
            otherAnswered = c.ok() && c.value().total == 3;
        });
        release = true;
        QTRY_VERIFY(held);
        QTRY_VERIFY(otherAnswered);
        QTRY_COMPARE(answers.size(), 1);
        QTest::qWait(100);
        QCOMPARE(answers, QStringList{QStringLiteral("u2: 1")});
        QCOMPARE(backend->started.load(), 2);
    }

    // The window's check walks a shard at a time and stops whenever asked to give way, going on from
    // there when asked again; it checks the history as it was when it began, whatever is appended
    // between its slices, and still finds a shard edited before it got there.
    void aCheckInSlicesGoesOnWhereItStopped()
    {
        LocalHistoryBackend backend(m_path, &m_clock);
        backend.setChainKey(kKey);
        backend.setShardCapacity(2);
        for (int i = 0; i < 10; ++i) {
            const Result<QList<qint64>> ids = backend.begin({sampleEntry(QStringLiteral("u%1").arg(i))});
            QVERIFY2(ids.ok(), qPrintable(ids.message()));
            QVERIFY(backend.complete({answered(sampleEntry(QStringLiteral("u%1").arg(i)), ids.value().first())}).ok());
        }
        const qsizetype shards = backend.shardFiles().size();
        QCOMPARE(shards, 10);
        const ChainReport whole = backend.verify();
        QVERIFY2(whole.ok, qPrintable(whole.problem));
        backend.setGiveWay([] { return true; });
        int slices = 1;
        std::optional<ChainReport> sliced = backend.verifyInSlices();
        for (; !sliced && slices < 100; ++slices) {
            // Appended between slices: not part of this check, and no break either.
            const Result<QList<qint64>> more = backend.begin({sampleEntry(QStringLiteral("late%1").arg(slices))});
            QVERIFY2(more.ok(), qPrintable(more.message()));
            sliced = backend.verifyInSlices();
        }
        QVERIFY(sliced);
        QCOMPARE(slices, shards);
        QVERIFY2(sliced->ok, qPrintable(sliced->problem));
        QCOMPARE(sliced->records, whole.records);
        QCOMPARE(sliced->headSeq, whole.headSeq);
        QCOMPARE(sliced->headHash, whole.headHash);
        const ChainReport after = backend.verify();
        QVERIFY2(after.ok, qPrintable(after.problem));
        QCOMPARE(after.records, whole.records + shards - 1);

        // A shard not walked yet, edited between two slices, is found.
        QVERIFY(!backend.verifyInSlices());
        const QString edited = FileEdits::replace(backend.shardFiles().at(5), "u5", "v5");
        QVERIFY2(edited.isEmpty(), qPrintable(edited));
        std::optional<ChainReport> found;
        for (int i = 0; i < 100 && !found; ++i)
            found = backend.verifyInSlices();
        QVERIFY(found);
        QVERIFY(!found->ok);
        QCOMPARE(found->problem, backend.verify().problem);
    }

    // While a check runs, a page asked meanwhile is answered before the check ends, and the check goes
    // on from where it stopped rather than from the start.
    void aCheckGivesWayToARequestAskedWhileItRuns()
    {
        auto owned = std::make_unique<SlicedCountBackend>(threeAnswered());
        SlicedCountBackend *backend = owned.get();
        HistoryService service(std::move(owned));
        QStringList log;
        service.verify(this, [&log](const ChainReport &r) {
            log.append(r.ok ? QStringLiteral("check") : QStringLiteral("check failed"));
        });
        QTRY_VERIFY(backend->checkSlices->load() > 0);
        service.page(HistoryQuery{}, 0, 10, this, [&](const Result<HistoryPage> &p) {
            log.append(QStringLiteral("page of %1").arg(p.ok() ? p.value().entries.size() : -1));
        });
        QTRY_COMPARE(log.size(), 2);
        QCOMPARE(log, (QStringList{QStringLiteral("page of 3"), QStringLiteral("check")}));
        QVERIFY(backend->checkStops.load() >= 1);
        QCOMPARE(backend->checkSlices->load(), 40);
    }

    // Closing the window during a long check stops the check at its next slice rather than waiting
    // for it to end.
    void closingStopsACheckUnderWay()
    {
        auto owned = std::make_unique<SlicedCountBackend>(threeAnswered());
        SlicedCountBackend *backend = owned.get();
        auto service = std::make_unique<HistoryService>(std::move(owned));
        bool answered = false;
        service->verify(this, [&answered](const ChainReport &) { answered = true; });
        QTRY_VERIFY(backend->checkSlices->load() > 0);
        // The backend goes with the service; its count of slices stays.
        const std::shared_ptr<std::atomic<int>> slices = backend->checkSlices;
        service.reset();
        const int walked = slices->load();
        QVERIFY(walked > 0);
        QVERIFY2(walked < 40, qPrintable(QString::number(walked)));
        QVERIFY(!answered);
    }

    void anUnwrittenCompletionIsKeptAndWrittenLater()
    {
        // One record a shard, so the completion needs a new shard file; a folder where that file must go
        // makes the write fail for anyone, root included, and the backend never writes over what is there.
        auto service = makeService(1);
        QSignalSpy unwrittenSignal(service.get(), &HistoryService::unwrittenChanged);
        QSignalSpy completedSignal(service.get(), &HistoryService::entriesCompleted);
        std::optional<Result<QList<HistoryEntry>>> begun;
        service->begin({sampleEntry(QStringLiteral("kept"))}, this,
                       [&](const Result<QList<HistoryEntry>> &r) { begun = r; });
        QTRY_VERIFY(begun.has_value());
        QVERIFY2(begun->ok(), qPrintable(begun->message()));
        const HistoryEntry entry = begun->value().first();
        QCOMPARE(entry.id, 1);
        const QString blocker = QDir(m_path).filePath(QStringLiteral("h-2026-05-0000000002.ini"));
        QVERIFY(QDir().mkdir(blocker));

        std::optional<Status> first;
        service->complete({answered(entry, entry.id)}, this, [&](const Status &s) { first = s; });
        QTRY_VERIFY(first.has_value());
        QVERIFY(!first->ok());
        QVERIFY(!first->message().isEmpty());
        QCOMPARE(first->kind(), Status::Kind::Storage);
        QCOMPARE(service->unwrittenCount(), 1);
        QCOMPARE(unwrittenSignal.count(), 1);
        QCOMPARE(unwrittenSignal.first().first().toInt(), 1);
        QCOMPARE(completedSignal.count(), 0);
        // Meanwhile the action is ours and still in flight: not "unknown".
        std::optional<Result<HistoryRead>> meanwhile;
        service->read(1, this, [&](const Result<HistoryRead> &r) { meanwhile = r; });
        QTRY_VERIFY(meanwhile.has_value());
        QVERIFY(meanwhile->ok());
        QCOMPARE(meanwhile->value().entries.size(), 1);
        QCOMPARE(meanwhile->value().entries.first().outcome, HistoryEntry::Outcome::Pending);

        // Still blocked: a second failed answer joins the first.
        std::optional<Status> second;
        service->complete({answered(entry, entry.id, false)}, this, [&](const Status &s) { second = s; });
        QTRY_VERIFY(second.has_value());
        QVERIFY(!second->ok());
        QCOMPARE(service->unwrittenCount(), 2);
        QCOMPARE(unwrittenSignal.count(), 2);
        QCOMPARE(unwrittenSignal.last().first().toInt(), 2);
        QVERIFY(QDir().rmdir(blocker));

        // The next request writes what was kept first.
        std::optional<Result<QList<HistoryEntry>>> next;
        service->begin({sampleEntry(QStringLiteral("next"))}, this,
                       [&](const Result<QList<HistoryEntry>> &r) { next = r; });
        QTRY_VERIFY(next.has_value());
        QVERIFY2(next->ok(), qPrintable(next->message()));
        QCOMPARE(next->value().first().id, 4); // after the two kept answers, records 2 and 3
        QCOMPARE(service->unwrittenCount(), 0);
        QCOMPARE(unwrittenSignal.count(), 3);
        QCOMPARE(unwrittenSignal.last().first().toInt(), 0);
        QCOMPARE(completedSignal.count(), 1);
        QCOMPARE(completedSignal.first().first().value<QList<HistoryEntry>>().size(), 2);

        const HistoryRead read = readFolder(m_path);
        QCOMPARE(read.entries.size(), 2);
        QCOMPARE(read.entries.first().id, 1);
        QCOMPARE(read.entries.first().completionRecord, 3); // the later answer is the one that stands
        QCOMPARE(read.entries.first().outcome, HistoryEntry::Outcome::Failure);
        const ChainReport report = verifyFolder(m_path);
        QVERIFY2(report.ok, qPrintable(report.problem));
        QCOMPARE(report.records, 4);
    }

    void anUnwrittenCompletionIsWrittenWhenTheServiceEnds()
    {
        {
            auto service = makeService(1);
            std::optional<Result<QList<HistoryEntry>>> begun;
            service->begin({sampleEntry(QStringLiteral("last"))}, this,
                           [&](const Result<QList<HistoryEntry>> &r) { begun = r; });
            QTRY_VERIFY(begun.has_value());
            QVERIFY(begun->ok());
            const QString blocker = QDir(m_path).filePath(QStringLiteral("h-2026-05-0000000002.ini"));
            QVERIFY(QDir().mkdir(blocker));
            std::optional<Status> failed;
            service->complete({answered(begun->value().first(), 1)}, this, [&](const Status &s) { failed = s; });
            QTRY_VERIFY(failed.has_value());
            QVERIFY(!failed->ok());
            QCOMPARE(service->unwrittenCount(), 1);
            QVERIFY(QDir().rmdir(blocker));
        }
        const HistoryRead read = readFolder(m_path);
        QCOMPARE(read.entries.size(), 1);
        QCOMPARE(read.entries.first().outcome, HistoryEntry::Outcome::Success);
        QVERIFY(verifyFolder(m_path).ok);
    }

    void anotherWriterIsNoticed()
    {
        // Another program (here another backend on the same folder, as enrollee-cli would be) wrote first.
        LocalHistoryBackend other(m_path, &m_clock);
        other.setChainKey(kKey);
        QVERIFY(other.begin({fromOtherProcess(QStringLiteral("from-cli"))}).ok());
        auto service = makeService();
        QSignalSpy external(service.get(), &HistoryService::externalChange);
        QVERIFY(drain(*service)); // watching has begun: it was the first request
        QCOMPARE(external.count(), 0);

        const Result<QList<qint64>> ids = other.begin({fromOtherProcess(QStringLiteral("cli-again"))});
        QVERIFY(ids.ok());
        QVERIFY(external.wait());
        std::optional<Result<HistoryRead>> read;
        service->read(2, this, [&](const Result<HistoryRead> &r) { read = r; });
        QTRY_VERIFY(read.has_value());
        QVERIFY(read->ok());
        QCOMPARE(read->value().entries.size(), 1);
        QCOMPARE(read->value().entries.first().userId, QStringLiteral("cli-again"));
        // It is not ours: in flight in a live process, it reads as pending.
        QCOMPARE(read->value().entries.first().outcome, HistoryEntry::Outcome::Pending);

        // Its answer is noticed too, and reads as an answer to an entry begun earlier.
        external.clear();
        QVERIFY(other.complete({answered(fromOtherProcess(QStringLiteral("cli-again")), ids.value().first())}).ok());
        QVERIFY(external.wait());
        read.reset();
        service->read(3, this, [&](const Result<HistoryRead> &r) { read = r; });
        QTRY_VERIFY(read.has_value());
        QVERIFY(read->ok());
        QVERIFY(read->value().entries.isEmpty());
        QCOMPARE(read->value().completions.size(), 1);
        QCOMPARE(read->value().completions.first().id, 2);
    }

    void aWriterThatCreatesTheFolderIsNoticed()
    {
        // A fresh installation: the console starts before anything was recorded, then enrollee-cli
        // records the first action, creating the folder (and the one above it).
        m_path = m_dir->filePath(QStringLiteral("data/history"));
        auto service = makeService();
        QSignalSpy external(service.get(), &HistoryService::externalChange);
        QVERIFY(drain(*service));
        QVERIFY(!QFileInfo::exists(m_path));
        LocalHistoryBackend other(m_path, &m_clock);
        other.setChainKey(kKey);
        QVERIFY(other.begin({fromOtherProcess(QStringLiteral("first-ever"))}).ok());
        QVERIFY(external.wait());
        std::optional<Result<HistoryRead>> read;
        service->read(1, this, [&](const Result<HistoryRead> &r) { read = r; });
        QTRY_VERIFY(read.has_value());
        QVERIFY(read->ok());
        QCOMPARE(read->value().entries.size(), 1);

        // From then on the folder itself is watched.
        external.clear();
        QVERIFY(other.begin({fromOtherProcess(QStringLiteral("second"))}).ok());
        QVERIFY(external.wait());
    }
};

QTEST_GUILESS_MAIN(TestHistoryService)
#include "tst_history_service.moc"
