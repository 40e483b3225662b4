// Which user an action is for, and whether it may go, through the real window: one target at a time (the
// demo list, the field and "Acting on" agree, and the field is locked while a request is in flight),
// no action offered for a user this console knows is deleted, the Lookup tab warns when the history
// check found breaks, and the reason rule from the settings refuses "x".
#include "api/EnrolleeClient.h"
#include "history/HistoryPanel.h"
#include "profiles/ProfileController.h"
#include "support/ConsoleTest.h"

#include <QAction>
#include <QDirIterator>
#include <QListWidget>

using namespace GuiTest;

class TestActionTarget : public ConsoleTest
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(startConsole("tst_gui_action_target")); }
    void cleanupTestCase() { QVERIFY(forgetKeychainEntries({})); }

    void init()
    {
        ConsoleTest::init();
        QTRY_VERIFY(window()->profiles()->canSend());
    }

    void demoListFollowsTheField()
    {
        auto *list = find<QListWidget>(window(), "demoEnrolleeList");
        QTRY_VERIFY(list->count() > 0);
        QTest::keyClicks(userEdit(), QStringLiteral("demo-user-003"));
        QVERIFY(list->currentItem());
        QCOMPARE(list->currentItem()->text(), QStringLiteral("demo-user-003"));
        QCOMPARE(find<QLabel>(window(), "actionTarget")->text(), QStringLiteral("Acting on user \"demo-user-003\""));
        // Another ID, or none: nothing stays highlighted that the field does not name.
        QTest::keyClick(userEdit(), Qt::Key_Backspace);
        QVERIFY(list->selectedItems().isEmpty());
        userEdit()->clear();
        QVERIFY(list->selectedItems().isEmpty());
        QCOMPARE(find<QLabel>(window(), "actionTarget")->text(), QStringLiteral("No user selected."));
    }

    void targetIsLockedWhileInFlight()
    {
        const int timeout = hangRequests();
        setUser(QStringLiteral("demo-user-004"));
        QTest::mouseClick(find<QAbstractButton>(window(), "deactivateButton"), Qt::LeftButton);
        QTRY_VERIFY(window()->actions()->isInFlight());

        // Typing or picking another user changes nothing: the action in flight keeps its own label.
        QVERIFY(userEdit()->isReadOnly());
        QVERIFY(!find<QListWidget>(window(), "demoEnrolleeList")->isEnabled());
        QTest::keyClicks(userEdit(), QStringLiteral("-other"));
        QCOMPARE(userEdit()->text(), QStringLiteral("demo-user-004"));
        QCOMPARE(find<QLabel>(window(), "actionTarget")->text(), QStringLiteral("Acting on user \"demo-user-004\""));
        QVERIFY(resultLine()->text().contains(QLatin1String("\"demo-user-004\"")));
        QVERIFY(find<QWidget>(window(), "busyIndicator")->isVisible());

        QVERIFY(waitForResult());
        answerAgain(timeout);
        QVERIFY(!userEdit()->isReadOnly());
        QVERIFY(find<QListWidget>(window(), "demoEnrolleeList")->isEnabled());
        QVERIFY(resultLine()->text().contains(QLatin1String("demo-user-004")));
    }

    void noActionForAKnownDeletedUser()
    {
        setUser(QStringLiteral("demo-user-005"), QStringLiteral("CASE-55"));
        m_console->prompts.setNextAnswer(true);
        QTest::mouseClick(find<QAbstractButton>(window(), "deleteButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        QTRY_COMPARE(find<QLabel>(window(), "knownStateLabel")->text().left(25),
                     QStringLiteral("Last known state: Deleted"));
        for (ActionKind kind : ActionInfo::all()) {
            auto *button = window()->findChild<QAbstractButton *>(buttonName(kind));
            QVERIFY2(!button->isEnabled(), qPrintable(buttonName(kind)));
            QVERIFY2(button->toolTip().contains(QLatin1String("2208")), qPrintable(button->toolTip()));
        }
        auto *why = find<QLabel>(window(), "actionsDisabledReason");
        QVERIFY(why->isVisible());
        QVERIFY2(why->text().contains(QLatin1String("deleted")), qPrintable(why->text()));
        // A shortcut sends nothing either.
        const int before = sandbox()->requestCount();
        activate();
        QTest::keySequence(window(), ActionPanel::shortcut(ActionKind::Deactivate));
        QVERIFY(waitForResult());
        QCOMPARE(sandbox()->requestCount(), before);

        // Another user: the actions are back, with their own tooltips.
        setUser(QStringLiteral("demo-user-001"));
        QTRY_VERIFY(find<QAbstractButton>(window(), "deactivateButton")->isEnabled());
        QVERIFY(!find<QAbstractButton>(window(), "deactivateButton")->toolTip().contains(QLatin1String("2208")));
        QVERIFY(!why->isVisible());
    }

    void shortReasonIsRefusedByTheRule()
    {
        setUser(QStringLiteral("demo-user-002"), QStringLiteral("x"));
        const int before = sandbox()->requestCount();
        QTest::mouseClick(find<QAbstractButton>(window(), "flagFraudButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        QCOMPARE(sandbox()->requestCount(), before);
        QVERIFY2(resultLine()->text().contains(QLatin1String("not sent")), qPrintable(resultLine()->text()));
        const QString advice = find<QLabel>(window(), "resultAdvice")->text();
        QVERIFY2(advice.contains(QLatin1String("too short")) && advice.contains(QLatin1String("at least 4")),
                 qPrintable(advice));
        QVERIFY(history(QStringLiteral("demo-user-002")).isEmpty());
    }

    // Runs last: it alters the history on disk.
    void lookupWarnsWhenTheHistoryWasAltered()
    {
        setUser(QStringLiteral("demo-user-003"), QStringLiteral("CASE-33"));
        QTest::mouseClick(find<QAbstractButton>(window(), "flagFraudButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        auto *warning = find<QLabel>(window(), "lookupIntegrityWarning");
        QVERIFY(!warning->isVisible());

        // One byte changed in the shard that holds the entry, as a careless edit would.
        QString shard;
        QDirIterator it(m_home.path() + QStringLiteral("/data/history"), {QStringLiteral("*.ini")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains("CASE-33"))
                shard = path;
        }
        QVERIFY(!shard.isEmpty());
        QFile file(shard);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        bytes[bytes.indexOf("CASE-33") + 5] = '4';
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        QVERIFY(file.flush());
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(5), QFileDevice::FileModificationTime));
        file.close();

        find<HistoryPanel>(window(), "historyPanel")->verify();
        QTRY_VERIFY_WITH_TIMEOUT(warning->isVisible(), 10000);
        QVERIFY2(warning->text().contains(QLatin1String("may have been altered")), qPrintable(warning->text()));
        QCOMPARE(find<QTabWidget>(window(), "mainTabs")->currentIndex(), 0);
    }
};

QTEST_MAIN(TestActionTarget)
#include "tst_gui_action_target.moc"
