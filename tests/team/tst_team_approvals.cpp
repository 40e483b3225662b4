// Four eyes through the database: a production delete becomes a request (exit 7, nothing sent), the
// requester cannot approve it (refused by the database, also to a hand-made SQL call), another
// officer approves or denies, only the requester runs it and only once, an expired request is dead,
// and request, decision and run all stand in the team trail.
#include "support/TeamTestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlError>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>

class TestTeamApprovals : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void productionDeleteWaitsForAnotherOfficer();
    void denialAndExpiry();
    void policyIsTheTeams();
    void offlineIsNoWayRound();
    void bulkRunIsApprovedAsAWhole();
    void bulkRunsOverTheLimitNeedApproval();

private:
    CliRun bulkIn(Officer &officer, const QString &action, const QStringList &users, const QString &environment,
                  const QStringList &extra = {QStringLiteral("--yes")});
    void modifiedClientRefused(qint64 id);
    CliRun deleteIn(Officer &officer, const QString &user, const QString &environment);
    qint64 lastRequest() const { return superCount(m_pg, QStringLiteral("SELECT max(id) FROM enrollee.requests")); }

    PgTestServer m_pg;
    SandboxServer *m_sandbox = nullptr;
    QByteArray m_key;
    Officer m_a;
    Officer m_b;
};

void TestTeamApprovals::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_key = "team-key-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    SandboxConfig config;
    config.apiKey = m_key;
    for (const char *user : {"doomed-user", "denied-user", "late-user", "prod-user", "bulk-1", "bulk-2", "bulk-3",
                             "big-1", "big-2", "big-3", "canary-1", "canary-2", "canary-3"})
        config.enrollees.append(QString::fromLatin1(user));
    m_sandbox = new SandboxServer(config, this);
    QVERIFY(m_sandbox->listen(QHostAddress::LocalHost, 0).ok());
    QString why;
    QVERIFY2(startTeamDatabase(m_pg, &why), qPrintable(why));
    QVERIFY2(addOfficer(m_pg, QStringLiteral("officer_a"), m_key, &m_a, &why), qPrintable(why));
    QVERIFY2(addOfficer(m_pg, QStringLiteral("officer_b"), m_key, &m_b, &why), qPrintable(why));
    // The sandbox refuses production bodies, so the full path (approve, run, success) is rehearsed with
    // the same rule for the sandbox; production keeps the default rule (delete), checked below.
    QVERIFY2(m_pg.superExec({QStringLiteral("INSERT INTO enrollee.policy VALUES ('sandbox', 'delete')")}, &why),
             qPrintable(why));
}

CliRun TestTeamApprovals::deleteIn(Officer &officer, const QString &user, const QString &environment)
{
    return officer.cli->run({QStringLiteral("delete"), user, QStringLiteral("--environment"), environment,
                             QStringLiteral("--base-url"), m_sandbox->origin().toString(),
                             QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
                             officer.role + QStringLiteral("@example.org"), QStringLiteral("--reason"),
                             QStringLiteral("CASE-7"), QStringLiteral("--yes")});
}

// A modified client calling the function itself, or writing the table, meets the same wall.
void TestTeamApprovals::modifiedClientRefused(qint64 id)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pgtest-a"));
    db.setHostName(QStringLiteral("127.0.0.1"));
    db.setPort(m_pg.port());
    db.setDatabaseName(QStringLiteral("enrollee"));
    db.setUserName(m_a.role);
    db.setPassword(m_a.password);
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(!q.exec(QStringLiteral("SELECT enrollee.decide(%1, true, 'me')").arg(id)));
    QVERIFY(!q.exec(QStringLiteral("UPDATE enrollee.requests SET status = 'approved' WHERE id = %1").arg(id)));
    db.close();
}

