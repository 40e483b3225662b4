// `enrollee-cli history` over a history of several shards, as other writers leave it: the JSON export,
// streamed, is byte for byte the whole array QJsonDocument writes (answers merged from later shards,
// entries HistoryEntryJson writes and entries it leaves to QJsonDocument alike); the listing has every
// entry, newest first; one user's entries come from the index beside the history folder, the same after
// the index is deleted (it is made again) and after another writer appended.
#include "history/local/LocalHistoryBackend.h"
#include "support/CliHarness.h"
#include "support/HistorySamples.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {
QString indexFile(const CliHarness &cli)
{
    return QFileInfo(cli.historyDir()).absoluteDir().filePath(QStringLiteral("history-index.sqlite"));
}

// `count` actions on users u0..u9, begun together and answered together, so most answers lie in later
// shards than their begins. Every tenth reason holds what HistoryEntryJson leaves to QJsonDocument.
void fill(const QString &historyDir, int count)
{
    LocalHistoryBackend history(historyDir);
    history.setChainKey("cli-history-test-key");
    QList<HistoryEntry> begun;
    for (int i = 0; i < count; ++i) {
        HistoryEntry e = HistorySamples::entry(QStringLiteral("u%1").arg(i % 10));
        e.reason = i % 10 == 3 ? QStringLiteral("bell \a and \"quotes\" — é 名") : QStringLiteral("case %1").arg(i);
        begun.append(e);
    }
    const Result<QList<qint64>> ids = history.begin(begun);
    QVERIFY(ids.ok());
    for (int i = 0; i < count; ++i) {
        HistoryEntry &e = begun[i];
        e.id = ids.value().at(i);
        e.outcome = i % 4 == 0 ? HistoryEntry::Outcome::Failure : HistoryEntry::Outcome::Success;
        e.httpStatus = i % 4 == 0 ? 400 : 200;
        e.response = QStringLiteral("{\"success\":%1}")
                         .arg(i % 4 == 0 ? QStringLiteral("false") : QStringLiteral("true"));
        e.attempts = QJsonArray{QJsonObject{{QStringLiteral("http_status"), e.httpStatus}}};
    }
    QVERIFY(history.complete(begun).ok());
}

// What Console::json() prints for the history read whole, newest first (the text is terminal-safe).
QByteArray wholeArray(const QString &historyDir)
{
    LocalHistoryBackend history(historyDir);
    const QList<HistoryEntry> entries = history.read(1).value().entries;
    QJsonArray array;
    for (auto it = entries.crbegin(); it != entries.crend(); ++it)
        array.append(it->toJson());
    return QJsonDocument(array).toJson(QJsonDocument::Indented).trimmed() + '\n';
}
} // namespace

class TestCliHistory : public QObject
{
    Q_OBJECT

    CliHarness m_cli;

private slots:
    void initTestCase()
    {
        fill(m_cli.historyDir(), 180); // 360 records: four shards
        QVERIFY(LocalHistoryBackend(m_cli.historyDir()).shardFiles().size() >= 4);
    }

    void jsonIsTheWholeArray()
    {
        const CliRun run = m_cli.run({QStringLiteral("history"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(run.out, wholeArray(m_cli.historyDir()));
        QCOMPARE(run.array().size(), 180);
        QCOMPARE(run.array().first().toObject().value(QLatin1String("completion_record")).toInteger(), 360);
    }

    void emptyHistoryIsAnEmptyArray()
    {
        CliHarness empty;
        const CliRun run = empty.run({QStringLiteral("history"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(run.out, QByteArray("[\n]\n"));
        const CliRun plain = empty.run({QStringLiteral("history")});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY(plain.out.isEmpty());
        QVERIFY2(plain.err.contains("The history is empty."), plain.err.constData());
    }

    void listingHasEveryEntryNewestFirst()
    {
        const CliRun run = m_cli.run({QStringLiteral("history")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 181);
        QVERIFY(lines.first().startsWith("TIME (UTC)"));
        QVERIFY2(lines.at(1).contains("case 179"), lines.at(1).constData());
        QVERIFY2(lines.last().contains("case 0"), lines.last().constData());
        // Columns are aligned over every entry: the reason column starts at one place on every line.
        const qsizetype reasonAt = lines.at(1).indexOf("case 179");
        QCOMPARE(lines.last().indexOf("case 0"), reasonAt);
    }

    void oneUserFromTheIndex()
    {
        const QStringList args{QStringLiteral("history"), QStringLiteral("--user-id"), QStringLiteral("u7")};
        const CliRun first = m_cli.run(args);
        QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
        QCOMPARE(first.out.trimmed().split('\n').size(), 19);
        QVERIFY(QFileInfo::exists(indexFile(m_cli)));
        const CliRun json = m_cli.run(
            {QStringLiteral("history"), QStringLiteral("--json"), QStringLiteral("--user-id"), QStringLiteral("u7")});
        QCOMPARE(json.array().size(), 18);

        // Deleted: made again, the same answer.
        QVERIFY(QFile::remove(indexFile(m_cli)));
        QFile::remove(indexFile(m_cli) + QStringLiteral("-wal"));
        QFile::remove(indexFile(m_cli) + QStringLiteral("-shm"));
        const CliRun again = m_cli.run(args);
        QCOMPARE(again.out, first.out);
        QVERIFY(QFileInfo::exists(indexFile(m_cli)));

        // Another writer that keeps no index appends: the next answer has it.
        {
            LocalHistoryBackend other(m_cli.historyDir());
            other.setChainKey("cli-history-test-key");
            HistoryEntry e = HistorySamples::entry(QStringLiteral("u7"));
            e.reason = QStringLiteral("appended by another writer");
            QVERIFY(other.begin({e}).ok());
        }
        const CliRun after = m_cli.run(args);
        QCOMPARE(after.out.trimmed().split('\n').size(), 20);
        QVERIFY2(after.out.contains("appended by another writer"), after.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliHistory)
#include "tst_cli_history.moc"
