// The team trail end to end: two officers as two real configurations (their own settings, history,
// keychain service and database role) acting through enrollee-cli against the project's sandbox,
// the database stopped and started mid-test, connection failures told apart, the officers' grants,
// and tampering by a superuser with triggers off (session_replication_role = replica) named by
// `history --verify` on a console that had seen the records.
#include "CoreContext.h"
#include "history/HistoryService.h"
#include "support/TeamTestSupport.h"
#include "team/TeamSchema.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlError>
#include <QStandardPaths>
#include <QTcpServer>
#include <QUuid>

class TestTeamTrail : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void initIsIdempotent();
    void connectionFailuresAreNamed();
    void silentServerAndNewerSchemaAreNamed();
    void officersMayOnlyInsertAndRead();
    void eachOfficerSeesTheOther();
    void officerCannotWriteInAnotherName();
    void colleagueWakesTheConsole();
    void databaseDownThenBackLandsOnce();
    void updateIsNamed();
    void recomputedRewriteIsNamed();
    void deleteOfNewestIsNamed();
    void truncateIsNamed();

private:
    CliRun act(Officer &officer, const QString &action, const QString &user);
    QJsonArray history(Officer &officer);
    CliRun verify(Officer &officer)
    {
        return officer.cli->run({QStringLiteral("history"), QStringLiteral("--verify")});
    }
    bool tamper(const QStringList &sql);

    PgTestServer m_pg;
    SandboxServer *m_sandbox = nullptr;
    QByteArray m_key;
    Officer m_a;
    Officer m_b;
};

void TestTeamTrail::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(CliHarness::program()));
    m_key = "team-key-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    SandboxConfig config;
    config.apiKey = m_key;
    for (const char *user : {"user-of-a", "user-of-b", "offline-user", "after-delete", "watched-user"})
        config.enrollees.append(QString::fromLatin1(user));
    m_sandbox = new SandboxServer(config, this);
    QVERIFY(m_sandbox->listen(QHostAddress::LocalHost, 0).ok());
    QString why;
    QVERIFY2(m_pg.enableTls(QStringLiteral("db.example.org"), &why), qPrintable(why));
    QVERIFY2(startTeamDatabase(m_pg, &why), qPrintable(why));
    QVERIFY2(addOfficer(m_pg, QStringLiteral("officer_a"), m_key, &m_a, &why), qPrintable(why));
    QVERIFY2(addOfficer(m_pg, QStringLiteral("officer_b"), m_key, &m_b, &why), qPrintable(why));
}

CliRun TestTeamTrail::act(Officer &officer, const QString &action, const QString &user)
{
    return officerActs(officer, m_sandbox->origin(), action, user);
}

QJsonArray TestTeamTrail::history(Officer &officer)
{
    const CliRun run = officer.cli->run({QStringLiteral("history"), QStringLiteral("--json")});
    return run.exitCode == 0 ? run.array() : QJsonArray();
}

bool TestTeamTrail::tamper(const QStringList &sql)
{
    return tamperAsSuperuser(m_pg, sql);
}

// A second `team init` (an upgrade run twice, two administrators) changes nothing.
void TestTeamTrail::initIsIdempotent()
{
    CliHarness admin;
    admin.setEnv(QStringLiteral("PGPASSWORD"), m_pg.superPassword());
    const CliRun again = admin.run({QStringLiteral("team"), QStringLiteral("init"), QStringLiteral("--conninfo"),
                                    m_pg.conninfo(m_pg.superuser())});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(
        again.out.contains(QStringLiteral("already at version %1; nothing changed").arg(TeamSchema::kVersion).toUtf8()),
        again.out.constData());
    QCOMPARE(superCount(m_pg, QStringLiteral("SELECT count(*) FROM enrollee.policy")), qint64(1));
    QCOMPARE(superCount(m_pg, QStringLiteral("SELECT version FROM enrollee.schema_version")),
             qint64(TeamSchema::kVersion));
}

