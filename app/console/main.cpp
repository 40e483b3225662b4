// enrollee-console: the desktop face of the enrollee API. Everything lives in enrollee_ui; this file
// only makes the application object, the object graph and the window.
#include "AppContext.h"
#include "MainWindow.h"
#include "PromptService.h"
#include "WindowHost.h"
#include "base/Translations.h"
#include "settings/AppSettings.h"
#include "widgets/Glyphs.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QIcon>
#include <QTimer>
#include <QWindow>

#include <cstdio>

namespace {
// ENROLLEE_BENCH_FIRST_FRAME=1 (used by tests/bench/bench_startup) prints "first-frame" when the
// window is first exposed and quits, so launch-to-first-frame can be timed from outside.
class FirstFrameProbe : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && !m_seen) {
            m_seen = true;
            std::fputs("first-frame\n", stdout);
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

// The pre-rendered PNGs, not the SVG: the window manager asks for the icon while the window is
// mapped, and rendering an SVG at start loads the SVG icon engine (measured in bench_startup).
QIcon appIcon()
{
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64, 128}) {
        const QString png = QStringLiteral(":/icons/png/enrollee-console-%1.png").arg(size);
        if (QFile::exists(png))
            icon.addFile(png, QSize(size, size));
    }
    if (!icon.isNull())
        return icon;
    const QString bundled = QStringLiteral(":/icons/enrollee-console.svg");
    if (QFile::exists(bundled))
        return QIcon(bundled);
    return QIcon::fromTheme(QStringLiteral("enrollee-console"), QIcon::fromTheme(QStringLiteral("security-high")));
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("enrollee-console"));
    QApplication::setOrganizationName(QStringLiteral("EnrolleeConsole"));
    QApplication::setApplicationVersion(QStringLiteral(ENROLLEE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.enrolleeconsole.EnrolleeConsole"));
    Glyphs::installInStyle();

    AppContext context; // cheap: reads settings.ini, touches no network, keychain or history yet
    // The settings' language, else the system locale; before any widget so every string is translated.
    Translations::install(context.settings()->language());
    // No application display name: Qt would append it to every window title ("Enrollee Console — Local
    // sandbox — Enrollee Console"); the window's own title already starts with the product's name.
    PromptService prompts;
    // The host rebuilds the window when the officer picks another language (View → Language).
    WindowHost host(&context, &prompts);
    FirstFrameProbe probe;
    if (qEnvironmentVariableIntValue("ENROLLEE_BENCH_FIRST_FRAME") == 1) {
        (void)host.window()->winId(); // the expose event goes to the QWindow, which exists only from here on
        host.window()->windowHandle()->installEventFilter(&probe);
    }
    // The window icon once the first frame is up: decoding its seven PNGs (16-128 px) cost about 9 M
    // instructions before it (callgrind, bench_startup), and window managers take a changed icon at once.
    QObject::connect(
        host.window(), &MainWindow::firstFrameShown, &app, [] { QApplication::setWindowIcon(appIcon()); },
        Qt::SingleShotConnection);
    host.show();
    return app.exec();
}
