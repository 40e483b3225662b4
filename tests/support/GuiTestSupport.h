#pragma once

// What the console's GUI suites share besides the window itself: a suite's isolation (CoreTestSupport's,
// plus the window's icons), a console's files and keychain service under one folder, and widgets found
// by objectName.
#include "CoreContext.h"
#include "support/CoreTestSupport.h"
#include "widgets/Glyphs.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QUuid>
#include <QWidget>

namespace GuiTest {

// A suite's own test-mode paths and application name, and the window's icons, as enrollee-console's
// main() sets them.
inline void isolate(const char *appName)
{
    CoreTest::isolate(appName);
    Glyphs::installInStyle();
}

// Every file and keychain entry of one console under `home`, with a keychain service of its own.
inline CoreConfig configFor(const QString &home)
{
    CoreConfig config;
    config.settingsFile = home + QStringLiteral("/config/settings.ini");
    config.historyDir = home + QStringLiteral("/data/history");
    config.keychainService = QStringLiteral("enrollee-console-test-")
        + QUuid::createUuid().toString(QUuid::WithoutBraces);
    return config;
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

// Controls without an objectName or an accessible name (tests and screen readers need both). Qt's
// own sub-widgets (a line edit's clear button, a combo box's popup, header views) are not ours to name.
inline QStringList unnamedControls(const QWidget *root)
{
    QStringList unnamed;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        const QByteArray cls = w->metaObject()->className();
        const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w)
            || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractItemView *>(w)
            || qobject_cast<QPlainTextEdit *>(w);
        const bool internal = w->objectName().startsWith(QLatin1String("qt_")) || cls.startsWith("QLineEditIconButton")
            || (w->parentWidget() && qobject_cast<QComboBox *>(w->parentWidget()->parentWidget()))
            || cls == "QComboBoxListView" || qobject_cast<QHeaderView *>(w) || cls == "QTableCornerButton"
            || cls == "QTabBar";
        if (control && !internal && (w->objectName().isEmpty() || w->accessibleName().isEmpty()))
            unnamed << QStringLiteral("%1 \"%2\"").arg(QLatin1String(cls), w->objectName());
    }
    return unnamed;
}

} // namespace GuiTest
