#include "FuzzTargets.h"

#include <QDir>
#include <QDirIterator>
#include <QTest>

// Replays the seed corpus (tests/fuzz/corpus/<target>/) and every input a fuzzer ever flagged
// (tests/fuzz/regressions/<target>/) through the fuzz targets, so a fixed bug stays fixed in every
// ordinary build. Each input must keep every property the target checks.
class TestFuzzRegressions : public QObject
{
    Q_OBJECT
private:
    using Target = QString (*)(const uint8_t *, size_t);

    // Fails on the first input that breaks a property, and on a folder that is missing or holds no input:
    // a replay of nothing would pass without testing anything (a moved folder, a checkout without it).
    static void replay(const QString &folder, Target target, int minimum)
    {
        const QString path = QStringLiteral(ENROLLEE_FUZZ_DIR "/") + folder;
        QVERIFY2(QDir(path).exists(), qPrintable(QStringLiteral("no folder %1").arg(path)));
        int count = 0;
        QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName() + QStringLiteral(": ") + f.errorString()));
            const QByteArray data = f.readAll();
            // An empty file here is a lost input (a bad copy, an LFS pointer never fetched), not a test case.
            QVERIFY2(!data.isEmpty(), qPrintable(f.fileName() + QStringLiteral(" is empty")));
            const QString broken = target(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size()));
            QVERIFY2(broken.isEmpty(), qPrintable(f.fileName() + QStringLiteral(": ") + broken));
            ++count;
        }
        QVERIFY2(
            count >= minimum,
            qPrintable(QStringLiteral("%1 holds %2 inputs, expected at least %3").arg(path).arg(count).arg(minimum)));
    }

private slots:
    void responseParserCorpus() { replay(QStringLiteral("corpus/response_parser"), fuzzResponseParser, 10); }
    void responseParserRegressions() { replay(QStringLiteral("regressions/response_parser"), fuzzResponseParser, 1); }
    void historyLoaderCorpus() { replay(QStringLiteral("corpus/history_loader"), fuzzHistoryLoader, 4); }
    void historyLoaderRegressions() { replay(QStringLiteral("regressions/history_loader"), fuzzHistoryLoader, 1); }

    // The replay itself must be able to fail: a missing folder is not a pass.
    void missingFolderIsNotAPass()
    {
        QVERIFY(!QDir(QStringLiteral(ENROLLEE_FUZZ_DIR "/regressions/no-such-target")).exists());
        QEXPECT_FAIL("", "a folder that does not exist fails the replay", Abort);
        replay(QStringLiteral("regressions/no-such-target"), fuzzResponseParser, 1);
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"
