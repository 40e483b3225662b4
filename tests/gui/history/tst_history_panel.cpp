// HistoryPanel over a HistoryFeed of a HistoryService over a real LocalHistoryBackend in a temporary
// folder: it loads off the GUI thread, shows live appends, filters through its own controls, exports the filtered rows
// through the file-name seam, and shows a tampered or unreadable history plainly.

#include "history/HistoryDetailView.h"
#include "history/HistoryExportNotice.h"
#include "history/HistoryFeed.h"
#include "history/HistoryFilter.h"
#include "history/HistoryPanel.h"
#include "history/HistoryService.h"
#include "history/HistoryTableModel.h"
#include "history/local/LocalHistoryBackend.h"
#include "support/HistorySamples.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QColor>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolButton>
#include <QUrl>

#include <algorithm>
#include <atomic>
#include <memory>
#include <optional>

using namespace HistorySamples;
using Outcome = HistoryEntry::Outcome;

class TestHistoryPanel : public QObject
{
    Q_OBJECT
private:
    static inline const QByteArray kKey = QByteArrayLiteral("test-chain-key");
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    int m_shardCapacity = 100;
    // Built on first use, so a case can set the backend up first; destroyed in reverse order.
    std::unique_ptr<HistoryService> m_service;
    std::unique_ptr<HistoryTableModel> m_model;
    std::unique_ptr<HistoryFeed> m_feed;

    HistoryService &service()
    {
        if (!m_service) {
            auto backend = std::make_unique<LocalHistoryBackend>(m_path);
            backend->setShardCapacity(m_shardCapacity);
            m_service = std::make_unique<HistoryService>(std::move(backend));
            m_service->setChainKey(kKey);
            m_model = std::make_unique<HistoryTableModel>(m_service.get());
            m_feed = std::make_unique<HistoryFeed>(m_service.get(), m_model.get());
        }
        return *m_service;
    }
    HistoryFeed *feed()
    {
        service();
        return m_feed.get();
    }

    // The folder as another reader sees it (shard files, stored hashes).
    std::unique_ptr<LocalHistoryBackend> reader() const
    {
        auto backend = std::make_unique<LocalHistoryBackend>(m_path);
        backend->setChainKey(kKey);
        return backend;
    }

    // Begins `e` through the service the way the runner does and waits for its id (0 on failure).
    qint64 begin(const HistoryEntry &e)
    {
        std::optional<Result<QList<HistoryEntry>>> begun;
        service().begin({e}, this, [&begun](const Result<QList<HistoryEntry>> &r) { begun = r; });
        if (!QTest::qWaitFor([&begun] { return begun.has_value(); }) || !begun->ok())
            return 0;
        return begun->value().first().id;
    }
    bool complete(const HistoryEntry &e)
    {
        std::optional<Status> done;
        service().complete({e}, this, [&done](const Status &s) { done = s; });
        return QTest::qWaitFor([&done] { return done.has_value(); }) && done->ok();
    }

    // Records one action the way the runner does: begin, then complete.
    qint64 record(const QString &user, ActionKind action, Outcome outcome, const QDateTime &time,
                  const QString &reason = QString())
    {
        HistoryEntry e = entry(0, time, user, action, outcome, QStringLiteral("ann@example.com"), reason,
                               outcome == Outcome::Failure ? QStringLiteral("2210") : QString(),
                               outcome == Outcome::Failure ? QStringLiteral("No such enrollee") : QString());
        e.id = begin(e);
        if (e.id > 0 && outcome != Outcome::Pending && !complete(e))
            return 0;
        return e.id;
    }

    static QList<qint64> shownIds(HistoryPanel &panel)
    {
        QList<qint64> ids;
        const QAbstractItemModel *model = panel.view()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            ids.append(model->index(row, 0).data(HistoryTableModel::IdRole).toLongLong());
        return ids;
    }

    static void loadAndVerify(HistoryPanel &panel)
    {
        QSignalSpy verified(&panel, &HistoryPanel::verificationFinished);
        panel.reload();
        QVERIFY(panel.isLoading()); // the load runs on a worker; reload() returned at once
        QVERIFY(verified.wait(10000));
        QVERIFY(!panel.isLoading());
    }

