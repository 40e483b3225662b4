// Opening the history at a start, as every face does through CoreContext: the chain key's file work (the
// history lock, the key file) runs on the history thread, never on the caller's (the window's GUI
// thread at the very first start), and the data folder that holds the history is private to this user.
#include "CoreContext.h"
#include "history/AuditKey.h"
#include "history/HistoryService.h"
#include "settings/CredentialStore.h"

#include <QDir>
#include <QSemaphore>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <sys/stat.h>

namespace {
mode_t modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : 0;
}

QString testService()
{
    return QStringLiteral("enrollee-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Opens the history and waits for historyReady; false when it did not come.
bool openAndWait(CoreContext &core, Status *status = nullptr)
{
    bool ready = false;
    QObject::connect(&core, &CoreContext::historyReady, &core, [&](const Status &s) {
        ready = true;
        if (status)
            *status = s;
    });
    core.openHistory();
    return QTest::qWaitFor([&] { return ready; }, 30000);
}

// The test keychain entry goes with the test; true once the keychain answered.
bool forgetKey(CoreContext &core)
{
    bool removed = false;
    core.credentials()->remove(QLatin1String(AuditKey::kAccount), [&](const CredentialResult &) { removed = true; });
    return QTest::qWaitFor([&] { return removed; }, 10000);
}
} // namespace

class TestHistoryOpening : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void keyIsMadeOnTheHistoryThread()
    {
        QTemporaryDir dir;
        CoreConfig config;
        config.settingsFile = dir.filePath(QStringLiteral("config/settings.ini"));
        config.historyDir = dir.filePath(QStringLiteral("data/history"));
        config.keychainService = testService();
        CoreContext core(config);
        // Hold the history thread: a key made (and its lock file synced) on the caller's thread would be
        // ready while it is held.
        QSemaphore entered;
        QSemaphore gate;
        core.history()->run<bool>(
            [&](HistoryBackend &) {
            entered.release();
            gate.acquire();
            return true;
            },
            &core, [](const bool &) {});
        entered.acquire();
        bool released = false;
        QTimer::singleShot(1500, &core, [&] {
            released = true;
            gate.release();
        });
        Status status;
        const bool ready = openAndWait(core, &status);
        if (!released)
            gate.release();
        QVERIFY(ready);
        QVERIFY2(released, "the chain key was made while the history thread was held, so not on it");
        QVERIFY2(status.ok(), qPrintable(status.message()));
        QVERIFY(!QFile::exists(QDir(config.historyDir).filePath(QStringLiteral(".lock"))));
        QVERIFY(forgetKey(core));
    }

    void looseDataFolderIsTightened()
    {
        QTemporaryDir home;
        qputenv("ENROLLEE_HOME", QFile::encodeName(home.path()));
        qputenv("ENROLLEE_KEYCHAIN_SERVICE", testService().toUtf8());
        const QString data = home.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(QDir(data).filePath(QStringLiteral("history"))));
        QVERIFY(::chmod(QFile::encodeName(data).constData(), 0755) == 0);
        {
            CoreContext core; // the standard places, under ENROLLEE_HOME
            QVERIFY(openAndWait(core));
            QVERIFY(forgetKey(core));
        }
        qunsetenv("ENROLLEE_HOME");
        qunsetenv("ENROLLEE_KEYCHAIN_SERVICE");
        QCOMPARE(modeOf(data), mode_t(0700));
    }

    void newDataFolderIsPrivate()
    {
        QTemporaryDir home;
        qputenv("ENROLLEE_HOME", QFile::encodeName(home.path()));
        qputenv("ENROLLEE_KEYCHAIN_SERVICE", testService().toUtf8());
        const mode_t previous = ::umask(022);
        Status status;
        bool ready = false;
        {
            CoreContext core;
            ready = openAndWait(core, &status); // the first start makes the key, so the history folder
            QVERIFY(forgetKey(core));
        }
        ::umask(previous);
        qunsetenv("ENROLLEE_HOME");
        qunsetenv("ENROLLEE_KEYCHAIN_SERVICE");
        QVERIFY(ready);
        QVERIFY2(status.ok(), qPrintable(status.message()));
        QCOMPARE(modeOf(home.filePath(QStringLiteral("data"))), mode_t(0700));
    }
};

QTEST_GUILESS_MAIN(TestHistoryOpening)
#include "tst_history_opening.moc"
