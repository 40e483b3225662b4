// Four eyes fail closed, and an outage never reads as tampering, with real enrollee-cli processes
// (each command a process of its own) against a real PostgreSQL that is stopped mid-test. The team's
// policy names deactivate, flag-fraud and delete in the sandbox; reactivate is free. Once a console
// has read that policy, a new process started while the database is away (stopped, or the settings
// pointing at a wrong port) holds what it names (exit 7) and sends nothing for that user; an edited
// copy of the policy holds everything; `history --verify` says it cannot check now (exit 4), never
// that the check failed. A console that has not acted yet verifies the team trail all the same.
#include "support/TeamTestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QStandardPaths>
#include <QUuid>

namespace {
const QByteArray kHeld = "held: the team's policy cannot be checked";
}

class TestTeamOutage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void freshConsoleVerifiesTheTeamTrail();
    void heldWhenTheDatabaseIsStopped();
    void verifyWhileStoppedCannotCheckNow();
    void editedPolicyCopyHoldsEverything();
    void wrongPortHolds();
    void offlineBulkRunIsCountedFromTheCopy();
    void databaseBackGoesThroughTheRequestPath();

private:
    CliRun act(Officer &officer, const QString &action, const QString &user);
    QString policyFile(const Officer &officer) const;
    qint64 requests() const { return superCount(m_pg, QStringLiteral("SELECT count(*) FROM enrollee.requests")); }
    qint64 lastRequest() const { return superCount(m_pg, QStringLiteral("SELECT max(id) FROM enrollee.requests")); }

    PgTestServer m_pg;
    SandboxServer *m_sandbox = nullptr;
    QByteArray m_key;
    Officer m_a;
    Officer m_b;
    QHash<QString, int> m_received; // what the sandbox received, per user ID
};

void TestTeamOutage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(CliHarness::program()));
    m_key = "outage-key-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    SandboxConfig config;
    config.apiKey = m_key;
    for (const char *user : {"b-user", "a-free", "held-deactivate", "held-flag", "held-delete", "a-free-offline",
                             "edited-flag", "edited-free", "port-deactivate", "port-free", "back-user", "held-bulk-1",
                             "held-bulk-2", "offline-bulk-1", "offline-bulk-2", "offline-bulk-3"})
        config.enrollees.append(QString::fromLatin1(user));
    m_sandbox = new SandboxServer(config, this);
    QVERIFY(m_sandbox->listen(QHostAddress::LocalHost, 0).ok());
    connect(m_sandbox, &SandboxServer::requestHandled, this,
            [this](const QString &userId, const QString &, int, const QString &) { ++m_received[userId]; });
    QString why;
    QVERIFY2(startTeamDatabase(m_pg, &why), qPrintable(why));
    QVERIFY2(addOfficer(m_pg, QStringLiteral("officer_a"), m_key, &m_a, &why), qPrintable(why));
    QVERIFY2(addOfficer(m_pg, QStringLiteral("officer_b"), m_key, &m_b, &why), qPrintable(why));
    QVERIFY2(m_pg.superExec({QStringLiteral("INSERT INTO enrollee.policy VALUES ('sandbox', 'deactivate'), "
                                            "('sandbox', 'flag-fraud'), ('sandbox', 'delete')")},
                            &why),
             qPrintable(why));
}

CliRun TestTeamOutage::act(Officer &officer, const QString &action, const QString &user)
{
    return officer.cli->run({action, user, QStringLiteral("--environment"), QStringLiteral("sandbox"),
                             QStringLiteral("--base-url"), m_sandbox->origin().toString(),
                             QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
                             officer.role + QStringLiteral("@example.org"), QStringLiteral("--reason"),
                             QStringLiteral("CASE-19"), QStringLiteral("--yes")});
}

// The kept copy of the team's policy, beside the checkpoint in the settings folder.
QString TestTeamOutage::policyFile(const Officer &officer) const
{
    const QDir settings = QFileInfo(officer.cli->settingsFile()).absoluteDir();
    const QStringList found = settings.entryList({QStringLiteral("team-*.policy")}, QDir::Files);
    return found.size() == 1 ? settings.filePath(found.first()) : QString();
}

