// Planning a bulk run the same way for every face: a new run from a checked input, a retry of a run's
// failed (and unknown) rows, what the history already knows of the rows, and the run files read and
// written off the asking thread.
#include "action/ActionPolicy.h"
#include "base/Clock.h"
#include "bulk/BulkHistory.h"
#include "bulk/BulkInput.h"
#include "bulk/BulkPlan.h"
#include "bulk/BulkRunFiles.h"
#include "bulk/BulkStore.h"
#include "support/MemoryHistoryBackend.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <optional>

namespace {
Profile profileIn(Environment environment)
{
    Profile p;
    p.name = QStringLiteral("Test");
    p.environment = environment;
    p.partnerId = QStringLiteral("001");
    return p;
}

BulkInput inputOf(const QByteArray &bytes, const QString &reason = {})
{
    Result<BulkInput> parsed = BulkInput::parse(bytes, {}, reason);
    return parsed.ok() ? parsed.value() : BulkInput();
}

BulkRowResult resultOf(const BulkRow &row, BulkRowStatus status, const QString &code = {})
{
    BulkRowResult r{row, status, {}};
    r.entry.id = status == BulkRowStatus::NotSent ? 0 : row.line;
    r.entry.code = code;
    r.entry.httpStatus = code.isEmpty() ? 0 : 400;
    return r;
}

// An action on `user` for partner 001 in the sandbox (profileIn's), unless `partnerId` says otherwise.
HistoryEntry done(const QString &user, ActionKind action, HistoryEntry::Outcome outcome,
                  const QString &partnerId = QStringLiteral("001"))
{
    HistoryEntry e;
    e.userId = user;
    e.action = action;
    e.outcome = outcome;
    e.partnerId = partnerId;
    e.environment = Environment::Sandbox;
    return e;
}

BulkRecord parentRun()
{
    BulkPlan::Options options;
    options.reason = QStringLiteral("case 1");
    options.profile = profileIn(Environment::Production);
    BulkRecord parent = BulkPlan::newRun(inputOf("a\nb\nc\nd\ne\n"), options, ActionPolicy::standard());
    parent.id = QStringLiteral("20260101-000000-abcd");
    parent.created = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    parent.resultsPath = QStringLiteral("/tmp/parent.results.csv");
    parent.state = BulkRecord::State::Finished;
    parent.pauseReason = QStringLiteral("canary");
    return parent;
}

QList<BulkRowResult> outcomesOf(const BulkRecord &parent)
{
    return {resultOf(parent.rows.at(0), BulkRowStatus::Succeeded, QString()),
            resultOf(parent.rows.at(1), BulkRowStatus::Failed, QStringLiteral("2205")),
            resultOf(parent.rows.at(2), BulkRowStatus::Unknown),
            resultOf(parent.rows.at(3), BulkRowStatus::Failed, QStringLiteral("2405")),
            resultOf(parent.rows.at(4), BulkRowStatus::Already, QStringLiteral("2207"))};
}

QStringList usersOf(const BulkRecord &record)
{
    QStringList users;
    for (const BulkRow &row : record.rows)
        users.append(row.userId);
    return users;
}
} // namespace

class TestBulkPlan : public QObject
{
    Q_OBJECT

private slots:
    void newRunTakesInputOptionsAndProfile();
    void newRunCanaryDefaultsByEnvironment();
    void newRunMarksWhatThePolicyRefuses();
    void newRunOfEmptyInput();
    void newRunOfOnlyInvalidRows();
    void retryTakesFailedRowsLinkedToTheRun();
    void retryWithUnknown();
    void retryOnlyTheGivenCodes();
    void retryOfRunWithNothingFailed();
    void identifyGivesIdTimeAndResults();
    void alreadyDoneCountsValidRowsOfTheAction();
    void alreadyDoneNoteEmptyWhenNone();
    void historyAskedIsWhatPlanningLooksAt();
    void doneSinceIsForTheRunsPartner();
    void runFilesSaveLoadAndListOffThread();
    void runFilesLoadFailureComesBack();
    void runFilesDropAnswerForGoneContext();
};

