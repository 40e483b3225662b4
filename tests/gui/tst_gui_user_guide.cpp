// Help -> User guide (F1) opens the guide shipped inside the program, offline: no web address is handed
// to a browser, and the guide is the README's tour of the console, with its screenshot.
#include "HelpMenu.h"
#include "support/ConsoleTest.h"

#include <QAction>
#include <QDesktopServices>
#include <QTextBrowser>

using namespace GuiTest;

class TestUserGuide : public ConsoleTest
{
    Q_OBJECT

public slots:
    // Stands in for the desktop's browser: any web address the window tries to open lands here.
    void openedInBrowser(const QUrl &url) { m_opened.append(url); }

private:
    QList<QUrl> m_opened;

private slots:
    void initTestCase()
    {
        QVERIFY(startConsole("tst_gui_user_guide"));
        for (const char *scheme : {"http", "https"})
            QDesktopServices::setUrlHandler(QLatin1String(scheme), this, "openedInBrowser");
    }
    void cleanupTestCase()
    {
        for (const char *scheme : {"http", "https"})
            QDesktopServices::unsetUrlHandler(QLatin1String(scheme));
    }

    void f1OpensTheGuideOffline()
    {
        activate();
        auto *help = find<HelpMenu>(window(), "helpMenu");
        QAction *guide = find<QAction>(help, "userGuideAction");
        QCOMPARE(guide->shortcut(), QKeySequence(QKeySequence::HelpContents));
        QTest::keySequence(window(), QKeySequence(QKeySequence::HelpContents));
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = topLevel<QDialog>("userGuideDialog")) != nullptr);
        QVERIFY(m_opened.isEmpty());
        auto *browser = find<QTextBrowser>(dialog, "userGuideBrowser");
        const QString text = browser->toPlainText();
        for (const char *part : {"Environment, always visible", "Lookup", "Confirmations", "Bulk tab", "History tab"})
            QVERIFY2(text.contains(QLatin1String(part)), part);
        QVERIFY2(!text.contains(QLatin1String("Xvfb")), "the developers' note on screenshots is left out");
        // The screenshot is in the program too.
        QVERIFY(!browser->document()
                     ->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("main-window.png")))
                     .isNull());
        // A second F1 raises the same guide.
        guide->trigger();
        int guides = 0;
        for (QWidget *w : QApplication::topLevelWidgets())
            guides += w->objectName() == QLatin1String("userGuideDialog") && w->isVisible() ? 1 : 0;
        QCOMPARE(guides, 1);
        dialog->close();
    }
};

QTEST_MAIN(TestUserGuide)
#include "tst_gui_user_guide.moc"
