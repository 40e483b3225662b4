// What the window says and where it puts the officer when an action cannot go as asked: a request that
// never reached the server is not blamed on Smile ID; an action refused for want of a reason puts the
// keyboard in the reason field; several pasted user IDs are pointed (and carried) to the Bulk tab; a
// very long user ID neither widens the window for good nor hides the delete dialog's first line.
#include "bulk/BulkPanel.h"
#include "profiles/ProfileController.h"
#include "support/ConsoleTest.h"

#include <QClipboard>
#include <QLayout>
#include <QTcpServer>

using namespace GuiTest;

class TestActionAdvice : public ConsoleTest
{
    Q_OBJECT

private:
    const QString kDeadProfile = QStringLiteral("Nobody listens");

    QWidget *followUp() const { return find<QWidget>(window(), "followUpBar"); }
    QTabWidget *tabs() const { return find<QTabWidget>(window(), "mainTabs"); }

private slots:
    void initTestCase() { QVERIFY(startConsole("tst_gui_action_advice")); }
    void cleanupTestCase() { QVERIFY(forgetKeychainEntries({kDeadProfile})); }

    // Connection refused: nothing reached the server, and nothing on screen says Smile ID failed.
    void unreachableServerIsNotBlamedOnSmileId()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        Profile p;
        p.name = kDeadProfile;
        p.partnerId = QStringLiteral("001");
        p.email = QStringLiteral("officer@acme.example");
        p.environment = Environment::Local;
        p.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        QSignalSpy saved(window()->profiles(), &ProfileController::saveFinished);
        window()->profiles()->save(p, QByteArrayLiteral("sandbox-demo-key"));
        QVERIFY(saved.wait(10000) || saved.size() == 1);
        window()->profiles()->activate(kDeadProfile);
        QTRY_COMPARE(window()->profiles()->active().name, kDeadProfile);

