// Through the real window: the delete dialog names environment, profile, user and
// reason, says what Smile ID documents about a delete, hints at a typed ID that does not match, lets
// Enter delete once the ID matches (Cancel is the default only until then), and no busy bar spins
// behind it beside a stale message.
#include "profiles/ProfileController.h"
#include "support/ConsoleTest.h"

using namespace GuiTest;

class TestDeleteDialog : public ConsoleTest
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(startConsole("tst_gui_delete_dialog")); }
    void cleanupTestCase() { QVERIFY(forgetKeychainEntries({})); }

    void init()
    {
        ConsoleTest::init();
        QTRY_VERIFY(window()->profiles()->canSend());
    }

    void dialogNamesEverythingAndNothingSpinsBehindIt()
    {
        QDialog *dialog = openDelete(QStringLiteral("demo-user-001"), QStringLiteral("CASE-61 duplicate"));
        QVERIFY(dialog);
        const QString summary = find<QLabel>(dialog, "deleteSummary")->text();
        for (const QString &part : {environmentDisplayName(Environment::Local), window()->profiles()->active().name,
                                    QStringLiteral("demo-user-001"), QStringLiteral("CASE-61 duplicate")})
            QVERIFY2(summary.contains(part), qPrintable(summary));
        // What the current Smile ID page says: permanent, the ID is freed, re-enrolling is preferred.
        const QString explanation = find<QLabel>(dialog, "deleteExplanation")->text();
        QVERIFY2(explanation.contains(QLatin1String("cannot be undone")), qPrintable(explanation));
        QVERIFY(explanation.contains(QLatin1String("free to be used again")));
        QVERIFY(explanation.contains(QLatin1String("recommends re-enrolling")));
        QVERIFY(!explanation.contains(QLatin1String("can no longer be used")));
        // Behind it: no busy bar (nothing is on the wire), and the result line says what it waits for.
        QVERIFY(!find<QWidget>(window(), "busyIndicator")->isVisible());
        QVERIFY2(resultLine()->text().startsWith(QLatin1String("Waiting for your confirmation of Delete")),
                 qPrintable(resultLine()->text()));
        dialog->reject();
        QVERIFY(waitForResult());
        QVERIFY(resultLine()->text().contains(QLatin1String("cancelled")));
    }

    void wrongIdIsHintedAndEnterCancels()
    {
        const int before = sandbox()->requestCount();
        QDialog *dialog = openDelete(QStringLiteral("demo-user-002"), QStringLiteral("CASE-62"));
        QVERIFY(dialog);
        auto *edit = find<QLineEdit>(dialog, "deleteConfirmEdit");
        auto *hint = find<QLabel>(dialog, "deleteMismatchHint");
        QVERIFY(!hint->isVisible());
        QTest::keyClicks(edit, QStringLiteral("demo-user-02"));
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(QLatin1String("does not match")), qPrintable(hint->text()));
        QVERIFY(!find<QAbstractButton>(dialog, "deleteConfirmButton")->isEnabled());
        QSignalSpy finished(dialog, &QDialog::finished);
        QTest::keyClick(edit, Qt::Key_Return); // not the ID yet: Enter is Cancel
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toInt(), int(QDialog::Rejected));
        QVERIFY(waitForResult());
        QCOMPARE(sandbox()->requestCount(), before);
    }

    void enterDeletesOnceTheIdMatches()
    {
        const int before = sandbox()->requestCount();
        QDialog *dialog = openDelete(QStringLiteral("demo-user-003"), QStringLiteral("CASE-63"));
        QVERIFY(dialog);
        auto *edit = find<QLineEdit>(dialog, "deleteConfirmEdit");
        QTest::keyClicks(edit, QStringLiteral("demo-user-003"));
        QVERIFY(!find<QLabel>(dialog, "deleteMismatchHint")->isVisible());
        QTest::keyClick(edit, Qt::Key_Return);
        QVERIFY(waitForResult());
        QCOMPARE(sandbox()->requestCount(), before + 1);
        QVERIFY2(resultLine()->text().contains(QLatin1String("deleted")), qPrintable(resultLine()->text()));
        QVERIFY(sandbox()->registry().state(QStringLiteral("demo-user-003")).deleted);
    }

private:
    QDialog *openDelete(const QString &userId, const QString &reason)
    {
        setUser(userId, reason);
        QSignalSpy opened(&m_console->prompts, &PromptService::promptOpened);
        QTest::mouseClick(find<QAbstractButton>(window(), "deleteButton"), Qt::LeftButton);
        if (!QTest::qWaitFor([&opened] { return opened.size() == 1; }, 5000))
            return nullptr;
        auto *dialog = opened.first().first().value<QDialog *>();
        return QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
    }
};

QTEST_MAIN(TestDeleteDialog)
#include "tst_gui_delete_dialog.moc"
