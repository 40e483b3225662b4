#include "AppSettings.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestAppSettings : public QObject
{
    Q_OBJECT
private slots:
    void profilesRoundTrip()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("settings.ini"));
        Profile p;
        p.name = QStringLiteral("Production / Lagos");
        p.partnerId = QStringLiteral("085");
        p.email = QStringLiteral("o@example.com");
        p.environment = Environment::Production;
        p.scheme = SigningScheme::SecKey;
        p.baseUrl = QUrl(QStringLiteral("https://proxy.example.com:8443"));
        {
            AppSettings settings(file);
            QVERIFY(settings.problem().isEmpty());
            settings.saveProfile(p);
            settings.setActiveProfile(p.name);
        }
        AppSettings settings(file);
        QCOMPARE(settings.profiles().size(), 1);
        QCOMPARE(settings.profile(p.name), p);
        QCOMPARE(settings.activeProfile(), p.name);
        QVERIFY(settings.hasProfile(p.name));
        settings.removeProfile(p.name);
        QVERIFY(settings.profiles().isEmpty());
        QVERIFY(settings.activeProfile().isEmpty());
        QCOMPARE(settings.timeoutSeconds(), 30);
        QCOMPARE(settings.retentionMonths(), 0);
    }

    void corruptFileIsMovedAsideAndKept()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("settings.ini"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[profiles\n\x01\x02\xff\xfe=\n[[[\n");
        f.close();
        AppSettings settings(file);
        if (settings.problem().isEmpty()) {
            // Qt's INI reader tolerated it: the program must still work with it.
            QVERIFY(settings.profiles().isEmpty() || !settings.profiles().isEmpty());
            QFAIL("expected the malformed settings file to be reported");
        }
        const QStringList aside = QDir(dir.path()).entryList({QStringLiteral("settings.ini.corrupt-*")});
        QCOMPARE(aside.size(), 1);
        QVERIFY(settings.profiles().isEmpty());
        Profile p;
        p.name = QStringLiteral("x");
        p.partnerId = QStringLiteral("1");
        p.email = QStringLiteral("o@example.com");
        settings.saveProfile(p);
        QVERIFY(settings.hasProfile(QStringLiteral("x")));
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_app_settings.moc"
