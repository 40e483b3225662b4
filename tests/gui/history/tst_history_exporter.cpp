// HistoryExporter: CSV and JSON carry exactly the given rows and fields, quote what RFC 4180 says to
// quote, defuse spreadsheet formulas, say whether the chain vouched for each entry, and refuse paths
// they cannot write with a clear message and no file left behind.

#include "history/HistoryExporter.h"
#include "support/HistorySamples.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace HistorySamples;
using Outcome = HistoryEntry::Outcome;

class TestHistoryExporter : public QObject
{
    Q_OBJECT
private:
    static QList<HistoryEntry> sample()
    {
        HistoryEntry tricky = entry(3, QDateTime(QDate(2024, 3, 2), QTime(9, 30), Qt::UTC),
                                    QStringLiteral("=HYPERLINK(\"x\")"), ActionKind::Delete, Outcome::Failure,
                                    QStringLiteral("ben@example.com"),
                                    QStringLiteral("line one, with comma\nline \"two\""), QStringLiteral("-2210"),
                                    QStringLiteral("@No such enrollee"));
        tricky.profileName = QStringLiteral("+profile");
        tricky.attempts = QJsonArray{QJsonObject{{QStringLiteral("attempt"), 1}},
                                     QJsonObject{{QStringLiteral("attempt"), 2}}};
        return {
            entry(1, QDateTime(QDate(2024, 3, 1), QTime(8, 0), Qt::UTC), QStringLiteral("alice"),
                  ActionKind::Deactivate, Outcome::Success, QStringLiteral("ann@example.com"),
                  QStringLiteral("CASE-1")),
            tricky,
            entry(7, QDateTime(QDate(2024, 3, 3), QTime(10, 0), Qt::UTC), QStringLiteral("Zoë Ndiaye"),
                  ActionKind::FlagFraud, Outcome::Pending),
        };
    }
    static HistoryExportInfo intact()
    {
        HistoryExportInfo info;
        info.exportedAt = QDateTime(QDate(2024, 4, 1), QTime(12, 0), Qt::UTC);
        info.filterDescription = QStringLiteral("all entries");
        info.historyDirectory = QStringLiteral("/data/history");
        info.chainChecked = true;
        info.chain.ok = true;
        info.chain.records = 6;
        info.chain.keyed = true;
        return info;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void csvField_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("plain") << QStringLiteral("alice") << QStringLiteral("alice");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
        QTest::newRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
        QTest::newRow("formula =") << QStringLiteral("=1+2") << QStringLiteral("'=1+2");
        QTest::newRow("formula +") << QStringLiteral("+1") << QStringLiteral("'+1");
        QTest::newRow("formula -") << QStringLiteral("-1") << QStringLiteral("'-1");
        QTest::newRow("formula @") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("formula tab") << QStringLiteral("\t=1") << QStringLiteral("\"'\t=1\"");
        QTest::newRow("formula cr") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
        // Semicolon and tab separate cells in many locales' spreadsheets: quoted, so no cell starts at "=".
        QTest::newRow("semicolon") << QStringLiteral("a;b") << QStringLiteral("\"a;b\"");
        QTest::newRow("formula after semicolon")
            << QStringLiteral("case;=HYPERLINK(\"x\")") << QStringLiteral("\"case;=HYPERLINK(\"\"x\"\")\"");
        QTest::newRow("formula after tab") << QStringLiteral("case\t@SUM(A1)") << QStringLiteral("\"case\t@SUM(A1)\"");
        QTest::newRow("formula and semicolon") << QStringLiteral("=A1;B1") << QStringLiteral("\"'=A1;B1\"");
        QTest::newRow("formula after spaces") << QStringLiteral("  =1+2") << QStringLiteral("'  =1+2");
        QTest::newRow("formula after newline") << QStringLiteral("\n-1") << QStringLiteral("\"'\n-1\"");
        QTest::newRow("spaces only") << QStringLiteral("  ") << QStringLiteral("  ");
        QTest::newRow("formula and comma") << QStringLiteral("=A1,B1") << QStringLiteral("\"'=A1,B1\"");
        QTest::newRow("equals inside is fine") << QStringLiteral("a=b") << QStringLiteral("a=b");
    }
    void csvField()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(HistoryExporter::csvField(in), out);
    }

    void separatorsNeverStartAFormulaCell_data()
    {
        QTest::addColumn<QChar>("separator");
        QTest::newRow("comma") << QChar(QLatin1Char(','));
        QTest::newRow("semicolon") << QChar(QLatin1Char(';'));
        QTest::newRow("tab") << QChar(QLatin1Char('\t'));
    }
    void separatorsNeverStartAFormulaCell()
    {
        // Read the file the way a spreadsheet set to this separator would (quotes honoured): no cell of
        // the hostile row may start with a formula character, however its fields were separated.
        QFETCH(QChar, separator);
        QList<HistoryEntry> hostile = sample();
        hostile[0].reason = QStringLiteral("x;=cmd()|x\t+1|x,@y");
        hostile[0].userId = QStringLiteral("u;-2+3");
        const QList<QStringList> rows = parseCsv(HistoryExporter::csv(hostile, intact()), separator);
        QVERIFY(rows.size() == 4);
        for (const QString &cell : rows.at(1))
            QVERIFY2(cell.isEmpty() || !QStringLiteral("=+-@\t\r").contains(cell.at(0)), qPrintable(cell));
    }

    // A bulk run's row says which run and which line of its input, as the JSON export does.
    void csvNamesTheRunAndLine()
    {
        QList<HistoryEntry> entries = sample();
        entries[1].runId = QStringLiteral("run-20240301-0800");
        entries[1].runLine = 17;
        const QList<QStringList> rows = parseCsv(HistoryExporter::csv(entries, intact()));
        const QStringList header = rows.at(0);
        QCOMPARE(header.mid(header.size() - 2), (QStringList{QStringLiteral("run_id"), QStringLiteral("run_line")}));
        QCOMPARE(rows.at(2).at(header.indexOf(QStringLiteral("run_id"))), QStringLiteral("run-20240301-0800"));
        QCOMPARE(rows.at(2).at(header.indexOf(QStringLiteral("run_line"))), QStringLiteral("17"));
        QCOMPARE(rows.at(1).at(header.indexOf(QStringLiteral("run_id"))), QString());
        QCOMPARE(rows.at(1).at(header.indexOf(QStringLiteral("run_line"))), QString());
        const QJsonObject json = QJsonDocument::fromJson(HistoryExporter::json(entries, intact()))
                                     .object()
                                     .value(QStringLiteral("entries"))
                                     .toArray()
                                     .at(1)
                                     .toObject();
        QCOMPARE(json.value(QStringLiteral("run_id")).toString(), QStringLiteral("run-20240301-0800"));
        QCOMPARE(json.value(QStringLiteral("run_line")).toInt(), 17);
    }

    void csvRowsAndFields()
    {
        const QByteArray bytes = HistoryExporter::csv(sample(), intact());
        QVERIFY(bytes.startsWith(
            "id,time,completed_at,operator,profile,environment,partner_id,host,user_id,action,"
            "reason,face,outcome,http_status,code,message,elapsed_ms,attempts,chain_verified,record_hash,"
            "completion_record,completion_hash,run_id,run_line\r\n"));
        QVERIFY(bytes.endsWith("\r\n"));
        const QList<QStringList> rows = parseCsv(bytes);
        QCOMPARE(rows.size(), 4);
        const QStringList header = rows.at(0);
        for (const QStringList &row : rows)
            QCOMPARE(row.size(), header.size());
        auto field = [&](int row, const char *column) {
            return rows.at(row).at(header.indexOf(QLatin1String(column)));
        };
        QCOMPARE(field(1, "id"), QStringLiteral("1"));
        QCOMPARE(field(1, "time"), QStringLiteral("2024-03-01T08:00:00.000Z"));
        QCOMPARE(field(1, "completed_at"), QStringLiteral("2024-03-01T08:00:00.250Z"));
        QCOMPARE(field(1, "user_id"), QStringLiteral("alice"));
        QCOMPARE(field(1, "action"), QStringLiteral("deactivate"));
        QCOMPARE(field(1, "environment"), QStringLiteral("local"));
        QCOMPARE(field(1, "outcome"), QStringLiteral("success"));
        QCOMPARE(field(1, "http_status"), QStringLiteral("200"));
        QCOMPARE(field(1, "chain_verified"), QStringLiteral("yes"));

        // Commas, quotes and line breaks survive a round trip; formula-like cells come back as text.
        QCOMPARE(field(2, "id"), QStringLiteral("3"));
        QCOMPARE(field(2, "reason"), QStringLiteral("line one, with comma\nline \"two\""));
        QCOMPARE(field(2, "user_id"), QStringLiteral("'=HYPERLINK(\"x\")"));
        QCOMPARE(field(2, "code"), QStringLiteral("'-2210"));
        QCOMPARE(field(2, "message"), QStringLiteral("'@No such enrollee"));
        QCOMPARE(field(2, "profile"), QStringLiteral("'+profile"));
        QCOMPARE(field(2, "attempts"), QStringLiteral("2"));
        QCOMPARE(field(2, "outcome"), QStringLiteral("failure"));

        QCOMPARE(field(3, "user_id"), QStringLiteral("Zoë Ndiaye")); // UTF-8
        QCOMPARE(field(3, "outcome"), QStringLiteral("pending"));
        QCOMPARE(field(3, "http_status"), QString());
        QCOMPARE(field(3, "completed_at"), QString());
    }

    void jsonCarriesWhatAnAuditorNeeds()
    {
        const QJsonDocument doc = QJsonDocument::fromJson(HistoryExporter::json(sample(), intact()));
        QVERIFY(doc.isObject());
        const QJsonObject root = doc.object();
        QCOMPARE(root.value(QLatin1String("exported_at")).toString(), QStringLiteral("2024-04-01T12:00:00.000Z"));
        QCOMPARE(root.value(QLatin1String("count")).toInt(), 3);
        QCOMPARE(root.value(QLatin1String("filter")).toString(), QStringLiteral("all entries"));
        QCOMPARE(root.value(QLatin1String("history_directory")).toString(), QStringLiteral("/data/history"));
        const QJsonObject verification = root.value(QLatin1String("verification")).toObject();
        QCOMPARE(verification.value(QLatin1String("checked")).toBool(), true);
        QCOMPARE(verification.value(QLatin1String("ok")).toBool(), true);
        QCOMPARE(verification.value(QLatin1String("records_checked")).toInt(), 6);
        QCOMPARE(verification.value(QLatin1String("keyed")).toBool(), true);
        const QJsonArray entries = root.value(QLatin1String("entries")).toArray();
        QCOMPARE(entries.size(), 3);
        const QList<HistoryEntry> source = sample();
        for (int i = 0; i < entries.size(); ++i) {
            QJsonObject o = entries.at(i).toObject();
            QCOMPARE(o.value(QLatin1String("chain_verified")).toBool(), true);
            o.remove(QLatin1String("chain_verified"));
            QCOMPARE(o, source.at(i).toJson()); // exactly the entry, nothing cut or escaped away
        }
    }

    void brokenChainMarksEntriesAfterTheBreak()
    {
        HistoryExportInfo info = intact();
        info.chain.ok = false;
        info.chain.firstBadSeq = 3;
        info.chain.firstBadEntry = 3;
        info.chain.problem = QStringLiteral("record #3 was altered");
        const QJsonObject root = QJsonDocument::fromJson(HistoryExporter::json(sample(), info)).object();
        const QJsonObject verification = root.value(QLatin1String("verification")).toObject();
        QCOMPARE(verification.value(QLatin1String("ok")).toBool(), false);
        QCOMPARE(verification.value(QLatin1String("first_bad_record")).toInt(), 3);
        QCOMPARE(verification.value(QLatin1String("problem")).toString(), QStringLiteral("record #3 was altered"));
        QList<bool> vouched;
        for (const QJsonValue &v : root.value(QLatin1String("entries")).toArray())
            vouched.append(v.toObject().value(QLatin1String("chain_verified")).toBool());
        QCOMPARE(vouched, (QList<bool>{true, false, false}));

        const QList<QStringList> rows = parseCsv(HistoryExporter::csv(sample(), info));
        const qsizetype verified = rows.at(0).indexOf(QLatin1String("chain_verified"));
        QCOMPARE(rows.at(1).at(verified), QStringLiteral("yes"));
        QCOMPARE(rows.at(2).at(verified), QStringLiteral("no"));

        HistoryExportInfo unchecked;
        const QJsonObject bare = QJsonDocument::fromJson(HistoryExporter::json(sample(), unchecked)).object();
        QCOMPARE(bare.value(QLatin1String("verification")).toObject().value(QLatin1String("checked")).toBool(), false);
        QCOMPARE(bare.value(QLatin1String("entries"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("chain_verified"))
                     .toBool(),
                 false);
    }

    void writesBothFormats()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString csvPath = dir.filePath(QStringLiteral("out.csv"));
        QCOMPARE(HistoryExporter::write(csvPath, HistoryExporter::Format::Csv, sample(), intact()), QString());
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll(), HistoryExporter::csv(sample(), intact()));

        const QString jsonPath = dir.filePath(QStringLiteral("out.json"));
        QCOMPARE(HistoryExporter::write(jsonPath, HistoryExporter::Format::Json, sample(), intact()), QString());
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(json.readAll()).object().value(QLatin1String("count")).toInt(), 3);

        // Overwriting an earlier export replaces it whole.
        QCOMPARE(HistoryExporter::write(csvPath, HistoryExporter::Format::Csv, sample().mid(0, 1), intact()),
                 QString());
        csv.close();
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(parseCsv(csv.readAll()).size(), 2);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2); // no temporary files left
    }

    void badPathsAreRefusedClearly_data()
    {
        QTest::addColumn<QString>("relative"); // under the test's folder; "<root>" for an absolute path
        QTest::addColumn<QString>("expected"); // a fragment of the message
        QTest::newRow("empty") << QString() << QStringLiteral("No file name");
        QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("No file name");
        QTest::newRow("a folder") << QStringLiteral("sub") << QStringLiteral("is a folder");
        QTest::newRow("missing folder") << QStringLiteral("missing/out.csv") << QStringLiteral("does not exist");
        QTest::newRow("under a file") << QStringLiteral("file.txt/out.csv") << QStringLiteral("does not exist");
        // Nothing can create files in /proc, not even root, so this holds whoever runs the tests.
        QTest::newRow("unwritable") << QStringLiteral("<root>/proc/enrollee-export.csv")
                                    << QStringLiteral("Cannot write");
    }
    void badPathsAreRefusedClearly()
    {
        QFETCH(QString, relative);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
        QFile file(dir.filePath(QStringLiteral("file.txt")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QString path = relative;
        if (relative.startsWith(QLatin1String("<root>")))
            path = relative.mid(6);
        else if (!relative.trimmed().isEmpty())
            path = dir.filePath(relative);
        const QString before =
            QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).join(QLatin1Char('|'));
        for (auto format : {HistoryExporter::Format::Csv, HistoryExporter::Format::Json}) {
            const QString error = HistoryExporter::write(path, format, sample(), intact());
            QVERIFY2(error.contains(expected), qPrintable(error));
        }
        QCOMPARE(
            QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).join(QLatin1Char('|')),
            before);
        QVERIFY(!QFileInfo::exists(QStringLiteral("/proc/enrollee-export.csv")));
        QVERIFY(QDir(dir.filePath(QStringLiteral("sub"))).isEmpty());
    }
};

QTEST_MAIN(TestHistoryExporter)
#include "tst_history_exporter.moc"
