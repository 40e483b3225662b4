// The Bulk tab of the real window against the embedded sandbox: the check is a dry run that sends
// nothing, a run sends each valid row exactly once after the officer types the count, pause and resume
// (from the run and from the stored runs) never send a row twice, failed rows are retried as a linked
// run, closing during a run asks, and a long run notifies when it ends.
#include "bulk/BulkPanel.h"
#include "bulk/BulkRun.h"
#include "bulk/BulkRunLock.h"
#include "bulk/BulkStore.h"
#include "profiles/ProfileController.h"
#include "support/ConsoleTest.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>

using namespace GuiTest;

class TestGuiBulk : public ConsoleTest
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(startConsole("tst_gui_bulk"));
        m_console->prompts.setOpensUrls(false);
    }
    void cleanupTestCase() { QVERIFY(forgetKeychainEntries({})); }

    void checkIsADryRun()
    {
        const int before = sandbox()->requestCount();
        paste({QStringLiteral("dry-1"), QStringLiteral("dry-2"), QStringLiteral("dry-1"),
               QString(300, QLatin1Char('x'))});
        QTest::mouseClick(button("bulkCheckButton"), Qt::LeftButton);
        const QString summary = find<QLabel>(window(), "bulkSummary")->text();
        QVERIFY2(summary.contains(QLatin1String("4 row")) && summary.contains(QLatin1String("2 to send"))
                     && summary.contains(QLatin1String("2 will not be sent")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QLatin1String("line 3")), qPrintable(summary)); // the duplicate, by line
        auto *table = find<QTableView>(window(), "bulkTable");
        QCOMPARE(table->model()->rowCount(), 4);
        QTest::qWait(200);
        QCOMPARE(sandbox()->requestCount(), before);
    }

    void runSendsEachValidRowOnceAfterTheCount()
    {
        const QStringList users = registered(QStringLiteral("once"), 6);
        paste(users + QStringList{users.first()});
        m_console->prompts.setNextAnswer(false); // the officer does not type the count
        QTest::mouseClick(button("bulkStartButton"), Qt::LeftButton);
        QVERIFY(m_console->prompts.asked().contains(QStringLiteral("count:6")));
        QTest::qWait(200);
        const int before = sandbox()->requestCount();
        QVERIFY(!panel()->run());

        QVERIFY(startRun());
        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 20000));
        QCOMPARE(sandbox()->requestCount() - before, 6);
        const BulkCounts c = panel()->run()->counts();
        QCOMPARE(c.succeeded, 6);
        QCOMPARE(c.notSent, 1); // the duplicate
        QCOMPARE(find<QProgressBar>(window(), "bulkProgress")->value(), 6);
        // The results file names every input row; the history knows the run.
        QFile results(panel()->run()->resultsPath());
        QVERIFY(results.open(QIODevice::ReadOnly));
        QCOMPARE(results.readAll().count('\n'), 8); // header + 7 rows
        const QList<HistoryEntry> entries = history(users.at(2));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().runId, panel()->run()->record().id);
        // History filters by the run's id; the lookup shows the action as a bulk run's.
        const QString runId = panel()->run()->record().id;
        auto *tabs = find<QTabWidget>(window(), "mainTabs");
        tabs->setCurrentIndex(1);
        auto *filter = find<QLineEdit>(window(), "historyFilterText");
        QTRY_VERIFY(filter != nullptr);
        filter->setText(runId);
        auto *table = find<QTableView>(window(), "historyTable");
        QTRY_COMPARE(table->model()->rowCount(), 6);
        filter->clear();
        tabs->setCurrentIndex(0);
        userEdit()->setText(users.at(2));
        auto *timeline = find<QAbstractItemView>(window(), "timelineView");
        QTRY_COMPARE(timeline->model()->rowCount(), 1);
        QVERIFY2(timeline->model()->index(0, 1).data().toString().contains(QLatin1String("bulk run")),
                 qPrintable(timeline->model()->index(0, 1).data().toString()));
        // The lookup says "as of" in the window's one time format, with its zone.
        const QString known = find<QLabel>(window(), "knownStateLabel")->text();
        QVERIFY2(known.contains(QDateTime::currentDateTime().timeZoneAbbreviation()), qPrintable(known));
        userEdit()->clear();
        QTest::mouseClick(button("bulkOpenResultsButton"), Qt::LeftButton);
        QVERIFY(m_console->prompts.asked().contains(QStringLiteral("url:")
                                                    + QUrl::fromLocalFile(panel()->run()->resultsPath()).toString()));
    }

    void pauseThenResumeFromTheStoredRuns()
    {
        const QStringList users = registered(QStringLiteral("pause"), 30);
        paste(users);
        find<QSpinBox>(window(), "bulkRateSpin")->setValue(10);
        const int before = sandbox()->requestCount();
        QVERIFY(startRun());
        QVERIFY(QTest::qWaitFor([this] { return panel()->run()->counts().succeeded >= 3; }, 10000));
        QVERIFY(m_console->window->profiles()->isSwitchingLocked()); // the run's answers belong to its profile
        QTest::mouseClick(button("bulkPauseButton"), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([this] { return panel()->run()->record().state == BulkRecord::State::Paused; }, 10000));
        QVERIFY(!m_console->window->profiles()->isSwitchingLocked());
        const int sentBeforeResume = sandbox()->requestCount() - before;
        QVERIFY(sentBeforeResume < 30);
        const QString id = panel()->run()->record().id;

        // Resumed from the list of stored runs, as after a restart: a new run object reads the history.
        auto *runs = find<QComboBox>(window(), "bulkRunsCombo");
        QTRY_VERIFY(runs->findData(id) >= 0); // the stored runs are listed off the GUI thread
        runs->setCurrentIndex(runs->findData(id));
        QVERIFY(runs->currentIndex() >= 0);
        QVERIFY(startRun("bulkResumeRunButton"));
        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 30000));
        QCOMPARE(panel()->run()->record().id, id);
        QCOMPARE(sandbox()->requestCount() - before, 30); // every row once, none twice
        QCOMPARE(panel()->run()->counts().succeeded, 30);
        find<QSpinBox>(window(), "bulkRateSpin")->setValue(0);
    }

    void retryFailedRowsAsALinkedRun()
    {
        const QStringList known = registered(QStringLiteral("retry"), 3);
        paste(known + QStringList{QStringLiteral("retry-unknown-user")}); // the sandbox does not know this one
        QVERIFY(startRun());
        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 20000));
        QCOMPARE(panel()->run()->counts().failed, 1);
        const QString first = panel()->run()->record().id;
        QVERIFY(button("bulkRetryButton")->isEnabled());
        sandbox()->registry().add(QStringLiteral("retry-unknown-user"));
        const int before = sandbox()->requestCount();
        QVERIFY(startRun("bulkRetryButton"));
        QVERIFY(m_console->prompts.asked().contains(QStringLiteral("count:1")));
        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 20000));
        QCOMPARE(panel()->run()->record().parentId, first);
        QCOMPARE(sandbox()->requestCount() - before, 1);
        QCOMPARE(panel()->run()->counts().succeeded, 1);

        // The first run chosen again: its own rows still say "failed", but its retry did the row, so a
        // second retry has nothing to send (planned from the run and its retries, as the CLI plans it).
        auto *runs = find<QComboBox>(window(), "bulkRunsCombo");
        QTRY_VERIFY(runs->findData(first) >= 0);
        runs->setCurrentIndex(runs->findData(first));
        emit runs->activated(runs->currentIndex());          // as the officer's choice in the list
        QTRY_VERIFY(button("bulkRetryButton")->isEnabled()); // its own word: one row failed
        m_console->prompts.clearAsked();
        m_console->prompts.clearNextAnswers(); // the real message box opens, and its text is read
        QTest::mouseClick(button("bulkRetryButton"), Qt::LeftButton);
        QPointer<QMessageBox> box;
        QTRY_VERIFY_WITH_TIMEOUT((box = window()->findChild<QMessageBox *>(QStringLiteral("informationBox"))), 10000);
        QVERIFY2(box->text().contains(QStringLiteral("no rows to retry")), qPrintable(box->text()));
        QVERIFY(!m_console->prompts.asked().contains(QStringLiteral("count:1")));
        box->accept();
        QTRY_VERIFY(box.isNull());
        QTest::qWait(200);
        QCOMPARE(sandbox()->requestCount() - before, 1);
    }

    // One retry of a family at a time, window and CLI alike: while another process holds the family's
    // lock the window's Retry says so and sends nothing; once it is let go the retry goes, and the window
    // lets go of the lock when its retry has ended.
    void retryWaitsForTheFamilysLock()
    {
        const QStringList known = registered(QStringLiteral("famlock"), 2);
        paste(known + QStringList{QStringLiteral("famlock-ghost")}); // the sandbox does not know this one
        QVERIFY(startRun());
        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 20000));
        QCOMPARE(panel()->run()->counts().failed, 1);
        const QString first = panel()->run()->record().id;
        sandbox()->registry().add(QStringLiteral("famlock-ghost"));
        const QString folder = m_console->context->core()->bulkStore()->folder();
        const int before = sandbox()->requestCount();
        {
            BulkRunLock other; // as another process planning a retry of this run would hold it
            QVERIFY(other.acquireFamily(folder, first).ok());
            m_console->prompts.clearAsked();
            m_console->prompts.clearNextAnswers();
            QTest::mouseClick(button("bulkRetryButton"), Qt::LeftButton);
            QPointer<QMessageBox> box;
            QTRY_VERIFY_WITH_TIMEOUT((box = window()->findChild<QMessageBox *>(QStringLiteral("warningBox"))), 10000);
            QVERIFY2(box->text().contains(QStringLiteral("being planned or sent")), qPrintable(box->text()));
            box->accept();
            QTRY_VERIFY(box.isNull());
            QVERIFY(!m_console->prompts.asked().contains(QStringLiteral("count:1")));
            QTest::qWait(200);
            QCOMPARE(sandbox()->requestCount(), before);
        }
        QVERIFY(startRun("bulkRetryButton"));
        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 20000));
        QCOMPARE(panel()->run()->record().parentId, first);
        QCOMPARE(sandbox()->requestCount() - before, 1);
        BulkRunLock after; // the window's retry has ended: its lock is free again
        QTRY_VERIFY(after.acquireFamily(folder, first).ok());
    }

    void closingDuringARunAsks()
    {
        const QStringList users = registered(QStringLiteral("close"), 20);
        paste(users);
        find<QSpinBox>(window(), "bulkRateSpin")->setValue(5);
        QVERIFY(startRun());
        QVERIFY(panel()->isRunning());
        m_console->prompts.setNextAnswer(false); // "keep the window"
        window()->close();
        QVERIFY(m_console->prompts.asked().contains(QStringLiteral("confirm:Close during a bulk run?")));
        QTest::qWait(100);
        QVERIFY(window()->isVisible());
        QVERIFY(panel()->isRunning());
        m_console->prompts.setNextAnswer(true); // Cancel asks first
        QTest::mouseClick(button("bulkCancelButton"), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 10000));
        QCOMPARE(panel()->run()->record().state, BulkRecord::State::Cancelled);
        find<QSpinBox>(window(), "bulkRateSpin")->setValue(0);
    }

    void longRunNotifies()
    {
        panel()->setNotifyAfterMs(0);
        paste(registered(QStringLiteral("notify"), 2));
        QVERIFY(startRun());
        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 20000));
        QVERIFY2(panel()->lastNotification().contains(panel()->run()->record().id),
                 qPrintable(panel()->lastNotification()));
        panel()->setNotifyAfterMs(30000);
    }

    // A stored run's file is read when the officer asks to resume it (on the run files' worker): a finished
    // run is said to have nothing left, and a run file gone since the list was made is a warning.
    void resumingAStoredRunReadsItsFile()
    {
        paste(registered(QStringLiteral("stored"), 1));
        QVERIFY(startRun());
        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 20000));
        const QString id = panel()->run()->record().id;
        const QString file = QFileInfo(panel()->run()->resultsPath()).dir().filePath(id + QStringLiteral(".json"));
        QVERIFY(QFile::exists(file));
        auto *runs = find<QComboBox>(window(), "bulkRunsCombo");
        QTRY_VERIFY(runs->findData(id) >= 0);
        runs->setCurrentIndex(runs->findData(id));
        QTRY_VERIFY(button("bulkResumeRunButton")->isEnabled());
        m_console->prompts.clearAsked();
        m_console->prompts.setNextAnswer(true);
        QTest::mouseClick(button("bulkResumeRunButton"), Qt::LeftButton);
        QTRY_VERIFY(m_console->prompts.asked().contains(QStringLiteral("information:Bulk run")));
        QVERIFY(!m_console->prompts.asked().contains(QStringLiteral("count:1"))); // nothing to confirm
        QCOMPARE(panel()->run()->record().id, id);

        QVERIFY(QFile::remove(file));
        m_console->prompts.clearAsked();
        m_console->prompts.setNextAnswer(true);
        QTRY_VERIFY(button("bulkResumeRunButton")->isEnabled());
        QTest::mouseClick(button("bulkResumeRunButton"), Qt::LeftButton);
        QTRY_VERIFY(m_console->prompts.asked().contains(QStringLiteral("warning:Bulk run")));
        QVERIFY(button("bulkResumeRunButton")->isEnabled()); // usable again once the answer is in
        m_console->prompts.clearNextAnswers();
    }