void TestTeamApprovals::productionDeleteWaitsForAnotherOfficer()
{
    const int sent = m_sandbox->requestCount();
    const CliRun asked = deleteIn(m_a, QStringLiteral("doomed-user"), QStringLiteral("sandbox"));
    QVERIFY2(asked.exitCode == 7, asked.err.constData());
    QCOMPARE(m_sandbox->requestCount(), sent);
    const qint64 id = lastRequest();
    QVERIFY(id > 0);

    const CliRun listed = m_b.cli->run({QStringLiteral("approvals"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.array().size(), 1);
    const QJsonObject r = listed.array().first().toObject();
    QCOMPARE(r.value(QLatin1String("id")).toInteger(), id);
    QCOMPARE(r.value(QLatin1String("requester")).toString(), QStringLiteral("officer_a"));
    QCOMPARE(r.value(QLatin1String("user_id")).toString(), QStringLiteral("doomed-user"));
    QCOMPARE(r.value(QLatin1String("action")).toString(), QStringLiteral("delete"));
    QCOMPARE(r.value(QLatin1String("reason")).toString(), QStringLiteral("CASE-7"));
    QVERIFY(!r.value(QLatin1String("expiry")).toString().isEmpty());

    const CliRun status = m_b.cli->run({QStringLiteral("team"), QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(status.object().value(QLatin1String("pending_approvals")).toInt(), 1); // the window's badge
    const QString idText = QString::number(id);
    CliRun self = m_a.cli->run({QStringLiteral("approvals"), QStringLiteral("approve"), idText});
    QCOMPARE(self.exitCode, 6);
    QVERIFY2(self.err.contains("self-approval refused"), self.err.constData());
    modifiedClientRefused(id);
    QCOMPARE(m_a.cli->run({QStringLiteral("approvals"), QStringLiteral("run"), idText}).exitCode, 6);
    QCOMPARE(m_sandbox->requestCount(), sent);

    QCOMPARE(m_b.cli
                 ->run({QStringLiteral("approvals"), QStringLiteral("approve"), idText, QStringLiteral("--reason"),
                        QStringLiteral("checked")})
                 .exitCode,
             0);
    const CliRun notTheirs = m_b.cli->run({QStringLiteral("approvals"), QStringLiteral("run"), idText});
    QCOMPARE(notTheirs.exitCode, 6);
    QVERIFY2(notTheirs.err.contains("only officer_a may run"), notTheirs.err.constData());
    const CliRun ran = m_a.cli->run({QStringLiteral("approvals"), QStringLiteral("run"), idText});
    QVERIFY2(ran.exitCode == 0, ran.err.constData());
    QCOMPARE(m_sandbox->requestCount(), sent + 1);
    const CliRun again = m_a.cli->run({QStringLiteral("approvals"), QStringLiteral("run"), idText});
    QCOMPARE(again.exitCode, 6);
    QVERIFY2(again.err.contains("already run"), again.err.constData());
    QCOMPARE(m_sandbox->requestCount(), sent + 1);

    // Request, approval, run and the action's own records all stand in the team trail.
    m_a.cli->run({QStringLiteral("team"), QStringLiteral("status")});
    for (const char *kind : {"request", "approve", "run"})
        QCOMPARE(superCount(m_pg,
                            QStringLiteral("SELECT count(*) FROM enrollee.trail WHERE kind = '%1' AND "
                                           "local_id = %2")
                                .arg(QLatin1String(kind))
                                .arg(id)),
                 qint64(1));
    QCOMPARE(superCount(m_pg,
                        QStringLiteral("SELECT count(*) FROM enrollee.trail WHERE kind = 'complete' AND body "
                                       "LIKE '%\"outcome\":\"success\"%' AND ref_seq IN (SELECT seq FROM "
                                       "enrollee.trail WHERE body LIKE '%doomed-user%' AND kind = 'begin')")),
             qint64(1));
    QCOMPARE(m_b.cli->run({QStringLiteral("history"), QStringLiteral("--verify")}).exitCode, 0);

    // The history names the officer who sent it, from where, and who approved it, when and why; the
    // fields it always had stay.
    const CliRun history = m_b.cli->run({QStringLiteral("history"), QStringLiteral("--json"),
                                         QStringLiteral("--user-id"), QStringLiteral("doomed-user")});
    QVERIFY2(history.exitCode == 0, history.err.constData());
    QCOMPARE(history.array().size(), 1);
    const QJsonObject sentEntry = history.array().first().toObject();
    QCOMPARE(sentEntry.value(QLatin1String("action")).toString(), QStringLiteral("delete"));
    QCOMPARE(sentEntry.value(QLatin1String("outcome")).toString(), QStringLiteral("success"));
    QCOMPARE(sentEntry.value(QLatin1String("operator")).toString(), QStringLiteral("officer_a@example.org"));
    QCOMPARE(sentEntry.value(QLatin1String("db_role")).toString(), QStringLiteral("officer_a"));
    QVERIFY(!sentEntry.value(QLatin1String("machine")).toString().isEmpty());
    const QJsonObject approval = sentEntry.value(QLatin1String("approval")).toObject();
    QCOMPARE(approval.value(QLatin1String("request")).toInteger(), id);
    QCOMPARE(approval.value(QLatin1String("approved_by")).toString(), QStringLiteral("officer_b"));
    QCOMPARE(approval.value(QLatin1String("reason")).toString(), QStringLiteral("checked"));
    const QDateTime approvedAt = QDateTime::fromString(approval.value(QLatin1String("approved_at")).toString(),
                                                       Qt::ISODateWithMs);
    QVERIFY2(approvedAt.isValid(), qPrintable(approval.value(QLatin1String("approved_at")).toString()));
    QVERIFY(qAbs(approvedAt.secsTo(QDateTime::currentDateTimeUtc())) < 600);
    // An action sent without an approval has none.
    const CliRun all = m_b.cli->run({QStringLiteral("history"), QStringLiteral("--json")});
    for (const QJsonValue v : all.array()) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("user_id")).toString() != QLatin1String("doomed-user"))
            QVERIFY(!e.contains(QLatin1String("approval")));
    }
}

void TestTeamApprovals::denialAndExpiry()
{
    const int sent = m_sandbox->requestCount();
    QCOMPARE(deleteIn(m_a, QStringLiteral("denied-user"), QStringLiteral("production")).exitCode, 7);
    const QString denied = QString::number(lastRequest());
    QCOMPARE(m_b.cli->run({QStringLiteral("approvals"), QStringLiteral("deny"), denied}).exitCode, 2); // needs a reason
    QCOMPARE(m_b.cli
                 ->run({QStringLiteral("approvals"), QStringLiteral("deny"), denied, QStringLiteral("--reason"),
                        QStringLiteral("wrong user")})
                 .exitCode,
             0);
    QCOMPARE(m_a.cli->run({QStringLiteral("approvals"), QStringLiteral("run"), denied}).exitCode, 6);

    QCOMPARE(deleteIn(m_a, QStringLiteral("late-user"), QStringLiteral("production")).exitCode, 7);
    const qint64 late = lastRequest();
    QString why;
    QVERIFY2(m_pg.superExec({QStringLiteral("UPDATE enrollee.requests SET expires_at = now() - interval '1 second' "
                                            "WHERE id = %1")
                                 .arg(late)},
                            &why),
             qPrintable(why));
    const CliRun expired = m_b.cli->run(
        {QStringLiteral("approvals"), QStringLiteral("approve"), QString::number(late)});
    QCOMPARE(expired.exitCode, 6);
    QVERIFY2(expired.err.contains("expired"), expired.err.constData());
    QCOMPARE(m_sandbox->requestCount(), sent);
    QCOMPARE(superCount(m_pg, QStringLiteral("SELECT count(*) FROM enrollee.trail WHERE kind = 'deny'")), qint64(1));
}

void TestTeamApprovals::policyIsTheTeams()
{
    // Officers read the policy but cannot change it; the administrator can.
    const QStringList set{QStringLiteral("team"),
                          QStringLiteral("policy"),
                          QStringLiteral("--require-approval"),
                          QStringLiteral("delete,deactivate"),
                          QStringLiteral("--environment"),
                          QStringLiteral("production")};
    QCOMPARE(m_a.cli->run(set).exitCode, 5);
    CliHarness admin;
    admin.setEnv(QStringLiteral("PGPASSWORD"), m_pg.superPassword());
    QCOMPARE(admin.run(set + QStringList{QStringLiteral("--conninfo"), m_pg.conninfo(m_pg.superuser())}).exitCode, 0);
    const CliRun shown = m_a.cli->run({QStringLiteral("team"), QStringLiteral("policy"), QStringLiteral("--json")});
    QCOMPARE(shown.exitCode, 0);
    QCOMPARE(shown.object().value(QLatin1String("production")).toArray().size(), 2);
    const int sent = m_sandbox->requestCount();
    const CliRun deactivate = m_a.cli->run(
        {QStringLiteral("deactivate"), QStringLiteral("prod-user"), QStringLiteral("--environment"),
         QStringLiteral("production"), QStringLiteral("--base-url"), m_sandbox->origin().toString(),
         QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
         QStringLiteral("a@example.org"), QStringLiteral("--yes")});
    QCOMPARE(deactivate.exitCode, 7);
    QCOMPARE(m_sandbox->requestCount(), sent);
}

// With the database down the team's policy as this console last read it still holds: a production delete
// is held (exit 7), neither sent nor queued.
void TestTeamApprovals::offlineIsNoWayRound()
{
    QString why;
    QVERIFY2(m_pg.stop(&why), qPrintable(why));
    const int sent = m_sandbox->requestCount();
    const CliRun run = deleteIn(m_a, QStringLiteral("offline-doomed"), QStringLiteral("production"));
    QCOMPARE(run.exitCode, 7);
    QVERIFY2(run.err.contains("held: the team's policy cannot be checked"), run.err.constData());
    QVERIFY2(run.err.contains("second officer"), run.err.constData());
    QCOMPARE(m_sandbox->requestCount(), sent);
    QVERIFY2(m_pg.start(&why), qPrintable(why));
}

// A bulk run of an action the policy gives to two officers is refused as a whole, nothing sent: it is
// not a way round four eyes (approval of a run as a whole is not built).
CliRun TestTeamApprovals::bulkIn(Officer &officer, const QString &action, const QStringList &users,
                                 const QString &environment, const QStringList &extra)
{
    QFile input(officer.cli->home() + QStringLiteral("/ids-%1.txt").arg(QUuid::createUuid().toString(QUuid::Id128)));
    if (!input.open(QIODevice::WriteOnly))
        return {};
    input.write(users.join(QLatin1Char('\n')).toUtf8());
    input.close();
    const QStringList arguments{QStringLiteral("bulk"),          action,
                                QStringLiteral("--input"),       input.fileName(),
                                QStringLiteral("--environment"), environment,
                                QStringLiteral("--base-url"),    m_sandbox->origin().toString(),
                                QStringLiteral("--partner-id"),  QStringLiteral("001"),
                                QStringLiteral("--email"),       officer.role + QStringLiteral("@example.org"),
                                QStringLiteral("--reason"),      QStringLiteral("CASE-8 erasure")};
    return officer.cli->run(arguments + extra);
}

// A bulk delete the policy gives to two officers is one request for the whole run, bound to its rows:
// nothing leaves until another officer approves, the run file cannot be changed under the approval,
// and the requester sends it exactly once.
void TestTeamApprovals::bulkRunIsApprovedAsAWhole()
{
    const int sent = m_sandbox->requestCount();
    const QStringList users{QStringLiteral("bulk-1"), QStringLiteral("bulk-2"), QStringLiteral("bulk-3")};
    const CliRun asked = bulkIn(m_a, QStringLiteral("delete"), users, QStringLiteral("sandbox"));
    QVERIFY2(asked.exitCode == 7, asked.err.constData());
    QVERIFY2(asked.err.contains("approved") && asked.err.contains("Nothing was sent"), asked.err.constData());
    QCOMPARE(m_sandbox->requestCount(), sent);
    const qint64 id = lastRequest();
    const QString idText = QString::number(id);
    const CliRun listed = m_b.cli->run({QStringLiteral("approvals"), QStringLiteral("list"), QStringLiteral("--json")});
    QJsonObject request;
    for (const auto &v : listed.array()) {
        if (v.toObject().value(QLatin1String("id")).toInteger() == id)
            request = v.toObject();
    }
    QCOMPARE(request.value(QLatin1String("rows")).toInt(), 3);
    QCOMPARE(request.value(QLatin1String("action")).toString(), QStringLiteral("delete"));
    const QString runId = request.value(QLatin1String("run_id")).toString();
    QVERIFY(!runId.isEmpty());
    QCOMPARE(request.value(QLatin1String("run_digest")).toString().size(), 64);

    QCOMPARE(m_a.cli->run({QStringLiteral("approvals"), QStringLiteral("approve"), idText}).exitCode, 6);
    const CliRun early = m_a.cli->run({QStringLiteral("approvals"), QStringLiteral("run"), idText});
    QVERIFY2(early.exitCode == 7, early.err.constData()); // still pending
    QCOMPARE(m_b.cli->run({QStringLiteral("approvals"), QStringLiteral("approve"), idText}).exitCode, 0);
    QVERIFY(m_b.cli->run({QStringLiteral("approvals"), QStringLiteral("run"), idText}).exitCode != 0);
    QCOMPARE(m_sandbox->requestCount(), sent);

    // A run file edited after the approval (another reason) no longer matches the approved digest.
    QFile runFile(QFileInfo(m_a.cli->historyDir()).absoluteDir().filePath(QStringLiteral("runs/%1.json").arg(runId)));
    QVERIFY(runFile.open(QIODevice::ReadOnly));
    const QByteArray original = runFile.readAll();
    runFile.close();
    QVERIFY(original.contains("CASE-8 erasure"));
    QVERIFY(runFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    runFile.write(QByteArray(original).replace("CASE-8 erasure", "CASE-9 erasure"));
    runFile.close();
    const CliRun altered = m_a.cli->run({QStringLiteral("approvals"), QStringLiteral("run"), idText});
    QCOMPARE(altered.exitCode, 5);
    QVERIFY2(altered.err.contains("no longer matches what was approved"), altered.err.constData());
    QCOMPARE(m_sandbox->requestCount(), sent);
    QVERIFY(runFile.open(QIODevice::WriteOnly | QIODevice::Truncate));
    runFile.write(original);
    runFile.close();

    const CliRun ran = m_a.cli->run({QStringLiteral("approvals"), QStringLiteral("run"), idText});
    QVERIFY2(ran.exitCode == 0, ran.err.constData());
    QCOMPARE(m_sandbox->requestCount(), sent + 3);
    QCOMPARE(superCount(m_pg,
                        QStringLiteral("SELECT count(*) FROM enrollee.requests WHERE id = %1 AND status = "
                                       "'run'")
                            .arg(id)),
             qint64(1));
    QVERIFY(m_a.cli->run({QStringLiteral("approvals"), QStringLiteral("run"), idText}).exitCode != 0);
    QCOMPARE(m_sandbox->requestCount(), sent + 3); // exactly once
}

// Above the team's bulk limit any action needs a second officer for the run; at or under it, none.
void TestTeamApprovals::bulkRunsOverTheLimitNeedApproval()
{
    CliHarness admin;
    admin.setEnv(QStringLiteral("PGPASSWORD"), m_pg.superPassword());
    const QStringList limit{QStringLiteral("team"),
                            QStringLiteral("policy"),
                            QStringLiteral("--environment"),
                            QStringLiteral("sandbox"),
                            QStringLiteral("--conninfo"),
                            m_pg.conninfo(m_pg.superuser()),
                            QStringLiteral("--bulk-approval-over")};
    QStringList asOfficer = limit;
    asOfficer.replace(5, m_pg.conninfo(m_a.role));
    QCOMPARE(m_a.cli->run(asOfficer + QStringList{QStringLiteral("2")}).exitCode, 5); // officers cannot change it
    QCOMPARE(admin.run(limit + QStringList{QStringLiteral("2")}).exitCode, 0);
    const CliRun shown = m_a.cli->run({QStringLiteral("team"), QStringLiteral("policy"), QStringLiteral("--json")});
    QCOMPARE(
        shown.object().value(QLatin1String("bulk_approval_over")).toObject().value(QLatin1String("sandbox")).toInt(),
        2);
    const int sent = m_sandbox->requestCount();
    const CliRun three = bulkIn(m_a, QStringLiteral("deactivate"),
                                {QStringLiteral("big-1"), QStringLiteral("big-2"), QStringLiteral("big-3")},
                                QStringLiteral("sandbox"));
    QVERIFY2(three.exitCode == 7, three.err.constData());
    QVERIFY2(three.err.contains("more than 2 rows"), three.err.constData());
    QCOMPARE(m_sandbox->requestCount(), sent);
    const CliRun two = bulkIn(m_a, QStringLiteral("deactivate"), {QStringLiteral("big-1"), QStringLiteral("big-2")},
                              QStringLiteral("sandbox"));
    QVERIFY2(two.exitCode == 0, two.err.constData());
    QCOMPARE(m_sandbox->requestCount(), sent + 2);

    // A run held for approval has sent nothing, so its canary is still ahead of it: the first resume
    // after the approval sends the canary's one row and asks (no terminal here: exit 6), the next the rest.
    const QStringList canaryUsers{QStringLiteral("canary-1"), QStringLiteral("canary-2"), QStringLiteral("canary-3")};
    const CliRun held = bulkIn(m_a, QStringLiteral("deactivate"), canaryUsers, QStringLiteral("sandbox"),
                               {QStringLiteral("--canary"), QStringLiteral("1"), QStringLiteral("--yes")});
    QVERIFY2(held.exitCode == 7, held.err.constData());
    QCOMPARE(m_sandbox->requestCount(), sent + 2);
    const QString id = QString::number(lastRequest());
    QCOMPARE(m_b.cli->run({QStringLiteral("approvals"), QStringLiteral("approve"), id}).exitCode, 0);
    const CliRun listed = m_a.cli->run({QStringLiteral("approvals"), QStringLiteral("list"), QStringLiteral("--json")});
    QString runId;
    for (const auto &v : listed.array()) {
        if (QString::number(v.toObject().value(QLatin1String("id")).toInteger()) == id)
            runId = v.toObject().value(QLatin1String("run_id")).toString();
    }
    QVERIFY(!runId.isEmpty());
    const CliRun canary = m_a.cli->run({QStringLiteral("bulk"), QStringLiteral("resume"), runId});
    QVERIFY2(canary.exitCode == 6, canary.err.constData());
    QVERIFY2(canary.err.contains("canary"), canary.err.constData());
    QCOMPARE(m_sandbox->requestCount(), sent + 3);
    const CliRun rest = m_a.cli->run(
        {QStringLiteral("bulk"), QStringLiteral("resume"), runId, QStringLiteral("--yes")});
    QVERIFY2(rest.exitCode == 0, rest.err.constData());
    QCOMPARE(m_sandbox->requestCount(), sent + 5); // the canary row once, the other two once
    QCOMPARE(admin.run(limit + QStringList{QStringLiteral("none")}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestTeamApprovals)
#include "tst_team_approvals.moc"
