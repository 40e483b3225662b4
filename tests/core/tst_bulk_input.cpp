// The parts of bulk runs that need no network: input parsing and row checks, the rate window, the
// classification of answers ("already so"), a run header's round trip, and the results file's shape.
#include "bulk/BulkInput.h"
#include "bulk/BulkRecord.h"
#include "bulk/BulkResults.h"
#include "bulk/BulkRowsFile.h"
#include "bulk/BulkThrottle.h"

#include <QTemporaryDir>
#include <QTest>

class TestBulkInput : public QObject
{
    Q_OBJECT

private slots:
    void csvWithBomCrlfAndReasons();
    void onePerLine();
    void namedColumn();
    void wholeFileRefusals_data();
    void wholeFileRefusals();
    void rowProblems();
    void quotedLineBreakStaysInItsRow();
    void malformedCsvRefusedByLine_data();
    void malformedCsvRefusedByLine();
    void endlessInputRefusedInBoundedMemory();
    void rowLimit();
    void throttleHoldsEveryWindow();
    void throttleHoldsAndSlowsOn429();
    void alreadySoCodes();
    void resultsFromHistory();
    void headerRoundTrip();
    void resultsCsvDefusesFormulas();
};

void TestBulkInput::csvWithBomCrlfAndReasons()
{
    const QByteArray bytes = "\xEF\xBB\xBFuser_id,reason\r\n\"a,1\",\"case \"\"x\"\"\"\r\nb-2,\r\n\r\n\r\n";
    const Result<BulkInput> input = BulkInput::parse(bytes, {}, QStringLiteral("default"));
    QVERIFY(input.ok());
    QVERIFY(input.value().isCsv());
    QCOMPARE(input.value().rows().size(), 2); // trailing blank lines are no rows
    QCOMPARE(input.value().rows().at(0).userId, QStringLiteral("a,1"));
    QCOMPARE(input.value().rows().at(0).line, 2);
    QCOMPARE(input.value().rows().at(0).reason, QStringLiteral("case \"x\""));
    QCOMPARE(input.value().rows().at(1).reason, QStringLiteral("default"));
    QCOMPARE(input.value().sha256().size(), 64);
}

void TestBulkInput::onePerLine()
{
    const Result<BulkInput> input = BulkInput::parse("  u-1  \nu-2\n", {}, {});
    QVERIFY(input.ok());
    QVERIFY(!input.value().isCsv());
    QCOMPARE(input.value().rows().at(0).userId, QStringLiteral("u-1"));
    QCOMPARE(input.value().rows().at(1).line, 2);
    QCOMPARE(input.value().validCount(), 2);
}

void TestBulkInput::namedColumn()
{
    const Result<BulkInput> input = BulkInput::parse("name,Customer\nAnn,c-1\nBob,c-2\n", QStringLiteral("customer"),
                                                     {});
    QVERIFY(input.ok());
    QCOMPARE(input.value().rows().at(1).userId, QStringLiteral("c-2"));
}

void TestBulkInput::wholeFileRefusals_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("column");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("only blank lines") << QByteArray("\n \r\n") << QString();
    QTest::newRow("not UTF-8") << QByteArray("ok\n\xFF\xFE\n") << QString();
    QTest::newRow("no such column") << QByteArray("a,b\n1,2\n") << QString();
    QTest::newRow("named column missing") << QByteArray("user_id\nx\n") << QStringLiteral("customer");
    QTest::newRow("header only") << QByteArray("user_id\n") << QString();
}

void TestBulkInput::wholeFileRefusals()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, column);
    const Result<BulkInput> input = BulkInput::parse(bytes, column, {});
    QVERIFY(!input.ok());
    QCOMPARE(input.kind(), Status::Kind::Invalid);
}

void TestBulkInput::rowProblems()
{
    const QByteArray bytes = "user_id\nok\n\nok\nx\x07y\n" + QByteArray(257, 'z')
        + "\n\xE2\x80\xAE"
          "evil\n";
    const Result<BulkInput> input = BulkInput::parse(bytes, {}, {});
    QVERIFY(input.ok());
    const QList<BulkRow> &rows = input.value().rows();
    QCOMPARE(rows.size(), 6);
    QVERIFY(rows.at(0).valid());
    QCOMPARE(rows.at(1).problem, QStringLiteral("blank"));
    QCOMPARE(rows.at(2).problem, QStringLiteral("duplicate of line 2"));
    QVERIFY(!rows.at(3).valid()); // control character
    QVERIFY(!rows.at(4).valid()); // too long
    QVERIFY(!rows.at(5).valid()); // bidi override
    QCOMPARE(input.value().validCount(), 1);
}

