#include "ConsoleTest.h"

namespace GuiTest {

void ConsoleTest::init()
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

void ConsoleTest::cleanup()
{
    if (m_console)
        QVERIFY2(waitForResult(), "a test function left a request in flight");
}

bool ConsoleTest::startConsole(const char *appName)
{
    if (!m_home.isValid())
        return false;
    isolate(appName);
    m_console = std::make_unique<Console>(m_home.path());
    return m_console->start();
}

bool ConsoleTest::forgetKeychainEntries(const QStringList &profiles)
{
    CredentialStore *credentials = m_console->context->credentials();
    int pending = int(profiles.size()) + 1;
    for (const QString &name : profiles)
        credentials->remove(CredentialStore::profileAccount(name), [&pending](const CredentialResult &) { --pending; });
    credentials->remove(QLatin1String(AuditKey::kAccount), [&pending](const CredentialResult &) { --pending; });
    return QTest::qWaitFor([&pending] { return pending == 0; }, 10000);
}

int ConsoleTest::hangRequests(int timeoutMs)
{
    EnrolleeClient *client = m_console->context->core()->client();
    const int before = client->timeoutMs();
    client->setTimeoutMs(timeoutMs);
    FaultPlan hang;
    hang.kind = FaultPlan::Kind::Hang;
    sandbox()->setFaultPlan(hang);
    return before;
}

void ConsoleTest::answerAgain(int clientTimeoutMs)
{
    sandbox()->setFaultPlan(FaultPlan{});
    m_console->context->core()->client()->setTimeoutMs(clientTimeoutMs);
}

void ConsoleTest::setUser(const QString &userId, const QString &reason)
{
    userEdit()->clear();
    QTest::keyClicks(userEdit(), userId);
    reasonEdit()->clear();
    if (!reason.isEmpty())
        QTest::keyClicks(reasonEdit(), reason);
}

QList<HistoryEntry> ConsoleTest::history(const QString &userId) const
{
    QList<HistoryEntry> rows;
    const QList<HistoryEntry> entries = CoreTest::readAll(m_console->context->history());
    for (const HistoryEntry &e : entries) {
        if (e.userId == userId)
            rows.append(e);
    }
    return rows;
}

QString ConsoleTest::buttonName(ActionKind kind)
{
    const QStringList words = ActionInfo::cliName(kind).split(QLatin1Char('-'));
    QString name = words.first();
    for (int i = 1; i < words.size(); ++i)
        name += words.at(i).left(1).toUpper() + words.at(i).mid(1);
    return name + QStringLiteral("Button");
}

void ConsoleTest::activate()
{
    // The offscreen platform does not always hand activation back when a dialog closes;
    // set it the way a window manager would.
    window()->activateWindow();
    QApplication::setActiveWindow(window());
    QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget *>(window()));
}

bool ConsoleTest::waitForResult()
{
    return QTest::qWaitFor([this] { return !window()->actions()->isBusy(); }, 10000);
}

} // namespace GuiTest
