#include "settings/AppSettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {
// The permission bits as the system has them: QFileInfo's flags mix in the current user's view.
mode_t modeOf(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 07777;
    return st.st_mode & 0777;
}
} // namespace

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
        QCOMPARE(settings.reasonRule().minLength, ReasonRule::kDefaultMinLength);
        QVERIFY(settings.reasonRule().pattern.isEmpty());
        ReasonRule rule;
        rule.minLength = 6;
        rule.pattern = QStringLiteral("CASE-\\d+");
        settings.setReasonRule(rule);
        QVERIFY(settings.sync());
        QCOMPARE(AppSettings(file).reasonRule().minLength, 6);
        QCOMPARE(AppSettings(file).reasonRule().pattern, rule.pattern);
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

    void createdPrivate()
    {
        // A permissive umask, as on many desktops: privacy must not depend on the user's umask.
        const mode_t previous = ::umask(022);
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("home/config"));
        const QString file = folder + QStringLiteral("/settings.ini");
        {
            AppSettings settings(file);
            QVERIFY2(settings.problem().isEmpty(), qPrintable(settings.problem()));
            // Nothing is created by only reading (a check must leave no file behind)...
            QVERIFY(!QFileInfo::exists(folder));
            settings.setTimeoutSeconds(12);
            QVERIFY(settings.sync());
            // ...and the first write creates folder and file private.
            QCOMPARE(modeOf(folder), mode_t(0700));
        }
        // QSettings rewrites through a temporary file and a rename: the result is still private.
        QCOMPARE(modeOf(file), mode_t(0600));
        QCOMPARE(AppSettings(file).timeoutSeconds(), 12);
        ::umask(previous);
    }

    void looseFileAndFolderAreTightened()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("config"));
        const QString file = folder + QStringLiteral("/settings.ini");
        QVERIFY(QDir().mkpath(folder));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[network]\ntimeout_seconds=7\n");
        f.close();
        QVERIFY(::chmod(QFile::encodeName(folder).constData(), 0755) == 0);
        QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);

        AppSettings settings(file);
        QCOMPARE(modeOf(file), mode_t(0600));
        QCOMPARE(modeOf(folder), mode_t(0700));
        QVERIFY2(settings.problem().contains(file) && settings.problem().contains(folder),
                 qPrintable(settings.problem()));
        QVERIFY(settings.problem().contains(QLatin1String("private")));
        QCOMPARE(settings.timeoutSeconds(), 7); // the values survive

        // Once private, nothing more to say.
        QVERIFY(AppSettings(file).problem().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_app_settings.moc"