    template <typename T>
    static T *child(HistoryPanel &panel, const char *name)
    {
        T *widget = panel.findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("missing child %s", name);
        return widget;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setApplicationName(QStringLiteral("tst_history_panel"));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_path = m_dir->filePath(QStringLiteral("history"));
        m_shardCapacity = 100;
    }

    void cleanup()
    {
        m_feed.reset();
        m_model.reset();
        m_service.reset();
        m_dir.reset();
    }

    void loadsVerifiesAndFollowsLiveAppends()
    {
        record(QStringLiteral("alice"), ActionKind::Deactivate, Outcome::Success, local(2024, 3, 1, 9),
               QStringLiteral("CASE-1"));
        record(QStringLiteral("bob"), ActionKind::Delete, Outcome::Failure, local(2024, 3, 2, 9),
               QStringLiteral("CASE-2"));
        HistoryPanel panel(feed());
        panel.show();
        QSignalSpy verified(&panel, &HistoryPanel::verificationFinished);
        loadAndVerify(panel);
        QCOMPARE(panel.model()->rowCount(), 2);
        QCOMPARE(shownIds(panel), (QList<qint64>{3, 1})); // newest first
        const ChainReport report = panel.lastVerification();
        QVERIFY(report.ok);
        QCOMPARE(report.records, qint64(4));
        QCOMPARE(child<QLabel>(panel, "historyVerification")->text(),
                 QStringLiteral("History intact: 2 entries checked, none changed."));
        QVERIFY(!child<QLabel>(panel, "historyProblems")->isVisible());
        QCOMPARE(child<QLabel>(panel, "historyCount")->text(), QStringLiteral("Showing 2 of 2 entries"));

        // An action taken while the panel is open appears at once, pending, then with its outcome.
        HistoryEntry live = entry(0, QDateTime(), QStringLiteral("carol"), ActionKind::FlagFraud, Outcome::Pending);
        const qint64 id = begin(live);
        QVERIFY(id > 0);
        // Shown once the service says it is recorded, as the history reads it back (no reload).
        QTRY_COMPARE(panel.model()->rowCount(), 3);
        QTRY_COMPARE(shownIds(panel).first(), id);
        QTRY_COMPARE(panel.model()->entryAt(panel.model()->rowForId(id)).outcome, Outcome::Pending);
        live.id = id;
        live.outcome = Outcome::Success;
        live.httpStatus = 200;
        live.response = QStringLiteral("{\"result\":\"flagged\"}");
        QVERIFY(complete(live));
        QTRY_COMPARE(panel.model()->rowCount(), 3);
        QTRY_COMPARE(panel.model()->entryAt(panel.model()->rowForId(id)).outcome, Outcome::Success);
        // The integrity line follows: the chain is checked again once the new records are in.
        QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(panel, "historyVerification")->text(),
                                  QStringLiteral("History intact: 3 entries checked, none changed."), 10000);

