// Signed team records against a real PostgreSQL: two officers as real enrollee-cli configurations, and a
// superuser with triggers off (session_replication_role = replica) who writes records with correct
// chain hashes in an officer's console's name. Such a record cannot carry that console's signature, so
// every console's `history --verify` names it; a record taken in a console's name before the console
// sends its own is refused loudly (`team status`), the console's own record waits instead of being
// dropped, and lands once the forged one is gone.
#include "support/TeamTestSupport.h"

#include <QJsonObject>
#include <QSqlError>
#include <QStandardPaths>
#include <QUuid>

class TestTeamSigned : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyConsoleRecordIsSignedAndBound();
    void forgedRecordInAnOfficersNameIsNamed();
    void takenRecordIsRefusedLoudlyAndLandsLater();
    void replacedKeyIsRefusedLoudly();
    void savedPasswordReadsTheTeamTrail();

private:
    CliRun act(Officer &officer, const QString &action, const QString &user);
    CliRun verify(Officer &officer)
    {
        return officer.cli->run({QStringLiteral("history"), QStringLiteral("--verify")});
    }
    QJsonObject teamStatus(Officer &officer);
    bool tamper(const QStringList &sql);
    QString nameOf(const Officer &officer) const;
    qint64 count(const QString &sql) const { return superCount(m_pg, sql); }
    qint64 beginsFor(const QString &user) const
    {
        return count(QStringLiteral("SELECT count(*) FROM enrollee.trail WHERE kind = 'begin' AND "
                                    "body::json->>'user_id' = '%1'")
                         .arg(user));
    }

    PgTestServer m_pg;
    SandboxServer *m_sandbox = nullptr;
    QByteArray m_key;
    Officer m_a;
    Officer m_b;
};

void TestTeamSigned::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(CliHarness::program()));
    m_key = "signed-key-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    SandboxConfig config;
    config.apiKey = m_key;
    for (const char *user : {"signed-a", "signed-b", "taken-user", "rekeyed-user"})
        config.enrollees.append(QString::fromLatin1(user));
    m_sandbox = new SandboxServer(config, this);
    QVERIFY(m_sandbox->listen(QHostAddress::LocalHost, 0).ok());
    QString why;
    QVERIFY2(startTeamDatabase(m_pg, &why), qPrintable(why));
    QVERIFY2(addOfficer(m_pg, QStringLiteral("officer_a"), m_key, &m_a, &why), qPrintable(why));
    QVERIFY2(addOfficer(m_pg, QStringLiteral("officer_b"), m_key, &m_b, &why), qPrintable(why));
}

CliRun TestTeamSigned::act(Officer &officer, const QString &action, const QString &user)
{
    return officerActs(officer, m_sandbox->origin(), action, user);
}

QJsonObject TestTeamSigned::teamStatus(Officer &officer)
{
    const CliRun run = officer.cli->run({QStringLiteral("team"), QStringLiteral("status"), QStringLiteral("--json")});
    return run.object();
}

bool TestTeamSigned::tamper(const QStringList &sql)
{
    return tamperAsSuperuser(m_pg, sql);
}

QString TestTeamSigned::nameOf(const Officer &officer) const
{
    QSqlDatabase db = m_pg.superConnection(QStringLiteral("pgtest-names"));
    if (!db.isOpen())
        db.open();
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT installation FROM enrollee.console_keys WHERE db_role = '%1'").arg(officer.role));
    return q.next() ? q.value(0).toString() : QString();
}

void TestTeamSigned::everyConsoleRecordIsSignedAndBound()
{
    QCOMPARE(act(m_a, QStringLiteral("deactivate"), QStringLiteral("signed-a")).exitCode, 0);
    QCOMPARE(act(m_b, QStringLiteral("deactivate"), QStringLiteral("signed-b")).exitCode, 0);
    QCOMPARE(beginsFor(QStringLiteral("signed-a")), qint64(1));
    QCOMPARE(beginsFor(QStringLiteral("signed-b")), qint64(1));
    QVERIFY(!nameOf(m_a).isEmpty());
    QVERIFY(nameOf(m_a) != nameOf(m_b));
    // Every console's record is signed and written by the role its console's name is registered to.
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM enrollee.trail t LEFT JOIN enrollee.console_keys k USING "
                                  "(installation) WHERE t.installation <> 'database' AND (t.signature = '' OR "
                                  "k.db_role IS DISTINCT FROM t.db_role)")),
             qint64(0));
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM enrollee.trail WHERE installation <> 'database'")), qint64(4));
    QCOMPARE(verify(m_a).exitCode, 0);
    QCOMPARE(verify(m_b).exitCode, 0);
}

