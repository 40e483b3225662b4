// What the real window tells the officer and offers next: the title says the profile once, the sandbox
// address shows only under the local sandbox, the environment strips differ and keep the layout still,
// the profiles dialog asks before throwing edits away and shows every problem, the Help menu, the
// language notice that stays, a history row opens its user in Lookup, the export suggests a real file
// name, the undo hint and Retry after an action, a cancelled wait recorded as unknown, a notification
// when a long action ends in the background, the sandbox's deletes kept across restarts, and the
// History tab's badge for an altered trail.
#include "DesktopNotifier.h"
#include "HelpMenu.h"
#include "history/HistoryPanel.h"
#include "history/HistoryTableModel.h"
#include "profiles/ProductionBanner.h"
#include "profiles/ProfileController.h"
#include "settings/AppSettings.h"
#include "support/ConsoleTest.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLayout>
#include <QListWidget>
#include <QMenu>
#include <QPointer>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>

using namespace GuiTest;

class TestWindowFeedback : public ConsoleTest
{
    Q_OBJECT

private:
    const QString kSandboxProfile = QStringLiteral("Acme test");
    const QString kProductionProfile = QStringLiteral("Acme production");

    bool saveProfile(const QString &name, Environment env)
    {
        Profile p;
        p.name = name;
        p.partnerId = QStringLiteral("001");
        p.email = QStringLiteral("officer@acme.example");
        p.environment = env;
        p.baseUrl = sandbox()->origin();
        QSignalSpy saved(window()->profiles(), &ProfileController::saveFinished);
        window()->profiles()->save(p, QByteArrayLiteral("sandbox-demo-key"));
        return saved.wait(10000) || saved.size() == 1;
    }
    // Lets pending layout requests run, so geometries are what is on screen.
    void settle() const
    {
        find<QWidget>(window(), "centralWidget")->layout()->activate();
        QApplication::processEvents();
    }
    HistoryPanel *panel() const { return find<HistoryPanel>(window(), "historyPanel"); }
    QTabWidget *tabs() const { return find<QTabWidget>(window(), "mainTabs"); }

private slots:
    void initTestCase() { QVERIFY(startConsole("tst_gui_window_feedback")); }
    void cleanupTestCase() { QVERIFY(forgetKeychainEntries({kSandboxProfile, kProductionProfile})); }

    void titleNamesTheProfileOnce()
    {
        QCOMPARE(window()->windowTitle(), QStringLiteral("Enrollee Console — Local sandbox"));
        QVERIFY(saveProfile(kSandboxProfile, Environment::Sandbox));
        window()->profiles()->activate(kSandboxProfile);
        QCOMPARE(window()->windowTitle(), QStringLiteral("Enrollee Console — Acme test (Smile ID sandbox)"));
        window()->profiles()->activate(ProfileController::localProfileName());
    }

    void sandboxAddressAndStripsFollowTheProfile()
    {
        auto *status = find<QLabel>(window(), "sandboxStatus");
        auto *banner = find<ProductionBanner>(window(), "productionBanner");
        auto *strip = find<QLabel>(window(), "productionBannerText");
        QTRY_VERIFY(status->isVisible());
        QCOMPARE(status->text(), QStringLiteral("Local sandbox listening on %1").arg(sandbox()->origin().toString()));
        const QString localStyle = strip->styleSheet();
        QTRY_VERIFY(window()->profiles()->canSend());
        settle();
        const QRect tabsBefore = tabs()->geometry();
        const QRect bannerBefore = banner->geometry();

        QVERIFY(saveProfile(kProductionProfile, Environment::Production));
        window()->profiles()->activate(kProductionProfile);
        QTRY_VERIFY(window()->profiles()->canSend()); // the key line has settled too
        QVERIFY(banner->isProduction());
        QVERIFY(!status->isVisible()); // nothing about the local sandbox under production
        QVERIFY(!window()->statusBar()->currentMessage().contains(QLatin1String("Local sandbox")));
        settle();
        QCOMPARE(banner->geometry(), bannerBefore); // the banner's arrival moves nothing
        QCOMPARE(tabs()->geometry(), tabsBefore);

        window()->profiles()->activate(kSandboxProfile);
        QTRY_VERIFY(window()->profiles()->canSend());
        QVERIFY(!status->isVisible());
        QVERIFY(banner->text().startsWith(QLatin1String("Smile ID sandbox")));
        QVERIFY(strip->styleSheet() != localStyle); // Smile ID's sandbox does not look like the local one
        settle();
        QCOMPARE(tabs()->geometry(), tabsBefore);

        window()->profiles()->activate(ProfileController::localProfileName());
        QTRY_VERIFY(window()->profiles()->canSend());
        QVERIFY(status->isVisible());
        QCOMPARE(strip->styleSheet(), localStyle);
    }

