// What the window says and where it puts the officer when an action cannot go as asked: a request that
// never reached the server is not blamed on Smile ID.
#include "profiles/ProfileController.h"
#include "support/ConsoleTest.h"

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

};

QTEST_MAIN(TestActionAdvice)
#include "tst_gui_action_advice.moc"