// A console connected to the team that has recorded nothing has no chain key yet; it still checks the
// team trail's chain (others' records) and says it keeps no checkpoint yet.
void TestTeamOutage::freshConsoleVerifiesTheTeamTrail()
{
    const CliRun acted = act(m_b, QStringLiteral("reactivate"), QStringLiteral("b-user"));
    QVERIFY2(acted.exitCode == 0, qPrintable(acted.describe()));
    QCOMPARE(m_received.value(QStringLiteral("b-user")), 1);
    m_b.cli->run({QStringLiteral("team"), QStringLiteral("status")}); // hands B's records over
    QVERIFY(superCount(m_pg, QStringLiteral("SELECT count(*) FROM enrollee.trail")) > 0);

    const CliRun verified = m_a.cli->run({QStringLiteral("history"), QStringLiteral("--verify")});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.describe()));
    QVERIFY2(verified.out.contains("Team trail intact"), verified.out.constData());
    QVERIFY2(verified.out.contains("no checkpoint"), verified.out.constData());
}

void TestTeamOutage::heldWhenTheDatabaseIsStopped()
{
    // One free action reads the team's policy, and keeps it.
    const CliRun free = act(m_a, QStringLiteral("reactivate"), QStringLiteral("a-free"));
    QVERIFY2(free.exitCode == 0, qPrintable(free.describe()));
    QCOMPARE(m_received.value(QStringLiteral("a-free")), 1);
    QVERIFY(!policyFile(m_a).isEmpty());

    QString why;
    QVERIFY2(m_pg.stop(&why), qPrintable(why));
    const QList<std::pair<QString, QString>> named{{QStringLiteral("deactivate"), QStringLiteral("held-deactivate")},
                                                   {QStringLiteral("flag-fraud"), QStringLiteral("held-flag")},
                                                   {QStringLiteral("delete"), QStringLiteral("held-delete")}};
    for (const auto &[action, user] : named) {
        const CliRun held = act(m_a, action, user);
        QVERIFY2(held.exitCode == 7, qPrintable(action + QStringLiteral(": ") + held.describe()));
        QVERIFY2(held.err.contains(kHeld), held.err.constData());
        QVERIFY2(held.err.contains("second officer"), held.err.constData());
        QCOMPARE(m_received.value(user), 0);
    }
    // A bulk run of an action it names is held as well (the same code as a single action), nothing sent.
    QFile input(m_a.cli->home() + QStringLiteral("/held-ids.txt"));
    QVERIFY(input.open(QIODevice::WriteOnly));
    input.write("held-bulk-1\nheld-bulk-2\n");
    input.close();
    const CliRun bulk = m_a.cli->run({QStringLiteral("bulk"), QStringLiteral("deactivate"), QStringLiteral("--input"),
                                      input.fileName(), QStringLiteral("--environment"), QStringLiteral("sandbox"),
                                      QStringLiteral("--base-url"), m_sandbox->origin().toString(),
                                      QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
                                      QStringLiteral("officer_a@example.org"), QStringLiteral("--reason"),
                                      QStringLiteral("CASE-19"), QStringLiteral("--yes")});
    QVERIFY2(bulk.exitCode == 7, qPrintable(bulk.describe()));
    QVERIFY2(bulk.err.contains("Held: the team's policy cannot be checked"), bulk.err.constData());
    QCOMPARE(m_received.value(QStringLiteral("held-bulk-1")) + m_received.value(QStringLiteral("held-bulk-2")), 0);
    // What the policy as last read leaves free stays free offline: recorded locally and sent.
    const CliRun offline = act(m_a, QStringLiteral("reactivate"), QStringLiteral("a-free-offline"));
    QVERIFY2(offline.exitCode == 0, qPrintable(offline.describe()));
    QCOMPARE(m_received.value(QStringLiteral("a-free-offline")), 1);
}

void TestTeamOutage::verifyWhileStoppedCannotCheckNow()
{
    QVERIFY(!m_pg.running());
    const CliRun verified = m_a.cli->run({QStringLiteral("history"), QStringLiteral("--verify")});
    QVERIFY2(verified.exitCode == 4, qPrintable(verified.describe()));
    QVERIFY2(verified.err.contains("cannot be checked now"), verified.err.constData());
    QVERIFY2(!verified.err.contains("FAILED") && !verified.err.contains("altered")
                 && !verified.err.contains("check failed"),
             verified.err.constData());
}