void TestTeamTrail::connectionFailuresAreNamed()
{
    CliHarness c;
    c.setEnv(QStringLiteral("PGPASSWORD"), QStringLiteral("not-the-password"));
    const QStringList connect{QStringLiteral("team"), QStringLiteral("connect"), QStringLiteral("--conninfo")};
    CliRun run = c.run(connect + QStringList{m_pg.conninfo(QStringLiteral("officer_a"))});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("refused the password"), run.err.constData());

    c.setEnv(QStringLiteral("PGPASSWORD"), m_a.password);
    run = c.run(connect + QStringList{m_pg.conninfo(QStringLiteral("officer_a"), QStringLiteral("postgres"))});
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains("team init"), run.err.constData());

    run = c.run(connect + QStringList{QStringLiteral("host=127.0.0.1 port=1 dbname=enrollee user=officer_a")});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("down or not listening"), run.err.constData());

    // The server's certificate names db.example.org, not 127.0.0.1: verify-full refuses it, by name.
    run = c.run(connect
                + QStringList{m_pg.conninfo(QStringLiteral("officer_a"))
                              + QStringLiteral(" sslmode=verify-full sslrootcert=") + m_pg.certFile()});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("certificate could not be verified or does not match"), run.err.constData());
    QVERIFY2(run.err.contains("db.example.org"), run.err.constData());

    run = c.run(connect + QStringList{m_pg.conninfo(QStringLiteral("officer_a")) + QStringLiteral(" password=x")});
    QCOMPARE(run.exitCode, 2);
    run = c.run(connect + QStringList{QStringLiteral("host=db.example.org dbname=enrollee user=a sslmode=require")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("verify-full"), run.err.constData());
    QVERIFY(c.filesContaining(m_a.password.toUtf8()).isEmpty());
    QVERIFY(m_a.cli->filesContaining(m_a.password.toUtf8()).isEmpty());
}

void TestTeamTrail::silentServerAndNewerSchemaAreNamed()
{
    CliHarness c;
    c.setEnv(QStringLiteral("PGPASSWORD"), m_a.password);
    const QStringList connect{QStringLiteral("team"), QStringLiteral("connect"), QStringLiteral("--conninfo")};
    // A loopback port whose kernel accepts the connection and nobody ever answers: libpq's timeout.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    CliRun run = c.run(connect
                       + QStringList{QStringLiteral("host=127.0.0.1 port=%1 dbname=enrollee user=officer_a "
                                                    "connect_timeout=2")
                                         .arg(silent.serverPort())});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("no route to the team database's host"), run.err.constData());

    // A schema from a later console, or one an administrator has not upgraded yet: said, nothing written.
    const auto connectAtVersion = [&](int version) {
        QString why;
        const QString set = QStringLiteral("UPDATE enrollee.schema_version SET version = %1");
        CliRun r;
        if (m_pg.superExec({set.arg(version)}, &why))
            r = c.run(connect + QStringList{m_pg.conninfo(QStringLiteral("officer_a"))});
        if (!m_pg.superExec({set.arg(TeamSchema::kVersion)}, &why))
            r.exitCode = -1;
        r.err += why.toUtf8();
        return r;
    };
    run = connectAtVersion(TeamSchema::kVersion + 1);
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(QStringLiteral("version %1, newer than this console understands (%2)")
                                  .arg(TeamSchema::kVersion + 1)
                                  .arg(TeamSchema::kVersion)
                                  .toUtf8()),
             run.err.constData());
    run = connectAtVersion(TeamSchema::kVersion - 1);
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains("must run \"enrollee-cli team init\" to upgrade it"), run.err.constData());
}

void TestTeamTrail::officersMayOnlyInsertAndRead()
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pgtest-officer"));
    db.setHostName(QStringLiteral("127.0.0.1"));
    db.setPort(m_pg.port());
    db.setDatabaseName(QStringLiteral("enrollee"));
    db.setUserName(m_a.role);
    db.setPassword(m_a.password);
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM enrollee.trail")));
    for (const char *sql : {"UPDATE enrollee.trail SET body = 'x'", "DELETE FROM enrollee.trail",
                            "TRUNCATE enrollee.trail", "UPDATE enrollee.requests SET status = 'approved'",
                            "INSERT INTO enrollee.policy VALUES ('production', 'deactivate')"}) {
        QVERIFY2(!q.exec(QString::fromLatin1(sql)), sql);
        QVERIFY2(q.lastError().databaseText().contains(QLatin1String("permission denied")),
                 qPrintable(q.lastError().databaseText()));
    }
    db.close();
}

