// Private folders are made private, and shared ones are left alone: an anchor or settings file pointed
// into /tmp must never tighten /tmp itself.
#include "settings/PrivateFiles.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {
mode_t modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : 0;
}
} // namespace

class TestPrivateFiles : public QObject
{
    Q_OBJECT

private slots:
    void newFolderIsPrivate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a/b"));
        QVERIFY(PrivateFiles::ensureFolder(path).ok());
        QCOMPARE(modeOf(path), mode_t(0700));
    }

    void missingParentsArePrivateToo()
    {
        // The data folder is made by whichever write comes first (the history, a run, the key): each
        // makes it private, whatever the umask would have given it.
        QTemporaryDir dir;
        const mode_t previous = ::umask(022);
        const QString data = dir.filePath(QStringLiteral("data"));
        const bool made = PrivateFiles::ensureFolder(QDir(data).filePath(QStringLiteral("history"))).ok();
        ::umask(previous);
        QVERIFY(made);
        QCOMPARE(modeOf(data), mode_t(0700));
        QCOMPARE(modeOf(QDir(data).filePath(QStringLiteral("history"))), mode_t(0700));
    }

    void looseFolderOfOursIsTightened()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("loose"));
        QVERIFY(QDir().mkdir(path));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0755) == 0);
        bool tightened = false;
        QVERIFY(PrivateFiles::ensureFolder(path, &tightened).ok());
        QVERIFY(tightened);
        QCOMPARE(modeOf(path), mode_t(0700));
    }

    void sharedStickyFolderIsLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("shared"));
        QVERIFY(QDir().mkdir(path));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 01777) == 0);
        bool tightened = true;
        QVERIFY(PrivateFiles::ensureFolder(path, &tightened).ok());
        QVERIFY(!tightened);
        QCOMPARE(modeOf(path), mode_t(01777));
    }
};

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "tst_private_files.moc"
