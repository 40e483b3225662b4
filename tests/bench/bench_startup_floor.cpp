// The start-up floor for bench_startup: the smallest window that still does what the console's first
// frame must do — a line edit and six buttons in a layout, at the console's default size. It prints
// "first-frame" on its first expose and quits, as enrollee-console does with ENROLLEE_BENCH_FIRST_FRAME=1.
// Links QtWidgets only, so it pays no more start-up than any Qt Widgets program of that shape.
#include <QApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QWidget>
#include <QWindow>

#include <cstdio>

namespace {
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
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QWidget window;
    window.setWindowTitle(QStringLiteral("floor"));
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(new QLineEdit(&window));
    for (const char *text : {"Re-enroll", "Deactivate", "Reactivate", "Flag as fraud", "Unflag fraud", "Delete"})
        layout->addWidget(new QPushButton(QLatin1String(text), &window));
    window.resize(1100, 700);
    (void)window.winId(); // the expose event goes to the QWindow, which exists only from here on
    FirstFrameProbe probe;
    window.windowHandle()->installEventFilter(&probe);
    window.show();
    return app.exec();
}