void TestBulkPlan::newRunTakesInputOptionsAndProfile()
{
    const BulkInput input = inputOf("user_id,reason\nu-1,own reason\nu-2,\nu-1,\n", QStringLiteral("  case 9 "));
    BulkPlan::Options options;
    options.action = ActionKind::Deactivate;
    options.reason = QStringLiteral("  case 9 ");
    options.profile = profileIn(Environment::Sandbox);
    options.rate = 2.5;
    options.concurrency = 8;
    const BulkRecord record = BulkPlan::newRun(input, options, ActionPolicy::standard());
    QVERIFY(record.id.isEmpty());
    QVERIFY(record.parentId.isEmpty());
    QCOMPARE(record.action, ActionKind::Deactivate);
    QCOMPARE(record.reason, QStringLiteral("case 9"));
    QCOMPARE(record.profile.name, QStringLiteral("Test"));
    QCOMPARE(record.inputSha256, input.sha256());
    QCOMPARE(record.rows.size(), 3); // every row, the duplicate too, so results account for each
    QCOMPARE(record.rows.at(0).reason, QStringLiteral("own reason"));
    QCOMPARE(record.validCount(), 2);
    QVERIFY(!record.rows.at(2).valid());
    QCOMPARE(record.rate, 2.5);
    QCOMPARE(record.concurrency, 8);
    QCOMPARE(record.state, BulkRecord::State::Running);
}

void TestBulkPlan::newRunCanaryDefaultsByEnvironment()
{
    BulkPlan::Options options;
    options.profile = profileIn(Environment::Production);
    QCOMPARE(BulkPlan::newRun(inputOf("a\n"), options, ActionPolicy::standard()).canary, 5);
    options.profile = profileIn(Environment::Sandbox);
    QCOMPARE(BulkPlan::newRun(inputOf("a\n"), options, ActionPolicy::standard()).canary, 0);
    options.canary = 0; // asked for none in production
    options.profile = profileIn(Environment::Production);
    QCOMPARE(BulkPlan::newRun(inputOf("a\n"), options, ActionPolicy::standard()).canary, 0);
    options.canary = 12;
    QCOMPARE(BulkPlan::newRun(inputOf("a\n"), options, ActionPolicy::standard()).canary, 12);
}

void TestBulkPlan::newRunMarksWhatThePolicyRefuses()
{
    // A delete needs a reason: the row that brings its own goes, the others carry the policy's message.
    BulkPlan::Options options;
    options.action = ActionKind::Delete;
    options.profile = profileIn(Environment::Sandbox);
    const BulkRecord record = BulkPlan::newRun(inputOf("user_id,reason\nu-1,case 4\nu-2,\n"), options,
                                               ActionPolicy::standard());
    QCOMPARE(record.rows.size(), 2);
    QVERIFY(record.rows.at(0).valid());
    QVERIFY(!record.rows.at(1).valid());
    QVERIFY(!record.rows.at(1).problem.isEmpty());
}

void TestBulkPlan::newRunOfEmptyInput()
{
    BulkPlan::Options options;
    options.profile = profileIn(Environment::Production);
    const BulkRecord record = BulkPlan::newRun(BulkInput(), options, ActionPolicy::standard());
    QVERIFY(record.rows.isEmpty());
    QCOMPARE(record.validCount(), 0);
    QVERIFY(record.inputPath.isEmpty());
}

void TestBulkPlan::newRunOfOnlyInvalidRows()
{
    BulkPlan::Options options;
    options.action = ActionKind::Delete; // no reason anywhere: nothing may go
    options.profile = profileIn(Environment::Production);
    const BulkRecord record = BulkPlan::newRun(inputOf("a\nb\n\nb\n"), options, ActionPolicy::standard());
    QCOMPARE(record.rows.size(), 4);
    QCOMPARE(record.validCount(), 0);
    for (const BulkRow &row : record.rows)
        QVERIFY2(!row.problem.isEmpty(), qPrintable(row.userId));
}

