// A damaged settings file is moved aside and kept, a damaged history shard is reported and left
// in place, and the console still starts and works.
#include "settings/AppPaths.h"
#include "support/ConsoleTest.h"
#include "widgets/InfoBar.h"

#include <QAbstractButton>
#include <QDir>
#include <QFile>
#include <QLabel>

using namespace GuiTest;

class TestDamagedFiles : public ConsoleTest
{
    Q_OBJECT

private:
    static bool write(const QString &path, const QByteArray &bytes)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // Damage both before the console ever starts: ENROLLEE_HOME is m_home.
        QVERIFY(write(QDir(m_home.path()).filePath(QStringLiteral("config/settings.ini")),
                      QByteArray("[profiles\n\x01\x02\xff\xfe=\n[[[\n")));
        QVERIFY(write(QDir(m_home.path()).filePath(QStringLiteral("data/history/h-2026-01-0000000001.ini")),
                      QByteArray("\x00\x01garbage\xff\n[meta]\nformat=99\n", 25)));
        // The installation's chain key, as its first action left it: a history with files and no key
        // is one whose key was lost, and the console rightly refuses to start a second chain on it.
        QVERIFY(write(QDir(m_home.path()).filePath(QStringLiteral("data/history/chain.key")),
                      QByteArray(32, '\x5a').toHex() + '\n'));
        QVERIFY(startConsole("tst_gui_damaged_files"));
    }
    void cleanupTestCase() { QVERIFY(forgetKeychainEntries({})); }

    void settingsProblemIsShownAndTheFileKept()
    {
        auto *bar = find<InfoBar>(window(), "settingsProblemBar");
        QVERIFY(bar->isVisible());
        QVERIFY2(bar->text().contains(QLatin1String("moved to")), qPrintable(bar->text()));
        const QStringList aside = QDir(m_home.filePath(QStringLiteral("config")))
                                      .entryList({QStringLiteral("settings.ini.corrupt-*")});
        QCOMPARE(aside.size(), 1);
    }

    // Reading never moves data: the damaged shard is reported and stays where it is, as evidence.
    void historyShardIsReportedAndLeftInPlace()
    {
        auto *problems = window()->findChild<QLabel *>(QStringLiteral("historyProblems"));
        QTRY_VERIFY_WITH_TIMEOUT(problems && !problems->text().isEmpty(), 10000);
        QVERIFY2(problems->text().contains(QLatin1String("h-2026-01-0000000001.ini")), qPrintable(problems->text()));
        QVERIFY(QFile::exists(m_home.filePath(QStringLiteral("data/history/h-2026-01-0000000001.ini"))));
        QVERIFY(!QDir(m_home.filePath(QStringLiteral("data/history/quarantine"))).exists());
    }

    void theConsoleStillWorks()
    {
        setUser(QStringLiteral("demo-user-001"), QStringLiteral("CASE-9"));
        QTest::mouseClick(find<QAbstractButton>(window(), "deactivateButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(resultLine()->text().contains(QLatin1String("deactivated")), 10000);
        QCOMPARE(history(QStringLiteral("demo-user-001")).size(), 1);
    }
};

QTEST_MAIN(TestDamagedFiles)
#include "tst_gui_damaged_files.moc"
