// A production profile (pointed at the loopback sandbox, which refuses production bodies — that is
// fine here): the banner and title marker, the extra confirmation asked through the prompt seam,
// declining sends nothing, and the delete dialog says production prominently.
#include "profiles/ProductionBanner.h"
#include "profiles/ProfileController.h"
#include "settings/AppSettings.h"
#include "support/ConsoleTest.h"

#include <QAbstractButton>
#include <QFile>

using namespace GuiTest;

class TestProduction : public ConsoleTest
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(startConsole("tst_gui_production")); }
    void cleanupTestCase() { QVERIFY(forgetKeychainEntries({QStringLiteral("Acme production")})); }

    void productionIsUnmistakableAndConfirmed()
    {
        ProfileController *profiles = window()->profiles();
        Profile prod;
        prod.name = QStringLiteral("Acme production");
        prod.partnerId = QStringLiteral("001");
        prod.email = QStringLiteral("officer@acme.example");
        prod.environment = Environment::Production;
        prod.baseUrl = sandbox()->origin(); // loopback: the sandbox refuses production bodies, which is fine here
        QSignalSpy saved(profiles, &ProfileController::saveFinished);
        profiles->save(prod, QByteArrayLiteral("sandbox-demo-key"));
        QTRY_COMPARE(saved.size(), 1);
        profiles->activate(prod.name);
        QTRY_VERIFY(profiles->canSend());
        QVERIFY(window()->windowTitle().contains(QLatin1String("[PRODUCTION]")));
        QVERIFY(window()->windowTitle().contains(QLatin1String("Enrollee Console")));
        auto *banner = find<ProductionBanner>(window(), "productionBanner");
        QVERIFY(banner->isProduction() && banner->isVisible());
        QVERIFY(banner->text().contains(QLatin1String("PRODUCTION")));
        QFile settingsFile(m_console->context->settings()->fileName());
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        QVERIFY(!settingsFile.readAll().contains("sandbox-demo-key"));

        // Declined confirmation: nothing is sent or recorded.
        setUser(QStringLiteral("demo-user-002"), QStringLiteral("CASE-11"));
        const int before = sandbox()->requestCount();
        m_console->prompts.setNextAnswer(false);
        QTest::mouseClick(find<QAbstractButton>(window(), "deactivateButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        QVERIFY2(resultLine()->text().contains(QLatin1String("Deactivate of \"demo-user-002\" cancelled")),
                 qPrintable(resultLine()->text()));
        QVERIFY(m_console->prompts.asked().last().startsWith(QLatin1String("confirm:")));
        QCOMPARE(sandbox()->requestCount(), before);

        // Accepted: it is sent (and the sandbox refuses a production body, shown in plain words).
        m_console->prompts.setNextAnswer(true);
        activate();
        QTest::keySequence(window(), ActionPanel::shortcut(ActionKind::FlagFraud));
        QVERIFY(waitForResult());
        QVERIFY2(resultLine()->text().contains(QLatin1String("failed")), qPrintable(resultLine()->text()));
        QCOMPARE(sandbox()->requestCount(), before + 1);

        // Reactivate, Unflag fraud and Re-enroll change a real enrollee too, so they are asked about as well,
        // each in its own grammatical words; declined, nothing is sent.
        for (const char *button : {"reactivateButton", "unflagFraudButton", "reEnrollButton"}) {
            QSignalSpy question(&m_console->prompts, &PromptService::promptOpened);
            QTest::mouseClick(find<QAbstractButton>(window(), button), Qt::LeftButton);
            QTRY_COMPARE(question.size(), 1);
            auto *box = question.first().first().value<QDialog *>();
            QCOMPARE(box->objectName(), QStringLiteral("confirmBox"));
            box->reject();
            QVERIFY(waitForResult());
        }
        QCOMPARE(sandbox()->requestCount(), before + 1);
        auto text = [](ActionKind kind) {
            ActionRequest request;
            request.action = kind;
            request.userId = QStringLiteral("u-7");
            request.reason = QStringLiteral("CASE-7");
            request.profile.name = QStringLiteral("Live");
            request.profile.partnerId = QStringLiteral("085");
            return ActionController::confirmationText(request);
        };
        QVERIFY2(text(ActionKind::FlagFraud)
                     .startsWith(QLatin1String("You are about to flag user \"u-7\" as "
                                               "fraudulent in PRODUCTION (profile \"Live\"")),
                 qPrintable(text(ActionKind::FlagFraud)));
        QVERIFY(
            text(ActionKind::UnflagFraud).startsWith(QLatin1String("You are about to lift the fraud flag on user")));
        QVERIFY(
            text(ActionKind::ReEnroll).startsWith(QLatin1String("You are about to allow user \"u-7\" to re-enroll")));
        QVERIFY(text(ActionKind::Deactivate).contains(QLatin1String("Reason: CASE-7")));

        // The delete dialog says production prominently.
        QSignalSpy opened(&m_console->prompts, &PromptService::promptOpened);
        QTest::mouseClick(find<QAbstractButton>(window(), "deleteButton"), Qt::LeftButton);
        QTRY_COMPARE(opened.size(), 1);
        auto *dialog = opened.first().first().value<QDialog *>();
        QVERIFY(find<QLabel>(dialog, "deleteProductionWarning")->isVisible());
        dialog->reject();
        QTRY_VERIFY(!window()->actions()->isBusy());
        QCOMPARE(sandbox()->requestCount(), before + 1);

        // A restart remembers the production profile, and the very first frame already says so.
        window()->close();
        m_console->window = std::make_unique<MainWindow>(m_console->context.get(), &m_console->prompts);
        QVERIFY(window()->windowTitle().contains(QLatin1String("[PRODUCTION]")));
        QVERIFY(find<ProductionBanner>(window(), "productionBanner")->isProduction());
        window()->show();
        QVERIFY(QTest::qWaitForWindowExposed(window()));
        profiles = window()->profiles();
        banner = find<ProductionBanner>(window(), "productionBanner");
        QTRY_VERIFY(profiles->canSend());

        profiles->activate(ProfileController::localProfileName());
        QVERIFY(!window()->windowTitle().contains(QLatin1String("[PRODUCTION]")));
        QVERIFY(!banner->isProduction());
    }
};

QTEST_MAIN(TestProduction)
#include "tst_gui_production.moc"