void TestBulkPlan::retryTakesFailedRowsLinkedToTheRun()
{
    const BulkRecord parent = parentRun();
    const BulkRecord retry = BulkPlan::retryOf(parent, outcomesOf(parent), {});
    QCOMPARE(usersOf(retry), QStringList({QStringLiteral("b"), QStringLiteral("d")}));
    QCOMPARE(retry.rows.at(0).line, 2); // the input's lines, so both runs name a row alike
    QCOMPARE(retry.parentId, parent.id);
    QVERIFY(retry.id.isEmpty());
    QVERIFY(!retry.created.isValid());
    QVERIFY(retry.resultsPath.isEmpty());
    QCOMPARE(retry.canary, 0);
    QCOMPARE(retry.state, BulkRecord::State::Running);
    QVERIFY(retry.pauseReason.isEmpty());
    QCOMPARE(retry.action, parent.action);
    QCOMPARE(retry.reason, parent.reason);
    QCOMPARE(retry.profile.name, parent.profile.name);
    QCOMPARE(retry.inputSha256, parent.inputSha256);
    QVERIFY(retry.digest() != parent.digest());
}

void TestBulkPlan::retryWithUnknown()
{
    const BulkRecord parent = parentRun();
    BulkPlan::Retry options;
    options.withUnknown = true;
    const BulkRecord retry = BulkPlan::retryOf(parent, outcomesOf(parent), options);
    QCOMPARE(usersOf(retry), QStringList({QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}));
}

void TestBulkPlan::retryOnlyTheGivenCodes()
{
    const BulkRecord parent = parentRun();
    BulkPlan::Retry options;
    options.codes = {QStringLiteral("2405")};
    QCOMPARE(usersOf(BulkPlan::retryOf(parent, outcomesOf(parent), options)), QStringList{QStringLiteral("d")});
    options.withUnknown = true; // unknown rows have no code: the filter is for failures
    QCOMPARE(usersOf(BulkPlan::retryOf(parent, outcomesOf(parent), options)),
             QStringList({QStringLiteral("c"), QStringLiteral("d")}));
    options = {};
    options.codes = {QStringLiteral("9999")};
    QVERIFY(BulkPlan::retryOf(parent, outcomesOf(parent), options).rows.isEmpty());
}

void TestBulkPlan::retryOfRunWithNothingFailed()
{
    const BulkRecord parent = parentRun();
    QList<BulkRowResult> outcomes;
    for (const BulkRow &row : parent.rows)
        outcomes.append(resultOf(row, BulkRowStatus::Succeeded));
    outcomes[2].status = BulkRowStatus::Unknown;
    outcomes[3].status = BulkRowStatus::NotSent; // never reached: a resume's work, not a retry's
    const BulkRecord retry = BulkPlan::retryOf(parent, outcomes, {});
    QVERIFY(retry.rows.isEmpty());
    QCOMPARE(retry.parentId, parent.id);
    BulkPlan::Retry withUnknown;
    withUnknown.withUnknown = true;
    QCOMPARE(usersOf(BulkPlan::retryOf(parent, outcomes, withUnknown)), QStringList{QStringLiteral("c")});
    QVERIFY(BulkPlan::retryOf(parent, {}, withUnknown).rows.isEmpty());
}

void TestBulkPlan::identifyGivesIdTimeAndResults()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const BulkStore store(dir.path());
    OffsetClock clock;
    clock.setFixed(QDateTime(QDate(2026, 12, 2), QTime(5, 30, 12), Qt::UTC));
    BulkRecord record = BulkPlan::retryOf(parentRun(), outcomesOf(parentRun()), {});
    BulkPlan::identify(&record, store, clock);
    QVERIFY2(record.id.startsWith(QStringLiteral("20261202-053012-")), qPrintable(record.id));
    QCOMPARE(record.created, clock.now());
    QCOMPARE(record.resultsPath, store.defaultResultsPath(record.id));
    BulkPlan::identify(&record, store, clock, QStringLiteral("out.json"));
    QCOMPARE(record.resultsPath, QStringLiteral("out.json"));
}

