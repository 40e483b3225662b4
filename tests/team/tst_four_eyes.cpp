// The FourEyes service against a real PostgreSQL, in process: every verdict (free, needs a second
// officer, held when the database is away — failing closed for what the last known policy names, and
// for everything while it is unknown), request, pending, decide and find, a claim that counts once, a
// claim whose intent cannot be recorded leaving the request usable, the one "same as approved" check
// rejecting each field, and the console without a team. Officer B is the built enrollee-cli (another
// role and password); officer A is this process's CoreContext. PostgreSQL must start: no skip.
#include "CoreContext.h"
#include "action/ActionRunner.h"
#include "approvals/FourEyes.h"
#include "approvals/PolicyFourEyes.h"
#include "bulk/BulkRecord.h"
#include "history/HistoryService.h"
#include "support/TeamTestSupport.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QUuid>

#include <optional>

class TestFourEyes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void freeWhenThePolicyNamesNothing();
    void needsASecondOfficerWhenThePolicySaysSo();
    void requestPendingDecideFind();
    void claimCountsOnce();
    void claimOfSomethingElseIsRefusedAndKept();
    void claimWithoutIntentLeavesTheRequestUsable();
    void heldWhenTheDatabaseIsAway();
    void sameAsApprovedRejectsEachField();
    void noTeamIsThePolicysDefaults();
    void cleanupTestCase();

private:
    template <typename T, typename Ask>
    T ask(Ask ask);
    ActionRequest requestFor(ActionKind action, const QString &user, const QString &reason,
                             Environment environment = Environment::Sandbox) const;
    ActionOutcome submit(const ActionRequest &request);
    // A's request for `user`, approved by B through the CLI.
    qint64 approvedRequest(ActionKind action, const QString &user, const QString &reason);
    QString statusOf(qint64 id) const
    {
        QSqlDatabase db = m_pg.superConnection(QStringLiteral("pgtest-status"));
        if (!db.isOpen() && !db.open())
            return {};
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT status FROM enrollee.requests WHERE id = ?"));
        q.addBindValue(id);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }

    PgTestServer m_pg;
    SandboxServer *m_sandbox = nullptr;
    QByteArray m_key;
    Officer m_a;
    Officer m_b;
    std::unique_ptr<CoreContext> m_core;
    FourEyes *m_fourEyes = nullptr;
};

void TestFourEyes::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_key = "four-eyes-key-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    SandboxConfig config;
    config.apiKey = m_key;
    for (const char *user : {"free-user", "once-user", "other-user", "kept-user"})
        config.enrollees.append(QString::fromLatin1(user));
    m_sandbox = new SandboxServer(config, this);
    QVERIFY(m_sandbox->listen(QHostAddress::LocalHost, 0).ok());
    QString why;
    QVERIFY2(startTeamDatabase(m_pg, &why), qPrintable(why));
    QVERIFY2(addOfficer(m_pg, QStringLiteral("officer_a"), m_key, &m_a, &why), qPrintable(why));
    QVERIFY2(addOfficer(m_pg, QStringLiteral("officer_b"), m_key, &m_b, &why), qPrintable(why));
    QVERIFY2(m_pg.superExec({QStringLiteral("INSERT INTO enrollee.policy VALUES ('sandbox', 'delete')"),
                             QStringLiteral("INSERT INTO enrollee.policy VALUES ('production', 'deactivate')")},
                            &why),
             qPrintable(why));

    qputenv("PGPASSWORD", m_a.password.toUtf8());
    const CoreConfig core = officerCore(m_a);
    m_core = std::make_unique<CoreContext>(core);
    QVERIFY(m_core->hasTeam());
    m_fourEyes = m_core->fourEyes();
    QVERIFY(m_fourEyes->hasTeam());
    std::optional<Status> ready;
    QObject waiting;
    connect(m_core.get(), &CoreContext::historyReady, &waiting, [&ready](const Status &status) { ready = status; });
    m_core->openHistory();
    QVERIFY(QTest::qWaitFor([&ready] { return ready.has_value(); }, 15000));
    QVERIFY2(ready->ok(), qPrintable(ready->message()));
}

void TestFourEyes::cleanupTestCase()
{
    m_core.reset();
}

template <typename T, typename Ask>
T TestFourEyes::ask(Ask asked)
{
    std::optional<T> answer;
    QObject context;
    asked(&context, [&answer](const T &value) { answer = value; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 15000))
        qFatal("no answer from FourEyes");
    return *answer;
}