void TestTeamTrail::eachOfficerSeesTheOther()
{
    const int before = m_sandbox->requestCount();
    QCOMPARE(act(m_a, QStringLiteral("deactivate"), QStringLiteral("user-of-a")).exitCode, 0);
    QCOMPARE(act(m_b, QStringLiteral("reactivate"), QStringLiteral("user-of-b")).exitCode, 0);
    QCOMPARE(m_sandbox->requestCount(), before + 2);
    // Acting on a user a colleague acted on within the hour warns first.
    const CliRun again = act(m_b, QStringLiteral("reactivate"), QStringLiteral("user-of-a"));
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.err.contains("officer_a did \"Deactivate\" on this user less than a minute ago"),
             again.err.constData());
    const CliRun own = act(m_a, QStringLiteral("deactivate"), QStringLiteral("user-of-a"));
    QVERIFY2(own.err.contains("officer_b did \"Reactivate\""), own.err.constData());
    QVERIFY2(!own.err.contains("officer_a did"), own.err.constData()); // one's own actions are no conflict
    for (Officer *viewer : {&m_a, &m_b}) {
        const QJsonArray entries = history(*viewer);
        QStringList seen;
        for (const auto &v : entries) {
            const QJsonObject e = v.toObject();
            seen.append(e.value(QLatin1String("user_id")).toString() + QLatin1Char('/')
                        + e.value(QLatin1String("db_role")).toString() + QLatin1Char('/')
                        + e.value(QLatin1String("outcome")).toString());
            QVERIFY(!e.value(QLatin1String("machine")).toString().isEmpty());
        }
        QVERIFY2(seen.contains(QStringLiteral("user-of-a/officer_a/success")), qPrintable(seen.join(u' ')));
        QVERIFY2(seen.contains(QStringLiteral("user-of-b/officer_b/success")), qPrintable(seen.join(u' ')));
    }
    const CliRun listed = m_b.cli->run({QStringLiteral("history")});
    QVERIFY2(listed.out.contains("officer_a@example.org (officer_a)"), listed.out.constData());
    // The role is the server's word, not the client's: every row names its writer's session_user.
    QCOMPARE(superCount(m_pg,
                        QStringLiteral("SELECT count(*) FROM enrollee.trail WHERE kind IN ('begin', "
                                       "'complete') AND db_role NOT IN ('officer_a', 'officer_b')")),
             qint64(0));
    QCOMPARE(verify(m_a).exitCode, 0);
    QCOMPARE(verify(m_b).exitCode, 0);
}

// A modified client (officer A's own role, straight SQL) writing in someone else's name: the server
// admits a console's record only from the role its name is registered to, signed, and continuing the
// chain; records in the database's own name only from its functions. Every attempt is refused and
// nothing lands.
void TestTeamTrail::officerCannotWriteInAnotherName()
{
    const auto nameOf = [this](const QString &role) {
        QSqlDatabase db = m_pg.superConnection(QStringLiteral("pgtest-names"));
        if (!db.isOpen())
            db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT installation FROM enrollee.console_keys WHERE db_role = '%1'").arg(role));
        return q.next() ? q.value(0).toString() : QString();
    };
    const QString nameOfA = nameOf(m_a.role);
    const QString nameOfB = nameOf(m_b.role);
    QVERIFY2(!nameOfA.isEmpty() && !nameOfB.isEmpty(), "both consoles registered when they first sent");
    const qint64 before = superCount(m_pg, QStringLiteral("SELECT count(*) FROM enrollee.trail"));
    const qint64 seq = superCount(m_pg, QStringLiteral("SELECT max(seq) + 1 FROM enrollee.trail"));
    const QString previous = QStringLiteral("(SELECT hash FROM enrollee.trail WHERE seq = %1)").arg(seq - 1);
    QSqlDatabase db = QSqlDatabase::database(QStringLiteral("pgtest-officer"));
    QVERIFY(db.open());
    // A correctly chained record claiming `name`, written by officer A's session with `role` in its hash.
    const auto forge = [&](const QString &name, const QString &role, QString *error) {
        QSqlQuery q(db);
        const bool done = q.exec(
            QStringLiteral("INSERT INTO enrollee.trail (seq, installation, local_id, kind, ref_seq, machine, body, "
                           "hash, signature) SELECT %1, '%3', 999, 'begin', 0, 'm', '{}', enrollee.record_hash(%2, "
                           "%1, enrollee.record_text('%3', 999, 'begin', 0, '%4', 'm', '{}')), 'c2lnbmVk'")
                .arg(seq)
                .arg(previous, name, role));
        *error = q.lastError().databaseText();
        return done;
    };
    QString error;
    QVERIFY(!forge(QStringLiteral("forger"), m_a.role, &error));
    QVERIFY2(error.contains(QStringLiteral("console forger is not registered to role officer_a")), qPrintable(error));
    QVERIFY(!forge(nameOfB, m_a.role, &error));
    QVERIFY2(error.contains(QStringLiteral("is not registered to role officer_a")), qPrintable(error));
    QVERIFY(!forge(QStringLiteral("database"), m_a.role, &error));
    QVERIFY2(error.contains(QStringLiteral("only the database writes records in its own name")), qPrintable(error));
    // Its own name, but a hash made for officer B's role: the stamped role breaks the chain, so it is refused.
    QVERIFY(!forge(nameOfA, m_b.role, &error));
    QVERIFY2(error.contains(QStringLiteral("does not continue the chain")), qPrintable(error));
    // Taking officer B's name, or changing its key, is refused too.
    QSqlQuery q(db);
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO enrollee.console_keys (installation, machine, public_key) VALUES "
                                   "('%1', 'm', repeat('ab', 32))")
                        .arg(nameOfB)));
    QVERIFY(!q.exec(QStringLiteral("UPDATE enrollee.console_keys SET public_key = repeat('ab', 32)")));
    QVERIFY(!q.exec(QStringLiteral("DELETE FROM enrollee.console_keys")));
    QCOMPARE(superCount(m_pg, QStringLiteral("SELECT count(*) FROM enrollee.trail")), before);
    QCOMPARE(verify(m_b).exitCode, 0);
}