void TestBulkInput::quotedLineBreakStaysInItsRow()
{
    // A quoted field spanning lines is one field of one row: its second line must never become a
    // user ID of its own (in a delete run it could name a real user).
    const QByteArray bytes = "user_id,reason\r\n0001,a\r\n\"0004\r\nCASE-4 newline in id\",r\r\n"
                             "\"x,\"\"y\"\"\",\"two\nlines\"\r\n0005,b\r\n";
    const Result<BulkInput> input = BulkInput::parse(bytes, {}, QStringLiteral("default"));
    QVERIFY2(input.ok(), qPrintable(input.message()));
    const QList<BulkRow> &rows = input.value().rows();
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.at(0).userId, QStringLiteral("0001"));
    QCOMPARE(rows.at(1).line, 3);
    QVERIFY(!rows.at(1).valid()); // a line break in a user ID is a control character: not sent
    QCOMPARE(rows.at(2).line, 5);
    QCOMPARE(rows.at(2).userId, QStringLiteral("x,\"y\""));
    QCOMPARE(rows.at(2).reason, QStringLiteral("two\nlines"));
    QCOMPARE(rows.at(3).line, 7);
    QCOMPARE(rows.at(3).userId, QStringLiteral("0005"));
    for (const BulkRow &row : rows)
        QVERIFY2(!row.userId.startsWith(QLatin1String("CASE-4")), qPrintable(row.userId));
    QCOMPARE(input.value().validCount(), 3);
}

void TestBulkInput::malformedCsvRefusedByLine_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("line");
    QTest::newRow("quote inside a field") << QByteArray("user_id\nok\nab\"c\n") << 3;
    QTest::newRow("text after a closing quote") << QByteArray("user_id,reason\n\"ab\"c,r\n") << 2;
    QTest::newRow("quote never closed") << QByteArray("user_id\nok\n\"open\nmore\nrows\n") << 3;
}

void TestBulkInput::malformedCsvRefusedByLine()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, line);
    const Result<BulkInput> input = BulkInput::parse(bytes, {}, {});
    QVERIFY(!input.ok());
    QCOMPARE(input.kind(), Status::Kind::Invalid);
    QVERIFY2(input.message().contains(QStringLiteral("Line %1 ").arg(line)), qPrintable(input.message()));
}

void TestBulkInput::endlessInputRefusedInBoundedMemory()
{
    // /dev/zero reports no size and never ends: the read stops at the limit and refuses.
    const Result<BulkInput> input = BulkInput::readFile(QStringLiteral("/dev/zero"), {}, {});
    QVERIFY(!input.ok());
    QCOMPARE(input.kind(), Status::Kind::Invalid);
    QVERIFY2(input.message().contains(QStringLiteral("larger than 64 MiB")), qPrintable(input.message()));
}

void TestBulkInput::rowLimit()
{
    QByteArray bytes;
    for (int i = 0; i <= BulkInput::kMaxRows; ++i)
        bytes += "u\n";
    const Result<BulkInput> over = BulkInput::parse(bytes, {}, {});
    QVERIFY(!over.ok());
    QVERIFY2(over.message().contains(QStringLiteral("more than")), qPrintable(over.message()));
    const Result<BulkInput> csvOver = BulkInput::parse("user_id\n" + bytes, {}, {});
    QVERIFY(!csvOver.ok());
    QVERIFY2(csvOver.message().contains(QStringLiteral("more than")), qPrintable(csvOver.message()));
    bytes.chop(2);
    QVERIFY(BulkInput::parse(bytes, {}, {}).ok());
    QVERIFY(BulkInput::parse("user_id\n" + bytes + "\n\n", {}, {}).ok()); // blank lines past the last row are no rows
}

void TestBulkInput::throttleHoldsEveryWindow()
{
    BulkThrottle throttle(5);
    int wait = 0;
    QCOMPARE(throttle.allowance(0, &wait), 5);
    throttle.sent(0, 5);
    QCOMPARE(throttle.allowance(500, &wait), 0);
    QCOMPARE(wait, 501);
    QCOMPARE(throttle.allowance(1001, &wait), 5);
    BulkThrottle slow(0.5); // one every two seconds
    slow.sent(0);
    QCOMPARE(slow.allowance(1500, &wait), 0);
    QCOMPARE(slow.allowance(2001, &wait), 1);
    BulkThrottle unlimited(0);
    QVERIFY(unlimited.allowance(0, &wait) > 100000);
}

void TestBulkInput::throttleHoldsAndSlowsOn429()
{
    BulkThrottle throttle(0);
    throttle.sent(0, 8);
    throttle.tooMany(10);
    QCOMPARE(throttle.rate(), 4.0);
    throttle.hold(1010);
    int wait = 0;
    QCOMPARE(throttle.allowance(500, &wait), 0);
    QCOMPARE(wait, 510);
}