    void profilesDialogAsksBeforeThrowingEditsAway()
    {
        activate();
        find<QAction>(window(), "manageProfilesAction")->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = topLevel<QDialog>("profileDialog")) != nullptr);
        auto *list = find<QListWidget>(dialog, "profileList");
        auto item = [list](const QString &name) { return list->findItems(name, Qt::MatchExactly).value(0); };
        QVERIFY(item(kSandboxProfile) && item(kProductionProfile));
        // Production is marked in the list (icon, colour, words for screen readers); the sandbox is not.
        QVERIFY(!item(kProductionProfile)->icon().isNull());
        QVERIFY(
            item(kProductionProfile)->data(Qt::AccessibleTextRole).toString().contains(QLatin1String("production")));
        QVERIFY(item(kSandboxProfile)->icon().isNull());

        list->setCurrentItem(item(kSandboxProfile));
        auto *email = find<QLineEdit>(dialog, "operatorEmailEdit");
        QCOMPARE(email->text(), QStringLiteral("officer@acme.example"));
        email->setText(QStringLiteral("second@acme.example"));
        // Another profile: Cancel keeps the edits and the selection.
        m_console->prompts.setNextUnsavedChoice(PromptService::UnsavedChoice::Cancel);
        list->setCurrentItem(item(kProductionProfile));
        QTRY_VERIFY(m_console->prompts.asked()
                        .value(m_console->prompts.asked().size() - 1)
                        .startsWith(QLatin1String("unsaved:")));
        QTest::qWait(20);
        QCOMPARE(list->currentItem(), item(kSandboxProfile));
        QCOMPARE(email->text(), QStringLiteral("second@acme.example"));
        // Discard: the other profile is shown, the edits gone.
        m_console->prompts.setNextUnsavedChoice(PromptService::UnsavedChoice::Discard);
        list->setCurrentItem(item(kProductionProfile));
        QTRY_COMPARE(find<QLineEdit>(dialog, "profileNameEdit")->text(), kProductionProfile);
        QCOMPARE(list->currentItem(), item(kProductionProfile));
        QCOMPARE(window()->profiles()->profile(kSandboxProfile).email, QStringLiteral("officer@acme.example"));

        // Close: Cancel stays, Save saves then closes.
        email->setText(QStringLiteral("night@acme.example"));
        auto *close = find<QAbstractButton>(dialog, "closeProfilesButton");
        m_console->prompts.setNextUnsavedChoice(PromptService::UnsavedChoice::Cancel);
        QTest::mouseClick(close, Qt::LeftButton);
        QTest::qWait(20);
        QVERIFY(dialog->isVisible());
        QSignalSpy saved(window()->profiles(), &ProfileController::saveFinished);
        m_console->prompts.setNextUnsavedChoice(PromptService::UnsavedChoice::Save);
        // Closed, the dialog deletes itself: it is watched through a guarded pointer.
        const QPointer<QDialog> closing(dialog);
        QTest::mouseClick(close, Qt::LeftButton);
        QTRY_VERIFY(!closing || !closing->isVisible());
        QTRY_COMPARE(saved.size(), 1);
        QCOMPARE(window()->profiles()->profile(kProductionProfile).email, QStringLiteral("night@acme.example"));
    }

    void profilesDialogShowsEveryProblemAndTheKeyOnRequest()
    {
        activate();
        find<QAction>(window(), "manageProfilesAction")->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = topLevel<QDialog>("profileDialog")) != nullptr);
        QTest::mouseClick(find<QAbstractButton>(dialog, "newProfileButton"), Qt::LeftButton);
        auto *error = find<QLabel>(dialog, "profileErrorLabel");
        auto *name = find<QLineEdit>(dialog, "profileNameEdit");
        auto *partner = find<QLineEdit>(dialog, "partnerIdEdit");
        auto *key = find<QLineEdit>(dialog, "apiKeyEdit");
        QVERIFY2(error->text().count(QLatin1Char('\n')) >= 3, qPrintable(error->text())); // name, partner, email, key
        const QList<QLineEdit *> required{name, partner, find<QLineEdit>(dialog, "operatorEmailEdit"), key};
        // A new form does not open all red: a field is marked once the officer has been in it.
        for (QLineEdit *field : required)
            QVERIFY2(!field->property("invalid").toBool(), qPrintable(field->objectName()));
        for (QLineEdit *field : required)
            QTest::keyClick(field, Qt::Key_Return); // entered and left empty
        for (QLineEdit *field : required)
            QVERIFY2(field->property("invalid").toBool(), qPrintable(field->objectName()));
        QTest::keyClicks(name, QStringLiteral("Third"));
        QVERIFY(!name->property("invalid").toBool());
        QVERIFY(name->accessibleDescription().isEmpty());
        QVERIFY(partner->property("invalid").toBool());
        QVERIFY(!partner->accessibleDescription().isEmpty());

        QTest::keyClicks(key, QStringLiteral("abc"));
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        auto *show = find<QAbstractButton>(dialog, "showApiKeyButton");
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(key->echoMode(), QLineEdit::Normal);
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(key->echoMode(), QLineEdit::Password);
        m_console->prompts.setNextUnsavedChoice(PromptService::UnsavedChoice::Discard);
        // Closed, the dialog deletes itself (a crash, once in four runs, when it was read afterwards).
        const QPointer<QDialog> closing(dialog);
        dialog->reject();
        QTRY_VERIFY(!closing || !closing->isVisible());
    }

    void helpMenuOffersMoreThanAbout()
    {
        auto *help = find<HelpMenu>(window(), "helpMenu");
        QVERIFY(help);
        for (const char *name :
             {"userGuideAction", "shortcutsAction", "openDataFolderAction", "aboutQtAction", "aboutAction"})
            QVERIFY2(find<QAction>(help, name), name);
        QCOMPARE(HelpMenu::userGuideUrl().fragment(), QStringLiteral("the-console"));
        QCOMPARE(help->dataFolderUrl(), QUrl::fromLocalFile(m_home.filePath(QStringLiteral("data"))));
        QVERIFY(
            HelpMenu::shortcutsText().contains(QKeySequence(Qt::CTRL | Qt::Key_L).toString(QKeySequence::NativeText)));
        find<QAction>(help, "shortcutsAction")->trigger();
        QWidget *box = topLevel<QDialog>("shortcutsDialog");
        QVERIFY(box);
        box->close();
    }

    void languageNoticeStays()
    {
        auto *notice = find<QLabel>(window(), "languageNotice");
        QVERIFY(!notice->isVisible());
        find<QAction>(window(), "language_en")->trigger();
        QVERIFY(notice->isVisible());
        QVERIFY(notice->text().contains(QLatin1String("next time")));
        window()->statusBar()->showMessage(QStringLiteral("something else"), 10);
        QTest::qWait(50);
        QVERIFY(notice->isVisible()); // not a status message that the next one replaces
        find<QAction>(window(), "language_system")->trigger();
        QCOMPARE(m_console->context->settings()->language(), QString());
    }

    void historyRowOpensItsUserInLookup()
    {
        setUser(QStringLiteral("demo-user-004"), QStringLiteral("CASE-42"));
        QTest::mouseClick(find<QAbstractButton>(window(), "deactivateButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        QTRY_VERIFY(panel() && panel()->model()->rowCount() > 0);
        tabs()->setCurrentWidget(panel());
        QTableView *table = panel()->view();
        QTRY_VERIFY(table->model()->rowCount() > 0);
        table->setCurrentIndex(table->model()->index(0, 0));
        QCOMPARE(table->currentIndex().data(HistoryTableModel::EntryRole).value<HistoryEntry>().userId,
                 QStringLiteral("demo-user-004"));
        userEdit()->clear();
        find<QAction>(panel(), "historyOpenInLookup")->trigger();
        QCOMPARE(tabs()->currentIndex(), 0);
        QCOMPARE(userEdit()->text(), QStringLiteral("demo-user-004"));
    }

    void exportSuggestsARealFileName()
    {
        const QString path = m_home.filePath(QStringLiteral("export.csv"));
        m_console->prompts.setNextSaveFileName(path);
        QSignalSpy exported(panel(), &HistoryPanel::exportFinished);
        panel()->exportCsv();
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(QFileInfo(m_console->prompts.lastSuggestedFileName()).fileName(),
                 QStringLiteral("enrollee-history-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
        QVERIFY(!find<QWidget>(panel(), "historyOpenFolder")->isHidden());
    }

    // ENROLLEE_SCREENSHOT=PATH tst_gui_window_feedback screenshotWhenAsked: the README's picture, taken
    // offscreen with QWidget::grab() after a Deactivate (no X server or image tools needed).
    void screenshotWhenAsked()
    {
        const QString path = qEnvironmentVariable("ENROLLEE_SCREENSHOT");
        if (path.isEmpty())
            QSKIP("set ENROLLEE_SCREENSHOT=PATH to take the README's screenshot");
        window()->resize(1100, 700);
        setUser(QStringLiteral("demo-user-001"), QStringLiteral("CASE-2041: duplicate enrollment"));
        QTest::mouseClick(find<QAbstractButton>(window(), "deactivateButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        QTRY_VERIFY(find<QWidget>(window(), "undoButton")->isVisible());
        QTest::qWait(300);
        QVERIFY(window()->grab().save(path));
    }

    void undoHintAfterDeactivateAndRetryAfterAServerError()
    {
        const QString user = QStringLiteral("demo-user-002");
        setUser(user, QStringLiteral("CASE-5"));
        QTest::mouseClick(find<QAbstractButton>(window(), "deactivateButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        QVERIFY(!sandbox()->registry().state(user).active);
        auto *undo = find<QAbstractButton>(window(), "undoButton");
        QVERIFY(undo->isVisible());
        QVERIFY2(undo->text().contains(QLatin1String("Reactivate")), qPrintable(undo->text()));
        QVERIFY(!find<QAbstractButton>(window(), "retryButton")->isVisible());
        const int before = sandbox()->requestCount();
        QTest::mouseClick(undo, Qt::LeftButton);
        QVERIFY(waitForResult());
        QCOMPARE(sandbox()->requestCount(), before + 1);
        QVERIFY(sandbox()->registry().state(user).active);
        QCOMPARE(history(user).last().action, ActionKind::Reactivate);
        QCOMPARE(history(user).last().reason, QStringLiteral("Undo: CASE-5"));
        QVERIFY(!undo->isVisible()); // Reactivate has no undo hint of its own

        // A 500 (Smile ID's system error, more than the runner's own retries): Retry sends it again.
        FaultPlan fault{FaultPlan::Kind::HttpError};
        fault.httpStatus = 500;
        sandbox()->setFaultPlan(fault);
        setUser(user, QStringLiteral("CASE-6"));
        QTest::mouseClick(find<QAbstractButton>(window(), "flagFraudButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        sandbox()->setFaultPlan(FaultPlan{});
        QCOMPARE(history(user).last().outcome, HistoryEntry::Outcome::Failure);
        auto *retry = find<QAbstractButton>(window(), "retryButton");
        QVERIFY(retry->isVisible());
        QVERIFY(!sandbox()->registry().state(user).fraudulent);
        const int sent = sandbox()->requestCount();
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(waitForResult());
        QCOMPARE(sandbox()->requestCount(), sent + 1);
        QVERIFY(sandbox()->registry().state(user).fraudulent);
        QCOMPARE(history(user).last().outcome, HistoryEntry::Outcome::Success);
        QCOMPARE(history(user).last().reason, QStringLiteral("CASE-6"));
        // The undo hint follows the successful flag, and leaves with another user.
        QVERIFY(find<QAbstractButton>(window(), "undoButton")->isVisible());
        setUser(QStringLiteral("demo-user-001"));
        QVERIFY(!find<QWidget>(window(), "followUpBar")->isVisible());
    }

    void cancelDuringALongWaitIsRecordedAsUnknown()
    {
        const QString user = QStringLiteral("demo-user-003");
        sandbox()->setFaultPlan(FaultPlan{FaultPlan::Kind::Hang});
        setUser(user, QStringLiteral("CASE-10"));
        const qsizetype rows = history(user).size();
        QTest::mouseClick(find<QAbstractButton>(window(), "deactivateButton"), Qt::LeftButton);
        auto *cancel = find<QAbstractButton>(window(), "cancelRequestButton");
        QTRY_VERIFY(cancel->isVisible()); // offered once the wait is long
        QVERIFY(window()->actions()->isBusy());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(waitForResult());
        sandbox()->setFaultPlan(FaultPlan{});
        QVERIFY2(resultLine()->text().contains(QLatin1String("cancelled while waiting")),
                 qPrintable(resultLine()->text()));
        const QList<HistoryEntry> recorded = history(user);
        QCOMPARE(recorded.size(), rows + 1);
        // Sent, then no answer waited for: the trail says unknown, never "failed" (nothing happened).
        QCOMPARE(recorded.last().action, ActionKind::Deactivate);
        QCOMPARE(recorded.last().outcome, HistoryEntry::Outcome::Unknown);
        QCOMPARE(recorded.last().attempts.size(), 1); // no retry after a cancel
        QVERIFY(!cancel->isVisible());
    }

    void longActionEndingInTheBackgroundNotifies()
    {
        auto *notifier = window()->findChild<DesktopNotifier *>(QStringLiteral("desktopNotifier"));
        QVERIFY(notifier);
        notifier->setMinimumDurationMs(300);
        FaultPlan slow;
        slow.latencyMs = 400;
        sandbox()->setFaultPlan(slow);
        // In the foreground: no notification.
        activate();
        setUser(QStringLiteral("demo-user-003"), QStringLiteral("CASE-8"));
        QTest::mouseClick(find<QAbstractButton>(window(), "reEnrollButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        QCOMPARE(notifier->lastMessage(), QString());
        // The officer went to another window while it ran: one notification with the headline.
        QTest::mouseClick(find<QAbstractButton>(window(), "reEnrollButton"), Qt::LeftButton);
        QWidget elsewhere;
        elsewhere.show();
        QApplication::setActiveWindow(&elsewhere);
        QVERIFY(waitForResult());
        sandbox()->setFaultPlan(FaultPlan{});
        QVERIFY2(notifier->lastMessage().contains(QLatin1String("demo-user-003")), qPrintable(notifier->lastMessage()));
        notifier->setMinimumDurationMs(3000);
        elsewhere.close();
        activate();
    }

    void sandboxRemembersDeletesAcrossRestarts()
    {
        const QString user = QStringLiteral("demo-user-005");
        setUser(user, QStringLiteral("CASE-9: duplicate"));
        m_console->prompts.setNextAnswer(true); // the delete confirmation, pre-answered
        QTest::mouseClick(find<QAbstractButton>(window(), "deleteButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        QVERIFY(!sandbox()->registry().contains(user));
        QCOMPARE(history(user).last().action, ActionKind::Delete);
        const QString stateFile = m_console->context->sandboxStateFile();
        QCOMPARE(QFileInfo(stateFile).absolutePath(), m_home.filePath(QStringLiteral("data")));
        auto savedDeleted = [&stateFile, &user] {
            QFile file(stateFile);
            if (!file.open(QIODevice::ReadOnly))
                return false;
            const QJsonObject all = QJsonDocument::fromJson(file.readAll()).object();
            return all.value(QLatin1String("enrollees"))
                .toObject()
                .value(user)
                .toObject()
                .value(QLatin1String("deleted"))
                .toBool();
        };
        QTRY_VERIFY(savedDeleted());

        // A restart: another console over a home holding that file starts its sandbox from it.
        QTemporaryDir other;
        QVERIFY(QDir().mkpath(other.filePath(QStringLiteral("data"))));
        QFile source(stateFile);
        QVERIFY2(source.copy(other.filePath(QStringLiteral("data/sandbox-state.json"))),
                 qPrintable(source.errorString() + QLatin1Char(' ') + other.path()));
        Console restarted(other.path());
        QVERIFY(restarted.start());
        QVERIFY(!restarted.context->sandbox()->registry().contains(user));
        QVERIFY(restarted.context->sandbox()->registry().state(user).deleted);
        QVERIFY(restarted.context->sandbox()->registry().contains(QStringLiteral("demo-user-001")));
        QVERIFY(!restarted.context->sandbox()->registry().userIds().contains(user));
        int pending = 1;
        restarted.context->credentials()->remove(QLatin1String(AuditKey::kAccount),
                                                 [&pending](const CredentialResult &) { --pending; });
        QTRY_COMPARE(pending, 0);
    }

    // Last: it leaves the trail altered.
    void historyTabSaysWhenTheTrailWasAltered()
    {
        QTRY_VERIFY(!panel()->isVerifying());
        const int index = tabs()->indexOf(panel());
        QCOMPARE(tabs()->tabText(index), QStringLiteral("&History"));
        const QDir dir(m_home.filePath(QStringLiteral("data/history")));
        const QStringList shards = dir.entryList({QStringLiteral("*.ini")}, QDir::Files, QDir::Name);
        QVERIFY(!shards.isEmpty());
        QFile file(dir.filePath(shards.last()));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        const qsizetype at = bytes.lastIndexOf("CASE-42");
        QVERIFY(at > 0);
        bytes[at + 5] = '7'; // CASE-72
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(5), QFileDevice::FileModificationTime));
        file.close();

        QSignalSpy verified(panel(), &HistoryPanel::verificationFinished);
        QTest::mouseClick(find<QAbstractButton>(panel(), "historyReload"), Qt::LeftButton);
        QTRY_VERIFY(verified.size() > 0 && !panel()->isVerifying());
        QVERIFY(!panel()->lastVerification().ok);
        QCOMPARE(tabs()->tabText(index), QStringLiteral("&History — check failed"));
        QVERIFY(!tabs()->tabIcon(index).isNull());
        QCOMPARE(tabs()->tabToolTip(index), panel()->lastVerification().problem);
        QVERIFY(panel()->model()->alteredCount() >= 1);
    }
};

QTEST_MAIN(TestWindowFeedback)
#include "tst_gui_window_feedback.moc"
