#pragma once

// Shared set-up for the console's GUI suites: the real AppContext + MainWindow built through the core's
// composition root on a private folder and keychain service, and helpers to find widgets by objectName.
#include "AppContext.h"
#include "CoreContext.h"
#include "MainWindow.h"
#include "PromptService.h"
#include "actions/ActionController.h"
#include "actions/ActionPanel.h"
#include "api/EnrolleeClient.h"
#include "history/AuditKey.h"
#include "history/HistoryService.h"
#include "sandbox/SandboxServer.h"
#include "settings/CredentialStore.h"
#include "widgets/Glyphs.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace GuiTest {

// Keeps Qt's own standard paths (file dialogs, caches) away from a developer's real folders.
inline void isolate(const char *appName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QLatin1String(appName));
    QCoreApplication::setOrganizationName(QStringLiteral("EnrolleeConsoleTests"));
    Glyphs::installInStyle(); // the window's icons, as enrollee-console's main() sets them
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

// The real window over a real context, shown and started, with the embedded sandbox listening.
struct Console {
    explicit Console(const QString &home) : context(std::make_unique<AppContext>(configFor(home))) {}
    std::unique_ptr<AppContext> context;
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

// Base of the suites that drive one real window: starts it, and offers the steps tests repeat.
// Every test function starts from a clean window (as KeePassXC's TestGui does in init()/cleanup()): no
// dialog open, no pre-set answer left over, empty fields, the first tab, nothing in flight.
class ConsoleTest : public QObject
{
    Q_OBJECT

protected slots:
    void init()
    {
        if (!m_console)
            return;
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<QDialog *>(w); dialog && dialog->isVisible()) {
                // A dialog holding unsaved edits asks first; leftovers of the last test are discarded.
                m_console->prompts.setNextUnsavedChoice(PromptService::UnsavedChoice::Discard);
                dialog->reject();
            }
        }
        QTest::qWait(20); // the pre-set answers arrive on a later turn, as a real dialog's would
        m_console->prompts.clearNextAnswers();
        m_console->prompts.clearAsked();
        QVERIFY(waitForResult());
        if (auto *tabs = find<QTabWidget>(window(), "mainTabs"))
            tabs->setCurrentIndex(0);
        userEdit()->clear();
        reasonEdit()->clear();
    }
    void cleanup()
    {
        if (m_console)
            QVERIFY2(waitForResult(), "a test function left a request in flight");
    }

protected:
    bool startConsole(const char *appName)
    {
        if (!m_home.isValid())
            return false;
        isolate(appName);
        m_console = std::make_unique<Console>(m_home.path());
        return m_console->start();
    }

    // Leaves nothing in a developer's real keychain: the given profiles' keys and the audit-chain key.
    bool forgetKeychainEntries(const QStringList &profiles)
    {
        CredentialStore *credentials = m_console->context->credentials();
        int pending = int(profiles.size()) + 1;
        for (const QString &name : profiles)
            credentials->remove(CredentialStore::profileAccount(name),
                                [&pending](const CredentialResult &) { --pending; });
        credentials->remove(QLatin1String(AuditKey::kAccount), [&pending](const CredentialResult &) { --pending; });
        return QTest::qWaitFor([&pending] { return pending == 0; }, 10000);
    }
    QTemporaryDir m_home;
    std::unique_ptr<Console> m_console;

    MainWindow *window() const { return m_console->window.get(); }
    SandboxServer *sandbox() const { return m_console->context->sandbox(); }
    QLineEdit *userEdit() const { return find<QLineEdit>(window(), "userIdEdit"); }
    QLineEdit *reasonEdit() const { return find<QLineEdit>(window(), "reasonEdit"); }
    QLabel *resultLine() const { return find<QLabel>(window(), "resultLine"); }

    // The sandbox takes every request and never answers; the client gives up after `timeoutMs`. Returns
    // the client's timeout before, for answerAgain.
    int hangRequests(int timeoutMs = 1500)
    {
        EnrolleeClient *client = m_console->context->core()->client();
        const int before = client->timeoutMs();
        client->setTimeoutMs(timeoutMs);
        FaultPlan hang;
        hang.kind = FaultPlan::Kind::Hang;
        sandbox()->setFaultPlan(hang);
        return before;
    }
    void answerAgain(int clientTimeoutMs)
    {
        sandbox()->setFaultPlan(FaultPlan{});
        m_console->context->core()->client()->setTimeoutMs(clientTimeoutMs);
    }

    void setUser(const QString &userId, const QString &reason = {})
    {
        userEdit()->clear();
        QTest::keyClicks(userEdit(), userId);
        reasonEdit()->clear();
        if (!reason.isEmpty())
            QTest::keyClicks(reasonEdit(), reason);
    }

    QList<HistoryEntry> history(const QString &userId) const
    {
        QList<HistoryEntry> rows;
        bool done = false;
        QObject context;
        m_console->context->history()->read(1, &context, [&](const Result<HistoryRead> &read) {
            for (const HistoryEntry &e : read.ok() ? read.value().entries : QList<HistoryEntry>()) {
                if (e.userId == userId)
                    rows.append(e);
            }
            done = true;
        });
        if (!QTest::qWaitFor([&done] { return done; }, 10000))
            qWarning("the history service did not answer");
        return rows;
    }

    static QString buttonName(ActionKind kind)
    {
        const QStringList words = ActionInfo::cliName(kind).split(QLatin1Char('-'));
        QString name = words.first();
        for (int i = 1; i < words.size(); ++i)
            name += words.at(i).left(1).toUpper() + words.at(i).mid(1);
        return name + QStringLiteral("Button");
    }

    // Shortcuts reach only the active window; a closed dialog may leave none active offscreen.
    void activate()
    {
        // The offscreen platform does not always hand activation back when a dialog closes;
        // set it the way a window manager would.
        window()->activateWindow();
        QApplication::setActiveWindow(window());
        QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget *>(window()));
    }

    // Waits until the runner is idle and the result line names the outcome.
    bool waitForResult()
    {
        return QTest::qWaitFor([this] { return !window()->actions()->isBusy(); }, 10000);
    }
};

} // namespace GuiTest
