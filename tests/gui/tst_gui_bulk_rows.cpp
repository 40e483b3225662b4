// The Bulk tab's table of rows as an officer reads it: every row while a run sends (live, with its
// outcome) and after it ends, with or without "Show only problems", thousands of rows without a reset
// per row, and a finished or paused run chosen in the list after the window was restarted. A stored run
// of 20,000 rows shows its first rows at once and the rest as the table scrolls, never all at once.
#include "BulkGuiTest.h"
#include "bulk/BulkRowModel.h"
#include "bulk/BulkRunList.h"
#include "bulk/BulkStore.h"

#include <QElapsedTimer>
#include <QScrollBar>
#include <QSignalSpy>

using namespace GuiTest;

class TestGuiBulkRows : public BulkGuiTest
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(startConsole("tst_gui_bulk_rows"));
        m_console->prompts.setOpensUrls(false);
    }
    void cleanupTestCase() { QVERIFY(forgetKeychainEntries({})); }

    void rowsShowWhileTheRunSendsAndAfter()
    {
        QStringList users = registered(QStringLiteral("live"), 30);
        users.insert(10, QStringLiteral("live-nobody")); // the sandbox does not know this one: it fails
        paste(users, ActionKind::Deactivate, 10);
        QVERIFY(startRun());
        QVERIFY(QTest::qWaitFor([this] { return panel()->run()->counts().succeeded >= 3; }, 10000));
        QVERIFY(!finished());
        QTRY_COMPARE(table()->model()->rowCount(), 31);
        QTRY_VERIFY(column(BulkRowModel::Outcome).contains(QStringLiteral("Done")));
        QVERIFY2(column(BulkRowModel::Outcome).contains(QStringLiteral("Waiting")),
                 qPrintable(column(BulkRowModel::Outcome).join(QLatin1Char(','))));
        QVERIFY(!column(BulkRowModel::Outcome).contains(QStringLiteral("Not sent")));
        QCOMPARE(column(BulkRowModel::UserId), users);

        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 30000));
        QTRY_COMPARE(column(BulkRowModel::Outcome).count(QStringLiteral("Done")), 30);
        QCOMPARE(column(BulkRowModel::Outcome).count(QStringLiteral("Failed")), 1);
        auto *problems = find<QCheckBox>(window(), "bulkProblemsOnly");
        problems->setChecked(true);
        QCOMPARE(column(BulkRowModel::UserId), QStringList{QStringLiteral("live-nobody")});
        problems->setChecked(false);
        QCOMPARE(table()->model()->rowCount(), 31);
    }

    // While a run sends, "Show only problems" fills in as rows fail.
    void problemsOnlyDuringTheRun()
    {
        QStringList users = registered(QStringLiteral("prob"), 20);
        users.append(QStringLiteral("prob-nobody"));
        paste(users, ActionKind::Deactivate, 10);
        auto *problems = find<QCheckBox>(window(), "bulkProblemsOnly");
        problems->setChecked(true);
        QVERIFY(startRun());
        QCOMPARE(table()->model()->rowCount(), 0);
        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 30000));
        QTRY_COMPARE(column(BulkRowModel::UserId), QStringList{QStringLiteral("prob-nobody")});
        problems->setChecked(false);
    }

    // Thousands of rows: the table follows them with batched updates, never one reset per row.
    void manyRowsWithoutAResetPerRow()
    {
        const int n = 600;
        paste(registered(QStringLiteral("many"), n), ActionKind::Deactivate, 0);
        auto *model = table()->model();
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(model, &QAbstractItemModel::dataChanged);
        QVERIFY(startRun());
        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 60000));
        QTRY_COMPARE(column(BulkRowModel::Outcome).count(QStringLiteral("Done")), n);
        QVERIFY2(resets.size() <= 2, qPrintable(QString::number(resets.size())));
        QVERIFY2(changes.size() < n / 2, // each row starts and finishes: 2n changes, announced in batches
                 qPrintable(QString::number(changes.size())));
    }

    // After a restart the newest run's rows are on screen, and a paused run chosen in the list shows its
    // rows as they stand: those sent with their outcome, the rest waiting.
    void storedRunsAfterARestart()
    {
        paste(registered(QStringLiteral("kept"), 4) + QStringList{QStringLiteral("kept-0")});
        QVERIFY(startRun());
        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 20000));
        const QString finishedId = panel()->run()->record().id;

        paste(registered(QStringLiteral("held"), 30), ActionKind::Deactivate, 10);
        QVERIFY(startRun());
        QVERIFY(QTest::qWaitFor([this] { return panel()->run()->counts().succeeded >= 3; }, 10000));
        QTest::mouseClick(button("bulkPauseButton"), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([this] { return paused(); }, 10000));
        const QString pausedId = panel()->run()->record().id;
        const int sent = panel()->run()->counts().succeeded;

        QVERIFY(restart()); // the window closes, its sandbox stops; another starts
        // The newest run (the paused one) is shown without asking.
        QTRY_COMPARE(table()->model()->rowCount(), 30);
        QCOMPARE(column(BulkRowModel::Outcome).count(QStringLiteral("Done")), sent);
        QCOMPARE(column(BulkRowModel::Outcome).count(QStringLiteral("Waiting")), 30 - sent);

        QVERIFY(choose(finishedId));
        QTRY_COMPARE(table()->model()->rowCount(), 5);
        QCOMPARE(column(BulkRowModel::Outcome),
                 (QStringList{QStringLiteral("Done"), QStringLiteral("Done"), QStringLiteral("Done"),
                              QStringLiteral("Done"), QStringLiteral("Not sent")}));
        QVERIFY2(find<QLabel>(window(), "bulkCounts")->text().contains(QLatin1String("4 done")),
                 qPrintable(find<QLabel>(window(), "bulkCounts")->text()));
        QVERIFY(choose(pausedId));
        QTRY_COMPARE(table()->model()->rowCount(), 30);
        QVERIFY(find<QLabel>(window(), "bulkState")->text().contains(QLatin1String("paused")));
    }

    void retryOfAStoredRunReadsEveryRow()
    {
        // The table of a stored run holds the rows fetched so far; its retry reads the run whole.
        QStringList users = registered(QStringLiteral("again"), 5);
        users.append(QStringLiteral("again-nobody")); // unknown to the sandbox: it fails
        paste(users, ActionKind::Deactivate, 0);
        QVERIFY(startRun());
        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 20000));
        const QString id = panel()->run()->record().id;
        QVERIFY(restart());
        QVERIFY(choose(id));
        QTRY_COMPARE(table()->model()->rowCount(), 6);
        QTRY_VERIFY(button("bulkRetryButton")->isEnabled());
        sandbox()->registry().add(QStringLiteral("again-nobody"));
        QVERIFY(startRun("bulkRetryButton"));
        QVERIFY(QTest::qWaitFor([this] { return finished(); }, 20000));
        QCOMPARE(panel()->run()->record().parentId, id);
        QCOMPARE(panel()->run()->rows().size(), 1);
        QCOMPARE(panel()->run()->rows().first().row.userId, QStringLiteral("again-nobody"));
        QCOMPARE(panel()->run()->counts().succeeded, 1);
    }

    void aLargeStoredRunIsFetchedAsTheTableScrolls()
    {
        // A finished run of 20,000 rows made on disk (its rows file and header), as a long run leaves it.
        const BulkStore *store = m_console->context->core()->bulkStore();
        BulkRecord r;
        r.id = QStringLiteral("20260102-030405-beef");
        r.action = ActionKind::Deactivate;
        r.reason = QStringLiteral("CASE-20000");
        r.profile.name = QStringLiteral("big");
        r.profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        r.created = QDateTime::currentDateTimeUtc();
        r.resultsPath = store->defaultResultsPath(r.id);
        r.state = BulkRecord::State::Finished;
        constexpr int kRows = 20000;
        for (int i = 0; i < kRows; ++i)
            r.rows.append(BulkRow{i + 2, QStringLiteral("big-%1").arg(i), QString(), QString()});
        QVERIFY(store->save(r).ok());
        find<BulkRunList>(window(), "bulkRunList")->refresh();
        auto *tabs = find<QTabWidget>(window(), "mainTabs");
        tabs->setCurrentWidget(panel());

        QElapsedTimer shown;
        shown.start();
        QVERIFY(choose(r.id));
        QTRY_VERIFY_WITH_TIMEOUT(table()->model()->rowCount() > 0, 5000);
        const qint64 firstMs = shown.elapsed();
        qInfo("first rows of %d shown after %lld ms", kRows, firstMs);
        QVERIFY2(firstMs < 3000, qPrintable(QString::number(firstMs)));
        // One chunk, not the run: the rest waits for the officer to scroll.
        QTest::qWait(200);
        QVERIFY2(table()->model()->rowCount() <= 2 * BulkRowModel::kChunk,
                 qPrintable(QString::number(table()->model()->rowCount())));
        QCOMPARE(table()->model()->index(0, BulkRowModel::UserId).data().toString(), QStringLiteral("big-0"));
        QCOMPARE(table()->model()->index(0, BulkRowModel::Outcome).data().toString(), BulkRowModel::tr("Not sent"));

        // Scrolled to the end again and again, the table brings more, in order, until every row is there.
        int before = table()->model()->rowCount();
        QVERIFY(QTest::qWaitFor(
            [this, &before] {
            QScrollBar *bar = table()->verticalScrollBar();
            bar->setValue(bar->maximum());
            const int now = table()->model()->rowCount();
            if (now < before)
                return true; // never fewer: checked below
            before = now;
            return now == kRows;
            },
            60000));
        QCOMPARE(table()->model()->rowCount(), kRows);
        QCOMPARE(table()->model()->index(kRows - 1, BulkRowModel::UserId).data().toString(),
                 QStringLiteral("big-%1").arg(kRows - 1));
        QCOMPARE(table()->model()->index(kRows - 1, BulkRowModel::Line).data().toInt(), kRows + 1);
        QCOMPARE(table()->model()->index(777, BulkRowModel::UserId).data().toString(), QStringLiteral("big-777"));
    }
};

QTEST_MAIN(TestGuiBulkRows)
#include "tst_gui_bulk_rows.moc"
