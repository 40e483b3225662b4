// Drives the real MainWindow, offscreen, against the embedded sandbox: lookup, every action by click
// and by shortcut, the delete dialog, cancellation, production safeguards, layout restore.
#include "action/Validation.h"
#include "actions/ActionController.h"
#include "actions/ActionPanel.h"
#include "history/AuditKey.h"
#include "history/HistoryFilter.h"
#include "history/HistoryPanel.h"
#include "history/HistoryTableModel.h"
#include "profiles/ProductionBanner.h"
#include "profiles/ProfileController.h"
#include "sandbox/SandboxServer.h"
#include "settings/AppSettings.h"
#include "settings/CredentialStore.h"
#include "support/ConsoleTest.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDirIterator>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>

using namespace GuiTest;

Q_DECLARE_METATYPE(ActionKind)

class TestMainWindow : public ConsoleTest
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(startConsole("tst_gui_main_window")); }

    void cleanupTestCase() { QVERIFY(forgetKeychainEntries({})); }

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

        // The six actions are in the Actions menu with their shortcuts, which the tooltips repeat.
        auto *menu = find<QMenu>(window(), "actionsMenu");
        QList<QAction *> entries;
        for (QAction *a : menu->actions()) {
            if (!a->isSeparator())
                entries << a;
        }
        QCOMPARE(entries.size(), 6);
        for (ActionKind kind : ActionInfo::all()) {
            const QKeySequence keys = ActionPanel::shortcut(kind);
            auto *button = find<QAbstractButton>(window(), buttonName(kind).toLatin1().constData());
            QVERIFY(entries.contains(button->actions().value(0)));
            QCOMPARE(button->actions().value(0)->shortcut(), keys);
            QVERIFY2(button->toolTip().contains(keys.toString(QKeySequence::NativeText)),
                     qPrintable(button->toolTip()));
        }
    }

    void validationHintsAsYouType_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("blank") << QStringLiteral("   ");
        QTest::newRow("control") << QStringLiteral("abc\x01"
                                                   "def");
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
        const QString expected = Validation::checkUserId(input).message();
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
        // The trail is read by the history service after start; until then the panel says it is reading.
        QTRY_VERIFY(find<QLabel>(window(), "knownStateLabel")->text().contains(QLatin1String("No actions recorded")));
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
        auto *timeline = find<QTreeView>(window(), "timelineView");
        const int timelineBefore = timeline->model()->rowCount();

        if (byShortcut) {
            activate();
            // Where an officer presses it: still in the reason field they just typed into.
            reasonEdit()->setFocus();
            QTest::keySequence(reasonEdit(), ActionPanel::shortcut(kind));
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
        QTRY_COMPARE(timeline->model()->rowCount(), timelineBefore + 1);
        // The same row is in the history view's model, newest first, as the history reads it.
        auto *panel = find<HistoryPanel>(window(), "historyPanel");
        QVERIFY(panel);
        QTRY_VERIFY(panel->model()->rowCount() > 0 && panel->model()->entryRef(0).userId == user
                    && panel->model()->entryRef(0).outcome == HistoryEntry::Outcome::Success);
        QCOMPARE(panel->model()->entryRef(0).action, kind);
        QCOMPARE(timeline->model()->index(0, 1).data().toString(), ActionInfo::displayName(kind));
        QTRY_COMPARE(timeline->model()->index(0, 2).data().toString(),
                     HistoryEntry::outcomeDisplayName(HistoryEntry::Outcome::Success));
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
        // Closing now asks first; declining keeps the window and the request.
        m_console->prompts.setNextAnswer(false);
        QVERIFY(!window()->close());
        QCOMPARE(m_console->prompts.asked().last(), QStringLiteral("confirm:Quit while a request is in flight?"));
        QVERIFY(window()->isVisible());
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
        QVERIFY2(resultLine()->text().contains(ActionInfo::pastTense(ActionKind::Delete)),
                 qPrintable(resultLine()->text()));
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
        userEdit()->setFocus(); // a line edit must not swallow Ctrl+Shift+Delete
        QTest::keySequence(userEdit(), ActionPanel::shortcut(ActionKind::Delete));
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

    void historyExportAsksThroughTheSeam()
    {
        auto *panel = find<HistoryPanel>(window(), "historyPanel");
        QTRY_VERIFY(!panel->isLoading());
        const QString path = m_home.filePath(QStringLiteral("export.json"));
        m_console->prompts.setNextSaveFileName(path);
        QSignalSpy exported(panel, &HistoryPanel::exportFinished);
        panel->exportJson();
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(exported.first().at(1).toString(), QString());
        QVERIFY(m_console->prompts.asked().last().startsWith(QLatin1String("save:")));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonDocument json = QJsonDocument::fromJson(file.readAll());
        QVERIFY(json.isObject());
        QCOMPARE(json.object().value(QLatin1String("entries")).toArray().size(), panel->model()->rowCount());
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
        const QStringList unnamed = unnamedControls(window());
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
    }

    void firstRunBarOffersAProfileAndCanBeDismissed()
    {
        auto *bar = find<QWidget>(window(), "firstRunBar");
        QVERIFY(bar->isVisible());
        QTest::mouseClick(find<QAbstractButton>(bar, "firstRunBarAction"), Qt::LeftButton);
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = topLevel<QDialog>("profileDialog")) != nullptr);
        QVERIFY(find<QLineEdit>(dialog, "profileNameEdit")->text().isEmpty()); // a new profile
        QVERIFY(!find<QAbstractButton>(dialog, "saveProfileButton")->isEnabled());
        const QStringList unnamed = unnamedControls(dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
        dialog->reject();
        QTest::mouseClick(find<QAbstractButton>(bar, "firstRunBarClose"), Qt::LeftButton);
        QVERIFY(!bar->isVisible());
        QVERIFY(m_console->context->settings()->uiValue(QStringLiteral("first_run_dismissed")).toBool());
    }

    void aboutBoxNamesVersions()
    {
        window()->showAbout();
        QDialog *about = nullptr;
        QTRY_VERIFY((about = topLevel<QDialog>("aboutDialog")) != nullptr);
        const QString versions = find<QLabel>(about, "aboutVersions")->text();
        QVERIFY(versions.contains(QLatin1String(qVersion())));
        QVERIFY(versions.contains(QLatin1String("OpenSSL")));
        QVERIFY(versions.contains(QLatin1String(ENROLLEE_VERSION)));
        QVERIFY(find<QLabel>(about, "aboutText")->text().contains(QLatin1String("MIT")));
        about->reject();
    }

    void layoutAndProfileRestored()
    {
        // The window fits 1100x700 (a small laptop's screen less its panels) with every tab at its minimum.
        QVERIFY2(window()->minimumSizeHint().height() <= 700,
                 qPrintable(QString::number(window()->minimumSizeHint().height())));
        window()->resize(1000, 700);
        auto *splitter = find<QSplitter>(window(), "mainSplitter");
        splitter->setSizes({300, 650});
        const QList<int> sizes = splitter->sizes();
        window()->close();
        m_console->window = std::make_unique<MainWindow>(m_console->context.get(), &m_console->prompts);
        m_console->window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window()));
        QCOMPARE(window()->size(), QSize(1000, 700));
        QCOMPARE(find<QSplitter>(window(), "mainSplitter")->sizes(), sizes);
    }

    // Last: after a whole session (actions, errors, a delete, an export, settings saved), the key the
    // session signed with is in no file the console wrote, and not in its own arguments.
    void keyIsInNoFileTheSessionWrote()
    {
        // This function writes what it searches (an action, an export), so it stands alone.
        setUser(QStringLiteral("demo-user-003"), QStringLiteral("CASE-KEY"));
        QTest::mouseClick(find<QAbstractButton>(window(), "reEnrollButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        HistoryPanel *panel = nullptr;
        QTRY_VERIFY((panel = window()->findChild<HistoryPanel *>(QStringLiteral("historyPanel"))) != nullptr);
        QTRY_VERIFY(!panel->isLoading());
        QSignalSpy exported(panel, &HistoryPanel::exportFinished);
        panel->exportTo(m_home.filePath(QStringLiteral("key-check.json")), HistoryExporter::Format::Json);
        QTRY_COMPARE(exported.size(), 1);
        m_console->context->settings()->sync();
        const QByteArray key(Defaults::kLocalApiKey);
        int files = 0;
        QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(key), qPrintable(file.fileName()));
            ++files;
        }
        QVERIFY2(files >= 3, "settings, history and the export should all be there");
        QVERIFY(!QCoreApplication::arguments().join(QLatin1Char(' ')).contains(QLatin1String(key)));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_gui_main_window.moc"