void TestBulkInput::alreadySoCodes()
{
    // Confirmed against the sandbox (EnrolleeRegistry::apply) and SMILE_ID_API.md.
    QVERIFY(BulkRecord::isAlready(ActionKind::Delete, QStringLiteral("2208")));
    QVERIFY(BulkRecord::isAlready(ActionKind::Delete, QStringLiteral("2210")));
    QVERIFY(BulkRecord::isAlready(ActionKind::Deactivate, QStringLiteral("2207")));
    QVERIFY(!BulkRecord::isAlready(ActionKind::Deactivate, QStringLiteral("2210")));
    QVERIFY(!BulkRecord::isAlready(ActionKind::Delete, QStringLiteral("2205")));
    HistoryEntry e;
    e.outcome = HistoryEntry::Outcome::Failure;
    e.code = QStringLiteral("2208");
    QCOMPARE(BulkRecord::classify(ActionKind::Delete, e), BulkRowStatus::Already);
    QCOMPARE(BulkRecord::classify(ActionKind::FlagFraud, e), BulkRowStatus::Failed);
    e.outcome = HistoryEntry::Outcome::Pending; // begun by a process that is gone
    QCOMPARE(BulkRecord::classify(ActionKind::Delete, e), BulkRowStatus::Unknown);
}

void TestBulkInput::resultsFromHistory()
{
    BulkRecord record;
    record.id = QStringLiteral("20260101-000000-abcd");
    record.action = ActionKind::Deactivate;
    record.rows = BulkInput::parse("a\nb\nc\n\n", {}, {}).value().rows();
    record.rows.append(BulkRow{5, QString(), QString(), QStringLiteral("blank")});
    QList<HistoryEntry> history(3);
    history[0].id = 7;
    history[0].runId = record.id;
    history[0].runLine = 1;
    history[0].outcome = HistoryEntry::Outcome::Success;
    history[1].id = 8;
    history[1].runId = record.id;
    history[1].runLine = 2;
    history[1].outcome = HistoryEntry::Outcome::Unknown;
    history[2].id = 9;
    history[2].runId = QStringLiteral("another");
    history[2].runLine = 3;
    history[2].outcome = HistoryEntry::Outcome::Success;
    const QList<BulkRowResult> rows = record.results(history);
    QCOMPARE(rows.at(0).status, BulkRowStatus::Succeeded);
    QCOMPARE(rows.at(1).status, BulkRowStatus::Unknown);
    QCOMPARE(rows.at(2).status, BulkRowStatus::NotSent); // another run's line 3 is not this one's
    const BulkCounts c = BulkCounts::of(rows);
    QCOMPARE(c.total(), 4);
    QCOMPARE(c.notSent, 2);
    QCOMPARE(c.unknown, 1);
}

void TestBulkInput::headerRoundTrip()
{
    BulkRecord r;
    r.id = QStringLiteral("20260101-000000-abcd");
    r.parentId = QStringLiteral("20251231-000000-0000");
    r.action = ActionKind::Delete;
    r.reason = QStringLiteral("GDPR");
    r.profile.name = QStringLiteral("p");
    r.profile.environment = Environment::Production;
    r.profile.scheme = SigningScheme::SecKey;
    r.profile.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    r.rows = BulkInput::parse("a\n\n b\n", {}, QStringLiteral("why")).value().rows();
    r.rate = 0.5;
    r.state = BulkRecord::State::Paused;
    r.created = QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC);
    BulkRecord back;
    QVERIFY(BulkRecord::fromJson(r.toJson(), &back));
    QCOMPARE(back.toJson(), r.toJson());
    QCOMPARE(back.digest(), r.digest());
    QCOMPARE(back.validCount(), 2);
    // The header names its rows (count and SHA-256); they round-trip through the rows file.
    QVERIFY(back.headerOnly);
    QCOMPARE(back.totalRows(), 3);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.rows"));
    QVERIFY(BulkRowsFile::write(path, BulkRowsFile::encode(r.rows)).ok());
    const Result<QList<BulkRow>> rows = BulkRowsFile::readAll(path, r.id, back.rowCount, back.rowsSha256);
    QVERIFY2(rows.ok(), qPrintable(rows.message()));
    QCOMPARE(rows.value().size(), 3);
    QCOMPARE(rows.value().at(1).problem, QStringLiteral("blank"));
    QCOMPARE(rows.value().at(2).userId, QStringLiteral("b"));
}

void TestBulkInput::resultsCsvDefusesFormulas()
{
    BulkRowResult r;
    r.row.line = 2;
    r.row.userId = QStringLiteral("=HYPERLINK(\"x\")");
    r.row.problem = QStringLiteral("a, b");
    const QByteArray csv = BulkResults::csv({r});
    QVERIFY2(csv.contains("2,\"'=HYPERLINK(\"\"x\"\")\",not_sent,,,\"not sent: a, b\""), csv.constData());
}

QTEST_GUILESS_MAIN(TestBulkInput)
#include "tst_bulk_input.moc"
