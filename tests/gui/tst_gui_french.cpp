// Under a French locale the console is in French, and View → Language saves an override that
// both faces read. CTest runs this suite with LANG/LC_ALL set to fr_FR.UTF-8.
#include "BulkGuiTest.h"
#include "WindowHost.h"
#include "api/EnrolleeClient.h"
#include "base/Translations.h"
#include "bulk/BulkPanel.h"
#include "sandbox/FaultPlan.h"
#include "settings/AppSettings.h"

#include <QAbstractButton>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTreeView>

using namespace GuiTest;

class TestFrench : public BulkGuiTest
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // As main() does: the settings' language (none yet), else the system locale, before any widget.
        QCOMPARE(Translations::install(QString()), QStringLiteral("fr"));
        QVERIFY(Translations::available().contains(QStringLiteral("fr")));
        QVERIFY(startConsole("tst_gui_french"));
    }
    void cleanupTestCase() { QVERIFY(forgetKeychainEntries({})); }

    void windowSpeaksFrench()
    {
        QCOMPARE(find<QAbstractButton>(window(), "deactivateButton")->text(), QStringLiteral("Désactiver"));
        QStringList menus;
        for (QAction *action : window()->menuBar()->actions())
            menus.append(action->text());
        QVERIFY2(menus.contains(QStringLiteral("&Fichier")), qPrintable(menus.join(QLatin1Char(','))));

        // An action's result line, built by the core, is French too.
        setUser(QStringLiteral("demo-user-003"), QStringLiteral("DOSSIER-7"));
        QTest::mouseClick(find<QAbstractButton>(window(), "deactivateButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(resultLine()->text().startsWith(QStringLiteral("Utilisateur")), 10000);
        QVERIFY2(resultLine()->text().contains(QStringLiteral("désactivé")), qPrintable(resultLine()->text()));
    }

    // The menu mnemonics, the production question and the reason rule are French too.
    void newWordsAreFrench()
    {
        QCOMPARE(window()->findChild<QAction *>(QStringLiteral("deleteAction"))->text(), QStringLiteral("Su&pprimer…"));
        ActionRequest request;
        request.action = ActionKind::FlagFraud;
        request.userId = QStringLiteral("u-1");
        const QString question = ActionController::confirmationText(request);
        QVERIFY2(question.startsWith(QStringLiteral("Vous allez signaler l’utilisateur « u-1 » comme frauduleux")),
                 qPrintable(question));
        const Status refused = ActionPolicy::standard().check(ActionKind::FlagFraud, Environment::Local,
                                                              QStringLiteral("x"), Confirmation::None);
        QVERIFY2(refused.message().contains(QStringLiteral("au moins 4 caractères")), qPrintable(refused.message()));
    }

    // The timeline's columns are sized for the French headers, not the English ones.
    void timelineHeadersFitInFrench()
    {
        auto *timeline = find<QTreeView>(window(), "timelineView");
        QHeaderView *header = timeline->header();
        for (int column = 0; column + 1 < header->count(); ++column) {
            const QString text = timeline->model()->headerData(column, Qt::Horizontal).toString();
            QVERIFY2(header->sectionSize(column) >= header->fontMetrics().horizontalAdvance(text) + 16,
                     qPrintable(text));
        }
    }

    // In French at the default size, nothing of the lookup-and-actions tab is cut.
    void nothingIsClippedInFrench()
    {
        window()->resize(1100, 700);
        setUser(QStringLiteral("demo-user-001"));
        QTRY_COMPARE(window()->width(), 1100);
        QStringList clipped;
        for (const char *panel : {"profileBar", "actionPanel", "lookupPanel"}) {
            for (QWidget *w : find<QWidget>(window(), panel)->findChildren<QWidget *>()) {
                if (!w->isVisible())
                    continue;
                if (auto *label = qobject_cast<QLabel *>(w); label && !label->wordWrap() && !label->text().isEmpty()) {
                    if (label->width() < label->fontMetrics().horizontalAdvance(label->text()))
                        clipped << label->objectName() + QLatin1Char(':') + label->text();
                } else if (auto *button = qobject_cast<QAbstractButton *>(w); button && !button->text().isEmpty()) {
                    if (button->width() < button->fontMetrics().horizontalAdvance(button->text()) + 8)
                        clipped << button->objectName();
                }
            }
        }
        QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(QStringLiteral(", "))));
    }

    // Every tab at 1100×700 in French: no table header is cut, the View menu and the tab name the bulk
    // runs with one word, and apostrophes are typographic. The screenshots are for a person to look at.
    void everyTabFitsInFrench()
    {
        window()->resize(1100, 700);
        auto *tabs = find<QTabWidget>(window(), "mainTabs");
        QTRY_VERIFY(window()->findChild<BulkPanel *>(QStringLiteral("bulkPanel")));
        QStringList cut;
        for (int i = 0; i < tabs->count(); ++i) {
            tabs->setCurrentIndex(i);
            QTest::qWait(50);
            window()->grab().save(QStringLiteral(ENROLLEE_SHOT_DIR "/french-tab-%1.png").arg(i));
            for (QHeaderView *header : tabs->currentWidget()->findChildren<QHeaderView *>()) {
                if (!header->isVisible() || header->orientation() != Qt::Horizontal)
                    continue;
                for (int c = 0; c < header->count(); ++c) {
                    const QString text = header->model()->headerData(c, Qt::Horizontal).toString();
                    if (!header->isSectionHidden(c) && !text.isEmpty()
                        && header->sectionSize(c) < header->fontMetrics().horizontalAdvance(text) + 8)
                        cut << text;
                }
            }
        }
        tabs->setCurrentIndex(0);
        QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QStringLiteral(", "))));
        const QString bulkTab = tabs->tabText(tabs->indexOf(find<BulkPanel>(window(), "bulkPanel")));
        QString menu = find<QAction>(window(), "showBulkAction")->text();
        QCOMPARE(menu.remove(QLatin1Char('&')), QString(bulkTab).remove(QLatin1Char('&')));
        QVERIFY(!find<QAction>(window(), "focusUserIdAction")->text().contains(QLatin1Char('\'')));
    }

    // The README's French pictures of the Bulk and History tabs, after a finished run.
    void bulkAndHistoryTabsAsShown()
    {
        QVERIFY(shootBulkAndHistory(QStringLiteral(ENROLLEE_SHOT_DIR), QStringLiteral("-fr")));
        // The History tab's own lines speak French too, whichever class writes them.
        const QString count = find<QLabel>(window(), "historyCount")->text();
        QVERIFY2(count.contains(QStringLiteral("entrées affichées")), qPrintable(count));
        // The check runs in slices behind the pages asked meanwhile: its verdict, when it comes.
        const QLabel *check = find<QLabel>(window(), "historyVerification");
        QTRY_VERIFY2_WITH_TIMEOUT(check->text().startsWith(QLatin1String("Historique intact")),
                                  qPrintable(check->text()), 20000);
    }

    void languageMenuSavesTheOverride()
    {
        auto *english = window()->findChild<QAction *>(QStringLiteral("language_en"));
        QVERIFY(english);
        auto *system = window()->findChild<QAction *>(QStringLiteral("language_system"));
        QVERIFY(system && system->isChecked());
        english->trigger();
        QVERIFY(english->isChecked());
        QCOMPARE(AppSettings(m_console->context->settings()->fileName()).language(), QStringLiteral("en"));
        system->trigger();
        QCOMPARE(AppSettings(m_console->context->settings()->fileName()).language(), QString());
    }

    // Another language applies at once, in a window rebuilt over the running
    // context, with what the officer had typed; while an action is in flight it waits for the answer.
    void languageSwitchesWithoutARestart()
    {
        WindowHost host(m_console->context.get(), &m_console->prompts);
        host.show();
        QVERIFY(QTest::qWaitForWindowExposed(host.window()));
        QPointer<MainWindow> french = host.window();
        QCOMPARE(find<QAbstractButton>(french, "deactivateButton")->text(), QStringLiteral("Désactiver"));
        QTRY_VERIFY(french->findChild<BulkPanel *>(QStringLiteral("bulkPanel")));
        const QString list = QStringLiteral("demo-user-001\ndemo-user-002");
        find<QPlainTextEdit>(french, "bulkInputEdit")->setPlainText(list);
        find<QLineEdit>(french, "userIdEdit")->setText(QStringLiteral("demo-user-002"));
        find<QLineEdit>(french, "reasonEdit")->setText(QStringLiteral("DOSSIER-9"));
        find<QTabWidget>(french, "mainTabs")->setCurrentIndex(1);

        find<QAction>(french, "language_en")->trigger();
        QTRY_VERIFY(host.window() != french.data());
        MainWindow *english = host.window();
        QTRY_VERIFY(!french); // the old window is gone, not hidden behind
        QCOMPARE(find<QAbstractButton>(english, "deactivateButton")->text(), QStringLiteral("Deactivate"));
        QStringList menus;
        for (QAction *action : english->menuBar()->actions())
            menus.append(action->text());
        QVERIFY2(menus.contains(QStringLiteral("&File")), qPrintable(menus.join(QLatin1Char(','))));
        QCOMPARE(find<QLineEdit>(english, "userIdEdit")->text(), QStringLiteral("demo-user-002"));
        QCOMPARE(find<QLineEdit>(english, "reasonEdit")->text(), QStringLiteral("DOSSIER-9"));
        QCOMPARE(find<QTabWidget>(english, "mainTabs")->currentIndex(), 1);
        QTRY_VERIFY(english->findChild<BulkPanel *>(QStringLiteral("bulkPanel"))); // built after its first frame
        QCOMPARE(find<QPlainTextEdit>(english, "bulkInputEdit")->toPlainText(), list);
        QCOMPARE(AppSettings(m_console->context->settings()->fileName()).language(), QStringLiteral("en"));
        QVERIFY(!find<QLabel>(english, "languageNotice")->isVisible());

        // While a request is in flight the window stays; the answer lands, then the language changes.
        const int timeout = hangRequests();
        find<QTabWidget>(english, "mainTabs")->setCurrentIndex(0);
        QTRY_VERIFY(find<QAbstractButton>(english, "deactivateButton")->isEnabled());
        QTest::mouseClick(find<QAbstractButton>(english, "deactivateButton"), Qt::LeftButton);
        QTRY_VERIFY(english->actions()->isInFlight());
        find<QAction>(english, "language_system")->trigger();
        QTest::qWait(100);
        QCOMPARE(host.window(), english);
        auto *notice = find<QLabel>(english, "languageNotice");
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().contains(QLatin1String("once the action")), qPrintable(notice->text()));
        QTRY_VERIFY_WITH_TIMEOUT(host.window() != english, 10000);
        answerAgain(timeout);
        MainWindow *again = host.window();
        QCOMPARE(find<QAbstractButton>(again, "deactivateButton")->text(), QStringLiteral("Désactiver"));
        // The answer that arrived just before the switch is still on screen, in the new window's words.
        const QString result = find<QLabel>(again, "resultLine")->text();
        QVERIFY2(result.contains(QLatin1String("demo-user-002")) && result.contains(QStringLiteral("inconnu")),
                 qPrintable(result));
        QCOMPARE(AppSettings(m_console->context->settings()->fileName()).language(), QString());
    }
};

QTEST_MAIN(TestFrench)
#include "tst_gui_french.moc"