void TestBulkPlan::alreadyDoneCountsValidRowsOfTheAction()
{
    BulkPlan::Options options;
    options.profile = profileIn(Environment::Sandbox);
    const BulkRecord record = BulkPlan::newRun(inputOf("a\nb\nc\nd\nb\n"), options, ActionPolicy::standard());
    const QList<HistoryEntry> history = {
        done(QStringLiteral("a"), ActionKind::Deactivate, HistoryEntry::Outcome::Success),
        done(QStringLiteral("a"), ActionKind::Deactivate, HistoryEntry::Outcome::Success), // counted once
        done(QStringLiteral("b"), ActionKind::Deactivate, HistoryEntry::Outcome::Success),
        done(QStringLiteral("c"), ActionKind::Deactivate, HistoryEntry::Outcome::Failure), // not done
        done(QStringLiteral("d"), ActionKind::Reactivate, HistoryEntry::Outcome::Success), // another action
        done(QStringLiteral("z"), ActionKind::Deactivate, HistoryEntry::Outcome::Success), // not in the run
        done(QStringLiteral("d"), ActionKind::Deactivate, HistoryEntry::Outcome::Success,
             QStringLiteral("002")), // at another partner: d is still active at 001
    };
    // Line 5 repeats b: it is invalid (a duplicate) and is not counted again.
    QCOMPARE(BulkPlan::alreadyDone(record, history), 2);
    HistoryEntry production = done(QStringLiteral("c"), ActionKind::Deactivate, HistoryEntry::Outcome::Success);
    production.environment = Environment::Production; // another environment: not done in the sandbox
    QCOMPARE(BulkPlan::alreadyDone(record, history + QList<HistoryEntry>{production}), 2);
    const QString note = BulkPlan::alreadyDoneNote(record, history);
    QVERIFY2(note.startsWith(QStringLiteral("2 ")), qPrintable(note));
    QVERIFY2(note.contains(ActionInfo::pastTense(ActionKind::Deactivate)), qPrintable(note));
}

void TestBulkPlan::alreadyDoneNoteEmptyWhenNone()
{
    BulkPlan::Options options;
    options.profile = profileIn(Environment::Sandbox);
    const BulkRecord record = BulkPlan::newRun(inputOf("a\n"), options, ActionPolicy::standard());
    QCOMPARE(BulkPlan::alreadyDone(record, {}), 0);
    QVERIFY(BulkPlan::alreadyDoneNote(record, {}).isEmpty());
    QVERIFY(BulkPlan::alreadyDoneNote(
                BulkRecord(), {done(QStringLiteral("a"), ActionKind::Deactivate, HistoryEntry::Outcome::Success)})
                .isEmpty());
}

