// A bulk run's files: the rows in their own file, written before the header and bound to it by their
// SHA-256; headers read without rows; runs of the earlier format (rows inside the header) still read.

#include "bulk/BulkRecord.h"
#include "bulk/BulkRowsFile.h"
#include "bulk/BulkSendLog.h"
#include "bulk/BulkStore.h"
#include "bulk/BulkTally.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <unistd.h>

class TestBulkFiles : public QObject
{
    Q_OBJECT

private slots:
    void rowsLiveBesideTheHeader();
    void headersAreReadWithoutRows();
    void alteredRowsAreNamed_data();
    void alteredRowsAreNamed();
    void rowsWithoutHeaderAreNoRun();
    void earlierFormatStillReads();
    void tallyCountsWithoutRows();
    void pagesWalkTheFile();
    void fullDiskMakesNoRun();

private:
    static BulkRecord runOf(const QString &id, int rows);
};

BulkRecord TestBulkFiles::runOf(const QString &id, int rows)
{
    BulkRecord r;
    r.id = id;
    r.action = ActionKind::Deactivate;
    r.reason = QStringLiteral("CASE-1");
    r.profile.name = QStringLiteral("p");
    r.profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    r.created = QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC);
    r.state = BulkRecord::State::Paused;
    for (int i = 0; i < rows; ++i) {
        BulkRow row;
        row.line = i + 2;
        row.userId = QStringLiteral("user-%1").arg(i);
        if (i % 10 == 9)
            row.problem = QStringLiteral("duplicate of line 2");
        r.rows.append(row);
    }
    return r;
}

void TestBulkFiles::rowsLiveBesideTheHeader()
{
    QTemporaryDir dir;
    const BulkStore store(dir.path());
    const BulkRecord r = runOf(QStringLiteral("20260101-000000-0001"), 1000);
    QVERIFY(store.save(r).ok());
    QFile header(dir.filePath(r.id + QStringLiteral(".json")));
    QVERIFY(header.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(header.readAll()).object();
    QVERIFY(header.size() < 4096); // counts and a hash, not the rows
    QVERIFY(!o.contains(QLatin1String("rows")));
    QCOMPARE(o.value(QLatin1String("format")).toInt(), 3);
    QCOMPARE(o.value(QLatin1String("row_count")).toInt(), 1000);
    QCOMPARE(o.value(QLatin1String("valid_count")).toInt(), 900);
    QFile rows(store.rowsPath(r.id));
    QVERIFY(rows.open(QIODevice::ReadOnly));
    const QByteArray bytes = rows.readAll();
    QCOMPARE(bytes.count('\n'), 1000); // one complete line per row
    QCOMPARE(o.value(QLatin1String("rows_sha256")).toString(), BulkRowsFile::sha256(bytes));
    QCOMPARE(QFileInfo(rows).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());

    const Result<BulkRecord> back = store.load(r.id);
    QVERIFY2(back.ok(), qPrintable(back.message()));
    QVERIFY(!back.value().headerOnly);
    QCOMPARE(back.value().rows.size(), 1000);
    QCOMPARE(back.value().rows.at(9).problem, r.rows.at(9).problem);
    QCOMPARE(back.value().digest(), r.digest());
    QVERIFY(back.value().fileProblem().isEmpty());

    // Saved again (paused, resumed...): the header changes, the rows file never does.
    const QDateTime written = QFileInfo(rows).lastModified();
    BulkRecord again = back.value();
    again.state = BulkRecord::State::Finished;
    QTest::qSleep(20);
    QVERIFY(store.save(again).ok());
    QCOMPARE(QFileInfo(store.rowsPath(r.id)).lastModified(), written);
    QCOMPARE(store.load(r.id).value().state, BulkRecord::State::Finished);
}

void TestBulkFiles::headersAreReadWithoutRows()
{
    QTemporaryDir dir;
    const BulkStore store(dir.path());
    const BulkRecord r = runOf(QStringLiteral("20260101-000000-0002"), 50);
    QVERIFY(store.save(r).ok());
    const QList<BulkRecord> listed = store.list();
    QCOMPARE(listed.size(), 1);
    const BulkRecord &h = listed.first();
    QVERIFY(h.headerOnly);
    QVERIFY(h.rows.isEmpty());
    QCOMPARE(h.totalRows(), 50);
    QCOMPARE(h.validCount(), 45);
    QCOMPARE(h.digest(), r.digest()); // the digest binds the rows without them
    // A header read alone is saved without touching its rows (a state change), and brought its rows on ask.
    BulkRecord paused = h;
    paused.pauseReason = QStringLiteral("again");
    QVERIFY(store.save(paused).ok());
    const Result<BulkRecord> full = store.withRows(paused);
    QVERIFY2(full.ok(), qPrintable(full.message()));
    QCOMPARE(full.value().rows.size(), 50);
    int seen = 0;
    QVERIFY(store.eachRow(h, [&seen](const BulkRow &row) { seen += row.line > 0 ? 1 : 0; }).ok());
    QCOMPARE(seen, 50);
}

void TestBulkFiles::alteredRowsAreNamed_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("says");
    QTest::newRow("edited") << QStringLiteral("edited") << QStringLiteral("altered");
    QTest::newRow("cut mid-line") << QStringLiteral("cut") << QStringLiteral("cut");
    QTest::newRow("a line gone") << QStringLiteral("dropped")
                                 << QStringLiteral("holds 9 rows where its header says 10");
    QTest::newRow("a line added") << QStringLiteral("added") << QStringLiteral("more rows");
    QTest::newRow("not JSON") << QStringLiteral("garbage") << QStringLiteral("damaged line");
    QTest::newRow("missing") << QStringLiteral("missing") << QStringLiteral("missing");
}