// A console open on officer A's configuration hears officer B's action (NOTIFY, or the poll when a
// notification is lost) and then reads it from the team trail, naming B's role.
void TestTeamTrail::colleagueWakesTheConsole()
{
    qputenv("PGPASSWORD", m_a.password.toUtf8());
    CoreConfig config;
    config.settingsFile = m_a.cli->settingsFile();
    config.historyDir = m_a.cli->historyDir();
    config.keychainService = QStringLiteral("enrollee-team-test-") + QUuid::createUuid().toString(QUuid::Id128);
    CoreContext core(config);
    QVERIFY(core.hasTeam());
    QSignalSpy woken(core.history(), &HistoryService::externalChange);
    QTest::qWait(300); // the watch is set up on the history thread
    woken.clear();
    QCOMPARE(act(m_b, QStringLiteral("deactivate"), QStringLiteral("watched-user")).exitCode, 0);
    QTRY_VERIFY_WITH_TIMEOUT(woken.count() > 0, 10000);
    bool done = false;
    QString role;
    core.history()->read(1, this, [&](const Result<HistoryRead> &read) {
        done = true;
        if (!read.ok())
            return;
        for (const HistoryEntry &e : read.value().entries) {
            if (e.userId == QLatin1String("watched-user"))
                role = e.dbRole;
        }
    });
    QTRY_VERIFY(done);
    QCOMPARE(role, QStringLiteral("officer_b"));
}

