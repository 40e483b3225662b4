// Drives the real MainWindow, offscreen, against the embedded sandbox: lookup, every action by click
// and by shortcut, the delete dialog, cancellation, production safeguards, layout restore.
#include "GuiTestSupport.h"

#include "ActionController.h"
#include "ActionPanel.h"
#include "AppSettings.h"
#include "AuditKey.h"
#include "CredentialStore.h"
#include "HistoryStore.h"
#include "ProfileController.h"
#include "ProductionBanner.h"
#include "SandboxServer.h"
#include "Validation.h"

#ifdef ENROLLEE_HAVE_HISTORY_PANEL
#include "HistoryPanel.h"
#include "HistoryTableModel.h"
#endif

#include <QAbstractButton>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSplitter>
#include <QToolButton>
#include <QTreeWidget>

using namespace GuiTest;

Q_DECLARE_METATYPE(ActionKind)

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<Console> m_console;

    MainWindow *window() const { return m_console->window.get(); }
    SandboxServer *sandbox() const { return m_console->context->sandbox(); }
    QLineEdit *userEdit() const { return find<QLineEdit>(window(), "userIdEdit"); }
    QLineEdit *reasonEdit() const { return find<QLineEdit>(window(), "reasonEdit"); }
    QLabel *resultLine() const { return find<QLabel>(window(), "resultLine"); }

    void setUser(const QString &userId, const QString &reason = {})
    {
        userEdit()->clear();
        QTest::keyClicks(userEdit(), userId);
        reasonEdit()->clear();
        if (!reason.isEmpty())
            QTest::keyClicks(reasonEdit(), reason);
    }

    QList<HistoryEntry> history(const QString &userId) const
    {
        QList<HistoryEntry> rows;
        for (const HistoryEntry &e : m_console->context->history()->load().entries) {
            if (e.userId == userId)
                rows.append(e);
        }
        return rows;
    }

    static QString buttonName(ActionKind kind)
    {
        const QStringList words = ActionInfo::cliName(kind).split(QLatin1Char('-'));
        QString name = words.first();
        for (int i = 1; i < words.size(); ++i)
            name += words.at(i).left(1).toUpper() + words.at(i).mid(1);
        return name + QStringLiteral("Button");
    }

    // Shortcuts reach only the active window; a closed dialog may leave none active offscreen.
    void activate()
    {
        // The offscreen platform does not always hand activation back when a popup (the user-ID
        // completer) or a dialog closes; set it the way a window manager would.
        window()->activateWindow();
        QApplication::setActiveWindow(window());
        QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget *>(window()));
    }

    // Waits until the runner is idle and the result line names the outcome.
    bool waitForResult()
    {
        return QTest::qWaitFor([this] { return !window()->actions()->isBusy(); }, 10000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        isolate(m_home, "tst_gui_main_window");
        m_console = std::make_unique<Console>();
        QVERIFY(m_console->start());
    }

    void cleanupTestCase()
    {
        // Leave nothing in a developer's real keychain: the profile key and the audit-chain key.
        CredentialStore *credentials = m_console->context->credentials();
        int pending = 2;
        credentials->remove(CredentialStore::profileAccount(QStringLiteral("Acme production")),
                            [&pending](const CredentialResult &) { --pending; });
        credentials->remove(QLatin1String(AuditKey::kAccount), [&pending](const CredentialResult &) { --pending; });
        QTRY_COMPARE(pending, 0);
    }

    void firstRunOpensOnLocalSandbox()
    {
        QVERIFY(window()->windowTitle().contains(QLatin1String("Enrollee Console")));
        QVERIFY(!window()->windowTitle().contains(QLatin1String("[PRODUCTION]")));
        QVERIFY(!find<ProductionBanner>(window(), "productionBanner")->isProduction());
        QVERIFY(find<QLabel>(window(), "environmentBadge")->text().contains(QLatin1String("Local sandbox")));
        QVERIFY(find<QWidget>(window(), "firstRunBar")->isVisible());
        QCOMPARE(window()->profiles()->active().name, ProfileController::localProfileName());
        QCOMPARE(window()->profiles()->active().baseUrl, sandbox()->origin());
        auto *demo = find<QListWidget>(window(), "demoEnrolleeList");
        QTRY_COMPARE(demo->count(), int(sandbox()->registry().userIds().size()));
        QVERIFY(demo->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(userEdit()));
    }

    void validationHintsAsYouType_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("blank") << QStringLiteral("   ");
        QTest::newRow("control") << QStringLiteral("abc\x01" "def");
        QTest::newRow("too long") << QString(Validation::kMaxUserIdLength + 1, QLatin1Char('x'));
    }

    void validationHintsAsYouType()
    {
        QFETCH(QString, input);
        userEdit()->clear();
        if (input.contains(QChar(1)))
            userEdit()->insert(input); // a control character only arrives by pasting; QTest cannot type it
        else
            QTest::keyClicks(userEdit(), input);
        const QString expected = Validation::userIdError(input);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(find<QLabel>(window(), "userIdHint")->text(), expected);
        QVERIFY(!find<QAbstractButton>(window(), "deactivateButton")->isEnabled());
        QVERIFY(!find<QLabel>(window(), "actionsDisabledReason")->text().isEmpty());

        setUser(QStringLiteral("demo-user-001"));
        QVERIFY(find<QLabel>(window(), "userIdHint")->text().isEmpty());
        QVERIFY(find<QAbstractButton>(window(), "deactivateButton")->isEnabled());
    }

    void lookupShowsDemoUserAndCaveat()
    {
        userEdit()->clear();
        auto *demo = find<QListWidget>(window(), "demoEnrolleeList");
        QListWidgetItem *item = demo->findItems(QStringLiteral("demo-user-001"), Qt::MatchExactly).value(0);
        QVERIFY(item);
        QTest::mouseClick(demo->viewport(), Qt::LeftButton, {}, demo->visualItemRect(item).center());
        QCOMPARE(userEdit()->text(), QStringLiteral("demo-user-001"));
        QVERIFY(find<QLabel>(window(), "knownStateLabel")->text().contains(QLatin1String("No actions recorded")));
        QVERIFY(find<QLabel>(window(), "liveStateCaveat")->text().contains(QLatin1String("cannot read")));
    }

    void everyActionByClickAndShortcut_data()
    {
        QTest::addColumn<ActionKind>("kind");
        QTest::addColumn<bool>("byShortcut");
        for (bool shortcut : {false, true}) {
            for (ActionKind kind : {ActionKind::Deactivate, ActionKind::Reactivate, ActionKind::FlagFraud,
                                    ActionKind::UnflagFraud, ActionKind::ReEnroll}) {
                const QByteArray name = ActionInfo::cliName(kind).toUtf8() + (shortcut ? " by shortcut" : " by click");
                QTest::newRow(name.constData()) << kind << shortcut;
            }
        }
    }

    void everyActionByClickAndShortcut()
    {
        QFETCH(ActionKind, kind);
        QFETCH(bool, byShortcut);
        const QString user = byShortcut ? QStringLiteral("demo-user-002") : QStringLiteral("demo-user-001");
        const QString reason = QStringLiteral("CASE-%1").arg(ActionInfo::cliName(kind));
        setUser(user, reason);
        const int before = sandbox()->requestCount();
        const qsizetype rowsBefore = history(user).size();
        auto *timeline = find<QTreeWidget>(window(), "timelineView");
        const int timelineBefore = timeline->topLevelItemCount();

        if (byShortcut) {
            activate();
            QTest::keySequence(window(), ActionPanel::shortcut(kind));
        } else {
            auto *button = find<QAbstractButton>(window(), buttonName(kind).toLatin1().constData());
            QVERIFY(button && button->isEnabled());
            QTest::mouseClick(button, Qt::LeftButton);
        }
        QVERIFY(waitForResult());
        QCOMPARE(sandbox()->requestCount(), before + 1);
        QVERIFY2(resultLine()->text().contains(ActionInfo::pastTense(kind)), qPrintable(resultLine()->text()));
        const QList<HistoryEntry> rows = history(user);
        QCOMPARE(rows.size(), rowsBefore + 1);
        QCOMPARE(rows.last().action, kind);
        QCOMPARE(rows.last().outcome, HistoryEntry::Outcome::Success);
        QCOMPARE(rows.last().reason, reason);
        QTRY_COMPARE(timeline->topLevelItemCount(), timelineBefore + 1);
#ifdef ENROLLEE_HAVE_HISTORY_PANEL
        // The same row is in the history view's model (the timeline reads it from there).
        auto *panel = find<HistoryPanel>(window(), "historyPanel");
        QVERIFY(panel);
        const QList<HistoryEntry> shown = panel->model()->entriesForUser(user);
        QCOMPARE(shown.size(), rows.size());
        QCOMPARE(shown.first().action, kind);
        QCOMPARE(shown.first().outcome, HistoryEntry::Outcome::Success);
#endif
        QCOMPARE(timeline->topLevelItem(0)->text(1), ActionInfo::displayName(kind));
        QVERIFY(reasonEdit()->text().isEmpty()); // cleared after success, so it is not reused by mistake
    }

    void knownStateFollowsHistory()
    {
        setUser(QStringLiteral("demo-user-003"), QStringLiteral("CASE-7"));
        activate();
        QTest::keySequence(window(), ActionPanel::shortcut(ActionKind::Deactivate));
        QVERIFY(waitForResult());
        QTRY_VERIFY(find<QLabel>(window(), "knownStateLabel")->text().contains(QLatin1String("Deactivated")));
        QVERIFY(!sandbox()->registry().state(QStringLiteral("demo-user-003")).active);
    }

    void reasonRequiredForFraudFlag()
    {
        setUser(QStringLiteral("demo-user-001"));
        const int before = sandbox()->requestCount();
        QTest::mouseClick(find<QAbstractButton>(window(), "flagFraudButton"), Qt::LeftButton);
        QCOMPARE(sandbox()->requestCount(), before);
        QVERIFY(resultLine()->text().contains(QLatin1String("not sent")));
        QVERIFY(find<QLabel>(window(), "resultAdvice")->text().contains(QLatin1String("reason")));
    }

    void serverErrorInPlainWordsWithDetails()
    {
        setUser(QStringLiteral("nobody-by-that-id"));
        QTest::mouseClick(find<QAbstractButton>(window(), "reactivateButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        QVERIFY2(resultLine()->text().contains(QLatin1String("2210")), qPrintable(resultLine()->text()));
        QVERIFY(!find<QLabel>(window(), "resultAdvice")->text().isEmpty());
        auto *toggle = find<QToolButton>(window(), "detailsToggle");
        auto *details = find<QPlainTextEdit>(window(), "resultDetails");
        QVERIFY(!details->isVisible());
        QTest::mouseClick(toggle, Qt::LeftButton);
        QVERIFY(details->isVisible());
        QVERIFY(details->toPlainText().contains(QLatin1String("2210")));
        QCOMPARE(history(QStringLiteral("nobody-by-that-id")).last().outcome, HistoryEntry::Outcome::Failure);
    }

    void busyWhileInFlightAndNoDoubleSubmission()
    {
        FaultPlan slow;
        slow.latencyMs = 600;
        sandbox()->setFaultPlan(slow);
        setUser(QStringLiteral("demo-user-004"));
        const int before = sandbox()->requestCount();
        auto *button = find<QAbstractButton>(window(), "reEnrollButton");
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(find<QProgressBar>(window(), "busyIndicator")->isVisible());
        QVERIFY(!button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        activate();
        QTest::keySequence(window(), ActionPanel::shortcut(ActionKind::ReEnroll));
        QVERIFY(waitForResult());
        sandbox()->setFaultPlan(FaultPlan{});
        QCOMPARE(sandbox()->requestCount(), before + 1);
        QVERIFY(!find<QProgressBar>(window(), "busyIndicator")->isVisible());
        QVERIFY(button->isEnabled());
    }

    void deleteThroughTheRealDialog()
    {
        const QString user = QStringLiteral("demo-user-005");
        setUser(user, QStringLiteral("CASE-9: duplicate"));
        QSignalSpy opened(&m_console->prompts, &PromptService::promptOpened);
        const int before = sandbox()->requestCount();
        QTest::mouseClick(find<QAbstractButton>(window(), "deleteButton"), Qt::LeftButton);
        QTRY_COMPARE(opened.size(), 1);
        auto *dialog = opened.first().first().value<QDialog *>();
        QCOMPARE(dialog->objectName(), QStringLiteral("deleteConfirmDialog"));
        QVERIFY(find<QLabel>(dialog, "deleteExplanation")->text().contains(QLatin1String("cannot be undone")));
        QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("deleteProductionWarning")));
        auto *edit = find<QLineEdit>(dialog, "deleteConfirmEdit");
        auto *confirm = find<QAbstractButton>(dialog, "deleteConfirmButton");
        QVERIFY(!confirm->isEnabled());
        QTest::keyClicks(edit, QStringLiteral("demo-user-00"));
        QVERIFY(!confirm->isEnabled());
        QTest::keyClicks(edit, QStringLiteral("4"));
        QVERIFY(!confirm->isEnabled());
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, QStringLiteral("5"));
        QVERIFY(confirm->isEnabled());
        QCOMPARE(sandbox()->requestCount(), before); // nothing sent while the dialog is open
        QTest::mouseClick(confirm, Qt::LeftButton);
        QVERIFY(waitForResult());
        QCOMPARE(sandbox()->requestCount(), before + 1);
        QVERIFY2(resultLine()->text().contains(ActionInfo::pastTense(ActionKind::Delete)), qPrintable(resultLine()->text()));
        QVERIFY(!sandbox()->registry().contains(user));
        QCOMPARE(history(user).last().action, ActionKind::Delete);
        QCOMPARE(history(user).last().outcome, HistoryEntry::Outcome::Success);
        QTRY_VERIFY(!find<QListWidget>(window(), "demoEnrolleeList")->findItems(user, Qt::MatchExactly).size());
    }

    void cancelledDeleteSendsNothing()
    {
        const QString user = QStringLiteral("demo-user-001");
        // The real dialog, cancelled with its button.
        setUser(user, QStringLiteral("CASE-10"));
        QSignalSpy opened(&m_console->prompts, &PromptService::promptOpened);
        const int before = sandbox()->requestCount();
        const qsizetype rows = history(user).size();
        const qsizetype asked = m_console->prompts.asked().size();
        activate();
        QTest::keySequence(window(), ActionPanel::shortcut(ActionKind::Delete));
        QTRY_COMPARE(opened.size(), 1);
        auto *dialog = opened.first().first().value<QDialog *>();
        QTest::mouseClick(find<QAbstractButton>(dialog, "deleteCancelButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        QVERIFY(resultLine()->text().contains(QLatin1String("cancelled")));
        activate();
        // Pre-answered through the seam.
        m_console->prompts.setNextAnswer(false);
        QTest::mouseClick(find<QAbstractButton>(window(), "deleteButton"), Qt::LeftButton);
        QTRY_VERIFY(!window()->actions()->isBusy());
        QCOMPARE(m_console->prompts.asked().size(), asked + 2);
        QCOMPARE(m_console->prompts.asked().last(), QStringLiteral("delete:") + user);
        QCOMPARE(sandbox()->requestCount(), before);
        QCOMPARE(history(user).size(), rows);
        QVERIFY(sandbox()->registry().contains(user));
    }

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

        // Reactivate needs no extra confirmation even in production.
        const int asked = int(m_console->prompts.asked().size());
        QTest::mouseClick(find<QAbstractButton>(window(), "reactivateButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        QCOMPARE(int(m_console->prompts.asked().size()), asked);

        // The delete dialog says production prominently.
        QSignalSpy opened(&m_console->prompts, &PromptService::promptOpened);
        QTest::mouseClick(find<QAbstractButton>(window(), "deleteButton"), Qt::LeftButton);
        QTRY_COMPARE(opened.size(), 1);
        auto *dialog = opened.first().first().value<QDialog *>();
        QVERIFY(find<QLabel>(dialog, "deleteProductionWarning")->isVisible());
        dialog->reject();
        QTRY_VERIFY(!window()->actions()->isBusy());
        QCOMPARE(sandbox()->requestCount(), before + 2);

        profiles->activate(ProfileController::localProfileName());
        QVERIFY(!window()->windowTitle().contains(QLatin1String("[PRODUCTION]")));
        QVERIFY(!banner->isProduction());
    }

    void tabOrderFollowsTheWork()
    {
        setUser(QStringLiteral("demo-user-001"));
        activate();
        userEdit()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(userEdit()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(reasonEdit()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("reEnrollButton"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("deactivateButton"));
    }

    void everyControlIsNamedForTestsAndScreenReaders()
    {
        QStringList unnamed;
        const auto widgets = window()->findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w)
                || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractItemView *>(w)
                || qobject_cast<QPlainTextEdit *>(w);
            // Qt's own sub-widgets (a line edit's clear button, a combo box's popup) are not ours to name.
            const bool internal = w->objectName().startsWith(QLatin1String("qt_"))
                || QByteArray(w->metaObject()->className()).startsWith("QLineEditIconButton")
                || (w->parentWidget() && qobject_cast<QComboBox *>(w->parentWidget()->parentWidget()))
                || QByteArray(w->metaObject()->className()) == "QComboBoxListView"
                || qobject_cast<QHeaderView *>(w) || QByteArray(w->metaObject()->className()) == "QTableCornerButton"
                || QByteArray(w->metaObject()->className()) == "QTabBar";
            if (control && !internal && (w->objectName().isEmpty() || w->accessibleName().isEmpty()))
                unnamed << QStringLiteral("%1 \"%2\"").arg(QLatin1String(w->metaObject()->className()), w->objectName());
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }

    void aboutBoxNamesVersions()
    {
        window()->showAbout();
        QDialog *about = nullptr;
        QTRY_VERIFY((about = topLevel<QDialog>("aboutDialog")) != nullptr);
        const QString versions = find<QLabel>(about, "aboutVersions")->text();
        QVERIFY(versions.contains(QLatin1String(qVersion())));
        QVERIFY(versions.contains(QLatin1String("OpenSSL")));
        about->reject();
    }

    void layoutAndProfileRestored()
    {
        window()->resize(1000, 640);
        auto *splitter = find<QSplitter>(window(), "mainSplitter");
        splitter->setSizes({300, 650});
        const QList<int> sizes = splitter->sizes();
        window()->close();
        m_console->window = std::make_unique<MainWindow>(m_console->context.get(), &m_console->prompts);
        m_console->window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window()));
        QCOMPARE(window()->size(), QSize(1000, 640));
        QCOMPARE(find<QSplitter>(window(), "mainSplitter")->sizes(), sizes);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_gui_main_window.moc"
