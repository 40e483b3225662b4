#pragma once

// The GUI suites' fixture: everything a suite that drives the real window uses comes with this header.
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
#include "support/Console.h"
#include "support/GuiTestSupport.h"
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

// Base of the suites that drive one real window: starts it, and offers the steps tests repeat.
// Every test function starts from a clean window (as KeePassXC's TestGui does in init()/cleanup()): no
// dialog open, no pre-set answer left over, empty fields, the first tab, nothing in flight.
class ConsoleTest : public QObject
{
    Q_OBJECT

protected slots:
    void init();
    void cleanup();

protected:
    bool startConsole(const char *appName);

    // Leaves nothing in a developer's real keychain: the given profiles' keys and the audit-chain key.
    bool forgetKeychainEntries(const QStringList &profiles);
    QTemporaryDir m_home;
    std::unique_ptr<Console> m_console;

    MainWindow *window() const { return m_console->window.get(); }
    SandboxServer *sandbox() const { return m_console->context->sandbox(); }
    QLineEdit *userEdit() const { return find<QLineEdit>(window(), "userIdEdit"); }
    QLineEdit *reasonEdit() const { return find<QLineEdit>(window(), "reasonEdit"); }
    QLabel *resultLine() const { return find<QLabel>(window(), "resultLine"); }

    // The sandbox takes every request and never answers; the client gives up after `timeoutMs`. Returns
    // the client's timeout before, for answerAgain.
    int hangRequests(int timeoutMs = 1500);
    void answerAgain(int clientTimeoutMs);

    void setUser(const QString &userId, const QString &reason = {});

    // The entries for `userId` in the console's history, oldest first.
    QList<HistoryEntry> history(const QString &userId) const;

    static QString buttonName(ActionKind kind);

    // Shortcuts reach only the active window; a closed dialog may leave none active offscreen.
    void activate();

    // Waits until the runner is idle and the result line names the outcome.
    bool waitForResult();
};

} // namespace GuiTest