void TestTeamTrail::databaseDownThenBackLandsOnce()
{
    QString why;
    QVERIFY2(m_pg.stop(&why), qPrintable(why));
    const int before = m_sandbox->requestCount();
    const CliRun offline = act(m_a, QStringLiteral("deactivate"), QStringLiteral("offline-user"));
    QCOMPARE(offline.exitCode, 0); // recorded locally, then sent: the action does not wait for the team
    QCOMPARE(m_sandbox->requestCount(), before + 1);
    CliRun status = m_a.cli->run({QStringLiteral("team"), QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(status.exitCode, 0);
    QCOMPARE(status.object().value(QLatin1String("connected")).toBool(), false);
    QCOMPARE(status.object().value(QLatin1String("waiting")).toInt(), 2); // its begin and its completion

    QVERIFY2(m_pg.start(&why), qPrintable(why));
    status = m_a.cli->run({QStringLiteral("team"), QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(status.object().value(QLatin1String("connected")).toBool(), true);
    QCOMPARE(status.object().value(QLatin1String("waiting")).toInt(), 0);
    // Again, and from a second process: still exactly once.
    m_a.cli->run({QStringLiteral("team"), QStringLiteral("status")});
    const QString rows = QStringLiteral("SELECT count(*) FROM enrollee.trail WHERE body LIKE '%offline-user%' "
                                        "AND kind = '%1'");
    QCOMPARE(superCount(m_pg, rows.arg(QStringLiteral("begin"))), qint64(1));
    QCOMPARE(superCount(m_pg, rows.arg(QStringLiteral("complete"))), qint64(1));
    bool found = false;
    const QJsonArray entries = history(m_b);
    for (const auto &v : entries) {
        if (v.toObject().value(QLatin1String("user_id")).toString() == QLatin1String("offline-user"))
            found = v.toObject().value(QLatin1String("outcome")).toString() == QLatin1String("success");
    }
    QVERIFY(found);
    QCOMPARE(verify(m_a).exitCode, 0);
}

void TestTeamTrail::updateIsNamed()
{
    QCOMPARE(verify(m_a).exitCode, 0);
    const qint64 target = superCount(m_pg, QStringLiteral("SELECT min(seq) FROM enrollee.trail WHERE kind = 'begin'"));
    QVERIFY(target > 0);
    QVERIFY(tamper({QStringLiteral("UPDATE enrollee.trail SET body = replace(body, 'user-of-a', 'user-of-z') "
                                   "WHERE seq = %1")
                        .arg(target)}));
    const CliRun run = verify(m_a);
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(QStringLiteral("team record #%1").arg(target).toUtf8()), run.err.constData());
    QVERIFY2(run.err.contains("altered"), run.err.constData());
    QVERIFY(tamper({QStringLiteral("UPDATE enrollee.trail SET body = replace(body, 'user-of-z', 'user-of-a') "
                                   "WHERE seq = %1")
                        .arg(target)}));
    QCOMPARE(verify(m_a).exitCode, 0);
}

void TestTeamTrail::recomputedRewriteIsNamed()
{
    // A DBA who also recomputes the newest hash passes the chain walk; the checkpoint does not agree.
    QCOMPARE(verify(m_a).exitCode, 0);
    const qint64 newest = superCount(m_pg, QStringLiteral("SELECT max(seq) FROM enrollee.trail"));
    QVERIFY(
        tamper({QStringLiteral("CREATE TABLE public.saved AS SELECT * FROM enrollee.trail WHERE seq = %1").arg(newest),
                QStringLiteral("UPDATE enrollee.trail t SET body = t.body || ' ', hash = "
                               "enrollee.record_hash(p.hash, t.seq, enrollee.record_text(t.installation, "
                               "t.local_id, t.kind, t.ref_seq, t.db_role, t.machine, t.body || ' ')) FROM "
                               "enrollee.trail p WHERE t.seq = %1 AND p.seq = %1 - 1")
                    .arg(newest)}));
    const CliRun run = verify(m_a);
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(
                 QStringLiteral("Team record #%1 is not the record this console verified").arg(newest).toUtf8()),
             run.err.constData());
    QVERIFY(tamper({QStringLiteral("DELETE FROM enrollee.trail WHERE seq = %1").arg(newest),
                    QStringLiteral("INSERT INTO enrollee.trail (seq, installation, local_id, kind, ref_seq, db_role, "
                                   "machine, recorded_at, body, hash, signature) SELECT seq, installation, local_id, "
                                   "kind, ref_seq, db_role, machine, recorded_at, body, hash, signature FROM "
                                   "public.saved"),
                    QStringLiteral("DROP TABLE public.saved")}));
    QCOMPARE(verify(m_a).exitCode, 0);
}

void TestTeamTrail::deleteOfNewestIsNamed()
{
    QCOMPARE(verify(m_a).exitCode, 0);
    const qint64 newest = superCount(m_pg, QStringLiteral("SELECT max(seq) FROM enrollee.trail"));
    QVERIFY(tamper({QStringLiteral("DELETE FROM enrollee.trail WHERE seq >= %1").arg(newest - 1)}));
    const CliRun run = verify(m_a);
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains(QStringLiteral("#%1 to #%2").arg(newest - 1).arg(newest).toUtf8()), run.err.constData());
    QVERIFY2(run.err.contains("removed"), run.err.constData());
    // Nor does an officer's console write on top of the hole: numbers must not be reused.
    QCOMPARE(act(m_a, QStringLiteral("reactivate"), QStringLiteral("after-delete")).exitCode, 0);
    QCOMPARE(superCount(m_pg, QStringLiteral("SELECT count(*) FROM enrollee.trail WHERE body LIKE '%after-delete%'")),
             qint64(0));
}

void TestTeamTrail::truncateIsNamed()
{
    QVERIFY(tamper({QStringLiteral("TRUNCATE enrollee.trail")}));
    const CliRun run = verify(m_b);
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains("emptied"), run.err.constData());
}

QTEST_GUILESS_MAIN(TestTeamTrail)
#include "tst_team_trail.moc"
