// What keeps an officer from acting on the wrong thing, driven through the real window: a reason never
// travels to another user or profile, nothing switches profile while a request is in flight and a switch
// clears the old result and target, a profile whose environment disagrees with its Smile ID host is
// refused, and a request that got no answer is shown and recorded as unknown.
#include "api/EnrolleeClient.h"
#include "profiles/ProfileController.h"
#include "settings/AppSettings.h"
#include "support/ConsoleTest.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>

using namespace GuiTest;

class TestWindowSafety : public ConsoleTest
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(startConsole("tst_gui_window_safety"));
        // A second profile on the same loopback sandbox, so switching is real but nothing leaves.
        Profile other;
        other.name = QStringLiteral("Second sandbox");
        other.partnerId = QStringLiteral("001");
        other.email = QStringLiteral("officer@example.org");
        other.environment = Environment::Sandbox;
        other.baseUrl = sandbox()->origin();
        QSignalSpy saved(profiles(), &ProfileController::saveFinished);
        profiles()->save(other, QByteArrayLiteral("sandbox-demo-key"));
        QTRY_COMPARE(saved.size(), 1);
    }
    void cleanupTestCase() { QVERIFY(forgetKeychainEntries({QStringLiteral("Second sandbox")})); }

    void init()
    {
        ConsoleTest::init();
        if (profiles()->active().name != ProfileController::localProfileName())
            QVERIFY(profiles()->activate(ProfileController::localProfileName()));
        QTRY_VERIFY(profiles()->canSend());
    }

    void reasonIsClearedWhenTheUserChanges()
    {
        // A failure: the reason stays for the same user (a retry is for the same case)...
        setUser(QStringLiteral("nobody-a"), QStringLiteral("CASE-1"));
        QTest::mouseClick(find<QAbstractButton>(window(), "flagFraudButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        QVERIFY2(resultLine()->text().contains(QLatin1String("failed")), qPrintable(resultLine()->text()));
        QCOMPARE(reasonEdit()->text(), QStringLiteral("CASE-1"));
        // ...and never goes with another one.
        typeUser(QStringLiteral("demo-user-002"));
        QCOMPARE(reasonEdit()->text(), QString());
        QVERIFY(find<QLabel>(window(), "reasonHint")->text().contains(QLatin1String("cleared")));
        // Flag fraud for the new user now needs a reason of its own: nothing is sent.
        const int before = sandbox()->requestCount();
        QTest::mouseClick(find<QAbstractButton>(window(), "flagFraudButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        QCOMPARE(sandbox()->requestCount(), before);
        QVERIFY2(resultLine()->text().contains(QLatin1String("not sent")), qPrintable(resultLine()->text()));

        // A cancel: the same.
        setUser(QStringLiteral("demo-user-003"), QStringLiteral("CASE-2"));
        m_console->prompts.setNextAnswer(false);
        QTest::mouseClick(find<QAbstractButton>(window(), "deleteButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        QVERIFY(resultLine()->text().contains(QLatin1String("cancelled")));
        QCOMPARE(reasonEdit()->text(), QStringLiteral("CASE-2"));
        typeUser(QStringLiteral("demo-user-001"));
        QCOMPARE(reasonEdit()->text(), QString());
        QCOMPARE(sandbox()->requestCount(), before);
    }

    void reasonTargetAndResultAreClearedWhenTheProfileChanges()
    {
        setUser(QStringLiteral("nobody-b"), QStringLiteral("CASE-3"));
        QTest::mouseClick(find<QAbstractButton>(window(), "reactivateButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        QVERIFY(resultLine()->text().contains(QLatin1String("nobody-b")));
        chooseProfile(QStringLiteral("Second sandbox"));
        QCOMPARE(profiles()->active().name, QStringLiteral("Second sandbox"));
        QCOMPARE(reasonEdit()->text(), QString());
        QCOMPARE(userEdit()->text(), QString());
        QVERIFY(find<QLabel>(window(), "actionTarget")->text().contains(QLatin1String("No user")));
        QVERIFY2(!resultLine()->text().contains(QLatin1String("nobody-b")), qPrintable(resultLine()->text()));
        QVERIFY2(resultLine()->text().contains(QLatin1String("Second sandbox")), qPrintable(resultLine()->text()));
    }

    void noProfileSwitchWhileInFlightAndUnansweredIsUnknown()
    {
        const int timeout = hangRequests();
        setUser(QStringLiteral("demo-user-004"));
        QTest::mouseClick(find<QAbstractButton>(window(), "deactivateButton"), Qt::LeftButton);
        QTRY_VERIFY(window()->actions()->isInFlight());

        // Every way to switch is disabled or refused while it is in flight.
        auto *combo = find<QComboBox>(window(), "profileCombo");
        QVERIFY(!combo->isEnabled());
        QVERIFY(!find<QAbstractButton>(window(), "manageProfilesButton")->isEnabled());
        auto *manage = find<QAction>(window(), "manageProfilesAction");
        QVERIFY(!manage->isEnabled());
        manage->trigger();
        QVERIFY(!profiles()->activate(QStringLiteral("Second sandbox")));
        QCOMPARE(profiles()->active().name, ProfileController::localProfileName());
        QVERIFY(!topLevel<QDialog>("profileDialog"));

        // The timeout: shown and recorded as unknown, never as a failure.
        QVERIFY(waitForResult());
        answerAgain(timeout);
        QVERIFY2(resultLine()->text().contains(QLatin1String("outcome unknown")), qPrintable(resultLine()->text()));
        QVERIFY2(find<QLabel>(window(), "resultAdvice")->text().contains(QLatin1String("outcome unknown")),
                 qPrintable(find<QLabel>(window(), "resultAdvice")->text()));
        QCOMPARE(history(QStringLiteral("demo-user-004")).last().outcome, HistoryEntry::Outcome::Unknown);

        // Once it has ended, switching works and the old result does not follow.
        QVERIFY(combo->isEnabled());
        QVERIFY(manage->isEnabled());
        chooseProfile(QStringLiteral("Second sandbox"));
        QCOMPARE(profiles()->active().name, QStringLiteral("Second sandbox"));
        QVERIFY2(!resultLine()->text().contains(QLatin1String("demo-user-004")), qPrintable(resultLine()->text()));
        QCOMPARE(userEdit()->text(), QString());
    }

    void profileDialogRefusesAnEnvironmentTheHostContradicts()
    {
        activate();
        find<QAction>(window(), "manageProfilesAction")->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = topLevel<QDialog>("profileDialog")) != nullptr);
        QTest::mouseClick(find<QAbstractButton>(dialog, "newProfileButton"), Qt::LeftButton);
        QTest::keyClicks(find<QLineEdit>(dialog, "profileNameEdit"), QStringLiteral("Mislabelled"));
        QTest::keyClicks(find<QLineEdit>(dialog, "partnerIdEdit"), QStringLiteral("085"));
        QTest::keyClicks(find<QLineEdit>(dialog, "operatorEmailEdit"), QStringLiteral("o@example.org"));
        QTest::keyClicks(find<QLineEdit>(dialog, "apiKeyEdit"), QStringLiteral("some-key"));
        auto *environment = find<QComboBox>(dialog, "environmentCombo");
        auto *baseUrl = find<QLineEdit>(dialog, "baseUrlEdit");
        auto *error = find<QLabel>(dialog, "profileErrorLabel");
        auto *save = find<QAbstractButton>(dialog, "saveProfileButton");
        QTest::keyClicks(baseUrl, QStringLiteral("https://prod.smileidentity.com"));
        for (Environment env : {Environment::Local, Environment::Sandbox}) {
            environment->setCurrentIndex(environment->findData(environmentName(env)));
            QVERIFY2(error->text().contains(QLatin1String("prod.smileidentity.com")), qPrintable(error->text()));
            QVERIFY(!save->isEnabled());
            QVERIFY(!find<QAbstractButton>(dialog, "useProfileButton")->isEnabled());
        }
        environment->setCurrentIndex(environment->findData(environmentName(Environment::Production)));
        QVERIFY2(error->text().isEmpty(), qPrintable(error->text()));
        QVERIFY(save->isEnabled());
        dialog->reject();
        QVERIFY(!m_console->context->settings()->hasProfile(QStringLiteral("Mislabelled")));
    }

    void windowRefusesToActOnAMislabelledSavedProfile()
    {
        // Written by hand (or by an older version): the window still refuses to send with it.
        Profile bad;
        bad.name = QStringLiteral("Old mislabelled");
        bad.partnerId = QStringLiteral("085");
        bad.email = QStringLiteral("o@example.org");
        bad.environment = Environment::Local;
        bad.baseUrl = QUrl(QStringLiteral("https://prod.smileidentity.com"));
        QSignalSpy saved(profiles(), &ProfileController::saveFinished);
        profiles()->save(bad, QByteArrayLiteral("a-key"));
        QTRY_COMPARE(saved.size(), 1);
        QVERIFY(profiles()->activate(bad.name));
        QTRY_VERIFY(profiles()->canSend());
        setUser(QStringLiteral("demo-user-005"));
        const int before = sandbox()->requestCount();
        const qsizetype rows = history(QStringLiteral("demo-user-005")).size();
        QTest::mouseClick(find<QAbstractButton>(window(), "reEnrollButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        QVERIFY2(resultLine()->text().contains(QLatin1String("not sent")), qPrintable(resultLine()->text()));
        QVERIFY2(find<QLabel>(window(), "resultAdvice")->text().contains(QLatin1String("prod.smileidentity.com")),
                 qPrintable(find<QLabel>(window(), "resultAdvice")->text()));
        QCOMPARE(sandbox()->requestCount(), before);
        QCOMPARE(history(QStringLiteral("demo-user-005")).size(), rows);
        profiles()->remove(bad.name);
        QVERIFY(forgetKeychainEntries({bad.name}));
    }

private:
    ProfileController *profiles() const { return window()->profiles(); }

    // Types over the user ID, as an officer moving on to the next case does.
    void typeUser(const QString &userId)
    {
        userEdit()->selectAll();
        QTest::keyClick(userEdit(), Qt::Key_Backspace);
        QTest::keyClicks(userEdit(), userId);
    }

    // Picks a profile in the bar's combo with the keyboard, as an officer would.
    void chooseProfile(const QString &name)
    {
        auto *combo = find<QComboBox>(window(), "profileCombo");
        const int target = combo->findData(name);
        QVERIFY(target >= 0);
        QVERIFY(combo->isEnabled());
        while (combo->currentIndex() != target) {
            const int was = combo->currentIndex();
            QTest::keyClick(combo, combo->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
            QVERIFY(combo->currentIndex() != was);
        }
        QTRY_COMPARE(profiles()->active().name, name);
    }
};

QTEST_MAIN(TestWindowSafety)
#include "tst_gui_window_safety.moc"