ActionRequest TestFourEyes::requestFor(ActionKind action, const QString &user, const QString &reason,
                                       Environment environment) const
{
    ActionRequest r;
    r.action = action;
    r.userId = user;
    r.reason = reason;
    r.profile.name = QStringLiteral("team-test");
    r.profile.partnerId = QStringLiteral("001");
    r.profile.email = QStringLiteral("a@example.org");
    r.profile.environment = environment;
    r.profile.baseUrl = m_sandbox->origin();
    r.apiKey = std::make_shared<const SecretBytes>(m_key);
    r.face = QStringLiteral("test");
    r.confirmed = Confirmation::TypedUserId;
    return r;
}

ActionOutcome TestFourEyes::submit(const ActionRequest &request)
{
    QSignalSpy finished(m_core->runner(), &ActionRunner::actionFinished);
    const Result<quint64> ticket = m_core->runner()->submit(request);
    if (!ticket.ok()) {
        ActionOutcome refused;
        refused.recording = ticket.status();
        return refused;
    }
    if (!finished.wait(15000))
        qFatal("the action never finished");
    return finished.first().first().value<ActionOutcome>();
}

qint64 TestFourEyes::approvedRequest(ActionKind action, const QString &user, const QString &reason)
{
    const ApprovalRequest what = ApprovalRequest::of(requestFor(action, user, reason).profile, action, user, reason);
    const Result<qint64> id = ask<Result<qint64>>(
        [&](QObject *context, auto done) { m_fourEyes->request(what, context, done); });
    if (!id.ok())
        qFatal("request: %s", qPrintable(id.message()));
    const CliRun approved = m_b.cli->run(
        {QStringLiteral("approvals"), QStringLiteral("approve"), QString::number(id.value())});
    if (approved.exitCode != 0)
        qFatal("approve: %s", approved.err.constData());
    return id.value();
}

void TestFourEyes::freeWhenThePolicyNamesNothing()
{
    const ActionVerdict v = ask<ActionVerdict>([&](QObject *context, auto done) {
        m_fourEyes->verdict(requestFor(ActionKind::Deactivate, QStringLiteral("free-user"), QString()), context, done);
    });
    QCOMPARE(v.verdict, FourEyesVerdict::Free);
    ActionRequest request = requestFor(ActionKind::Deactivate, QStringLiteral("free-user"), QString());
    request.fourEyes = v.verdict;
    const int sent = m_sandbox->requestCount();
    const ActionOutcome outcome = submit(request);
    QVERIFY2(outcome.sent(), qPrintable(outcome.recording.message()));
    QCOMPARE(m_sandbox->requestCount(), sent + 1);
}

void TestFourEyes::needsASecondOfficerWhenThePolicySaysSo()
{
    const ActionRequest request = requestFor(ActionKind::Delete, QStringLiteral("free-user"), QStringLiteral("CASE-1"));
    const ActionVerdict v = ask<ActionVerdict>(
        [&](QObject *context, auto done) { m_fourEyes->verdict(request, context, done); });
    QCOMPARE(v.verdict, FourEyesVerdict::NeedsSecondOfficer);
    QVERIFY(v.why.contains(QStringLiteral("second officer")));
    // The verdict travels with the request: the runner refuses it without an approved request.
    ActionRequest carried = request;
    carried.fourEyes = v.verdict;
    const int sent = m_sandbox->requestCount();
    const Result<quint64> ticket = m_core->runner()->submit(carried);
    QVERIFY(!ticket.ok());
    QCOMPARE(ticket.kind(), Status::Kind::NotConfirmed);
    QCOMPARE(m_sandbox->requestCount(), sent);
    // The colleague's act shows as a conflict on the same user.
    QCOMPARE(m_b.cli
                 ->run({QStringLiteral("reactivate"), QStringLiteral("free-user"), QStringLiteral("--base-url"),
                        m_sandbox->origin().toString(), QStringLiteral("--partner-id"), QStringLiteral("001"),
                        QStringLiteral("--email"), QStringLiteral("b@example.org"), QStringLiteral("--yes")})
                 .exitCode,
             0);
    QTRY_VERIFY_WITH_TIMEOUT(!ask<ActionVerdict>([&](QObject *context, auto done) {
                                  m_fourEyes->verdict(request, context, done);
                              }).conflicts.isEmpty(),
                             10000);
}

