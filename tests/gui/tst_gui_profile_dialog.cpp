// The Profiles dialog as an officer first meets it: a new form is not all red, a field is marked once it
// was touched, a key just saved to the keychain counts as present, and the buttons say what they do
// with one default.
#include "profiles/ProfileController.h"
#include "support/ConsoleTest.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QPointer>
#include <QPushButton>

using namespace GuiTest;

class TestProfileDialog : public ConsoleTest
{
    Q_OBJECT

private:
    const QString kProfile = QStringLiteral("Acme fresh");

    QDialog *openDialog()
    {
        activate();
        find<QAction>(window(), "manageProfilesAction")->trigger();
        QDialog *dialog = nullptr;
        if (!QTest::qWaitFor([&dialog] { return (dialog = topLevel<QDialog>("profileDialog")) != nullptr; }, 5000))
            return nullptr;
        return dialog;
    }
    QList<QLineEdit *> fields(QDialog *dialog) const
    {
        return {find<QLineEdit>(dialog, "profileNameEdit"), find<QLineEdit>(dialog, "partnerIdEdit"),
                find<QLineEdit>(dialog, "operatorEmailEdit"), find<QLineEdit>(dialog, "baseUrlEdit"),
                find<QLineEdit>(dialog, "apiKeyEdit")};
    }

private slots:
    void initTestCase() { QVERIFY(startConsole("tst_gui_profile_dialog")); }
    void cleanupTestCase() { QVERIFY(forgetKeychainEntries({kProfile})); }

    void buttonsSayWhatTheyDoWithOneDefault()
    {
        QDialog *dialog = openDialog();
        QVERIFY(dialog);
        auto *use = find<QPushButton>(dialog, "useProfileButton");
        auto *save = find<QPushButton>(dialog, "saveProfileButton");
        auto *close = find<QPushButton>(dialog, "closeProfilesButton");
        QCOMPARE(use->text().remove(QLatin1Char('&')), QStringLiteral("Use this profile"));
        QCOMPARE(save->text().remove(QLatin1Char('&')), QStringLiteral("Save"));
        QCOMPARE(close->text().remove(QLatin1Char('&')), QStringLiteral("Close"));
        int defaults = 0;
        for (QPushButton *b : dialog->findChild<QDialogButtonBox *>()->findChildren<QPushButton *>())
            defaults += b->isDefault() ? 1 : 0;
        QCOMPARE(defaults, 1);
        QVERIFY(use->isDefault());
        const QPointer<QDialog> closing(dialog); // closed, it deletes itself
        dialog->reject();
        QTRY_VERIFY(!closing || !closing->isVisible());
    }

    void newFormIsNotAllRedAndASavedKeyIsPresent()
    {
        QDialog *dialog = openDialog();
        QVERIFY(dialog);
        QTest::mouseClick(find<QAbstractButton>(dialog, "newProfileButton"), Qt::LeftButton);
        for (QLineEdit *field : fields(dialog)) {
            QVERIFY2(!field->property("invalid").toBool(), qPrintable(field->objectName()));
            QVERIFY2(field->styleSheet().isEmpty(), qPrintable(field->objectName()));
        }
        auto *partner = find<QLineEdit>(dialog, "partnerIdEdit");
        QTest::keyClicks(partner, QStringLiteral("0 85"));
        QVERIFY(partner->property("invalid").toBool());                                       // touched, and wrong
        QVERIFY(!find<QLineEdit>(dialog, "operatorEmailEdit")->property("invalid").toBool()); // not touched yet
        partner->clear();
        QTest::keyClicks(partner, QStringLiteral("001"));
        QTest::keyClicks(find<QLineEdit>(dialog, "profileNameEdit"), kProfile);
        QTest::keyClicks(find<QLineEdit>(dialog, "operatorEmailEdit"), QStringLiteral("officer@acme.example"));
        QTest::keyClicks(find<QLineEdit>(dialog, "baseUrlEdit"), sandbox()->origin().toString());
        auto *env = find<QComboBox>(dialog, "environmentCombo");
        env->setCurrentIndex(env->findData(QStringLiteral("local")));
        QTest::keyClicks(find<QLineEdit>(dialog, "apiKeyEdit"), QStringLiteral("sandbox-demo-key"));
        auto *save = find<QAbstractButton>(dialog, "saveProfileButton");
        QVERIFY(save->isEnabled());
        QSignalSpy saved(window()->profiles(), &ProfileController::saveFinished);
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE(saved.size(), 1);
        auto *status = find<QLabel>(dialog, "profileStatusLabel");
        QTRY_VERIFY(status->text().startsWith(QStringLiteral("Saved")));
        // The key now lives in the keychain: the empty key field is not a problem.
        for (QLineEdit *field : fields(dialog))
            QVERIFY2(!field->property("invalid").toBool(), qPrintable(field->objectName()));
        QVERIFY2(find<QLabel>(dialog, "profileErrorLabel")->text().isEmpty(),
                 qPrintable(find<QLabel>(dialog, "profileErrorLabel")->text()));
        QVERIFY(find<QAbstractButton>(dialog, "useProfileButton")->isEnabled());
        const QPointer<QDialog> closing(dialog); // closed, it deletes itself
        dialog->reject();
        QTRY_VERIFY(!closing || !closing->isVisible());
    }
};

QTEST_MAIN(TestProfileDialog)
#include "tst_gui_profile_dialog.moc"