        // The detail pane shows the selected entry whole, raw response included, and follows updates.
        panel.view()->setCurrentIndex(panel.view()->model()->index(1, 0));
        const QString detail = child<HistoryDetailView>(panel, "historyDetail")->toPlainText();
        QVERIFY2(detail.contains(QLatin1String("bob")) && detail.contains(QLatin1String("No such enrollee"))
                     && detail.contains(QLatin1String("CASE-2")) && detail.contains(QLatin1String("Raw response"))
                     && detail.contains(QLatin1String("Sent from")) && !detail.contains(QLatin1String("Face")),
                 qPrintable(detail));
        QSignalSpy activated(&panel, &HistoryPanel::entryActivated);
        panel.view()->setFocus();
        QTest::keyClick(panel.view(), Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().value<HistoryEntry>().userId, QStringLiteral("bob"));
    }

    // A console of its own shows no officer or machine column and no officer in the detail pane; an action
    // sent under an approved request keeps the request's number in its begin record, and the pane names it
    // even when the approver cannot be read here.
    void approvalIsRecordedAndNamed()
    {
        HistoryPanel panel(feed());
        panel.show();
        loadAndVerify(panel);
        QVERIFY(panel.view()->isColumnHidden(HistoryTableModel::OfficerColumn));
        QVERIFY(panel.view()->isColumnHidden(HistoryTableModel::MachineColumn));

        HistoryEntry approved = entry(0, QDateTime(), QStringLiteral("dana"), ActionKind::Delete, Outcome::Pending,
                                      QStringLiteral("ann@example.com"), QStringLiteral("CASE-9"));
        approved.approvalId = 42;
        const qint64 id = begin(approved);
        QVERIFY(id > 0);
        // Read back from disk, not from the copy handed in.
        loadAndVerify(panel);
        QVERIFY(panel.lastVerification().ok);
        const int source = panel.model()->rowForId(id);
        QVERIFY(source >= 0);
        QCOMPARE(panel.model()->entryAt(source).approvalId, qint64(42));
        QCOMPARE(panel.model()->entryAt(source).toJson().value(QLatin1String("approval")).toObject(),
                 (QJsonObject{{QStringLiteral("request"), 42}}));
        QVERIFY(panel.view()->isColumnHidden(HistoryTableModel::OfficerColumn));

        panel.view()->setCurrentIndex(panel.model()->index(source, 0));
        const QString detail = child<HistoryDetailView>(panel, "historyDetail")->toPlainText();
        QVERIFY2(detail.contains(QStringLiteral("request #42")), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("not connected to the team database")), qPrintable(detail));
        QVERIFY2(!detail.contains(QStringLiteral("Officer ")) && !detail.contains(QStringLiteral("Machine ")),
                 qPrintable(detail));

        // An entry without an approval names none.
        HistoryEntry plain = entry(0, QDateTime(), QStringLiteral("erin"), ActionKind::Deactivate, Outcome::Pending);
        const qint64 plainId = begin(plain);
        QVERIFY(plainId > 0);
        QTRY_VERIFY(panel.model()->rowForId(plainId) >= 0);
        QVERIFY(!panel.model()->entryAt(panel.model()->rowForId(plainId)).toJson().contains(QLatin1String("approval")));
        panel.view()->setCurrentIndex(panel.model()->index(panel.model()->rowForId(plainId), 0));
        QVERIFY(!child<HistoryDetailView>(panel, "historyDetail")->toPlainText().contains(QStringLiteral("Approval")));
    }

    void filtersThroughItsControls()
    {
        record(QStringLiteral("alice"), ActionKind::Deactivate, Outcome::Success, local(2024, 3, 1, 9));
        record(QStringLiteral("bob"), ActionKind::Delete, Outcome::Failure, local(2024, 3, 2, 9));
        record(QStringLiteral("alice"), ActionKind::Delete, Outcome::Success, local(2024, 3, 3, 9));
        HistoryPanel panel(feed());
        panel.setSessionStart(QDateTime::currentDateTime().addSecs(-1));
        panel.show();
        loadAndVerify(panel);
        QCOMPARE(shownIds(panel), (QList<qint64>{5, 3, 1}));

        auto *text = child<QLineEdit>(panel, "historyFilterText");
        QTest::keyClicks(text, QStringLiteral("ALICE"));
        QTRY_COMPARE(shownIds(panel), (QList<qint64>{5, 1}));
        text->clear();
        QTRY_COMPARE(shownIds(panel).size(), 3);

        auto *action = child<QComboBox>(panel, "historyFilterAction");
        action->setCurrentIndex(action->findData(int(ActionKind::Delete)));
        QTRY_COMPARE(shownIds(panel), (QList<qint64>{5, 3}));
        auto *outcome = child<QComboBox>(panel, "historyFilterOutcome");
        outcome->setCurrentIndex(outcome->findData(int(Outcome::Failure)));
        QTRY_COMPARE(shownIds(panel), (QList<qint64>{3}));
        action->setCurrentIndex(0);
        outcome->setCurrentIndex(0);

        auto *allDates = child<QCheckBox>(panel, "historyFilterAllDates");
        auto *from = child<QDateEdit>(panel, "historyFilterFrom");
        auto *to = child<QDateEdit>(panel, "historyFilterTo");
        QVERIFY(!from->isEnabled());
        from->setDate(QDate(2024, 3, 2));
        to->setDate(QDate(2024, 3, 2));
        QTRY_COMPARE(shownIds(panel).size(), 3); // dates apply only once "All dates" is off
        allDates->click();
        QVERIFY(from->isEnabled());
        QTRY_COMPARE(shownIds(panel), (QList<qint64>{3}));
        to->setDate(QDate(2024, 3, 3));
        QTRY_COMPARE(shownIds(panel), (QList<qint64>{5, 3}));
        allDates->click();
        QTRY_COMPARE(shownIds(panel).size(), 3);

        auto *session = child<QCheckBox>(panel, "historyFilterSession");
        session->click();
        QTRY_COMPARE(shownIds(panel), QList<qint64>{});
        const qint64 id = record(QStringLiteral("dave"), ActionKind::Reactivate, Outcome::Success, QDateTime());
        QTRY_COMPARE(shownIds(panel), QList<qint64>{id});
        QTRY_COMPARE(child<QLabel>(panel, "historyCount")->text(), QStringLiteral("Showing 1 of 4 entries"));
    }

    // Records `count` answered actions in two commits, as a bulk run does.
    void recordMany(int count)
    {
        QList<HistoryEntry> batch;
        for (int i = 0; i < count; ++i)
            batch.append(entry(0, local(2024, 1, 1).addSecs(i * 60), QStringLiteral("user-%1").arg(i),
                               ActionKind::ReEnroll, Outcome::Pending));
        std::optional<Result<QList<HistoryEntry>>> begun;
        service().begin(batch, this, [&begun](const Result<QList<HistoryEntry>> &r) { begun = r; });
        QVERIFY(QTest::qWaitFor([&begun] { return begun.has_value(); }, 30000));
        QVERIFY(begun->ok());
        QList<HistoryEntry> answers = begun->value();
        for (HistoryEntry &e : answers) {
            e.outcome = Outcome::Success;
            e.httpStatus = 200;
        }
        std::optional<Status> done;
        service().complete(answers, this, [&done](const Status &st) { done = st; });
        QVERIFY(QTest::qWaitFor([&done] { return done.has_value(); }, 30000));
        QVERIFY(done->ok());
    }

    // A long export shows a bar and Cancel; the officer's Cancel stops it and leaves no file behind.
    void exportCanBeCancelledAndLeavesNoFile()
    {
        recordMany(300);
        HistoryPanel panel(feed());
        panel.show();
        loadAndVerify(panel);
        QTRY_COMPARE(child<QLabel>(panel, "historyCount")->text(), QStringLiteral("Showing 300 of 300 entries"));
        const QString path = m_dir->filePath(QStringLiteral("all.json"));
        QSignalSpy exported(&panel, &HistoryPanel::exportFinished);
        // The history thread is held busy, so the export is still waiting when Cancel is clicked.
        std::atomic<bool> gate{false};
        service().run<bool>(
            [&gate](HistoryBackend &) {
            while (!gate)
                QThread::msleep(1);
            return true;
            },
            this, [](bool) {});
        panel.exportTo(path, HistoryExporter::Format::Json);
        auto *cancel = child<QToolButton>(panel, "historyExportCancel");
        QVERIFY(cancel->isVisible());
        QVERIFY(child<QProgressBar>(panel, "historyExportProgress")->isVisible());
        QVERIFY(!child<QToolButton>(panel, "historyExport")->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        gate = true;
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.first().at(1).toString(), QStringLiteral("The export was cancelled; no file was written."));
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY(!cancel->isVisible());
        QVERIFY(!child<QProgressBar>(panel, "historyExportProgress")->isVisible());
        QVERIFY(child<QToolButton>(panel, "historyExport")->isEnabled());
        QDir folder(m_dir->path());
        QCOMPARE(folder.entryList({QStringLiteral("all*")}, QDir::Files | QDir::Hidden), QStringList());

        // Not cancelled, oldest first: every entry, in the view's order, read a page at a time.
        panel.view()->sortByColumn(HistoryTableModel::TimeColumn, Qt::AscendingOrder);
        QTRY_COMPARE(shownIds(panel).first(), qint64(1));
        exported.clear();
        panel.exportTo(path, HistoryExporter::Format::Json);
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.first().at(1).toString(), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(root.value(QLatin1String("count")).toInt(), 300);
        const QJsonArray entries = root.value(QLatin1String("entries")).toArray();
        QCOMPARE(entries.size(), 300);
        qint64 previous = 0;
        for (const QJsonValue &v : entries) {
            const qint64 id = v.toObject().value(QLatin1String("id")).toInteger();
            QVERIFY2(id > previous, qPrintable(QString::number(id)));
            QVERIFY(v.toObject().value(QLatin1String("chain_verified")).toBool());
            previous = id;
        }
    }

    void exportsTheFilteredRowsThroughTheSeam()
    {
        record(QStringLiteral("alice"), ActionKind::Deactivate, Outcome::Success, local(2024, 3, 1, 9),
               QStringLiteral("a, \"b\""));
        record(QStringLiteral("bob"), ActionKind::Delete, Outcome::Failure, local(2024, 3, 2, 9));
        record(QStringLiteral("alice"), ActionKind::Delete, Outcome::Success, local(2024, 3, 3, 9));
        HistoryPanel panel(feed());
        QStringList asked;
        QString answer;
        QStringList suggested;
        panel.setSaveFileNameProvider([&](const QString &title, const QString &filter, const QString &start) {
            asked.append(title + QLatin1Char('|') + filter);
            suggested.append(start);
            return answer;
        });
        panel.show();
        loadAndVerify(panel);
        QTest::keyClicks(child<QLineEdit>(panel, "historyFilterText"), QStringLiteral("alice"));
        QTRY_COMPARE(shownIds(panel), (QList<qint64>{5, 1}));
        QSignalSpy exported(&panel, &HistoryPanel::exportFinished);

        answer = m_dir->filePath(QStringLiteral("alice")); // no suffix: the format's is added
        child<QAction>(panel, "historyExportCsv")->trigger();
        QVERIFY(exported.wait(10000));
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().contains(QLatin1String("*.csv")));
        // A real file name is offered, in Documents, never the folder's name alone.
        QCOMPARE(QFileInfo(suggested.first()).fileName(),
                 QStringLiteral("enrollee-history-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
        QCOMPARE(QFileInfo(suggested.first()).absolutePath(),
                 QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
        // The message has its own line, with "Open folder" onto the file's folder; the count line is untouched.
        auto *notice = child<HistoryExportNotice>(panel, "historyExportNotice");
        QVERIFY(notice->isVisible());
        QVERIFY2(notice->text().startsWith(QLatin1String("Exported 2 entries to ")), qPrintable(notice->text()));
        QVERIFY(child<QToolButton>(panel, "historyOpenFolder")->isVisible());
        QCOMPARE(notice->folderUrl(), QUrl::fromLocalFile(m_dir->path()));
        QTRY_COMPARE(child<QLabel>(panel, "historyCount")->text(), QStringLiteral("Showing 2 of 3 entries"));
        QCOMPARE(exported.first().at(0).toString(), m_dir->filePath(QStringLiteral("alice.csv")));
        QCOMPARE(exported.first().at(1).toString(), QString());
        QFile csv(m_dir->filePath(QStringLiteral("alice.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = parseCsv(csv.readAll());
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(1).at(0), QStringLiteral("5")); // view order: newest first
        QCOMPARE(rows.at(2).at(0), QStringLiteral("1"));
        QCOMPARE(rows.at(2).at(rows.at(0).indexOf(QLatin1String("reason"))), QStringLiteral("a, \"b\""));
        const QStringList &header = rows.at(0);
        QCOMPARE(rows.at(1).at(header.indexOf(QLatin1String("chain_verified"))), QStringLiteral("yes"));
        // Each row names its records and their chain hashes, as the store holds them.
        const HistoryRead stored = reader()->read(1).valueOr(HistoryRead());
        const auto newest = std::find_if(stored.entries.cbegin(), stored.entries.cend(),
                                         [](const HistoryEntry &e) { return e.id == 5; });
        QVERIFY(newest != stored.entries.cend());
        QCOMPARE(newest->recordHash.size(), 64);
        QCOMPARE(rows.at(1).at(header.indexOf(QLatin1String("record_hash"))), newest->recordHash);
        QCOMPARE(rows.at(1).at(header.indexOf(QLatin1String("completion_record"))),
                 QString::number(newest->completionRecord));
        QCOMPARE(rows.at(1).at(header.indexOf(QLatin1String("completion_hash"))), newest->completionHash);

        exported.clear();
        answer = m_dir->filePath(QStringLiteral("alice.json"));
        child<QAction>(panel, "historyExportJson")->trigger();
        QVERIFY(exported.wait(10000));
        QFile json(answer);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(root.value(QLatin1String("count")).toInt(), 2);
        QVERIFY(root.value(QLatin1String("filter")).toString().contains(QLatin1String("alice")));
        QCOMPARE(root.value(QLatin1String("history_directory")).toString(), m_path);
        const QJsonObject verification = root.value(QLatin1String("verification")).toObject();
        QCOMPARE(verification.value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(verification.value(QLatin1String("records_checked")).toInt(), 6);
        // The export is anchored: the newest record vouched for, with its hash, as the store has it.
        QCOMPARE(verification.value(QLatin1String("head_record")).toInt(), 6);
        QCOMPARE(verification.value(QLatin1String("head_hash")).toString(), newest->completionHash);
        const QJsonArray entries = root.value(QLatin1String("entries")).toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).toObject().value(QLatin1String("id")).toInt(), 5);
        QCOMPARE(entries.at(1).toObject().value(QLatin1String("user_id")).toString(), QStringLiteral("alice"));

        // Cancelling writes nothing; a folder is refused with a visible message.
        exported.clear();
        answer.clear();
        child<QAction>(panel, "historyExportCsv")->trigger();
        QCOMPARE(exported.count(), 0);
        answer = m_dir->path();
        child<QAction>(panel, "historyExportCsv")->trigger();
        QCOMPARE(exported.count(), 1);
        QVERIFY(exported.first().at(1).toString().contains(QLatin1String("is a folder")));
        QVERIFY(child<QLabel>(panel, "historyMessage")->text().contains(QLatin1String("is a folder")));
        QVERIFY(!child<QToolButton>(panel, "historyOpenFolder")->isVisible());
    }

    void showsATamperedShard()
    {
        record(QStringLiteral("alice"), ActionKind::Deactivate, Outcome::Success, local(2024, 3, 1, 9));
        record(QStringLiteral("mallory"), ActionKind::Delete, Outcome::Success, local(2024, 3, 2, 9));
        const QStringList shards = reader()->shardFiles();
        QCOMPARE(shards.size(), 1);
        QFile file(shards.first());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        const qsizetype at = bytes.indexOf("mallory");
        QVERIFY(at > 0);
        bytes[at] = 'n'; // one byte: "nallory"
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        QVERIFY(file.flush());
        // QSettings re-reads a file only when its size or time changed; a same-size edit within one
        // file-system tick of the last write would be served from its cache. A person is never that fast.
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(5), QFileDevice::FileModificationTime));
        file.close();

        HistoryPanel panel(feed());
        panel.show();
        loadAndVerify(panel);
        const ChainReport report = panel.lastVerification();
        QVERIFY(!report.ok);
        QCOMPARE(report.firstBadEntry, qint64(3));
        auto *label = child<QLabel>(panel, "historyVerification");
        QVERIFY(label->isVisible());
        QVERIFY2(label->text().startsWith(QLatin1String("History check failed: ")), qPrintable(label->text()));
        QVERIFY2(label->text().contains(report.problem), qPrintable(label->text()));
        QVERIFY(label->text().contains(QLatin1String("#3")));
        QCOMPARE(panel.model()->rowCount(), 2); // the altered entry stays visible
        // ...and is marked in the table: icon, colour and a tooltip naming the problem; the intact one is not.
        const QAbstractItemModel *shown = panel.view()->model();
        QModelIndex altered, intact;
        for (int row = 0; row < shown->rowCount(); ++row) {
            const QModelIndex index = shown->index(row, HistoryTableModel::TimeColumn);
            (index.data(HistoryTableModel::IdRole).toLongLong() == 3 ? altered : intact) = index;
        }
        QVERIFY(altered.isValid() && intact.isValid());
        QVERIFY(!altered.data(HistoryTableModel::AlteredRole).toString().isEmpty());
        QVERIFY(!altered.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(altered.data(Qt::BackgroundRole).value<QColor>().isValid());
        const QString tip = altered.siblingAtColumn(HistoryTableModel::UserColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(QLatin1String("This entry was changed after it was recorded")), qPrintable(tip));
        QVERIFY(!intact.data(HistoryTableModel::AlteredRole).isValid());
        QVERIFY(!intact.data(Qt::BackgroundRole).isValid());
        QCOMPARE(panel.model()->alteredCount(), 1);
    }

    void emptyStateAndClearFilters()
    {
        HistoryPanel panel(feed());
        panel.show();
        loadAndVerify(panel);
        auto *empty = child<QLabel>(panel, "historyEmptyState");
        QVERIFY(empty->isVisible());
        QVERIFY(!panel.view()->isVisible());
        QVERIFY2(empty->text().startsWith(QLatin1String("No history entries yet")), qPrintable(empty->text()));

        record(QStringLiteral("alice"), ActionKind::Deactivate, Outcome::Success, local(2024, 3, 1, 9));
        QTRY_VERIFY(panel.view()->isVisible());
        QVERIFY(!empty->isVisible());
        auto *clear = child<QToolButton>(panel, "historyClearFilters");
        QVERIFY(!clear->isEnabled()); // nothing to clear

        QTest::keyClicks(child<QLineEdit>(panel, "historyFilterText"), QStringLiteral("nobody"));
        QTRY_VERIFY(empty->isVisible());
        QVERIFY2(empty->text().contains(QLatin1String("No entries match these filters")), qPrintable(empty->text()));
        QVERIFY(clear->isEnabled());

        // "All dates" and "This session" are never both ticked.
        auto *allDates = child<QCheckBox>(panel, "historyFilterAllDates");
        auto *session = child<QCheckBox>(panel, "historyFilterSession");
        QVERIFY(allDates->isChecked());
        session->click();
        QVERIFY(session->isChecked());
        QVERIFY(!allDates->isChecked());
        QVERIFY(!child<QDateEdit>(panel, "historyFilterFrom")->isEnabled());
        allDates->click();
        QVERIFY(allDates->isChecked());
        QVERIFY(!session->isChecked());
        session->click();

        QTest::mouseClick(clear, Qt::LeftButton);
        QVERIFY(child<QLineEdit>(panel, "historyFilterText")->text().isEmpty());
        QVERIFY(allDates->isChecked());
        QVERIFY(!session->isChecked());
        QTRY_COMPARE(shownIds(panel).size(), 1);
        QVERIFY(panel.view()->isVisible());
        QVERIFY(!clear->isEnabled());
    }

    void contextMenuAndDoubleClick()
    {
        record(QStringLiteral("alice"), ActionKind::Deactivate, Outcome::Success, local(2024, 3, 1, 9));
        record(QStringLiteral("bob"), ActionKind::FlagFraud, Outcome::Success, local(2024, 3, 2, 9),
               QStringLiteral("CASE-1"));
        record(QStringLiteral("carol"), ActionKind::Delete, Outcome::Success, local(2024, 3, 3, 9));
        HistoryPanel panel(feed());
        panel.show();
        loadAndVerify(panel);
        QCOMPARE(shownIds(panel), (QList<qint64>{5, 3, 1})); // newest first: carol, bob, alice
        QSignalSpy open(&panel, &HistoryPanel::openUserRequested);
        const QAbstractItemModel *shown = panel.view()->model();
        const QRect bobRect = panel.view()->visualRect(shown->index(1, HistoryTableModel::UserColumn));
        QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {}, bobRect.center());
        QTest::mouseDClick(panel.view()->viewport(), Qt::LeftButton, {}, bobRect.center());
        QTRY_COMPARE(open.count(), 1);
        QCOMPARE(open.first().first().toString(), QStringLiteral("bob"));

        panel.view()->setCurrentIndex(shown->index(1, 0));
        child<QAction>(panel, "historyCopyUserId")->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("bob"));
        child<QAction>(panel, "historyOpenInLookup")->trigger();
        QCOMPARE(open.count(), 2);
        QCOMPARE(open.last().first().toString(), QStringLiteral("bob"));

        // Export selection writes exactly the selected rows, in view order.
        panel.view()->selectionModel()->select(shown->index(0, 0),
                                               QItemSelectionModel::Select | QItemSelectionModel::Rows);
        panel.view()->selectionModel()->select(shown->index(2, 0),
                                               QItemSelectionModel::Select | QItemSelectionModel::Rows);
        panel.view()->selectionModel()->select(shown->index(1, 0),
                                               QItemSelectionModel::Deselect | QItemSelectionModel::Rows);
        QString path = m_dir->filePath(QStringLiteral("selected.csv"));
        panel.setSaveFileNameProvider([&](const QString &, const QString &, const QString &) { return path; });
        QSignalSpy exported(&panel, &HistoryPanel::exportFinished);
        child<QAction>(panel, "historyExportSelection")->trigger();
        QVERIFY(exported.wait(10000));
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = parseCsv(csv.readAll());
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(1).at(0), QStringLiteral("5"));
        QCOMPARE(rows.at(2).at(0), QStringLiteral("1"));
    }

    void showsAnUnreadableShard()
    {
        m_shardCapacity = 2;
        record(QStringLiteral("alice"), ActionKind::Deactivate, Outcome::Success, local(2024, 3, 1, 9));
        record(QStringLiteral("bob"), ActionKind::Delete, Outcome::Success, local(2024, 3, 2, 9));
        QStringList shards = reader()->shardFiles();
        QCOMPARE(shards.size(), 2);
        QFile file(shards.first());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("\x01\x02 not a history file\n");
        file.close();

        HistoryPanel panel(feed());
        panel.show();
        loadAndVerify(panel);
        auto *problems = child<QLabel>(panel, "historyProblems");
        QVERIFY(problems->isVisible());
        // Named, and left where it is: reads never move files any more.
        QVERIFY2(problems->text().contains(QFileInfo(shards.first()).fileName()), qPrintable(problems->text()));
        QVERIFY2(problems->text().contains(QLatin1String("left where it is")), qPrintable(problems->text()));
        QVERIFY(QFile::exists(shards.first()));
        QCOMPARE(reader()->shardFiles(), shards);
        QVERIFY(!QFileInfo::exists(QDir(m_path).filePath(QStringLiteral("quarantine"))));
        QCOMPARE(panel.model()->rowCount(), 1); // what could be read is shown
        QVERIFY(!panel.lastVerification().ok);
        QVERIFY(child<QLabel>(panel, "historyVerification")->text().startsWith(QLatin1String("History check failed")));

        // A reload reads the same files again and still shows the problem: nothing was hidden by the first.
        loadAndVerify(panel);
        QVERIFY(problems->isVisible());
        QVERIFY2(problems->text().contains(QFileInfo(shards.first()).fileName()), qPrintable(problems->text()));
        QCOMPARE(panel.model()->rowCount(), 1);
        QVERIFY(!panel.lastVerification().ok);
    }

    void everyControlIsNamedForScreenReaders()
    {
        HistoryPanel panel(feed());
        const QList<QWidget *> widgets = panel.findChildren<QWidget *>();
        for (const char *name :
             {"historyFilterText", "historyFilterAction", "historyFilterOutcome", "historyFilterAllDates",
              "historyFilterFrom", "historyFilterTo", "historyFilterSession", "historyReload", "historyExport",
              "historyTable", "historyDetail", "historyVerification", "historyClearFilters", "historyEmptyState",
              "historyOpenFolder", "historyMessageClose", "historyMessage"}) {
            auto *widget = panel.findChild<QWidget *>(QLatin1String(name));
            QVERIFY2(widget, name);
            QVERIFY2(!widget->accessibleName().isEmpty(), name);
        }
        QVERIFY(!widgets.isEmpty());
        const QByteArray state = panel.saveState();
        QVERIFY(panel.restoreState(state));
        QVERIFY(!panel.restoreState(QByteArrayLiteral("junk")));
    }
};

QTEST_MAIN(TestHistoryPanel)
#include "tst_history_panel.moc"
