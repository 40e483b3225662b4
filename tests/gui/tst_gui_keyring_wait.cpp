// While the keyring's own password prompt is pending at first start, the window
// says what it is waiting for. A private session bus carries a Secret Service that takes every call
// and never answers, exactly as a locked keyring does while its unlock prompt is on screen.
#include "support/ConsoleTest.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

#include <cstdio>
#include <signal.h>

using namespace GuiTest;

namespace {
// Takes every call on org.freedesktop.secrets and answers none of them.
class SilentSecretService : public QDBusVirtualObject
{
public:
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &, const QDBusConnection &) override { return true; }
};

qint64 g_busPid = 0;
} // namespace

class TestKeyringWait : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    SilentSecretService m_service;

private slots:
    void initTestCase()
    {
        QVERIFY(g_busPid > 0);
        QDBusConnection bus = QDBusConnection::sessionBus();
        QVERIFY2(bus.isConnected(), qPrintable(bus.lastError().message()));
        QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.secrets")));
        QVERIFY(bus.registerVirtualObject(QStringLiteral("/"), &m_service, QDBusConnection::SubPath));
        isolate("tst_gui_keyring_wait");
    }

    void saysItWaitsForTheKeyring()
    {
        auto *console = new Console(m_home.path()); // left alive: its keychain call never returns
        console->context->credentials()->setSlowThreshold(300);
        console->window->show();
        QVERIFY(QTest::qWaitForWindowExposed(console->window.get()));
        auto *why = find<QLabel>(console->window.get(), "actionsDisabledReason");
        QTRY_VERIFY_WITH_TIMEOUT(why->text().startsWith(QLatin1String("Waiting for the keyring to be unlocked")), 8000);
        QVERIFY(why->isVisible());
        QVERIFY(!console->context->isReady());
        QVERIFY(console->context->credentials()->isWaitingLong());
    }

    // The CLI on the same silent keyring names what it waits for instead of looking hung.
    void cliSaysItWaitsForTheKeyring()
    {
        QTemporaryDir home;
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ENROLLEE_HOME"), home.path());
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(ENROLLEE_CLI_PATH), {QStringLiteral("history"), QStringLiteral("--verify")});
        QVERIFY(cli.waitForStarted(10000));
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += cli.readAllStandardError()).contains("waiting for the keychain"), 10000);
        QCOMPARE(cli.state(), QProcess::Running); // still waiting: nothing was decided without the keychain
        QVERIFY2(err.startsWith("enrollee-cli: waiting for the keychain (it may be locked"), err.constData());
        cli.kill();
        QVERIFY(cli.waitForFinished(5000));
    }

    // The API key handed over in the environment is out of it while the CLI waits, so whatever the CLI
    // starts (an autolaunched D-Bus, a keyring daemon) cannot inherit it, and /proc does not show it.
    void cliKeepsTheKeyOutOfItsEnvironment()
    {
        QTemporaryDir home;
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ENROLLEE_HOME"), home.path());
        env.insert(QStringLiteral("SMILEID_API_KEY"), QStringLiteral("key-that-must-not-linger-4711"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(ENROLLEE_CLI_PATH), {QStringLiteral("history"), QStringLiteral("--verify")});
        QVERIFY(cli.waitForStarted(10000));
        QByteArray err;
        QTRY_VERIFY_WITH_TIMEOUT((err += cli.readAllStandardError()).contains("waiting for the keychain"), 10000);
        QFile environ(QStringLiteral("/proc/%1/environ").arg(cli.processId()));
        QVERIFY(environ.open(QIODevice::ReadOnly));
        const QByteArray seen = environ.readAll();
        QVERIFY(seen.contains("ENROLLEE_HOME=")); // the file is readable and is this process's
        QVERIFY(!seen.contains("key-that-must-not-linger-4711"));
        QVERIFY(!seen.contains("SMILEID_API_KEY"));
        cli.kill();
        QVERIFY(cli.waitForFinished(5000));
    }

    // A keychain that never answers is given up on after ENROLLEE_KEYCHAIN_TIMEOUT seconds: the command
    // says so and ends, instead of waiting for ever on a prompt no one may see.
    void cliGivesUpOnASilentKeychain()
    {
        QTemporaryDir home;
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ENROLLEE_HOME"), home.path());
        env.insert(QStringLiteral("ENROLLEE_KEYCHAIN_TIMEOUT"), QStringLiteral("2"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        cli.setProcessEnvironment(env);
        QElapsedTimer clock;
        clock.start();
        cli.start(QStringLiteral(ENROLLEE_CLI_PATH), {QStringLiteral("history"), QStringLiteral("--verify")});
        QVERIFY(cli.waitForFinished(30000));
        const QByteArray err = cli.readAllStandardError();
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QVERIFY2(err.contains("the keychain did not answer within 2 s"), err.constData());
        QVERIFY(clock.elapsed() >= 1800); // it waited (a coarse 2 s timer may fire up to 5 % early)
    }
};

int main(int argc, char *argv[])
{
    // A bus of our own, so the silent service cannot shadow a developer's real keyring.
    FILE *daemon = popen("dbus-daemon --session --fork --nopidfile --print-address=1 --print-pid=1", "r");
    char address[512] = {0};
    char pid[32] = {0};
    if (!daemon || !fgets(address, sizeof address, daemon) || !fgets(pid, sizeof pid, daemon))
        return 2;
    pclose(daemon);
    QByteArray line(address);
    qputenv("DBUS_SESSION_BUS_ADDRESS", line.trimmed());
    g_busPid = QByteArray(pid).trimmed().toLongLong();
    QApplication app(argc, argv);
    TestKeyringWait test;
    const int status = QTest::qExec(&test, argc, argv);
    if (g_busPid > 0)
        kill(pid_t(g_busPid), SIGTERM);
    std::_Exit(status); // the unanswered keychain call is not waited for
}

#include "tst_gui_keyring_wait.moc"
