// The lookup-and-actions tab and the window's frame fit their words: at the default size
// nothing of ours is clipped (labels, buttons and the timeline's headers are at least as wide as their
// text), the profile bar no longer sets the window's minimum width, and the timeline's columns fit
// their translated headers. (The History tab's own widths belong to its panel.)
#include "history/HistoryTableModel.h"
#include "profiles/ProfileBar.h"
#include "profiles/ProfileController.h"
#include "support/ConsoleTest.h"

#include <QAbstractButton>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>

using namespace GuiTest;

class TestLayout : public ConsoleTest
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(startConsole("tst_gui_layout")); }
    void cleanupTestCase() { QVERIFY(forgetKeychainEntries({QStringLiteral("Layout production")})); }

    void nothingOfOursIsClippedAtTheDefaultSize()
    {
        QTRY_VERIFY(window()->profiles()->canSend());
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

    void profileBarDoesNotSetTheMinimumWidth()
    {
        // The window tiles half a 1440-px screen (it was 869 px at least).
        QVERIFY2(window()->minimumSizeHint().width() <= 720,
                 qPrintable(QString::number(window()->minimumSizeHint().width())));
        auto *bar = find<ProfileBar>(window(), "profileBar");
        QVERIFY2(bar->minimumSizeHint().width() <= 600, qPrintable(QString::number(bar->minimumSizeHint().width())));
        // The full line is kept for the tooltip and for screen readers.
        auto *details = find<QLabel>(window(), "profileDetails");
        QCOMPARE(details->toolTip(), bar->detailsText());
        QVERIFY(bar->detailsText().contains(window()->profiles()->active().partnerId));
        window()->resize(720, 560);
        QTRY_VERIFY(details->width() <= 720);
        QVERIFY(details->fontMetrics().horizontalAdvance(details->text()) <= details->width());
        window()->resize(1100, 700);
    }

    // Nothing the officer aims at moves when hints come and go or the profile changes: the user ID field,
    // the reason and every action button keep their place in the window.
    void controlsStayPutAsHintsAndProfilesChange()
    {
        QTRY_VERIFY(window()->profiles()->canSend());
        window()->resize(1100, 700);
        // A second profile to switch to. Saving the first one retires the first-run tip above the tabs,
        // once; switching between profiles afterwards must move nothing.
        ProfileController *profiles = window()->profiles();
        const QString home = profiles->active().name;
        Profile other;
        other.name = QStringLiteral("Layout production");
        other.partnerId = QStringLiteral("001");
        other.email = QStringLiteral("officer@acme.example");
        other.environment = Environment::Production;
        other.baseUrl = sandbox()->origin();
        QSignalSpy saved(profiles, &ProfileController::saveFinished);
        profiles->save(other, QByteArrayLiteral("layout-key"));
        QTRY_COMPARE(saved.size(), 1);
        setUser(QStringLiteral("demo-user-001"));
        QTest::qWait(100);
        const QStringList names{QStringLiteral("userIdEdit"),        QStringLiteral("reasonEdit"),
                                QStringLiteral("reEnrollButton"),    QStringLiteral("deactivateButton"),
                                QStringLiteral("reactivateButton"),  QStringLiteral("flagFraudButton"),
                                QStringLiteral("unflagFraudButton"), QStringLiteral("deleteButton")};
        const auto places = [this, &names] {
            QStringList out;
            for (const QString &name : names) {
                auto *w = window()->findChild<QWidget *>(name);
                out << (w ? name + QLatin1Char('@') + QString::number(w->mapTo(window(), QPoint()).x())
                                + QLatin1Char(',') + QString::number(w->mapTo(window(), QPoint()).y())
                          : name + QStringLiteral(" missing"));
            }
            return out;
        };
        const QStringList before = places();
        QVERIFY2(!before.join(QLatin1Char(' ')).contains(QStringLiteral("missing")),
                 qPrintable(before.join(QLatin1Char(' '))));
        auto *user = find<QLineEdit>(window(), "userIdEdit");
        for (const QString &typed : {QStringLiteral("bad id with spaces!"), QString(), QStringLiteral("x"),
                                     QStringLiteral("demo-user-002"), QStringLiteral("demo-user-001")}) {
            user->clear();
            QTest::keyClicks(user, typed);
            QTest::qWait(50);
            QCOMPARE(places(), before);
        }
        auto *reason = find<QLineEdit>(window(), "reasonEdit");
        QTest::keyClicks(reason, QStringLiteral("CASE-77"));
        QTest::qWait(50);
        QCOMPARE(places(), before);
        reason->clear();

        profiles->activate(other.name);
        QTRY_VERIFY(profiles->canSend());
        QTest::qWait(100);
        QCOMPARE(places(), before);
        profiles->activate(home);
        QTRY_VERIFY(profiles->canSend());
        QTest::qWait(100);
        QCOMPARE(places(), before);
    }

    // On a wide screen the extra width goes to the reason, not to the code column.
    void wideHistoryGivesTheReasonTheRoom()
    {
        setUser(QStringLiteral("demo-user-001"), QStringLiteral("CASE-1 layout"));
        QTest::mouseClick(find<QAbstractButton>(window(), qPrintable(buttonName(ActionKind::Deactivate))),
                          Qt::LeftButton);
        QVERIFY(waitForResult());
        window()->resize(1440, 900);
        auto *tabs = find<QTabWidget>(window(), "mainTabs");
        tabs->setCurrentIndex(1);
        auto *table = find<QTableView>(window(), "historyTable");
        QTRY_VERIFY(table->isVisible() && table->width() > 600);
        QHeaderView *header = table->horizontalHeader();
        QVERIFY2(header->sectionSize(HistoryTableModel::ReasonColumn)
                     > header->sectionSize(HistoryTableModel::CodeColumn),
                 qPrintable(QStringLiteral("reason %1, code %2")
                                .arg(header->sectionSize(HistoryTableModel::ReasonColumn))
                                .arg(header->sectionSize(HistoryTableModel::CodeColumn))));
        QVERIFY(header->sectionSize(HistoryTableModel::CodeColumn) < 200);
        tabs->setCurrentIndex(0);
        window()->resize(1100, 700);
    }

    void timelineColumnsFitTheirHeaders()
    {
        auto *timeline = find<QTreeView>(window(), "timelineView");
        QHeaderView *header = timeline->header();
        for (int column = 0; column + 1 < header->count(); ++column) {
            const QString text = timeline->model()->headerData(column, Qt::Horizontal).toString();
            QVERIFY2(header->sectionSize(column) >= header->fontMetrics().horizontalAdvance(text) + 16,
                     qPrintable(text));
        }
    }
};

QTEST_MAIN(TestLayout)
#include "tst_gui_layout.moc"