void TestFourEyes::requestPendingDecideFind()
{
    const ApprovalRequest what = ApprovalRequest::of(
        requestFor(ActionKind::Delete, QStringLiteral("other-user"), QStringLiteral("CASE-2")).profile,
        ActionKind::Delete, QStringLiteral("other-user"), QStringLiteral("CASE-2"));
    const Result<qint64> id = ask<Result<qint64>>(
        [&](QObject *context, auto done) { m_fourEyes->request(what, context, done); });
    QVERIFY2(id.ok(), qPrintable(id.message()));

    const Result<QList<ApprovalRequest>> pending = ask<Result<QList<ApprovalRequest>>>(
        [&](QObject *context, auto done) { m_fourEyes->pending(context, done); });
    QVERIFY(pending.ok());
    const auto mine = std::find_if(pending.value().cbegin(), pending.value().cend(),
                                   [&](const ApprovalRequest &r) { return r.id == id.value(); });
    QVERIFY(mine != pending.value().cend());
    QCOMPARE(mine->status, QStringLiteral("pending"));
    QCOMPARE(mine->requester, QStringLiteral("officer_a"));
    QVERIFY(FourEyes::sameAsApproved(*mine, what).ok());

    // Its requester cannot decide it.
    const Result<QString> self = ask<Result<QString>>([&](QObject *context, auto done) {
        m_fourEyes->decide(id.value(), true, QStringLiteral("me"), context, done);
    });
    QVERIFY(!self.ok());
    QVERIFY2(self.message().contains(QStringLiteral("self-approval refused")), qPrintable(self.message()));

    // Another officer's request A may decide; find() then says so.
    QCOMPARE(m_b.cli
                 ->run({QStringLiteral("delete"), QStringLiteral("other-user"), QStringLiteral("--base-url"),
                        m_sandbox->origin().toString(), QStringLiteral("--partner-id"), QStringLiteral("001"),
                        QStringLiteral("--email"), QStringLiteral("b@example.org"), QStringLiteral("--reason"),
                        QStringLiteral("CASE-3"), QStringLiteral("--yes")})
                 .exitCode,
             7);
    const qint64 theirs = superCount(m_pg, QStringLiteral("SELECT max(id) FROM enrollee.requests"));
    const Result<QString> denied = ask<Result<QString>>([&](QObject *context, auto done) {
        m_fourEyes->decide(theirs, false, QStringLiteral("wrong user"), context, done);
    });
    QVERIFY2(denied.ok(), qPrintable(denied.message()));
    const Result<ApprovalRequest> found = ask<Result<ApprovalRequest>>(
        [&](QObject *context, auto done) { m_fourEyes->find(theirs, context, done); });
    QVERIFY(found.ok());
    QCOMPARE(found.value().status, QStringLiteral("denied"));
    QCOMPARE(found.value().decidedBy, QStringLiteral("officer_a"));
    const Result<ApprovalRequest> none = ask<Result<ApprovalRequest>>(
        [&](QObject *context, auto done) { m_fourEyes->find(999999, context, done); });
    QVERIFY(!none.ok());
    QCOMPARE(none.kind(), Status::Kind::Invalid);
}

void TestFourEyes::claimCountsOnce()
{
    const qint64 id = approvedRequest(ActionKind::Delete, QStringLiteral("once-user"), QStringLiteral("CASE-4"));
    ActionRequest request = requestFor(ActionKind::Delete, QStringLiteral("once-user"), QStringLiteral("CASE-4"));
    request.approvalId = id;
    const int sent = m_sandbox->requestCount();
    const ActionOutcome first = submit(request);
    QVERIFY2(first.sent(), qPrintable(first.recording.message()));
    QCOMPARE(m_sandbox->requestCount(), sent + 1);
    QCOMPARE(statusOf(id), QStringLiteral("run"));

    const ActionOutcome second = submit(request);
    QVERIFY(!second.sent());
    QCOMPARE(second.recording.kind(), Status::Kind::NotConfirmed);
    QVERIFY2(second.recording.message().contains(QStringLiteral("already run")),
             qPrintable(second.recording.message()));
    QCOMPARE(m_sandbox->requestCount(), sent + 1);
}

void TestFourEyes::claimOfSomethingElseIsRefusedAndKept()
{
    const qint64 id = approvedRequest(ActionKind::Delete, QStringLiteral("kept-user"), QStringLiteral("CASE-5"));
    ActionRequest other = requestFor(ActionKind::Delete, QStringLiteral("kept-user"),
                                     QStringLiteral("CASE-5 and more"));
    other.approvalId = id;
    const int sent = m_sandbox->requestCount();
    const ActionOutcome refused = submit(other);
    QVERIFY(!refused.sent());
    QCOMPARE(refused.recording.kind(), Status::Kind::NotConfirmed);
    QVERIFY2(refused.recording.message().contains(QStringLiteral("reason")), qPrintable(refused.recording.message()));
    QCOMPARE(m_sandbox->requestCount(), sent);
    QCOMPARE(statusOf(id), QStringLiteral("approved")); // the claim was rolled back
}