// An edit of the kept copy (here: flag-fraud swapped for unflag-fraud) is caught by its MAC: the policy is
// then unknown, and everything is held, even what the genuine policy leaves free.
void TestTeamOutage::editedPolicyCopyHoldsEverything()
{
    QVERIFY(!m_pg.running());
    const QString path = policyFile(m_a);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    file.close();
    QVERIFY2(original.contains("\"flag-fraud\""), original.constData());
    const QByteArray edited = QByteArray(original).replace("\"flag-fraud\"", "\"unflag-fraud\"");
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(edited);
    file.close();

    for (const auto &[action, user] : {std::pair{QStringLiteral("flag-fraud"), QStringLiteral("edited-flag")},
                                       std::pair{QStringLiteral("reactivate"), QStringLiteral("edited-free")}}) {
        const CliRun held = act(m_a, action, user);
        QVERIFY2(held.exitCode == 7, qPrintable(action + QStringLiteral(": ") + held.describe()));
        QVERIFY2(held.err.contains(kHeld), held.err.constData());
        QVERIFY2(held.err.contains("was edited"), held.err.constData());
        QCOMPARE(m_received.value(user), 0);
    }
    // Garbage is no better than an edit.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("not a policy");
    file.close();
    QCOMPARE(act(m_a, QStringLiteral("reactivate"), QStringLiteral("edited-free")).exitCode, 7);
    QCOMPARE(m_received.value(QStringLiteral("edited-free")), 0);

    // The genuine copy back: what it leaves free goes again.
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(original);
    file.close();
    const CliRun again = act(m_a, QStringLiteral("reactivate"), QStringLiteral("edited-free"));
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    QCOMPARE(m_received.value(QStringLiteral("edited-free")), 1);
}

// A console whose settings point at a wrong port (after it read the policy once) holds too, and its
// history check cannot check now.
void TestTeamOutage::wrongPortHolds()
{
    QString why;
    QVERIFY2(m_pg.start(&why), qPrintable(why));
    QVERIFY(!policyFile(m_b).isEmpty()); // B read the policy when it acted
    QString conninfo;
    {
        QSettings settings(m_b.cli->settingsFile(), QSettings::IniFormat);
        conninfo = settings.value(QStringLiteral("team/conninfo")).toString();
        QVERIFY(conninfo.contains(QStringLiteral("port=%1").arg(m_pg.port())));
        settings.setValue(
            QStringLiteral("team/conninfo"),
            QString(conninfo).replace(QStringLiteral("port=%1").arg(m_pg.port()), QStringLiteral("port=1")));
    }
    const CliRun held = act(m_b, QStringLiteral("deactivate"), QStringLiteral("port-deactivate"));
    QVERIFY2(held.exitCode == 7, qPrintable(held.describe()));
    QVERIFY2(held.err.contains(kHeld), held.err.constData());
    QCOMPARE(m_received.value(QStringLiteral("port-deactivate")), 0);
    // Nothing is known of the policy at that address: even a reactivation waits.
    QCOMPARE(act(m_b, QStringLiteral("reactivate"), QStringLiteral("port-free")).exitCode, 7);
    QCOMPARE(m_received.value(QStringLiteral("port-free")), 0);
    const CliRun verified = m_b.cli->run({QStringLiteral("history"), QStringLiteral("--verify")});
    QVERIFY2(verified.exitCode == 4, qPrintable(verified.describe()));
    QVERIFY2(!verified.err.contains("FAILED") && !verified.err.contains("altered"), verified.err.constData());

    QSettings settings(m_b.cli->settingsFile(), QSettings::IniFormat);
    settings.setValue(QStringLiteral("team/conninfo"), conninfo);
}

