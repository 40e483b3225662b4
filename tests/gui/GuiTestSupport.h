#pragma once

// Shared set-up for the console's GUI suites: a private ENROLLEE_HOME and keychain service per run,
// the real AppContext + MainWindow, and helpers to find widgets by objectName.
#include "AppContext.h"
#include "MainWindow.h"
#include "PromptService.h"

#include <QApplication>
#include <QDialog>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace GuiTest {

// Must run before anything reads AppPaths: points every file and keychain entry at throw-away places.
inline void isolate(QTemporaryDir &home, const char *appName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QLatin1String(appName));
    QCoreApplication::setOrganizationName(QStringLiteral("EnrolleeConsoleTests"));
    qputenv("ENROLLEE_HOME", home.path().toUtf8());
    qputenv("ENROLLEE_KEYCHAIN_SERVICE",
            QByteArray("enrollee-console-test-") + QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
}

template <typename T>
T *find(const QObject *root, const char *name)
{
    T *found = root->findChild<T *>(QLatin1String(name));
    if (!found)
        qWarning("GuiTest::find: no %s named \"%s\"", T::staticMetaObject.className(), name);
    return found;
}

// A top-level widget (dialogs opened with open()) by objectName.
template <typename T>
T *topLevel(const char *name)
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->objectName() == QLatin1String(name) && w->isVisible())
            if (T *t = qobject_cast<T *>(w))
                return t;
    }
    return nullptr;
}

// The real window over a real context, shown and started, with the embedded sandbox listening.
struct Console {
    std::unique_ptr<AppContext> context = std::make_unique<AppContext>();
    PromptService prompts;
    std::unique_ptr<MainWindow> window = std::make_unique<MainWindow>(context.get(), &prompts);

    bool start()
    {
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return false;
        return QTest::qWaitFor([this] { return context->isReady() && context->sandbox() != nullptr; }, 10000);
    }
};

} // namespace GuiTest