void TestFourEyes::claimWithoutIntentLeavesTheRequestUsable()
{
    const qint64 id = approvedRequest(ActionKind::Delete, QStringLiteral("kept-user"), QStringLiteral("CASE-6"));
    ActionRequest request = requestFor(ActionKind::Delete, QStringLiteral("kept-user"), QStringLiteral("CASE-6"));
    request.approvalId = id;
    const int sent = m_sandbox->requestCount();
    // The unlucky path: the request is claimable, the intent cannot be written (a full disk, a lost key).
    m_core->history()->refuseWrites(Status::failure(QStringLiteral("disk full (test)"), Status::Kind::DiskFull));
    const ActionOutcome failed = submit(request);
    QVERIFY(!failed.sent());
    QCOMPARE(failed.recording.kind(), Status::Kind::DiskFull);
    QCOMPARE(m_sandbox->requestCount(), sent);
    QCOMPARE(statusOf(id), QStringLiteral("approved")); // not used up

    m_core->history()->refuseWrites(Status::success());
    const ActionOutcome later = submit(request);
    QVERIFY2(later.sent(), qPrintable(later.recording.message()));
    QCOMPARE(m_sandbox->requestCount(), sent + 1);
    QCOMPARE(statusOf(id), QStringLiteral("run"));
}

void TestFourEyes::heldWhenTheDatabaseIsAway()
{
    // The team's policy is read once (production: deactivate), then the database goes away.
    const ActionRequest deactivate = requestFor(ActionKind::Deactivate, QStringLiteral("prod-user"), QString(),
                                                Environment::Production);
    const ActionRequest reactivate = requestFor(ActionKind::Reactivate, QStringLiteral("prod-user"), QString(),
                                                Environment::Production);
    QCOMPARE(ask<ActionVerdict>([&](QObject *context, auto done) {
                 m_fourEyes->verdict(deactivate, context, done);
             }).verdict,
             FourEyesVerdict::NeedsSecondOfficer);
    QString why;
    QVERIFY2(m_pg.stop(&why), qPrintable(why));
    const ActionVerdict held = ask<ActionVerdict>(
        [&](QObject *context, auto done) { m_fourEyes->verdict(deactivate, context, done); });
    QCOMPARE(held.verdict, FourEyesVerdict::Held);
    QVERIFY(!held.problem.isEmpty());
    // Held is never sent: the runner refuses it without an approved request.
    ActionRequest carried = deactivate;
    carried.fourEyes = held.verdict;
    const int sent = m_sandbox->requestCount();
    QCOMPARE(m_core->runner()->submit(carried).kind(), Status::Kind::NotConfirmed);
    QCOMPARE(m_sandbox->requestCount(), sent);
    // What the last known policy does not name stays free offline.
    QCOMPARE(ask<ActionVerdict>([&](QObject *context, auto done) {
                 m_fourEyes->verdict(reactivate, context, done);
             }).verdict,
             FourEyesVerdict::Free);

    // A console that has not read the team's policy itself, and cannot trust a kept copy (its chain key is
    // not open), does not know the policy: it holds everything, a production delete and a deactivation alike.
    CoreConfig fresh = m_core->config();
    CoreContext other(fresh);
    const ActionRequest del = requestFor(ActionKind::Delete, QStringLiteral("prod-user"), QStringLiteral("CASE-9"),
                                         Environment::Production);
    QCOMPARE(
        ask<ActionVerdict>([&](QObject *context, auto done) { other.fourEyes()->verdict(del, context, done); }).verdict,
        FourEyesVerdict::Held);
    QCOMPARE(ask<ActionVerdict>([&](QObject *context, auto done) {
                 other.fourEyes()->verdict(deactivate, context, done);
             }).verdict,
             FourEyesVerdict::Held);
    QCOMPARE(ask<ActionVerdict>([&](QObject *context, auto done) {
                 other.fourEyes()->verdict(reactivate, context, done);
             }).verdict,
             FourEyesVerdict::Held);
    // A run held the same way.
    BulkRecord run;
    run.id = QStringLiteral("held-run");
    run.action = ActionKind::Delete;
    run.profile = del.profile;
    run.reason = QStringLiteral("CASE-9");
    const RunVerdict heldRun = ask<RunVerdict>(
        [&](QObject *context, auto done) { other.fourEyes()->runVerdict(run, true, context, done); });
    QCOMPARE(heldRun.verdict, FourEyesVerdict::Held);
    QVERIFY(heldRun.why.contains(QStringLiteral("cannot be reached")));
    QVERIFY2(m_pg.start(&why), qPrintable(why));
}