// A bulk run of a free action while the database is stopped is recorded in the console's own copy and
// sent; its records reach the trail only when a process holding the chain key signs them. `bulk list` and
// `bulk show`, run first once the database is back, hold no key: they count the run from the copy, so
// what was sent reads as sent, not as never sent.
void TestTeamOutage::offlineBulkRunIsCountedFromTheCopy()
{
    QString why;
    QVERIFY2(m_pg.stop(&why), qPrintable(why));
    QFile input(m_a.cli->home() + QStringLiteral("/offline-ids.txt"));
    QVERIFY(input.open(QIODevice::WriteOnly));
    input.write("offline-bulk-1\noffline-bulk-2\noffline-bulk-3\n");
    input.close();
    const CliRun bulk = m_a.cli->run({QStringLiteral("bulk"), QStringLiteral("reactivate"), QStringLiteral("--input"),
                                      input.fileName(), QStringLiteral("--environment"), QStringLiteral("sandbox"),
                                      QStringLiteral("--base-url"), m_sandbox->origin().toString(),
                                      QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
                                      QStringLiteral("officer_a@example.org"), QStringLiteral("--reason"),
                                      QStringLiteral("CASE-19"), QStringLiteral("--yes")});
    QVERIFY2(bulk.exitCode == 0, qPrintable(bulk.describe()));
    for (const char *user : {"offline-bulk-1", "offline-bulk-2", "offline-bulk-3"})
        QCOMPARE(m_received.value(QString::fromLatin1(user)), 1);

    QVERIFY2(m_pg.start(&why), qPrintable(why));
    // The trail lacks the run: what follows can only count it from the copy.
    QCOMPARE(superCount(m_pg, QStringLiteral("SELECT count(*) FROM enrollee.trail WHERE body LIKE '%offline-bulk-%'")),
             qint64(0));
    const CliRun listed = m_a.cli->run({QStringLiteral("bulk"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
    const QJsonObject newest = listed.array().first().toObject();
    const QString runId = newest.value(QLatin1String("id")).toString();
    QVERIFY(!runId.isEmpty());
    const auto sent = [](const QJsonObject &counts) {
        return counts.value(QLatin1String("succeeded")).toInt() + counts.value(QLatin1String("already")).toInt();
    };
    QVERIFY2(sent(newest) == 3 && newest.value(QLatin1String("not_sent")).toInt() == 0,
             QJsonDocument(newest).toJson().constData());
    const CliRun shown = m_a.cli->run(
        {QStringLiteral("bulk"), QStringLiteral("show"), runId, QStringLiteral("--json")});
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.describe()));
    const QJsonObject counts = shown.object();
    QVERIFY2(sent(counts) == 3 && counts.value(QLatin1String("not_sent")).toInt() == 0
                 && counts.value(QLatin1String("unknown")).toInt() == 0,
             QJsonDocument(counts).toJson().constData());
    QCOMPARE(superCount(m_pg, QStringLiteral("SELECT count(*) FROM enrollee.trail WHERE body LIKE '%offline-bulk-%'")),
             qint64(0));
}

// With the database back, the same action takes the normal path: a request for a second officer.
void TestTeamOutage::databaseBackGoesThroughTheRequestPath()
{
    QVERIFY(m_pg.running());
    const qint64 before = requests();
    const CliRun asked = act(m_a, QStringLiteral("deactivate"), QStringLiteral("back-user"));
    QVERIFY2(asked.exitCode == 7, qPrintable(asked.describe()));
    QVERIFY2(!asked.err.contains(kHeld), asked.err.constData());
    QVERIFY2(asked.err.contains("awaiting approval"), asked.err.constData());
    QCOMPARE(requests(), before + 1);
    QCOMPARE(m_received.value(QStringLiteral("back-user")), 0);
    const QString id = QString::number(lastRequest());
    QCOMPARE(m_b.cli->run({QStringLiteral("approvals"), QStringLiteral("approve"), id}).exitCode, 0);
    const CliRun ran = m_a.cli->run({QStringLiteral("approvals"), QStringLiteral("run"), id});
    QVERIFY2(ran.exitCode == 0, qPrintable(ran.describe()));
    QCOMPARE(m_received.value(QStringLiteral("back-user")), 1);
    // Every check passes again, on both consoles.
    QCOMPARE(m_a.cli->run({QStringLiteral("history"), QStringLiteral("--verify")}).exitCode, 0);
    QCOMPARE(m_b.cli->run({QStringLiteral("history"), QStringLiteral("--verify")}).exitCode, 0);
}

QTEST_GUILESS_MAIN(TestTeamOutage)
#include "tst_team_outage.moc"
