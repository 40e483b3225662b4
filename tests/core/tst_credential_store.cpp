#include "history/AuditKey.h"
#include "settings/CredentialStore.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

namespace {
// Runs one keychain operation to completion; the store calls back on the event loop.
CredentialResult run(const std::function<void(CredentialStore::Callback)> &op)
{
    CredentialResult out;
    bool done = false;
    op([&](const CredentialResult &r) {
        out = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        out.message = QStringLiteral("timed out");
    return out;
}

bool haveSessionBus()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}
} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT
private slots:
    void roundTripInTheRealKeychain()
    {
        if (!haveSessionBus())
            QFAIL(
                "These tests need a Secret Service: run them under dbus-run-session with gnome-keyring (see README).");
        CredentialStore store(QStringLiteral("enrollee-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        const QString account = CredentialStore::profileAccount(QStringLiteral("Prod / main"));
        CredentialResult r = run([&](auto cb) { store.read(account, cb); });
        QCOMPARE(r.status, CredentialResult::Status::NotFound);
        r = run([&](auto cb) { store.write(account, "s3cr3t-key", cb); });
        QVERIFY2(r.ok(), qPrintable(r.message));
        r = run([&](auto cb) { store.read(account, cb); });
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.secret, QByteArray("s3cr3t-key"));
        QVERIFY(store.available());
        r = run([&](auto cb) { store.remove(account, cb); });
        QVERIFY2(r.ok(), qPrintable(r.message));
        r = run([&](auto cb) { store.read(account, cb); });
        QCOMPARE(r.status, CredentialResult::Status::NotFound);
    }

    void auditKeyIsStableAndLivesInTheKeychain()
    {
        QVERIFY(haveSessionBus());
        QTemporaryDir dir;
        CredentialStore store(QStringLiteral("enrollee-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces));
        AuditKey::Found first, second;
        bool done = false;
        AuditKey::obtain(&store, dir.path(), [&](const AuditKey::Found &f) {
            first = f;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QVERIFY(first.inKeychain);
        QCOMPARE(first.key.size(), 32);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("chain.key"))));
        done = false;
        AuditKey::obtain(&store, dir.path(), [&](const AuditKey::Found &f) {
            second = f;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
        QCOMPARE(second.key, first.key);
        run([&](auto cb) { store.remove(QLatin1String(AuditKey::kAccount), cb); });
    }

    void withoutAKeychainItSaysSoAndGoesOn()
    {
        // A session bus that is not there: run this part in a child process with a broken address.
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
        env.insert(QStringLiteral("ENROLLEE_TEST_CHILD"), QStringLiteral("no-keychain"));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(60000));
        const QByteArray out = child.readAllStandardOutput() + child.readAllStandardError();
        QVERIFY2(child.exitCode() == 0, out.constData());
        QVERIFY2(out.contains("unavailable:"), out.constData());
    }
};

// The child: every operation must report Unavailable with the keychain's reason, and the session
// fallback must hold the key in memory.
static int noKeychainChild()
{
    QTemporaryDir dir;
    CredentialStore store(QStringLiteral("enrollee-test-nokeychain"));
    const QString account = CredentialStore::profileAccount(QStringLiteral("p"));
    CredentialResult r = run([&](auto cb) { store.write(account, "in-memory", cb); });
    if (r.status != CredentialResult::Status::Unavailable || r.message.isEmpty() || store.available())
        return 10;
    printf("unavailable: %s\n", qPrintable(r.message));
    r = run([&](auto cb) { store.read(account, cb); });
    if (!r.ok() || r.secret != "in-memory")
        return 11;
    bool done = false;
    AuditKey::Found found;
    AuditKey::obtain(&store, dir.path(), [&](const AuditKey::Found &f) {
        found = f;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000) || found.inKeychain || found.key.size() != 32)
        return 12;
    QFile file(dir.filePath(QStringLiteral("chain.key")));
    if (!file.exists() || (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther)))
        return 13;
    return 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariable("ENROLLEE_TEST_CHILD") == QLatin1String("no-keychain"))
        return noKeychainChild();
    TestCredentialStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_credential_store.moc"
