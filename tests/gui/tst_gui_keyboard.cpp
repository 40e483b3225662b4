// Through the real window: Enter on a focused action button presses it, the
// focus stays on that button after the action (it does not jump to the demo list), and the Actions
// menu has mnemonics with "…" on the entry that opens a dialog.
#include "profiles/ProfileController.h"
#include "support/ConsoleTest.h"

#include <QMenu>

using namespace GuiTest;

class TestKeyboard : public ConsoleTest
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(startConsole("tst_gui_keyboard")); }
    void cleanupTestCase() { QVERIFY(forgetKeychainEntries({})); }

    void enterPressesTheFocusedButtonAndFocusStays()
    {
        QTRY_VERIFY(window()->profiles()->canSend());
        setUser(QStringLiteral("demo-user-001"));
        activate();
        auto *button = find<QAbstractButton>(window(), "deactivateButton");
        QTRY_VERIFY(button->isEnabled());
        button->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(button));
        const int before = sandbox()->requestCount();
        QTest::keyClick(button, Qt::Key_Return);
        QTRY_COMPARE(sandbox()->requestCount(), before + 1);
        QVERIFY(waitForResult());
        QVERIFY2(resultLine()->text().contains(QLatin1String("deactivated")), qPrintable(resultLine()->text()));
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(button));

        // Enter (keypad) does the same.
        auto *reactivate = find<QAbstractButton>(window(), "reactivateButton");
        reactivate->setFocus(Qt::TabFocusReason);
        QTest::keyClick(reactivate, Qt::Key_Enter);
        QTRY_COMPARE(sandbox()->requestCount(), before + 2);
        QVERIFY(waitForResult());
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(reactivate));
    }

    void actionsMenuHasMnemonics()
    {
        auto *menu = find<QMenu>(window(), "actionsMenu");
        QSet<QChar> letters;
        for (QAction *action : menu->actions()) {
            if (action->isSeparator())
                continue;
            const QString text = action->text();
            const qsizetype amp = text.indexOf(QLatin1Char('&'));
            QVERIFY2(amp >= 0 && amp + 1 < text.size(), qPrintable(text));
            letters.insert(text.at(amp + 1).toLower());
        }
        QCOMPARE(letters.size(), 6); // one distinct mnemonic each
        QCOMPARE(find<QAction>(window(), "deleteAction")->text(), QStringLiteral("De&lete…"));
        // The buttons keep the plain names.
        QCOMPARE(find<QAbstractButton>(window(), "deleteButton")->text(), QStringLiteral("Delete"));
        QCOMPARE(find<QAbstractButton>(window(), "flagFraudButton")->text(), QStringLiteral("Flag as fraud"));
    }
};

QTEST_MAIN(TestKeyboard)
#include "tst_gui_keyboard.moc"