// A superuser appends a delete in officer A's console's name, with the chain hash right and A's own
// signature of another record replayed: both consoles name the record, and it never passes.
void TestTeamSigned::forgedRecordInAnOfficersNameIsNamed()
{
    const QString name = nameOf(m_a);
    const qint64 seq = count(QStringLiteral("SELECT max(seq) + 1 FROM enrollee.trail"));
    const QString body = QStringLiteral("{\"action\":\"delete\",\"type\":\"begin\",\"user_id\":\"signed-b\"}");
    QVERIFY(tamper(
        {QStringLiteral("INSERT INTO enrollee.trail (seq, installation, local_id, kind, ref_seq, db_role, machine, "
                        "body, hash, signature) SELECT %1, '%2', 900, 'begin', 0, 'officer_a', p.machine, '%3', "
                        "enrollee.record_hash(p.hash, %1, enrollee.record_text('%2', 900, 'begin', 0, 'officer_a', "
                        "p.machine, '%3')), (SELECT signature FROM enrollee.trail WHERE installation = '%2' LIMIT 1) "
                        "FROM enrollee.trail p WHERE p.seq = %1 - 1")
             .arg(seq)
             .arg(name, body)}));
    for (Officer *officer : {&m_a, &m_b}) {
        const CliRun run = verify(*officer);
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(QStringLiteral("team record #%1 (begin by officer_a").arg(seq).toUtf8()),
                 run.err.constData());
        QVERIFY2(run.err.contains("its signature is not that of the console it names"), run.err.constData());
    }
    // In a name no console registered, it is named as well.
    QVERIFY(tamper({QStringLiteral("UPDATE enrollee.trail t SET installation = 'ghost', hash = "
                                   "enrollee.record_hash(p.hash, t.seq, enrollee.record_text('ghost', t.local_id, "
                                   "t.kind, t.ref_seq, t.db_role, t.machine, t.body)) FROM enrollee.trail p WHERE "
                                   "t.seq = %1 AND p.seq = %1 - 1")
                        .arg(seq)}));
    const CliRun ghost = verify(m_b);
    QCOMPARE(ghost.exitCode, 5);
    QVERIFY2(ghost.err.contains("names a console that was never registered"), ghost.err.constData());
    QVERIFY(tamper({QStringLiteral("DELETE FROM enrollee.trail WHERE seq = %1").arg(seq)}));
    QCOMPARE(verify(m_a).exitCode, 0);
    QCOMPARE(verify(m_b).exitCode, 0);
}

// A superuser fills officer A's next record numbers with records of their own before A's console sends:
// A's action still happens (it is recorded locally first), `team status` says the trail refuses A's
// records, nothing of A's is dropped, and once the forged records are gone A's own land, once.
void TestTeamSigned::takenRecordIsRefusedLoudlyAndLandsLater()
{
    const QString name = nameOf(m_a);
    const qint64 newest = count(
        QStringLiteral("SELECT max(local_id) FROM enrollee.trail WHERE installation = '%1'").arg(name));
    QVERIFY(newest > 0);
    QStringList forge;
    for (int i = 1; i <= 6; ++i) {
        for (const char *kind : {"begin", "complete"}) {
            forge.append(QStringLiteral(
                             "INSERT INTO enrollee.trail (seq, installation, local_id, kind, ref_seq, db_role, "
                             "machine, body, hash) SELECT p.seq + 1, '%1', %2, '%3', 0, 'officer_a', 'm', "
                             "'{\"forged\":true}', enrollee.record_hash(p.hash, p.seq + 1, enrollee.record_text('%1', "
                             "%2, '%3', 0, 'officer_a', 'm', '{\"forged\":true}')) FROM (SELECT seq, hash FROM "
                             "enrollee.trail ORDER BY seq DESC LIMIT 1) p")
                             .arg(name)
                             .arg(newest + i)
                             .arg(QLatin1String(kind)));
        }
    }
    QVERIFY(tamper(forge));
    const int sent = m_sandbox->requestCount();
    QCOMPARE(act(m_a, QStringLiteral("deactivate"), QStringLiteral("taken-user")).exitCode, 0);
    QCOMPARE(m_sandbox->requestCount(), sent + 1);
    QCOMPARE(beginsFor(QStringLiteral("taken-user")), qint64(0));
    QJsonObject status = teamStatus(m_a);
    QVERIFY2(status.value(QLatin1String("refused")).toString().contains(QLatin1String("not as this console wrote it")),
             qPrintable(status.value(QLatin1String("refused")).toString()));
    QVERIFY(status.value(QLatin1String("waiting")).toInt() >= 2);
    QCOMPARE(verify(m_b).exitCode, 5); // and every check names the forged records

    QVERIFY(tamper({QStringLiteral("DELETE FROM enrollee.trail WHERE body = '{\"forged\":true}'")}));
    status = teamStatus(m_a);
    QCOMPARE(status.value(QLatin1String("refused")).toString(), QString());
    QCOMPARE(status.value(QLatin1String("waiting")).toInt(), 0);
    QCOMPARE(beginsFor(QStringLiteral("taken-user")), qint64(1));
    QCOMPARE(verify(m_a).exitCode, 0);
    QCOMPARE(verify(m_b).exitCode, 0);
}

