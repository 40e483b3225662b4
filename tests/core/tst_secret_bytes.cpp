// SecretBytes keeps one buffer of its own and really blanks it; a shared QByteArray is never "blanked"
// through a detached copy.
#include "settings/SecretBytes.h"

#include <QTest>

class TestSecretBytes : public QObject
{
    Q_OBJECT

private slots:
    void cleanseBlanksItsOwnBuffer()
    {
        const QByteArray original("api-key-0123456789");
        SecretBytes secret(original);
        const char *buffer = secret.bytes().constData();
        QVERIFY(buffer != original.constData()); // a copy of its own, not a share of the caller's
        secret.cleanse();
        QCOMPARE(secret.bytes().constData(), buffer); // blanked in place, not in a detached copy
        QCOMPARE(secret.bytes(), QByteArray(original.size(), '\0'));
        QCOMPARE(original, QByteArray("api-key-0123456789"));
    }

    void wipeEmpties()
    {
        SecretBytes secret(QByteArray("k"));
        secret.wipe();
        QVERIFY(secret.isEmpty());
    }

    void movingKeepsOneOwner()
    {
        SecretBytes a(QByteArray("key"));
        const char *buffer = a.bytes().constData();
        SecretBytes b(std::move(a));
        QVERIFY(a.isEmpty()); // NOLINT(bugprone-use-after-move): checking the moved-from state is the point
        QCOMPARE(b.bytes().constData(), buffer);
        SecretBytes c = b.clone();
        QVERIFY(c.bytes().constData() != buffer);
        QCOMPARE(c.bytes(), QByteArray("key"));
    }

    void staticCleanseOfAnOnlyOwner()
    {
        QByteArray read("secret read from a file");
        read.detach();
        const char *buffer = read.constData();
        QVERIFY(SecretBytes::cleanse(read));
        QCOMPARE(read.constData(), buffer);
        QCOMPARE(read, QByteArray(23, '\0'));
    }

    void sharedBufferIsLeftToItsOwners()
    {
        QByteArray mine("shared secret");
        QByteArray theirs = mine;             // e.g. still held by a keychain write in flight
        QVERIFY(!SecretBytes::cleanse(mine)); // refuses rather than blanking a detached copy
        QCOMPARE(theirs, QByteArray("shared secret"));
        SecretBytes::wipe(mine);
        QVERIFY(mine.isEmpty());
        QCOMPARE(theirs, QByteArray("shared secret"));
        // The last owner can blank it.
        const char *buffer = theirs.constData();
        QVERIFY(SecretBytes::cleanse(theirs));
        QCOMPARE(theirs.constData(), buffer);
        QCOMPARE(theirs, QByteArray(13, '\0'));
    }
};

QTEST_GUILESS_MAIN(TestSecretBytes)
#include "tst_secret_bytes.moc"