void TestFourEyes::sameAsApprovedRejectsEachField()
{
    ApprovalRequest approved;
    approved.id = 42;
    approved.action = QStringLiteral("delete");
    approved.userId = QStringLiteral("u-1");
    approved.partnerId = QStringLiteral("001");
    approved.host = QStringLiteral("http://127.0.0.1:1");
    approved.environment = QStringLiteral("sandbox");
    approved.reason = QStringLiteral("CASE-1");
    approved.runId = QStringLiteral("run-1");
    approved.runDigest = QStringLiteral("abc");
    QVERIFY(FourEyes::sameAsApproved(approved, approved).ok());
    const QList<std::pair<QString, std::function<void(ApprovalRequest &)>>> changes{
        {QStringLiteral("action"), [](ApprovalRequest &r) { r.action = QStringLiteral("deactivate"); }},
        {QStringLiteral("user_id"), [](ApprovalRequest &r) { r.userId = QStringLiteral("u-2"); }},
        {QStringLiteral("partner_id"), [](ApprovalRequest &r) { r.partnerId = QStringLiteral("002"); }},
        {QStringLiteral("base_url"), [](ApprovalRequest &r) { r.host = QStringLiteral("http://127.0.0.1:2"); }},
        {QStringLiteral("environment"), [](ApprovalRequest &r) { r.environment = QStringLiteral("production"); }},
        {QStringLiteral("reason"), [](ApprovalRequest &r) { r.reason = QStringLiteral("CASE-2"); }},
        {QStringLiteral("run_id"), [](ApprovalRequest &r) { r.runId = QStringLiteral("run-2"); }},
        {QStringLiteral("run_digest"), [](ApprovalRequest &r) { r.runDigest = QStringLiteral("abd"); }},
    };
    for (const auto &[field, change] : changes) {
        ApprovalRequest sent = approved;
        change(sent);
        const Status same = FourEyes::sameAsApproved(approved, sent);
        QVERIFY2(!same.ok(), qPrintable(field));
        QCOMPARE(same.kind(), Status::Kind::NotConfirmed);
        QVERIFY2(same.message().contains(field), qPrintable(same.message()));
    }
}

void TestFourEyes::noTeamIsThePolicysDefaults()
{
    PolicyFourEyes plain(ActionPolicy::standard());
    QVERIFY(!plain.hasTeam());
    const ActionRequest del = requestFor(ActionKind::Delete, QStringLiteral("x"), QStringLiteral("CASE-1"),
                                         Environment::Production);
    QCOMPARE(ask<ActionVerdict>([&](QObject *context, auto done) { plain.verdict(del, context, done); }).verdict,
             FourEyesVerdict::Free);
    ActionPolicy strict = ActionPolicy::standard();
    ActionRule rule = strict.rule(ActionKind::Delete, Environment::Production);
    rule.needsApproval = true;
    strict.setRule(ActionKind::Delete, Environment::Production, rule);
    PolicyFourEyes guarded(strict);
    QCOMPARE(ask<ActionVerdict>([&](QObject *context, auto done) { guarded.verdict(del, context, done); }).verdict,
             FourEyesVerdict::NeedsSecondOfficer);
    BulkRecord run;
    run.action = ActionKind::Deactivate;
    run.profile = del.profile;
    QCOMPARE(ask<RunVerdict>([&](QObject *context, auto done) { plain.runVerdict(run, true, context, done); }).verdict,
             FourEyesVerdict::Free);
    // Nobody to ask: requests and claims are refused, nothing is pending.
    QVERIFY(!ask<Result<qint64>>([&](QObject *context, auto done) {
                 plain.request(ApprovalRequest::of(del.profile, ActionKind::Delete, QStringLiteral("x"), QString()),
                               context, done);
             }).ok());
    const Result<QList<ApprovalRequest>> pending = ask<Result<QList<ApprovalRequest>>>(
        [&](QObject *context, auto done) { plain.pending(context, done); });
    QVERIFY(pending.ok() && pending.value().isEmpty());
    QVERIFY(!ask<Result<QList<HistoryEntry>>>([&](QObject *context, auto done) {
                 plain.claim(ApprovalRequest(), HistoryEntry(), context, done);
             }).ok());
}

QTEST_GUILESS_MAIN(TestFourEyes)
#include "tst_four_eyes.moc"