// What planning asks of the history for a record (BulkHistory): every entry of its runs, and per user of
// the record only the newest success of its action; nothing about other users, actions or runs. The
// counts made from it are the counts made from the whole history.
void TestBulkPlan::historyAskedIsWhatPlanningLooksAt()
{
    BulkPlan::Options options;
    options.action = ActionKind::Deactivate;
    options.profile = profileIn(Environment::Sandbox);
    BulkRecord record = BulkPlan::newRun(inputOf("a\nb\nc\n"), options, ActionPolicy::standard());
    record.id = QStringLiteral("run-p");
    using O = HistoryEntry::Outcome;
    QList<HistoryEntry> all;
    const auto add = [&all](const QString &user, ActionKind action, O outcome, const QString &run = {}) {
        HistoryEntry e = done(user, action, outcome);
        e.id = all.size() + 1;
        e.runId = run;
        e.runLine = run.isEmpty() ? 0 : int(all.size()) + 2;
        all.append(e);
    };
    add(QStringLiteral("a"), ActionKind::Deactivate, O::Failure, QStringLiteral("run-p"));     // 1
    add(QStringLiteral("b"), ActionKind::Deactivate, O::Unknown, QStringLiteral("run-p"));     // 2
    add(QStringLiteral("c"), ActionKind::Deactivate, O::Success, QStringLiteral("run-r"));     // 3: a retry
    add(QStringLiteral("a"), ActionKind::Deactivate, O::Success);                              // 4
    add(QStringLiteral("a"), ActionKind::Deactivate, O::Success);                              // 5: newer
    add(QStringLiteral("b"), ActionKind::Reactivate, O::Success);                              // 6: another action
    add(QStringLiteral("z"), ActionKind::Deactivate, O::Success);                              // 7: not in the record
    add(QStringLiteral("c"), ActionKind::Deactivate, O::Failure, QStringLiteral("run-other")); // 8: another run
    MemoryHistoryBackend backend(all);
    const auto ids = [](const QList<HistoryEntry> &entries) {
        QList<qint64> out;
        for (const HistoryEntry &e : entries)
            out.append(e.id);
        return out;
    };

    const Result<QList<HistoryEntry>> family = BulkHistory::readFrom(
        backend, {QStringLiteral("run-p"), QStringLiteral("run-r")}, record);
    QVERIFY2(family.ok(), qPrintable(family.message()));
    QCOMPARE(ids(family.value()), (QList<qint64>{1, 2, 3, 5}));
    const Result<QList<HistoryEntry>> users = BulkHistory::readFrom(backend, {}, record);
    QVERIFY(users.ok());
    QCOMPARE(ids(users.value()), (QList<qint64>{3, 5}));
    QCOMPARE(BulkPlan::alreadyDone(record, users.value()), BulkPlan::alreadyDone(record, all));
    QCOMPARE(BulkPlan::alreadyDone(record, users.value()), 2);
    QCOMPARE(BulkPlan::familyOf(record, {}), QStringList{record.id});
    BulkRecord retry;
    retry.id = QStringLiteral("run-r");
    retry.parentId = record.id;
    retry.created = QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC);
    BulkRecord retryOfRetry = retry;
    retryOfRetry.id = QStringLiteral("run-rr");
    retryOfRetry.parentId = retry.id;
    retryOfRetry.created = retry.created.addSecs(60);
    BulkRecord stranger = retry;
    stranger.id = QStringLiteral("run-other");
    stranger.parentId = QStringLiteral("run-x");
    QCOMPARE(BulkPlan::familyOf(record, {retryOfRetry, stranger, retry}),
             (QStringList{record.id, retry.id, retryOfRetry.id}));

    // Successes of the action that outnumber the record's users many times over: each user is asked for
    // (one query each, not a walk of them all), and the answer is the same.
    struct Asked : MemoryHistoryBackend {
        using MemoryHistoryBackend::MemoryHistoryBackend;
        Result<HistoryPage> page(const HistoryQuery &query, qint64 after, int limit) override
        {
            perUser += query.userId.isEmpty() ? 0 : 1;
            return MemoryHistoryBackend::page(query, after, limit);
        }
        int perUser = 0;
    };
    Asked few(all);
    QCOMPARE(ids(BulkHistory::readFrom(few, {}, record).value()), (QList<qint64>{3, 5}));
    QCOMPARE(few.perUser, 0); // 4 successes for 3 users: walked
    QList<HistoryEntry> crowded = all;
    for (int i = 0; i < 60; ++i) {
        HistoryEntry e = done(QStringLiteral("other-%1").arg(i), ActionKind::Deactivate, O::Success);
        e.id = crowded.size() + 1;
        crowded.append(e);
    }
    Asked many(crowded);
    const Result<QList<HistoryEntry>> asked = BulkHistory::readFrom(many, {}, record);
    QVERIFY2(asked.ok(), qPrintable(asked.message()));
    QCOMPARE(ids(asked.value()), (QList<qint64>{3, 5}));
    QCOMPARE(many.perUser, 3);

    // A history that cannot be read is no answer, never an empty one.
    backend.setReadError(QStringLiteral("unreadable"));
    QVERIFY(!BulkHistory::readFrom(backend, {}, record).ok());
    QVERIFY(!BulkHistory::readFrom(backend, {record.id}, BulkRecord()).ok());
}

