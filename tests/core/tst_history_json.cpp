// The record times are read back as Qt's ISO parser reads them. HistoryEntryJson writes an entry exactly as
// QJsonDocument writes HistoryEntry::toJson() as an element of an indented array (what `history --json` prints), and
// leaves to QJsonDocument what it cannot write for certain.
#include "history/HistoryEntryJson.h"
#include "history/local/HistoryShard.h"
#include "support/HistorySamples.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
QByteArray expected(const HistoryEntry &e)
{
    const QByteArray whole = QJsonDocument(QJsonArray{e.toJson()}).toJson(QJsonDocument::Indented);
    return whole.mid(2, whole.size() - 5); // "[\n" ... "\n]\n"
}

HistoryEntry full()
{
    HistoryEntry e = HistorySamples::entry(
        7, QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7, 89), Qt::UTC), QStringLiteral("user-7"), ActionKind::Delete,
        HistoryEntry::Outcome::Failure, QStringLiteral("officer@example.com"), QStringLiteral("case \"7\" \\ review"),
        QStringLiteral("2210"), QStringLiteral("no user\nfound"));
    e.recordHash = QString(64, QLatin1Char('a'));
    e.completionRecord = 8;
    e.completionHash = QString(64, QLatin1Char('b'));
    e.attempts = QJsonArray{QJsonObject{{QStringLiteral("time"), QStringLiteral("2026-03-04T05:06:07.100Z")},
                                        {QStringLiteral("http_status"), 503},
                                        {QStringLiteral("outcome"), QStringLiteral("failure")},
                                        {QStringLiteral("elapsed_ms"), 40},
                                        {QStringLiteral("retry"), true},
                                        {QStringLiteral("nothing"), QJsonValue()},
                                        {QStringLiteral("nested"), QJsonArray{1, QStringLiteral("two"), QJsonObject{}}},
                                        {QStringLiteral("empty"), QJsonArray{}}},
                            QJsonObject{{QStringLiteral("http_status"), 400}}};
    return e;
}
} // namespace

class TestHistoryJson : public QObject
{
    Q_OBJECT
private slots:
    void writesWhatQJsonDocumentWrites_data()
    {
        QTest::addColumn<HistoryEntry>("entry");
        QTest::newRow("begun only") << HistorySamples::entry(QStringLiteral("someone"));
        QTest::newRow("answered, with attempts and escapes") << full();
        HistoryEntry unicode = full();
        unicode.userId = QStringLiteral("ünïcødé-名前-😀");
        unicode.reason = QStringLiteral("tab\there, return\r, feed\f, back\b");
        QTest::newRow("unicode and the named controls") << unicode;
        HistoryEntry run = full();
        run.runId = QStringLiteral("run-1");
        run.runLine = 12;
        run.runDigest = QString(64, QLatin1Char('c'));
        run.approvalId = 42;
        QTest::newRow("a bulk row under an approval") << run;
        HistoryEntry team = full();
        team.dbRole = QStringLiteral("officer_a");
        team.machine = QStringLiteral("desk-3");
        team.completedAt = QDateTime();
        team.outcome = HistoryEntry::Outcome::Unknown;
        QTest::newRow("a team entry, no answer") << team;
        HistoryEntry big = full();
        big.id = 9007199254740993LL;
        big.elapsedMs = -1;
        big.response = QString(20000, QLatin1Char('x'));
        QTest::newRow("large numbers and a long response") << big;
    }

    void writesWhatQJsonDocumentWrites()
    {
        QFETCH(HistoryEntry, entry);
        const std::optional<QByteArray> written = HistoryEntryJson::arrayElement(entry);
        QVERIFY(written.has_value());
        QCOMPARE(*written, expected(entry));
    }

    void timesAreReadAsQtReadsThem()
    {
        const QStringList texts{
            QStringLiteral("2026-03-04T05:06:07.089Z"),
            QStringLiteral("1999-12-31T23:59:59.999Z"),
            QStringLiteral("2024-02-29T00:00:00.000Z"),
            QStringLiteral("2023-02-29T00:00:00.000Z"),
            QStringLiteral("2026-03-04T24:00:00.000Z"),
            QStringLiteral("2026-03-04T05:06:60.000Z"),
            QStringLiteral("2026-03-04T05:06:07Z"),
            QStringLiteral("2026-03-04T05:06:07.089+01:00"),
            QStringLiteral("0000-01-01T00:00:00.000Z"),
            QStringLiteral("garbage"),
            QString(),
        };
        for (const QString &text : texts) {
            const QDateTime mine = HistoryShard::parseTime(QJsonValue(text));
            const QDateTime qt = QDateTime::fromString(text, Qt::ISODateWithMs);
            QCOMPARE(mine.isValid(), qt.isValid());
            QCOMPARE(mine, qt);
            QCOMPARE(mine.timeSpec(), qt.timeSpec());
            QCOMPARE(mine.toString(Qt::ISODateWithMs), qt.toString(Qt::ISODateWithMs));
        }
        // And what the history writes comes back as it was.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(HistoryShard::parseTime(HistoryShard::timeText(now)), now);
    }

    void leavesTheRestToQJsonDocument_data()
    {
        QTest::addColumn<HistoryEntry>("entry");
        HistoryEntry control = full();
        control.message = QStringLiteral("bell\a");
        QTest::newRow("another control character") << control;
        HistoryEntry surrogate = full();
        surrogate.reason = QStringLiteral("half ") + QChar(0xD800);
        QTest::newRow("a lone surrogate") << surrogate;
        HistoryEntry fraction = full();
        fraction.attempts = QJsonArray{QJsonObject{{QStringLiteral("seconds"), 0.25}}};
        QTest::newRow("a floating-point number") << fraction;
    }

    void leavesTheRestToQJsonDocument()
    {
        QFETCH(HistoryEntry, entry);
        QVERIFY(!HistoryEntryJson::arrayElement(entry).has_value());
    }
};

QTEST_GUILESS_MAIN(TestHistoryJson)
#include "tst_history_json.moc"