private:
    // Clicks Start with the count typed (pre-answered) and waits for the new run to exist.
    bool startRun(const char *name = "bulkStartButton")
    {
        const BulkRun *before = panel()->run();
        m_console->prompts.setNextAnswer(true);
        QTest::mouseClick(button(name), Qt::LeftButton);
        return QTest::qWaitFor([this, before] { return panel()->run() && panel()->run() != before; }, 10000);
    }
    BulkPanel *panel() const { return find<BulkPanel>(window(), "bulkPanel"); }
    QPushButton *button(const char *name) const { return window()->findChild<QPushButton *>(QLatin1String(name)); }
    bool finished() const
    {
        const BulkRun *run = panel()->run();
        return run && !run->isActive() && run->record().state != BulkRecord::State::Running;
    }
    QStringList registered(const QString &prefix, int n) const
    {
        QStringList users;
        for (int i = 0; i < n; ++i) {
            users.append(QStringLiteral("%1-%2").arg(prefix).arg(i));
            sandbox()->registry().add(users.last());
        }
        return users;
    }
    void paste(const QStringList &lines)
    {
        auto *tabs = find<QTabWidget>(window(), "mainTabs");
        tabs->setCurrentWidget(panel());
        auto *input = find<QPlainTextEdit>(window(), "bulkInputEdit");
        input->setPlainText(lines.join(QLatin1Char('\n')));
        find<QComboBox>(window(), "bulkActionCombo")
            ->setCurrentIndex(find<QComboBox>(window(), "bulkActionCombo")->findData(int(ActionKind::Deactivate)));
    }
};

QTEST_MAIN(TestGuiBulk)
#include "tst_gui_bulk.moc"