// A row that failed is retried unless its user was done since for the run's partner and environment: a
// user deactivated at another partner (or in production) is still active where the run was sent.
void TestBulkPlan::doneSinceIsForTheRunsPartner()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const BulkStore store(dir.path());
    BulkPlan::Options options;
    options.action = ActionKind::Deactivate;
    options.profile = profileIn(Environment::Sandbox);
    BulkRecord parent = BulkPlan::newRun(inputOf("a\nb\nc\n"), options, ActionPolicy::standard());
    parent.id = QStringLiteral("run-d");
    using O = HistoryEntry::Outcome;
    QList<HistoryEntry> history;
    for (const BulkRow &row : std::as_const(parent.rows)) {
        HistoryEntry e = done(row.userId, ActionKind::Deactivate, O::Failure);
        e.id = history.size() + 1;
        e.runId = parent.id;
        e.runLine = row.line;
        history.append(e);
    }
    const auto since = [&history](const QString &user, const QString &partner, Environment environment) {
        HistoryEntry e = done(user, ActionKind::Deactivate, O::Success, partner);
        e.environment = environment;
        e.id = history.size() + 1;
        history.append(e);
    };
    since(QStringLiteral("a"), QStringLiteral("002"), Environment::Sandbox);    // another partner
    since(QStringLiteral("b"), QStringLiteral("001"), Environment::Sandbox);    // this one: done
    since(QStringLiteral("c"), QStringLiteral("001"), Environment::Production); // another environment
    const Result<QList<BulkRowResult>> rows = BulkPlan::standing(store, parent, {parent}, history);
    QVERIFY2(rows.ok(), qPrintable(rows.message()));
    QCOMPARE(rows.value().size(), qsizetype(3));
    QCOMPARE(rows.value().at(0).status, BulkRowStatus::Failed);
    QCOMPARE(rows.value().at(1).status, BulkRowStatus::Succeeded);
    QCOMPARE(rows.value().at(2).status, BulkRowStatus::Failed);
    const BulkRecord retry = BulkPlan::retryOf(parent, rows.value(), BulkPlan::Retry());
    QStringList retried;
    for (const BulkRow &row : retry.rows)
        retried.append(row.userId);
    QCOMPARE(retried, (QStringList{QStringLiteral("a"), QStringLiteral("c")}));
}

void TestBulkPlan::runFilesSaveLoadAndListOffThread()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    BulkRunFiles files(dir.filePath(QStringLiteral("runs")));
    BulkRecord record = parentRun();
    QThread *saver = nullptr;
    bool saved = false;
    files.save(record, this, [&](const Status &s) {
        QVERIFY2(s.ok(), qPrintable(s.message()));
        saved = true;
    });
    QVERIFY(!saved); // the answer is an event, never a call back from inside save()
    QTRY_VERIFY(saved);
    std::optional<Result<BulkRecord>> loaded;
    files.load(record.id, this, [&](const Result<BulkRecord> &r) { loaded = r; });
    QTRY_VERIFY(loaded.has_value());
    QVERIFY(loaded->ok());
    QCOMPARE(loaded->value().digest(), record.digest());
    QStringList ids;
    files.run<QStringList>(
        [&saver](const BulkStore &store) {
        saver = QThread::currentThread();
        QStringList found;
        for (const BulkRecord &r : store.list())
            found.append(r.id);
        return found;
        },
        this,
        [&](const QStringList &found) {
        QCOMPARE(QThread::currentThread(), thread());
        ids = found;
    });
    QTRY_COMPARE(ids, QStringList{record.id});
    QVERIFY(saver && saver != thread());
}

void TestBulkPlan::runFilesLoadFailureComesBack()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    BulkRunFiles files(dir.path());
    std::optional<Result<BulkRecord>> loaded;
    files.load(QStringLiteral("20260101-000000-0000"), this, [&](const Result<BulkRecord> &r) { loaded = r; });
    QTRY_VERIFY(loaded.has_value());
    QVERIFY(!loaded->ok());
    QCOMPARE(loaded->kind(), Status::Kind::Invalid);
    loaded.reset();
    files.load(QStringLiteral("../etc/passwd"), this, [&](const Result<BulkRecord> &r) { loaded = r; });
    QTRY_VERIFY(loaded.has_value());
    QVERIFY(!loaded->ok());
}

void TestBulkPlan::runFilesDropAnswerForGoneContext()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    BulkRunFiles files(dir.path());
    auto *context = new QObject;
    bool called = false;
    bool written = false;
    const BulkRecord record = parentRun();
    files.save(record, context, [&](const Status &) { called = true; });
    delete context;
    files.save(record, this, [&](const Status &s) { written = s.ok(); });
    QTRY_VERIFY(written); // in order: the first save is done too
    QVERIFY(!called);
    QVERIFY(QFile::exists(dir.filePath(record.id + QStringLiteral(".json"))));
}

QTEST_GUILESS_MAIN(TestBulkPlan)
#include "tst_bulk_plan.moc"