// A superuser replaces the key registered for officer A's console: A refuses to send under a name that is
// no longer its own, and A's earlier records no longer verify, on any console.
void TestTeamSigned::replacedKeyIsRefusedLoudly()
{
    const QString name = nameOf(m_a);
    QVERIFY(tamper({QStringLiteral("CREATE TABLE public.kept AS SELECT * FROM enrollee.console_keys"),
                    QStringLiteral("UPDATE enrollee.console_keys SET public_key = repeat('ab', 32) WHERE "
                                   "installation = '%1'")
                        .arg(name)}));
    QCOMPARE(act(m_a, QStringLiteral("reactivate"), QStringLiteral("rekeyed-user")).exitCode, 0);
    QCOMPARE(beginsFor(QStringLiteral("rekeyed-user")), qint64(0));
    const QJsonObject status = teamStatus(m_a);
    QVERIFY2(status.value(QLatin1String("refused")).toString().contains(QLatin1String("another signing key")),
             qPrintable(status.value(QLatin1String("refused")).toString()));
    const CliRun run = verify(m_b);
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains("its signature is not that of the console it names"), run.err.constData());

    QVERIFY(tamper({QStringLiteral("DELETE FROM enrollee.console_keys"),
                    QStringLiteral("INSERT INTO enrollee.console_keys SELECT * FROM public.kept"),
                    QStringLiteral("DROP TABLE public.kept")}));
    QCOMPARE(teamStatus(m_a).value(QLatin1String("waiting")).toInt(), 0);
    QCOMPARE(beginsFor(QStringLiteral("rekeyed-user")), qint64(1));
    QCOMPARE(verify(m_a).exitCode, 0);
    QCOMPARE(verify(m_b).exitCode, 0);
}

// An officer who saved the password in the keychain (`team connect --save-password`), with no PGPASSWORD
// and no ~/.pgpass: `history` reads the team's trail with it, not this console's records alone.
void TestTeamSigned::savedPasswordReadsTheTeamTrail()
{
    QString why;
    QVERIFY2(m_pg.createRole(QStringLiteral("officer_c"), QStringLiteral("pw-officer_c"),
                             QStringLiteral("enrollee_officers"), &why),
             qPrintable(why));
    CliHarness c;
    c.setEnv(QStringLiteral("PGPASSWORD"), QString());
    c.setEnv(QStringLiteral("PGPASSFILE"), c.home() + QStringLiteral("/no-pgpass"));
    const CliRun connected = c.run({QStringLiteral("team"), QStringLiteral("connect"), QStringLiteral("--conninfo"),
                                    m_pg.conninfo(QStringLiteral("officer_c")), QStringLiteral("--save-password")},
                                   "pw-officer_c\n");
    QVERIFY2(connected.exitCode == 0, qPrintable(connected.describe()));
    const CliRun listed = c.run({QStringLiteral("history"), QStringLiteral("--json")});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
    QVERIFY2(!listed.err.contains("password"), listed.err.constData());
    QVERIFY2(!listed.err.contains("cannot be reached"), listed.err.constData());
    QVERIFY2(listed.out.contains("signed-a") && listed.out.contains("officer_a"), listed.out.constData());
}

QTEST_GUILESS_MAIN(TestTeamSigned)
#include "tst_team_signed.moc"
