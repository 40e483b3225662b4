#include "FuzzTargets.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

// Replays the seed corpus and every input a fuzzer ever crashed on (tests/fuzz/regressions/<target>/),
// so a fixed crash stays fixed in every ordinary build.
class TestFuzzRegressions : public QObject
{
    Q_OBJECT
private:
    static int replay(const QString &folder, int (*target)(const uint8_t *, size_t))
    {
        int count = 0;
        QDirIterator it(QStringLiteral(ENROLLEE_FUZZ_DIR) + QLatin1Char('/') + folder, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray data = f.readAll();
            if (target(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size())) != 0)
                qFatal("fuzz input %s was not handled", qPrintable(f.fileName()));
            ++count;
        }
        return count;
    }

private slots:
    void responseParser()
    {
        QVERIFY(replay(QStringLiteral("corpus/response_parser"), fuzzResponseParser) > 5);
        replay(QStringLiteral("regressions/response_parser"), fuzzResponseParser);
    }

    void historyLoader()
    {
        QVERIFY(replay(QStringLiteral("corpus/history_loader"), fuzzHistoryLoader) > 2);
        replay(QStringLiteral("regressions/history_loader"), fuzzHistoryLoader);
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"