void TestBulkFiles::alteredRowsAreNamed()
{
    QFETCH(QString, how);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const BulkStore store(dir.path());
    const BulkRecord r = runOf(QStringLiteral("20260101-000000-0003"), 10);
    QVERIFY(store.save(r).ok());
    QFile file(store.rowsPath(r.id));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    if (how == QLatin1String("edited"))
        bytes.replace("user-3", "victim");
    else if (how == QLatin1String("cut"))
        bytes.chop(5);
    else if (how == QLatin1String("dropped"))
        bytes = bytes.left(bytes.lastIndexOf('\n', bytes.size() - 2) + 1);
    else if (how == QLatin1String("added"))
        bytes += "{\"line\":99,\"user_id\":\"stranger\"}\n";
    else if (how == QLatin1String("garbage"))
        bytes.replace("{\"line\":4", "{\"line\";4");
    if (how == QLatin1String("missing")) {
        QVERIFY(file.remove());
    } else {
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();
    }
    const Result<BulkRecord> loaded = store.load(r.id);
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.kind(), Status::Kind::Storage);
    QVERIFY2(loaded.message().contains(says), qPrintable(loaded.message()));
    QVERIFY2(loaded.message().contains(r.id), qPrintable(loaded.message()));
    const Status verified = BulkRowsFile::verify(store.rowsPath(r.id), r.id, 10,
                                                 store.loadHeader(r.id).value().rowsSha256);
    QVERIFY(!verified.ok());
    // The header alone still lists (the run is named), and its rows are never handed out.
    QCOMPARE(store.list().size(), 1);
    QStringList handed;
    const Status each = store.eachRow(store.loadHeader(r.id).value(),
                                      [&handed](const BulkRow &row) { handed.append(row.userId); });
    QVERIFY(!each.ok());
    QVERIFY(!handed.contains(QStringLiteral("stranger")));
}

void TestBulkFiles::rowsWithoutHeaderAreNoRun()
{
    // What a process killed between the rows file and the header leaves: no run, and its id never reused.
    QTemporaryDir dir;
    const BulkStore store(dir.path());
    const QString id = QStringLiteral("20260101-000000-0004");
    QVERIFY(BulkRowsFile::write(store.rowsPath(id), BulkRowsFile::encode(runOf(id, 3).rows)).ok());
    QFile stray(store.rowsPath(id) + QStringLiteral(".XyZ123")); // a temporary file cut short
    QVERIFY(stray.open(QIODevice::WriteOnly));
    stray.write("{\"line\":2,\"us");
    stray.close();
    QVERIFY(store.list().isEmpty());
    QVERIFY(!store.load(id).ok());
    // The header names the rows file: a new run never takes the orphan's id.
    QCOMPARE(store.checkResultsPath(store.rowsPath(id), QString()).kind(), Status::Kind::Invalid);
}

