// The delete confirmation on its own (paste refused every way, exact match only, production warning),
// the prompt seam's pre-answers, and the history-derived "last known state".
#include "PromptService.h"
#include "actions/DeleteConfirmDialog.h"
#include "lookup/KnownState.h"
#include "support/ConsoleTest.h"
#include "widgets/NoPasteLineEdit.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace {
DeleteConfirmation deleting(const QString &userId, Environment environment)
{
    DeleteConfirmation details;
    details.userId = userId;
    details.profile.name = QStringLiteral("Test profile");
    details.profile.partnerId = QStringLiteral("001");
    details.profile.environment = environment;
    details.reason = QStringLiteral("CASE-9");
    return details;
}
} // namespace

class TestDialogs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("tst_gui_dialogs"));
    }

    void deleteNeedsTheExactTypedId()
    {
        DeleteConfirmDialog dialog(deleting(QStringLiteral("Case-ID 42"), Environment::Sandbox));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *edit = dialog.findChild<NoPasteLineEdit *>(QStringLiteral("deleteConfirmEdit"));
        auto *button = dialog.findChild<QAbstractButton *>(QStringLiteral("deleteConfirmButton"));
        QVERIFY(edit && button);
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("deleteProductionWarning")));
        QVERIFY(!button->isEnabled());
        const QStringList unnamed = GuiTest::unnamedControls(&dialog);
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
        QTest::keyClicks(edit, QStringLiteral("case-id 42")); // wrong case
        QVERIFY(!button->isEnabled());
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("Case-ID 42 ")); // trailing space
        QVERIFY(!button->isEnabled());
        QTest::keyClick(edit, Qt::Key_Backspace);
        QVERIFY(button->isEnabled());
        QSignalSpy finished(&dialog, &QDialog::finished);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toInt(), int(QDialog::Accepted));
    }

    void pasteIsRefused()
    {
        DeleteConfirmDialog dialog(deleting(QStringLiteral("demo-user-001"), Environment::Production));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("deleteProductionWarning")));
        auto *edit = dialog.findChild<NoPasteLineEdit *>(QStringLiteral("deleteConfirmEdit"));
        QApplication::clipboard()->setText(QStringLiteral("demo-user-001"));
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("demo-user-001"));
        edit->setFocus();
        QTest::keySequence(edit, QKeySequence::Paste);
        QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
        QTest::keyClick(edit, Qt::Key_Insert, Qt::ShiftModifier);
        QTest::mouseClick(edit, Qt::MiddleButton);
        QCOMPARE(edit->text(), QString());
        QCOMPARE(edit->contextMenuPolicy(), Qt::NoContextMenu);
        QVERIFY(!edit->acceptDrops());
        // Drag-and-drop: a drop event carrying the ID changes nothing.
        QMimeData mime;
        mime.setText(QStringLiteral("demo-user-001"));
        QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(edit, &drop);
        QCOMPARE(edit->text(), QString());
        // Typing still works.
        QTest::keyClicks(edit, QStringLiteral("demo-user-001"));
        QVERIFY(dialog.findChild<QAbstractButton *>(QStringLiteral("deleteConfirmButton"))->isEnabled());
    }

    void promptSeamAnswersInOrderAndLater()
    {
        PromptService prompts;
        prompts.setNextAnswer(true);
        prompts.setNextAnswer(false);
        QList<bool> answers;
        prompts.confirm(nullptr, QStringLiteral("One"), QString(), QStringLiteral("Go"), [&](bool a) { answers << a; });
        prompts.confirmDelete(nullptr, deleting(QStringLiteral("u1"), Environment::Production),
                              [&](bool a) { answers << a; });
        QVERIFY(answers.isEmpty()); // never synchronous, like a real dialog
        QTRY_COMPARE(answers, (QList<bool>{true, false}));
        QCOMPARE(prompts.asked(), (QStringList{QStringLiteral("confirm:One"), QStringLiteral("delete:u1")}));
    }

    void realConfirmBoxDefaultsToCancel()
    {
        PromptService prompts;
        QSignalSpy opened(&prompts, &PromptService::promptOpened);
        QList<bool> answers;
        prompts.confirm(nullptr, QStringLiteral("Deactivate?"), QStringLiteral("Sure?"), QStringLiteral("Deactivate"),
                        [&](bool a) { answers << a; });
        QCOMPARE(opened.size(), 1);
        QDialog *box = opened.first().first().value<QDialog *>();
        QTest::keyClick(box, Qt::Key_Return); // Enter out of habit must not go ahead
        QTRY_COMPARE(answers, QList<bool>{false});
    }

    void knownStateReplaysSuccessfulActions()
    {
        auto entry = [](qint64 id, ActionKind kind, HistoryEntry::Outcome outcome) {
            HistoryEntry e;
            e.id = id;
            e.action = kind;
            e.outcome = outcome;
            e.time = QDateTime::fromSecsSinceEpoch(1700000000 + id, Qt::UTC);
            return e;
        };
        using O = HistoryEntry::Outcome;
        QVERIFY(!KnownState::derive({}).known);
        KnownState s = KnownState::derive({entry(3, ActionKind::Reactivate, O::Failure),
                                           entry(1, ActionKind::Deactivate, O::Success),
                                           entry(2, ActionKind::FlagFraud, O::Success)});
        QVERIFY(s.known && !s.active && s.fraudulent && !s.deleted);
        QCOMPARE(s.actions, 3);
        QCOMPARE(s.asOf, QDateTime::fromSecsSinceEpoch(1700000002, Qt::UTC));
        QVERIFY(s.describe().contains(QLatin1String("Deactivated")));
        s = KnownState::derive(
            {entry(1, ActionKind::Delete, O::Success), entry(2, ActionKind::Reactivate, O::Failure)});
        QCOMPARE(s.describe(), QStringLiteral("Deleted"));
    }
};

QTEST_MAIN(TestDialogs)
#include "tst_gui_dialogs.moc"
