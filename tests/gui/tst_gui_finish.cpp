// The window looks finished: one way of writing a time in every view, one word per concept, every tab
// reachable by a listed shortcut, and a status bar whose labels neither pose as buttons nor overlap.
#include "HelpMenu.h"
#include "bulk/BulkRunList.h"
#include "bulk/BulkStore.h"
#include "history/HistoryDetailView.h"
#include "history/HistoryFilter.h"
#include "history/HistoryTableModel.h"
#include "history/UserTimelineModel.h"
#include "lookup/LookupPanel.h"
#include "profiles/ProfileController.h"
#include "support/ConsoleTest.h"
#include "team/ApprovalsModel.h"
#include "team/TeamStatusBar.h"

#include <QRegularExpression>
#include <QStatusBar>
#include <QTableView>
#include <QTreeView>

using namespace GuiTest;

namespace {
// "2026-12-06 14:05:09 CET": local time to the second, with its zone.
const QRegularExpression kOneFormat(QStringLiteral(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [A-Z][A-Za-z0-9+:-]*)"));
// What the other formats looked like: "2026-12-06T02:12:54Z", "12/6/26 2:29 AM", "6 Dec 2026 02:12:54".
const QRegularExpression kOtherFormats(QStringLiteral(
    R"(\d{4}-\d\d-\d\dT\d\d|\d{1,2}/\d{1,2}/\d{2}|\b\d{1,2}:\d\d (AM|PM)\b|\b\d{1,2} [A-Z][a-z]{2} \d{4}\b)"));

// Whether `text` writes its times in the window's one format, and only in it.
bool oneFormat(const QString &text)
{
    return kOneFormat.match(text).hasMatch() && !kOtherFormats.match(text).hasMatch();
}
} // namespace

class TestFinish : public ConsoleTest
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(startConsole("tst_gui_finish")); }
    void cleanupTestCase() { QVERIFY(forgetKeychainEntries({})); }

    // Every view that shows a time writes it the same way, with its zone.
    void everyViewWritesTimesOneWay()
    {
        setUser(QStringLiteral("demo-user-003"), QStringLiteral("DOSSIER-7"));
        QTest::mouseClick(find<QAbstractButton>(window(), "deactivateButton"), Qt::LeftButton);
        QVERIFY(waitForResult());
        const QList<HistoryEntry> entries = history(QStringLiteral("demo-user-003"));
        QVERIFY(!entries.isEmpty());
        const HistoryEntry entry = entries.last();

        QStringList seen;
        // The history table and the lookup's timeline.
        auto *tabs = find<QTabWidget>(window(), "mainTabs");
        tabs->setCurrentIndex(1);
        auto *table = window()->findChild<QTableView *>(QStringLiteral("historyTable"));
        QVERIFY(table);
        QTRY_VERIFY(table->model()->rowCount() > 0);
        seen << table->model()->index(0, HistoryTableModel::TimeColumn).data().toString();
        tabs->setCurrentIndex(0);
        auto *timeline = find<QTreeView>(window(), "timelineView");
        QTRY_VERIFY(timeline->model()->rowCount() > 0);
        seen << timeline->model()->index(0, UserTimelineModel::TimeColumn).data().toString();

        // The detail pane, its attempts too.
        const QString detail = HistoryDetailView::describe(entry);
        const QStringList lines = detail.split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            if (line.startsWith(QLatin1String("Time")) || line.startsWith(QLatin1String("  1.")))
                seen << line;
        }

        // The note on a deleted user, the session filter, the team line and the approvals' expiry.
        auto *lookup = find<LookupPanel>(window(), "lookupPanel");
        emit lookup->knownStateChanged(QStringLiteral("demo-user-003"), true, entry.time);
        QString deletedNote;
        for (QWidget *w : find<QWidget>(window(), "actionPanel")->findChildren<QWidget *>()) {
            if (w->toolTip().contains(QLatin1String("was deleted")))
                deletedNote = w->toolTip();
        }
        QVERIFY(!deletedNote.isEmpty());
        seen << deletedNote;
        emit lookup->knownStateChanged(QStringLiteral("demo-user-003"), false, entry.time);

        HistoryFilter proxy;
        proxy.setSessionStart(entry.time);
        proxy.setSessionOnly(true);
        seen << proxy.description();

        TeamStatusBar team;
        TeamStatus down;
        down.configured = true;
        team.setStatus(down);
        seen << team.text();

        ApprovalsModel approvals;
        ApprovalRequest request;
        request.id = 1;
        request.userId = QStringLiteral("u-1");
        request.expiresAt = entry.time.addSecs(3600);
        approvals.setRequests({request});
        seen << approvals.index(0, ApprovalsModel::Expiry).data().toString();

        // The Bulk tab's list of earlier runs.
        BulkRecord run;
        run.id = QStringLiteral("20261206-021254-abcd");
        run.created = entry.time;
        run.updated = entry.time;
        run.state = BulkRecord::State::Finished;
        QVERIFY(m_console->context->core()->bulkStore()->save(run).ok());
        tabs->setCurrentIndex(2);
        QTRY_VERIFY(window()->findChild<BulkRunList *>());
        auto *runs = window()->findChild<BulkRunList *>();
        runs->refresh(run.id);
        auto *combo = find<QComboBox>(window(), "bulkRunsCombo");
        QTRY_VERIFY(combo->findData(run.id) >= 0);
        seen << combo->itemText(combo->findData(run.id));
        tabs->setCurrentIndex(0);

        QStringList wrong;
        for (const QString &text : std::as_const(seen)) {
            if (!oneFormat(text))
                wrong << text;
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral("\n"))));
        // ... and the same text for the same moment.
        const QString when = kOneFormat.match(seen.first()).captured(0);
        QVERIFY2(seen.at(1).contains(when) && seen.at(2).contains(when) && deletedNote.contains(when),
                 qPrintable(seen.join(QStringLiteral("\n"))));
    }

    // Every shortcut the window answers is in Help → Keyboard shortcuts, the Bulk tab's and the
    // Approvals tab's too; without a team there is no Approvals tab, and its menu entry is hidden.
    void everyShortcutIsListed()
    {
        const QString listed = HelpMenu::shortcutsText();
        QStringList missing;
        for (QAction *action : window()->findChildren<QAction *>()) {
            for (const QKeySequence &keys : action->shortcuts()) {
                if (!listed.contains(keys.toString(QKeySequence::NativeText)))
                    missing << action->objectName() + QLatin1Char(' ') + keys.toString();
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
        QVERIFY(listed.contains(QKeySequence(Qt::CTRL | Qt::Key_B).toString(QKeySequence::NativeText)));
        QAction *approvals = find<QAction>(window(), "showApprovalsAction");
        QCOMPARE(approvals->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
        QVERIFY(!approvals->isVisible());
    }

    // The environment's name is plainly a label (no button's border), and says what it means and where
    // the local sandbox listens.
    void environmentIsALabelThatExplains()
    {
        auto *badge = find<QLabel>(window(), "environmentBadge");
        QTRY_VERIFY(window()->profiles()->canSend());
        QVERIFY2(!badge->styleSheet().contains(QLatin1String("border")), qPrintable(badge->styleSheet()));
        QVERIFY2(badge->toolTip().contains(sandbox()->origin().toString()), qPrintable(badge->toolTip()));
    }
};

QTEST_MAIN(TestFinish)
#include "tst_gui_finish.moc"