void TestBulkFiles::earlierFormatStillReads()
{
    // A run file written by the format before the rows file (rows inside the header), made by hand.
    QTemporaryDir dir;
    const QString id = QStringLiteral("20250601-101500-0a1b");
    QVERIFY(QFile::copy(QStringLiteral(ENROLLEE_BULK_FORMAT2_FIXTURE "/%1.json").arg(id),
                        QDir(dir.path()).filePath(id + QStringLiteral(".json"))));
    QFile::setPermissions(QDir(dir.path()).filePath(id + QStringLiteral(".json")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const BulkStore store(dir.path());
    const Result<BulkRecord> loaded = store.load(id);
    QVERIFY2(loaded.ok(), qPrintable(loaded.message()));
    const BulkRecord &r = loaded.value();
    QCOMPARE(r.format, 2);
    QCOMPARE(r.rows.size(), 4);
    QCOMPARE(r.rows.at(1).reason, QStringLiteral("own reason"));
    QCOMPARE(r.validCount(), 3);
    QVERIFY2(r.fileProblem().isEmpty(), qPrintable(r.fileProblem())); // its digest is made as it was made then
    // Listed with its counts, saved as it was (rows inside, no rows file), and read back the same.
    const QList<BulkRecord> listed = store.list();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().totalRows(), 4);
    BulkRecord resumed = r;
    resumed.state = BulkRecord::State::Finished;
    QVERIFY(store.save(resumed).ok());
    QVERIFY(!QFile::exists(store.rowsPath(id)));
    QFile header(QDir(dir.path()).filePath(id + QStringLiteral(".json")));
    QVERIFY(header.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(header.readAll()).object();
    header.close();
    QCOMPARE(o.value(QLatin1String("format")).toInt(), 2);
    QCOMPARE(o.value(QLatin1String("rows")).toArray().size(), 4);
    const Result<BulkRecord> again = store.load(id);
    QVERIFY(again.ok());
    QCOMPARE(again.value().digest(), r.digest());
    QVERIFY(again.value().fileProblem().isEmpty());
    // The same file with a row edited is caught by its own digest.
    QByteArray bytes = QJsonDocument(o).toJson();
    bytes.replace("old-3", "victim");
    QVERIFY(header.open(QIODevice::WriteOnly | QIODevice::Truncate));
    header.write(bytes);
    header.close();
    QVERIFY(!store.load(id).value().fileProblem().isEmpty());
}

void TestBulkFiles::tallyCountsWithoutRows()
{
    // The counts bulk list shows, from a header and a walk of the history, agree with results() over the
    // rows and the whole history.
    BulkRecord r = runOf(QStringLiteral("20260101-000000-0005"), 20);
    QList<HistoryEntry> history;
    qint64 id = 0;
    const auto begin = [&](int line, HistoryEntry::Outcome outcome, int http, const QString &code) {
        HistoryEntry e;
        e.id = ++id;
        e.runId = r.id;
        e.runLine = line;
        e.runDigest = r.digest();
        e.outcome = outcome;
        e.httpStatus = http;
        e.code = code;
        history.append(e);
    };
    begin(2, HistoryEntry::Outcome::Success, 200, {});
    begin(3, HistoryEntry::Outcome::Failure, 400, QStringLiteral("2205"));
    begin(4, HistoryEntry::Outcome::Failure, 400, QStringLiteral("2207")); // already so
    begin(5, HistoryEntry::Outcome::Unknown, 0, {});
    begin(6, HistoryEntry::Outcome::Failure, 0, {});                       // unreachable
    begin(7, HistoryEntry::Outcome::Pending, 0, {});                       // held, never released: not sent
    begin(2, HistoryEntry::Outcome::Failure, 400, QStringLiteral("2205")); // a later record of a line: ignored
    BulkSendLog::Lines log;
    log.held = {7};
    const BulkCounts expected = BulkCounts::of(r.results(history, log));
    BulkRecord header;
    QVERIFY(BulkRecord::fromJson(r.toJson(), &header));
    BulkTally tally({header}, header.id);
    for (auto it = history.crbegin(); it != history.crend(); ++it)
        tally.visit(*it);
    const BulkCounts c = tally.counts(header, log);
    QCOMPARE(c.toJson(), expected.toJson());
    QCOMPARE(c.refused, expected.refused);
    QCOMPARE(c.unreachable, expected.unreachable);
    QCOMPARE(c.total(), 20);
    QVERIFY(tally.headerProblem(header).isEmpty());
    const QList<BulkRowResult> results = r.results(history, log);
    for (const BulkRowResult &want : results) {
        const BulkRowResult got = tally.standing(want.row, log);
        QCOMPARE(int(got.status), int(want.status));
        QCOMPARE(got.entry.id, want.entry.id);
    }
    // A begin record made under another header names the run as altered.
    HistoryEntry other = history.first();
    other.id = ++id;
    other.runDigest = QStringLiteral("f").repeated(64);
    tally.visit(other);
    QVERIFY(tally.headerProblem(header).contains(QStringLiteral("#%1").arg(other.id)));
}

void TestBulkFiles::pagesWalkTheFile()
{
    QTemporaryDir dir;
    const BulkStore store(dir.path());
    const BulkRecord r = runOf(QStringLiteral("20260101-000000-0006"), 250);
    QVERIFY(store.save(r).ok());
    qint64 offset = 0;
    int index = 0;
    QList<BulkRow> all;
    while (index < 250) {
        const Result<BulkRowsFile::Page> page = BulkRowsFile::readPage(store.rowsPath(r.id), r.id, 250, offset, index,
                                                                       100);
        QVERIFY2(page.ok(), qPrintable(page.message()));
        QVERIFY(!page.value().rows.isEmpty());
        all += page.value().rows;
        offset = page.value().next;
        index += int(page.value().rows.size());
    }
    QCOMPARE(all.size(), 250);
    QCOMPARE(all.last().userId, r.rows.last().userId);
    // A page past a cut end says so.
    QVERIFY(QFile::resize(store.rowsPath(r.id), offset - 10));
    QVERIFY(!BulkRowsFile::readPage(store.rowsPath(r.id), r.id, 250, 0, 0, 300).ok());
}

void TestBulkFiles::fullDiskMakesNoRun()
{
    // A run made on a disk that fills up: a clear message, and neither its rows file nor its header left.
    if (::geteuid() != 0)
        QSKIP("mounting a small tmpfs needs root");
    QTemporaryDir dir;
    if (::mount("tmpfs", QFile::encodeName(dir.path()).constData(), "tmpfs", 0, "size=2m") != 0)
        QSKIP("tmpfs cannot be mounted here");
    const BulkStore store(QDir(dir.path()).filePath(QStringLiteral("runs")));
    const BulkRecord big = runOf(QStringLiteral("20260101-000000-0007"), 100000); // about 4 MB of rows
    const Status s = store.save(big);
    QVERIFY(!s.ok());
    QVERIFY2(s.message().contains(QStringLiteral("full"), Qt::CaseInsensitive), qPrintable(s.message()));
    const QStringList left = QDir(store.folder()).entryList(QDir::Files | QDir::Hidden);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    QVERIFY(store.list().isEmpty());
    // A run that fits is made whole on the same disk.
    const BulkRecord small = runOf(QStringLiteral("20260101-000000-0008"), 100);
    QVERIFY(store.save(small).ok());
    QCOMPARE(store.load(small.id).value().rows.size(), 100);
    ::umount(QFile::encodeName(dir.path()).constData());
}

QTEST_GUILESS_MAIN(TestBulkFiles)
#include "tst_bulk_files.moc"
