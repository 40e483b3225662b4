// The console on a desktop without a keychain (no D-Bus session): it must say so plainly, keep a
// profile's API key in memory for the session, and still act with it — never writing it to disk.
#include "actions/ActionController.h"
#include "profiles/ProfileController.h"
#include "sandbox/SandboxServer.h"
#include "settings/CredentialStore.h"
#include "support/ConsoleTest.h"
#include "widgets/InfoBar.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>

using namespace GuiTest;

class TestKeychainless : public QObject
{
    Q_OBJECT

private:
    // Labels of the window whose text repeats the keychain's raw error.
    static QStringList rawErrorLabels(const QWidget *window, const QString &raw)
    {
        QStringList found;
        for (const QLabel *label : window->findChildren<QLabel *>()) {
            if (label->isVisible() && label->text().contains(raw))
                found << label->objectName();
        }
        return found;
    }

    QTemporaryDir m_home;
    std::unique_ptr<Console> m_console;

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolate("tst_gui_keychainless");
        m_console = std::make_unique<Console>(m_home.path());
        QVERIFY(m_console->start());
    }

    void saysSoPlainlyAndKeepsTheKeyForTheSession()
    {
        MainWindow *window = m_console->window.get();
        CredentialStore *credentials = m_console->context->credentials();
        SandboxServer *sandbox = m_console->context->sandbox();
        // The audit key lookup at start-up already met the missing keychain.
        QTRY_VERIFY(!credentials->available());
        auto *bar = find<InfoBar>(window, "keychainBar");
        QTRY_VERIFY(bar->isVisible());
        QVERIFY2(bar->text().contains(QLatin1String("No keychain")), qPrintable(bar->text()));
        QVERIFY(bar->text().contains(QLatin1String("this session only")));
        // The system's raw error is not repeated around the window; it is one
        // click away ("Details…"), and the profile bar stays one line high.
        const QString raw = credentials->unavailableReason();
        QVERIFY(!raw.isEmpty());
        QCOMPARE(rawErrorLabels(window, raw), QStringList());
        auto *details = find<QAbstractButton>(window, "keychainBarAction");
        QVERIFY(details->isVisible());
        QTest::mouseClick(details, Qt::LeftButton);
        QTRY_COMPARE(m_console->prompts.asked().value(0), QStringLiteral("information:Why no keychain is available"));
        if (auto *box = topLevel<QDialog>("informationBox")) {
            QVERIFY(box->findChild<QLabel *>() != nullptr);
            box->reject();
        }
        // The check does not claim more than a key kept beside the history allows: whoever can rewrite
        // the files can read that key too.
        auto *verification = find<QLabel>(window, "historyVerification");
        QTRY_VERIFY(verification->text().startsWith(QLatin1String("History intact")));
        QVERIFY2(verification->text().contains(QLatin1String("beside the history")), qPrintable(verification->text()));
        auto *keyStatus = find<QLabel>(window, "keyStatusLabel");
        const int oneLine = keyStatus->fontMetrics().height();

        // Add a profile through the real dialog.
        QTest::mouseClick(find<QAbstractButton>(window, "manageProfilesButton"), Qt::LeftButton);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = topLevel<QDialog>("profileDialog")) != nullptr);
        QVERIFY(find<QLabel>(dialog, "keychainNote")->text().contains(QLatin1String("No keychain is available")));
        QVERIFY(!find<QLabel>(dialog, "keychainNote")->text().contains(raw)); // the raw error is not repeated here
        auto *key = find<QLineEdit>(dialog, "apiKeyEdit");
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        QTest::keyClicks(find<QLineEdit>(dialog, "profileNameEdit"), QStringLiteral("Acme test"));
        QTest::keyClicks(find<QLineEdit>(dialog, "partnerIdEdit"), QStringLiteral("001"));
        QTest::keyClicks(find<QLineEdit>(dialog, "operatorEmailEdit"), QStringLiteral("officer@acme.example"));
        auto *env = find<QComboBox>(dialog, "environmentCombo");
        env->setCurrentIndex(env->findData(QStringLiteral("sandbox")));
        auto *use = find<QAbstractButton>(dialog, "useProfileButton");
        QVERIFY(!use->isEnabled()); // no key yet
        QVERIFY(find<QLabel>(dialog, "profileErrorLabel")->text().contains(QLatin1String("API key")));
        QTest::keyClicks(find<QLineEdit>(dialog, "baseUrlEdit"), sandbox->origin().toString());
        QTest::keyClicks(key, QStringLiteral("sandbox-demo-key"));
        QVERIFY(use->isEnabled());
        QSignalSpy saved(window->profiles(), &ProfileController::saveFinished);
        QTest::mouseClick(use, Qt::LeftButton);
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(saved.first().at(1).toBool(), false); // not in a keychain: session memory

        QTRY_COMPARE(window->profiles()->active().name, QStringLiteral("Acme test"));
        QTRY_VERIFY(window->profiles()->canSend());
        // A key held only in memory is not "ready" as a stored one would be.
        QCOMPARE(keyStatus->text(), QStringLiteral("API key in memory only"));
        QVERIFY(keyStatus->toolTip().contains(QLatin1String("this session only")));
        QVERIFY(keyStatus->sizeHint().height() < 2 * oneLine);
        QVERIFY(find<QWidget>(window, "profileBar")->sizeHint().height() < 3 * oneLine);
        QCOMPARE(rawErrorLabels(window, raw), QStringList());
        QVERIFY(window->windowTitle().contains(QLatin1String("Acme test")));
        QVERIFY(!find<QWidget>(window, "firstRunBar")->isVisible());

        // The in-memory key works for this session.
        auto *user = find<QLineEdit>(window, "userIdEdit");
        user->clear();
        QTest::keyClicks(user, QStringLiteral("demo-user-003"));
        const int before = sandbox->requestCount();
        QTest::mouseClick(find<QAbstractButton>(window, "deactivateButton"), Qt::LeftButton);
        QTRY_VERIFY(!window->actions()->isBusy());
        QCOMPARE(sandbox->requestCount(), before + 1);
        auto *result = find<QLabel>(window, "resultLine");
        QVERIFY2(result->text().contains(QLatin1String("deactivated")), qPrintable(result->text()));
        QVERIFY(!sandbox->registry().state(QStringLiteral("demo-user-003")).active);

        // Switching away and back still finds the session key.
        window->profiles()->activate(ProfileController::localProfileName());
        window->profiles()->activate(QStringLiteral("Acme test"));
        QTRY_VERIFY(window->profiles()->canSend());

        // Rename it through the dialog: the session key follows the profile.
        QTest::mouseClick(find<QAbstractButton>(window, "manageProfilesButton"), Qt::LeftButton);
        QTRY_VERIFY((dialog = topLevel<QDialog>("profileDialog")) != nullptr);
        auto *list = find<QListWidget>(dialog, "profileList");
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->currentItem()->text(), QStringLiteral("Acme test"));
        auto *name = find<QLineEdit>(dialog, "profileNameEdit");
        QCOMPARE(name->text(), QStringLiteral("Acme test"));
        QVERIFY(find<QLineEdit>(dialog, "apiKeyEdit")->text().isEmpty()); // never shown again
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Acme renamed"));
        saved.clear();
        QTest::mouseClick(find<QAbstractButton>(dialog, "saveProfileButton"), Qt::LeftButton);
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(list->currentItem()->text(), QStringLiteral("Acme renamed"));
        QTRY_COMPARE(window->profiles()->active().name, QStringLiteral("Acme renamed"));
        QTRY_VERIFY(window->profiles()->canSend());

        // Remove it (the confirmation goes through the seam): the window falls back to the local sandbox.
        m_console->prompts.setNextAnswer(true);
        QTest::mouseClick(find<QAbstractButton>(dialog, "removeProfileButton"), Qt::LeftButton);
        QTRY_COMPARE(list->count(), 0);
        QCOMPARE(m_console->prompts.asked().last(), QStringLiteral("confirm:Remove profile?"));
        QTRY_COMPARE(window->profiles()->active().name, ProfileController::localProfileName());
        dialog->reject();

        // And nothing under the test's home holds it.
        QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains("sandbox-demo-key"), qPrintable(file.fileName()));
        }
    }
};

int main(int argc, char *argv[])
{
    // No session bus: QtKeychain cannot reach a Secret Service, exactly as on a bare desktop.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    qunsetenv("DISPLAY"); // and no X11 autolaunch of a new bus
    QApplication app(argc, argv);
    TestKeychainless test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_gui_keychainless.moc"
