// A bulk run on the built-in sandbox outlives the session: after a restart the sandbox listens on another
// port, and resuming the run (or retrying it) sends to the sandbox running now, each row once. A run
// whose address answers nothing pauses at once and says so, instead of failing every row slowly.
#include "BulkGuiTest.h"
#include "profiles/ProfileController.h"

#include <QHash>

using namespace GuiTest;

class TestGuiBulkRestart : public BulkGuiTest
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(startConsole("tst_gui_bulk_restart"));
        m_console->prompts.setOpensUrls(false);
    }
    void cleanupTestCase() { QVERIFY(forgetKeychainEntries({})); }

    void resumeAfterARestartGoesToTheSandboxRunningNow()
    {
        QStringList users = registered(QStringLiteral("moved"), 30);
        users.append(QStringLiteral("moved-nobody")); // unknown to the sandbox: it fails, to be retried
        QHash<QString, int> received;
        const auto count = [&received](const QString &userId) { ++received[userId]; };
        connect(sandbox(), &SandboxServer::requestHandled, this, count);
        paste(users, ActionKind::Deactivate, 10);
        QVERIFY(startRun());
        QVERIFY(QTest::qWaitFor([this] { return panel()->run()->counts().succeeded >= 4; }, 10000));
        QTest::mouseClick(button("bulkPauseButton"), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([this] { return paused(); }, 10000));
        const QString id = panel()->run()->record().id;
        const quint16 oldPort = sandbox()->port();
        const int sentBefore = int(received.size());
        QVERIFY(sentBefore < 30);

        QVERIFY(restart()); // the window closes, its sandbox stops; another starts
        QVERIFY(sandbox()->port() != oldPort);
        const QMetaObject::Connection counting = connect(sandbox(), &SandboxServer::requestHandled, this, count);
        QTRY_VERIFY(panel() != nullptr);
        QVERIFY(choose(id));
        QTRY_VERIFY(button("bulkResumeRunButton")->isEnabled());
        QVERIFY(startRun("bulkResumeRunButton"));
        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 30000));
        QCOMPARE(panel()->run()->record().state, BulkRecord::State::Finished);
        QCOMPARE(panel()->run()->counts().succeeded, 30);
        for (const QString &user : users)
            QVERIFY2(received.value(user) == 1, qPrintable(user));

        // The failed row, retried in this session, goes to this sandbox too.
        sandbox()->registry().add(QStringLiteral("moved-nobody"));
        QVERIFY(startRun("bulkRetryButton"));
        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 20000));
        QCOMPARE(panel()->run()->counts().succeeded, 1);
        QCOMPARE(received.value(QStringLiteral("moved-nobody")), 2);
        disconnect(counting);
    }

    void unreachableAddressPausesTheRun()
    {
        // A run whose sandbox answers nothing (here: a port nothing listens on).
        CoreContext *core = m_console->context->core();
        core->setBuiltInSandbox(ProfileController::localProfileName(), QUrl(QStringLiteral("http://127.0.0.1:1")));
        paste(registered(QStringLiteral("nowhere"), 40), ActionKind::Deactivate, 0);
        QVERIFY(startRun());
        QVERIFY(QTest::qWaitFor([this] { return paused(); }, 30000));
        const BulkCounts c = panel()->run()->counts();
        QVERIFY2(c.failed <= 4, qPrintable(QString::number(c.failed))); // at most the rows in flight
        QVERIFY(c.notSent >= 36);
        const QString state = find<QLabel>(window(), "bulkState")->text();
        QVERIFY2(state.contains(QLatin1String("127.0.0.1:1")) && state.contains(QLatin1String("Nothing answers")),
                 qPrintable(state));
        core->setBuiltInSandbox(ProfileController::localProfileName(), sandbox()->origin());
        // Resumed from the list, as after a restart: the run goes where the sandbox listens now.
        QVERIFY(choose(panel()->run()->record().id));
        QTRY_VERIFY(button("bulkResumeRunButton")->isEnabled());
        QVERIFY(startRun("bulkResumeRunButton"));
        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 30000));
        QCOMPARE(panel()->run()->counts().succeeded, 40 - c.failed);
    }
};

QTEST_MAIN(TestGuiBulkRestart)
#include "tst_gui_bulk_restart.moc"