        setUser(QStringLiteral("demo-user-001"), QStringLiteral("CASE-6"));
        auto *deactivate = find<QAbstractButton>(window(), "deactivateButton");
        QTRY_VERIFY_WITH_TIMEOUT(deactivate->isEnabled(), 10000); // once the profile's key is read
        QTest::mouseClick(deactivate, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([this] { return !window()->actions()->isBusy(); }, 30000));
        const QString advice = find<QLabel>(window(), "resultAdvice")->text();
        QVERIFY2(advice.contains(QStringLiteral("Nothing reached the server")),
                 qPrintable(resultLine()->text() + QStringLiteral(" / ") + advice));
        QVERIFY(followUp()->isVisible());
        const QString said = find<QLabel>(window(), "followUpText")->text();
        QVERIFY2(!said.contains(QStringLiteral("Smile ID had a problem")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("Nothing was applied")), qPrintable(said));
        QVERIFY(find<QAbstractButton>(window(), "retryButton")->isVisible());
        window()->profiles()->activate(ProfileController::localProfileName());
        QTRY_COMPARE(window()->profiles()->active().name, ProfileController::localProfileName());
    }

    // Flag as fraud needs a reason: refused without one, the focus goes to the reason field, and what
    // the officer types next is the reason.
    void refusedForWantOfAReasonFocusesTheReason()
    {
        activate();
        setUser(QStringLiteral("demo-user-002"));
        auto *flag = find<QAbstractButton>(window(), "flagFraudButton");
        QTRY_VERIFY_WITH_TIMEOUT(flag->isEnabled(), 10000);
        flag->setFocus();
        QTest::mouseClick(flag, Qt::LeftButton);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(reasonEdit()));
        QVERIFY2(find<QLabel>(window(), "reasonHint")->text().contains(QStringLiteral("needs a reason")),
                 qPrintable(find<QLabel>(window(), "reasonHint")->text()));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("CASE-12"));
        QCOMPARE(reasonEdit()->text(), QStringLiteral("CASE-12"));
        QCOMPARE(userEdit()->text(), QStringLiteral("demo-user-002"));
    }

    // Several lines pasted into User ID: the hint names the Bulk tab, and the button carries them there.
    void pastedListPointsToTheBulkTab()
    {
        userEdit()->clear();
        QApplication::clipboard()->setText(QStringLiteral("demo-user-001\r\ndemo-user-002\ndemo-user-003\n"));
        userEdit()->setFocus();
        userEdit()->paste();
        const QString hint = find<QLabel>(window(), "userIdHint")->text();
        QVERIFY2(hint.contains(QStringLiteral("Bulk tab")), qPrintable(hint));
        QVERIFY2(hint.contains(QStringLiteral("3 user IDs")), qPrintable(hint));
        QVERIFY2(!hint.contains(QStringLiteral("rather than pasting")), qPrintable(hint));
        auto *toBulk = find<QAbstractButton>(window(), "userIdsToBulkButton");
        QVERIFY(toBulk->isVisible());
        QTest::mouseClick(toBulk, Qt::LeftButton);
        auto *bulk = find<BulkPanel>(window(), "bulkPanel");
        QVERIFY(bulk);
        QTRY_COMPARE(tabs()->currentWidget()->isAncestorOf(bulk) || tabs()->currentWidget() == bulk, true);
        QCOMPARE(find<QPlainTextEdit>(window(), "bulkInputEdit")->toPlainText(),
                 QStringLiteral("demo-user-001\ndemo-user-002\ndemo-user-003"));
        QVERIFY(userEdit()->text().isEmpty());
        tabs()->setCurrentIndex(0);
    }

    // A 120-character user ID, acted on: the window is as wide as before once a short ID is back, the
    // target line is elided with the full ID in its tooltip, and the delete dialog's first line stays whole.
    void longUserIdDoesNotWidenTheWindow()
    {
        tabs()->setCurrentIndex(0);
        window()->resize(1100, 700);
        QTRY_COMPARE(window()->width(), 1100);
        const int minimum = window()->minimumSizeHint().width();
        const QString longId = QStringLiteral("long-") + QString(115, QLatin1Char('x'));
        sandbox()->registry().add(longId);
        setUser(longId, QStringLiteral("CASE-LONG"));
        auto *deactivate = find<QAbstractButton>(window(), "deactivateButton");
        QTRY_VERIFY_WITH_TIMEOUT(deactivate->isEnabled(), 10000);
        QTest::mouseClick(deactivate, Qt::LeftButton);
        QVERIFY(waitForResult());
        QApplication::processEvents();
        auto *target = find<QLabel>(window(), "actionTarget");
        QVERIFY2(target->text().size() < longId.size(), qPrintable(target->text()));
        QVERIFY(target->toolTip().contains(longId));
        QVERIFY(target->accessibleName().contains(longId));
        QVERIFY2(window()->minimumSizeHint().width() <= minimum,
                 qPrintable(QStringLiteral("%1 > %2").arg(window()->minimumSizeHint().width()).arg(minimum)));
        QCOMPARE(window()->width(), 1100);

        setUser(QStringLiteral("demo-user-001"));
        QApplication::processEvents();
        QVERIFY(window()->minimumSizeHint().width() <= minimum);
        QCOMPARE(window()->width(), 1100);

        // The delete dialog, half-way through typing the long ID: every line of its summary is shown.
        setUser(longId, QStringLiteral("CASE-LONG"));
        auto *remove = find<QAbstractButton>(window(), "deleteButton");
        QTRY_VERIFY_WITH_TIMEOUT(remove->isEnabled(), 10000);
        QTest::mouseClick(remove, Qt::LeftButton);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = topLevel<QDialog>("deleteConfirmDialog")) != nullptr);
        auto *summary = find<QLabel>(dialog, "deleteSummary");
        QTest::keyClicks(find<QLineEdit>(dialog, "deleteConfirmEdit"), longId.left(60));
        QApplication::processEvents();
        dialog->layout()->activate();
        QVERIFY2(summary->height() >= summary->heightForWidth(summary->width()),
                 qPrintable(
                     QStringLiteral("%1 < %2").arg(summary->height()).arg(summary->heightForWidth(summary->width()))));
        QVERIFY(summary->geometry().top() >= 0);
        QVERIFY(dialog->width() <= window()->width());
        dialog->reject();
        QVERIFY(waitForResult());
    }
};

QTEST_MAIN(TestActionAdvice)
#include "tst_gui_action_advice.moc"
