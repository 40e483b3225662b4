// The window's team side against a real PostgreSQL and two officers as two real
// configurations: officer A is this window, officer B the built enrollee-cli. The status line names
// A's role; B's request shows as a badge and is approved in the window, and B's run goes out once;
// A's own request (recorded by the window instead of sent) cannot be approved by A, and once B
// approves it, "Send now" sends it once; a colleague's recent act is warned of; with the database
// stopped the status line says how far behind the trail is. PostgreSQL must start: no skip.
#include "bulk/BulkPanel.h"
#include "bulk/BulkRun.h"
#include "history/HistoryPanel.h"
#include "history/HistoryTableModel.h"
#include "support/ConsoleTest.h"
#include "support/TeamTestSupport.h"
#include "team/ApprovalsModel.h"
#include "team/ApprovalsPanel.h"
#include "team/TeamStatusBar.h"

#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTableView>
#include <QTreeView>

using namespace GuiTest;

class TestGuiTeam : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noTeamNoTeamControls();
    void statusLineNamesTheRole();
    void approveColleaguesRequestInTheWindow();
    void ownRequestNeedsSomeoneElse();
    void localFailureKeepsTheApproval();
    void denialNeedsAReason();
    void colleaguesRecentActWarned();
    void bulkRunOverTheLimitIsApprovedAsAWhole();
    void stoppedDatabaseLeavesTheTrailBehind();
    void outageIsAmberAndClearsByItself();
    void tamperingTurnsTheLineRed();
    void cleanup();
    void cleanupTestCase();

private:
    qint64 count(const QString &sql) const { return superCount(m_pg, sql); }
    qint64 requestsWith(qint64 id, const char *status) const
    {
        return count(QStringLiteral("SELECT count(*) FROM enrollee.requests WHERE id = %1 AND status = '%2'")
                         .arg(id)
                         .arg(QLatin1String(status)));
    }
    bool selectRequest(qint64 id);
    void click(const char *name) { QTest::mouseClick(find<QAbstractButton>(m_window.get(), name), Qt::LeftButton); }
    QString statusLine() const { return find<QLabel>(m_window.get(), "teamStatusLine")->text(); }
    QString tabText() const;
    QString resultText() const { return find<QLabel>(m_window.get(), "resultLine")->text(); }
    void windowAct(const char *button, const QString &userId, const QString &reason);
    SandboxServer *embedded() const { return m_context->sandbox(); }

    PgTestServer m_pg;
    SandboxServer *m_sandbox = nullptr;
    QByteArray m_key;
    Officer m_a;
    Officer m_b;
    std::unique_ptr<AppContext> m_context;
    PromptService m_prompts;
    std::unique_ptr<MainWindow> m_window;
    ApprovalsPanel *m_panel = nullptr;
};

void TestGuiTeam::initTestCase()
{
    isolate("tst_gui_team");
    m_key = "gui-team-key-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    SandboxConfig config;
    config.apiKey = m_key;
    for (const char *user : {"gui-doomed", "demo-user-002"})
        config.enrollees.append(QString::fromLatin1(user));
    m_sandbox = new SandboxServer(config, this);
    QVERIFY(m_sandbox->listen(QHostAddress::LocalHost, 0).ok());
    QString why;
    QVERIFY2(startTeamDatabase(m_pg, &why), qPrintable(why));
    QVERIFY2(addOfficer(m_pg, QStringLiteral("officer_a"), m_key, &m_a, &why), qPrintable(why));
    QVERIFY2(addOfficer(m_pg, QStringLiteral("officer_b"), m_key, &m_b, &why), qPrintable(why));
    // The sandbox refuses production bodies, so the full path is rehearsed with the default rule
    // (delete) for the sandbox too; the window's own request uses a rule for its local sandbox.
    QVERIFY2(m_pg.superExec({QStringLiteral("INSERT INTO enrollee.policy VALUES ('sandbox', 'delete')"),
                             QStringLiteral("INSERT INTO enrollee.policy VALUES ('local', 'flag-fraud')")},
                            &why),
             qPrintable(why));

    // Officer A's window over A's configuration (settings, history, keychain service), password by libpq.
    qputenv("PGPASSWORD", m_a.password.toUtf8());
    const CoreConfig core = officerCore(m_a);
    m_context = std::make_unique<AppContext>(core);
    QVERIFY(m_context->core()->hasTeam());
    m_window = std::make_unique<MainWindow>(m_context.get(), &m_prompts);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(QTest::qWaitFor([this] { return m_context->isReady() && embedded() != nullptr; }, 15000));
    m_panel = find<ApprovalsPanel>(m_window.get(), "approvalsPanel");
    QVERIFY(m_panel);
}

// A test that fails while the database is stopped must not take the next one down with it.
void TestGuiTeam::cleanup()
{
    QString why;
    if (!m_pg.running())
        QVERIFY2(m_pg.start(&why), qPrintable(why));
}

void TestGuiTeam::cleanupTestCase()
{
    m_window.reset();
    m_context.reset();
}

QString TestGuiTeam::tabText() const
{
    auto *tabs = find<QTabWidget>(m_window.get(), "mainTabs");
    return tabs->tabText(tabs->indexOf(m_panel));
}

bool TestGuiTeam::selectRequest(qint64 id)
{
    QMetaObject::invokeMethod(m_panel, "refresh");
    if (!QTest::qWaitFor([this, id] { return m_panel->rowOf(id) >= 0; }, 10000))
        return false;
    find<QTableView>(m_panel, "approvalsTable")->selectRow(m_panel->rowOf(id));
    return true;
}

void TestGuiTeam::windowAct(const char *button, const QString &userId, const QString &reason)
{
    auto *tabs = find<QTabWidget>(m_window.get(), "mainTabs");
    tabs->setCurrentIndex(0);
    auto *user = find<QLineEdit>(m_window.get(), "userIdEdit");
    auto *why = find<QLineEdit>(m_window.get(), "reasonEdit");
    user->clear();
    QTest::keyClicks(user, userId);
    why->clear();
    QTest::keyClicks(why, reason);
    click(button);
}

// A console without a team store shows no status line, no Approvals tab.
void TestGuiTeam::noTeamNoTeamControls()
{
    QTemporaryDir home;
    AppContext plain(configFor(home.path()));
    PromptService prompts;
    MainWindow window(&plain, &prompts);
    QVERIFY(!plain.core()->hasTeam());
    QVERIFY(!window.findChild<TeamStatusBar *>());
    QVERIFY(!window.findChild<ApprovalsPanel *>());
    auto *tabs = find<QTabWidget>(&window, "mainTabs");
    for (int i = 0; i < tabs->count(); ++i)
        QVERIFY(!tabs->tabText(i).startsWith(QStringLiteral("Approvals")));
}

void TestGuiTeam::statusLineNamesTheRole()
{
    auto *line = find<TeamStatusBar>(m_window.get(), "teamStatusLine");
    QVERIFY(line && line->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(statusLine(), QStringLiteral("Team trail: connected (officer role officer_a)"), 10000);
    QVERIFY(!line->integrityFailed());
    QCOMPARE(tabText(), QStringLiteral("Approvals"));
}

void TestGuiTeam::approveColleaguesRequestInTheWindow()
{
    const int sent = m_sandbox->requestCount();
    const CliRun asked = m_b.cli->run({QStringLiteral("delete"), QStringLiteral("gui-doomed"),
                                       QStringLiteral("--environment"), QStringLiteral("sandbox"),
                                       QStringLiteral("--base-url"), m_sandbox->origin().toString(),
                                       QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
                                       QStringLiteral("b@example.org"), QStringLiteral("--reason"),
                                       QStringLiteral("CASE-7"), QStringLiteral("--yes")});
    QVERIFY2(asked.exitCode == 7, asked.err.constData());
    const qint64 id = count(QStringLiteral("SELECT max(id) FROM enrollee.requests"));
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(tabText(), QStringLiteral("Approvals (1)"), 10000);
    QVERIFY(selectRequest(id));
    const ApprovalRequest *row = m_panel->model()->at(m_panel->rowOf(id));
    QCOMPARE(row->requester, QStringLiteral("officer_b"));
    QCOMPARE(row->userId, QStringLiteral("gui-doomed"));
    QCOMPARE(row->action, QStringLiteral("delete"));
    QCOMPARE(row->reason, QStringLiteral("CASE-7"));
    QVERIFY(row->expiresAt.isValid());
    QVERIFY(!find<QAbstractButton>(m_panel, "sendNowButton")->isEnabled()); // not A's to send

    m_prompts.setNextText(QStringLiteral("checked the case"));
    click("approveButton");
    QTRY_COMPARE_WITH_TIMEOUT(requestsWith(id, "approved"), qint64(1), 10000);
    QVERIFY(m_prompts.asked().contains(QStringLiteral("text:Approve request #%1").arg(id)));
    QTRY_VERIFY(m_panel->message().contains(QStringLiteral("approved")));
    QCOMPARE(m_sandbox->requestCount(), sent);

    const QString idText = QString::number(id);
    const CliRun ran = m_b.cli->run({QStringLiteral("approvals"), QStringLiteral("run"), idText});
    QVERIFY2(ran.exitCode == 0, ran.err.constData());
    QCOMPARE(m_sandbox->requestCount(), sent + 1);
    QCOMPARE(m_b.cli->run({QStringLiteral("approvals"), QStringLiteral("run"), idText}).exitCode, 6);
    QCOMPARE(m_sandbox->requestCount(), sent + 1);
    QTRY_COMPARE_WITH_TIMEOUT(tabText(), QStringLiteral("Approvals"), 10000);
}

void TestGuiTeam::ownRequestNeedsSomeoneElse()
{
    const int sent = embedded()->requestCount();
    const qint64 before = count(QStringLiteral("SELECT coalesce(max(id), 0) FROM enrollee.requests"));
    windowAct("flagFraudButton", QStringLiteral("demo-user-004"), QStringLiteral("CASE-9"));
    QTRY_COMPARE_WITH_TIMEOUT(
        resultText(), QStringLiteral("Recorded, awaiting approval by a second officer; nothing was sent."), 10000);
    QCOMPARE(embedded()->requestCount(), sent);
    const qint64 id = count(QStringLiteral("SELECT max(id) FROM enrollee.requests"));
    QCOMPARE(id, before + 1);
    QCOMPARE(requestsWith(id, "pending"), qint64(1));

    // A approving A's own request: the database refuses, and the window says so.
    QVERIFY(selectRequest(id));
    QCOMPARE(m_panel->model()->at(m_panel->rowOf(id))->requester, QStringLiteral("officer_a"));
    m_prompts.setNextText(QStringLiteral("mine"));
    click("approveButton");
    QTRY_VERIFY_WITH_TIMEOUT(m_panel->message().contains(QStringLiteral("self-approval refused")), 10000);
    QVERIFY(m_panel->message().startsWith(QStringLiteral("Request #%1 was not approved").arg(id)));
    QCOMPARE(requestsWith(id, "pending"), qint64(1));
    QVERIFY(!find<QAbstractButton>(m_panel, "sendNowButton")->isEnabled());

    // B approves; A sends it from the window, once.
    QCOMPARE(m_b.cli->run({QStringLiteral("approvals"), QStringLiteral("approve"), QString::number(id)}).exitCode, 0);
    QVERIFY(selectRequest(id));
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->at(m_panel->rowOf(id))->status, QStringLiteral("approved"), 10000);
    find<QTableView>(m_panel, "approvalsTable")->selectRow(m_panel->rowOf(id));
    QVERIFY(find<QAbstractButton>(m_panel, "sendNowButton")->isEnabled());
    click("sendNowButton");
    QTRY_COMPARE_WITH_TIMEOUT(embedded()->requestCount(), sent + 1, 10000);
    QTRY_VERIFY(!m_window->actions()->isBusy());
    QCOMPARE(requestsWith(id, "run"), qint64(1));
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->rowOf(id), -1, 10000); // run: no longer listed
    const CliRun again = m_a.cli->run({QStringLiteral("approvals"), QStringLiteral("run"), QString::number(id)});
    QCOMPARE(again.exitCode, 6);
    QCOMPARE(embedded()->requestCount(), sent + 1);
}

// An approved request whose intent cannot be recorded (a full disk) is not used up: the window says
// nothing was sent, both officers still see it approved, and it is sent once when the disk is back.
void TestGuiTeam::localFailureKeepsTheApproval()
{
    const int sent = embedded()->requestCount();
    windowAct("flagFraudButton", QStringLiteral("demo-user-001"), QStringLiteral("CASE-31"));
    QTRY_COMPARE_WITH_TIMEOUT(
        resultText(), QStringLiteral("Recorded, awaiting approval by a second officer; nothing was sent."), 10000);
    const qint64 id = count(QStringLiteral("SELECT max(id) FROM enrollee.requests"));
    QCOMPARE(m_b.cli->run({QStringLiteral("approvals"), QStringLiteral("approve"), QString::number(id)}).exitCode, 0);
    QVERIFY(selectRequest(id));
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->model()->at(m_panel->rowOf(id))->status, QStringLiteral("approved"), 10000);

    HistoryService *history = m_context->core()->history();
    history->refuseWrites(Status::failure(QStringLiteral("No space left on device (test)"), Status::Kind::DiskFull));
    find<QTableView>(m_panel, "approvalsTable")->selectRow(m_panel->rowOf(id));
    click("sendNowButton");
    QTRY_VERIFY_WITH_TIMEOUT(
        m_panel->message().startsWith(QStringLiteral("Request #%1 cannot be sent; nothing was sent").arg(id)), 10000);
    QVERIFY2(m_panel->message().contains(QStringLiteral("No space left on device")), qPrintable(m_panel->message()));
    QTRY_VERIFY(!m_window->actions()->isBusy());
    QCOMPARE(embedded()->requestCount(), sent);
    QCOMPARE(requestsWith(id, "approved"), qint64(1));
    // Still listed, still approved, still A's to send, after the tab read the requests again.
    QVERIFY(selectRequest(id));
    QCOMPARE(m_panel->model()->at(m_panel->rowOf(id))->status, QStringLiteral("approved"));
    QVERIFY(find<QAbstractButton>(m_panel, "sendNowButton")->isEnabled());
    // The approver's view agrees: the request is still approved, not used up.
    const CliRun listed = m_b.cli->run({QStringLiteral("approvals"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    bool stillApproved = false;
    for (const QJsonValue &v : QJsonDocument::fromJson(listed.out).array())
        stillApproved |= v[QLatin1String("id")].toInteger() == id
            && v[QLatin1String("status")].toString() == QLatin1String("approved");
    QVERIFY2(stillApproved, listed.out.constData());

    history->refuseWrites(Status::success());
    find<QTableView>(m_panel, "approvalsTable")->selectRow(m_panel->rowOf(id));
    click("sendNowButton");
    QTRY_COMPARE_WITH_TIMEOUT(embedded()->requestCount(), sent + 1, 10000);
    QTRY_VERIFY(!m_window->actions()->isBusy());
    QCOMPARE(requestsWith(id, "run"), qint64(1));
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->rowOf(id), -1, 10000);
}

// Deny asks for a reason and does nothing without one; with one, the database records the denial.
void TestGuiTeam::denialNeedsAReason()
{
    const CliRun asked = m_b.cli->run({QStringLiteral("delete"), QStringLiteral("gui-spared"),
                                       QStringLiteral("--environment"), QStringLiteral("sandbox"),
                                       QStringLiteral("--base-url"), m_sandbox->origin().toString(),
                                       QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
                                       QStringLiteral("b@example.org"), QStringLiteral("--reason"),
                                       QStringLiteral("CASE-12"), QStringLiteral("--yes")});
    QVERIFY2(asked.exitCode == 7, asked.err.constData());
    const qint64 id = count(QStringLiteral("SELECT max(id) FROM enrollee.requests"));
    QVERIFY(selectRequest(id));
    m_prompts.setNextText(QStringLiteral("  "));
    click("denyButton");
    QTRY_VERIFY(m_panel->message().contains(QStringLiteral("A denial needs a reason")));
    QCOMPARE(requestsWith(id, "pending"), qint64(1));
    m_prompts.setNextText(QStringLiteral("not justified"));
    click("denyButton");
    QTRY_COMPARE_WITH_TIMEOUT(requestsWith(id, "denied"), qint64(1), 10000);
    QTRY_VERIFY(m_panel->message().contains(QStringLiteral("denied")));
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->rowOf(id), -1, 10000);
}

void TestGuiTeam::colleaguesRecentActWarned()
{
    const CliRun acted = m_b.cli->run({QStringLiteral("deactivate"), QStringLiteral("demo-user-002"),
                                       QStringLiteral("--environment"), QStringLiteral("sandbox"),
                                       QStringLiteral("--base-url"), m_sandbox->origin().toString(),
                                       QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
                                       QStringLiteral("b@example.org"), QStringLiteral("--reason"),
                                       QStringLiteral("CASE-8"), QStringLiteral("--yes")});
    QVERIFY2(acted.exitCode == 0, acted.err.constData());
    const int sent = embedded()->requestCount();
    m_prompts.clearAsked();
    m_prompts.setNextAnswer(false);
    windowAct("deactivateButton", QStringLiteral("demo-user-002"), QStringLiteral("CASE-8"));
    QTRY_VERIFY_WITH_TIMEOUT(m_prompts.asked().contains(QStringLiteral("confirm:Another officer acted on this user")),
                             10000);
    QTRY_VERIFY(resultText().contains(QStringLiteral("cancelled; nothing was sent")));
    QTRY_VERIFY(!m_window->actions()->isBusy());
    QCOMPARE(embedded()->requestCount(), sent);
}

// In the window too, a bulk run over the team's limit is one request for the whole run;
// nothing leaves until a colleague approves it, then Resume sends every row once.
void TestGuiTeam::bulkRunOverTheLimitIsApprovedAsAWhole()
{
    QString why;
    QVERIFY2(m_pg.superExec({QStringLiteral("INSERT INTO enrollee.bulk_policy VALUES ('local', 2)")}, &why),
             qPrintable(why));
    QStringList users;
    for (int i = 0; i < 3; ++i) {
        users.append(QStringLiteral("gui-bulk-%1").arg(i));
        embedded()->registry().add(users.last());
    }
    auto *tabs = find<QTabWidget>(m_window.get(), "mainTabs");
    auto *bulk = find<BulkPanel>(m_window.get(), "bulkPanel");
    tabs->setCurrentWidget(bulk);
    find<QPlainTextEdit>(m_window.get(), "bulkInputEdit")->setPlainText(users.join(QLatin1Char('\n')));
    const int sent = embedded()->requestCount();
    const qint64 before = count(QStringLiteral("SELECT coalesce(max(id), 0) FROM enrollee.requests"));
    m_prompts.clearAsked();
    m_prompts.setNextAnswer(true); // the typed count
    m_prompts.setNextAnswer(true); // the "recorded as request" notice
    click("bulkStartButton");
    QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT coalesce(max(id), 0) FROM enrollee.requests")), before + 1,
                              10000);
    const qint64 id = before + 1;
    QTRY_VERIFY(m_prompts.asked().contains(QStringLiteral("information:Bulk run")));
    const QString summary = find<QLabel>(m_window.get(), "bulkSummary")->text();
    QVERIFY2(summary.contains(QStringLiteral("request #%1").arg(id)), qPrintable(summary));
    QCOMPARE(count(QStringLiteral("SELECT row_count FROM enrollee.requests WHERE id = %1").arg(id)), qint64(3));
    QVERIFY(!bulk->run());
    QTest::qWait(200);
    QCOMPARE(embedded()->requestCount(), sent);

    // Officer B approves from the CLI; A resumes the stored run in the window.
    QCOMPARE(m_b.cli->run({QStringLiteral("approvals"), QStringLiteral("approve"), QString::number(id)}).exitCode, 0);
    auto *runs = find<QComboBox>(m_window.get(), "bulkRunsCombo");
    QTRY_VERIFY(runs->count() > 0);
    runs->setCurrentIndex(0); // newest first
    m_prompts.setNextAnswer(true);
    click("bulkResumeRunButton");
    QTRY_VERIFY_WITH_TIMEOUT(bulk->run() && bulk->run()->record().state == BulkRecord::State::Finished, 20000);
    QCOMPARE(embedded()->requestCount(), sent + 3);
    QCOMPARE(requestsWith(id, "run"), qint64(1));
    QVERIFY2(m_pg.superExec({QStringLiteral("DELETE FROM enrollee.bulk_policy WHERE environment = 'local'")}, &why),
             qPrintable(why));
}

void TestGuiTeam::stoppedDatabaseLeavesTheTrailBehind()
{
    QString why;
    QVERIFY2(m_pg.stop(&why), qPrintable(why));
    const int sent = embedded()->requestCount();
    windowAct("deactivateButton", QStringLiteral("demo-user-001"), QStringLiteral("CASE-10"));
    QTRY_COMPARE_WITH_TIMEOUT(embedded()->requestCount(), sent + 1, 10000);
    QTRY_VERIFY(!m_window->actions()->isBusy());
    const QRegularExpression behind(QStringLiteral(
        "^Team trail is behind: (\\d+) record\\(s\\) waiting to be sent \\(database unreachable since .+\\)$"));
    // The line is refreshed as each record is queued, so it may read 1 (the begin record) before it reads 2
    // (begin and complete); a third would be a record queued twice.
    QTRY_VERIFY2_WITH_TIMEOUT(behind.match(statusLine()).captured(1).toInt() >= 2, qPrintable(statusLine()), 15000);
    QTest::qWait(300);
    QCOMPARE(behind.match(statusLine()).captured(1).toInt(), 2);

    // Back: the waiting records reach the team trail, once, and the line says connected again.
    QVERIFY2(m_pg.start(&why), qPrintable(why));
    QTRY_COMPARE_WITH_TIMEOUT(statusLine(), QStringLiteral("Team trail: connected (officer role officer_a)"), 20000);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM enrollee.trail WHERE kind = 'begin' AND body LIKE "
                                  "'%demo-user-001%' AND body LIKE '%CASE-10%'")),
             qint64(1));
}
// The database stopped and started while the History tab and the lookup are open: the History tab is
// amber and names the database, never red; the lookup does not say past actions may have been altered;
// once the database is back the warning clears without Reload, and each action is listed once.
void TestGuiTeam::outageIsAmberAndClearsByItself()
{
    auto *tabs = find<QTabWidget>(m_window.get(), "mainTabs");
    HistoryPanel *panel = nullptr;
    QTRY_VERIFY((panel = m_window->findChild<HistoryPanel *>(QStringLiteral("historyPanel"))) != nullptr);
    auto *verification = find<QLabel>(panel, "historyVerification");
    auto *problems = find<QLabel>(panel, "historyProblems");
    auto *integrity = find<QLabel>(m_window.get(), "lookupIntegrityWarning");
    const auto rowsFor = [panel](const QString &userId) {
        int rows = 0;
        for (int r = 0; r < panel->model()->rowCount(); ++r)
            rows += panel->model()->entryRef(r).userId == userId ? 1 : 0;
        return rows;
    };
    tabs->setCurrentWidget(panel);
    QTRY_VERIFY_WITH_TIMEOUT(verification->text().startsWith(QStringLiteral("History intact")), 20000);
    const int before004 = rowsFor(QStringLiteral("demo-user-004"));
    const int before003 = rowsFor(QStringLiteral("demo-user-003"));
    windowAct("reactivateButton", QStringLiteral("demo-user-004"), QStringLiteral("CASE-40"));
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->actions()->isBusy(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(rowsFor(QStringLiteral("demo-user-004")), before004 + 1, 10000);
    tabs->setCurrentWidget(panel);

    QString why;
    QVERIFY2(m_pg.stop(&why), qPrintable(why));
    QTest::mouseClick(find<QAbstractButton>(panel, "historyReload"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(verification->text().startsWith(QStringLiteral("Cannot check the history now")), 20000);
    QVERIFY2(verification->styleSheet().contains(QStringLiteral("#f0b400")), qPrintable(verification->styleSheet()));
    QTRY_VERIFY(problems->isVisible());
    QVERIFY2(problems->text().contains(QStringLiteral("team trail cannot be reached")), qPrintable(problems->text()));
    QCOMPARE(rowsFor(QStringLiteral("demo-user-004")), before004 + 1);

    // An action during the outage: sent, listed once; the lookup does not cry tampering.
    const int sent = embedded()->requestCount();
    windowAct("deactivateButton", QStringLiteral("demo-user-003"), QStringLiteral("CASE-41"));
    QTRY_COMPARE_WITH_TIMEOUT(embedded()->requestCount(), sent + 1, 10000);
    QTRY_VERIFY(!m_window->actions()->isBusy());
    QVERIFY2(!integrity->isVisible(), qPrintable(integrity->text()));
    // It says its timeline holds this console's own records only, not that the user has no more past.
    auto *readProblem = find<QLabel>(m_window.get(), "lookupReadProblem");
    QTRY_VERIFY_WITH_TIMEOUT(readProblem->isVisibleTo(m_window.get()), 10000);
    QVERIFY2(readProblem->text().contains(QStringLiteral("team trail cannot be reached")),
             qPrintable(readProblem->text()));
    // ... and those records are there: the deactivation just made heads the timeline.
    auto *timeline = find<QTreeView>(m_window.get(), "timelineView");
    QTRY_VERIFY_WITH_TIMEOUT(timeline->model()->rowCount() > 0
                                 && timeline->model()->index(0, 1).data().toString() == QStringLiteral("Deactivate"),
                             10000);
    tabs->setCurrentWidget(panel);
    QTRY_COMPARE(rowsFor(QStringLiteral("demo-user-003")), before003 + 1);
    QVERIFY(!verification->text().startsWith(QStringLiteral("History check failed")));

    // Back: no Reload clicked. The warning clears, the check passes, and each action is listed once.
    QVERIFY2(m_pg.start(&why), qPrintable(why));
    QTRY_VERIFY2_WITH_TIMEOUT(!problems->isVisible(), qPrintable(problems->text()), 30000);
    QTRY_VERIFY2_WITH_TIMEOUT(verification->text().startsWith(QStringLiteral("History intact")),
                              qPrintable(verification->text()), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM enrollee.trail WHERE kind = 'begin' AND body "
                                                  "LIKE '%demo-user-003%' AND body LIKE '%CASE-41%'"))
                                 == 1,
                             20000);
    QTest::qWait(1000);
    QCOMPARE(rowsFor(QStringLiteral("demo-user-004")), before004 + 1);
    QCOMPARE(rowsFor(QStringLiteral("demo-user-003")), before003 + 1);
    QVERIFY2(!integrity->isVisible(), qPrintable(integrity->text()));
    QTRY_VERIFY2_WITH_TIMEOUT(!readProblem->isVisibleTo(m_window.get()), qPrintable(readProblem->text()), 10000);
}

// A superuser rewriting a record with triggers off: the window's next check names it, in red.
void TestGuiTeam::tamperingTurnsTheLineRed()
{
    const qint64 target = count(QStringLiteral("SELECT min(seq) FROM enrollee.trail WHERE kind = 'begin' AND body "
                                               "LIKE '%gui-doomed%'"));
    QVERIFY(target > 0);
    QString why;
    QVERIFY2(m_pg.superExec({QStringLiteral("SET session_replication_role = replica"),
                             QStringLiteral("UPDATE enrollee.trail SET body = replace(body, 'gui-doomed', "
                                            "'gui-forged') WHERE seq = %1")
                                 .arg(target),
                             QStringLiteral("SET session_replication_role = origin")},
                            &why),
             qPrintable(why));
    // A colleague's next action moves the trail on; the window checks it again.
    const CliRun acted = m_b.cli->run({QStringLiteral("reactivate"), QStringLiteral("demo-user-002"),
                                       QStringLiteral("--environment"), QStringLiteral("sandbox"),
                                       QStringLiteral("--base-url"), m_sandbox->origin().toString(),
                                       QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
                                       QStringLiteral("b@example.org"), QStringLiteral("--reason"),
                                       QStringLiteral("CASE-11"), QStringLiteral("--yes")});
    QVERIFY2(acted.exitCode == 0, acted.err.constData());
    auto *line = find<TeamStatusBar>(m_window.get(), "teamStatusLine");
    QTRY_VERIFY2_WITH_TIMEOUT(line->integrityFailed(), qPrintable(statusLine()), 15000);
    QVERIFY2(statusLine().startsWith(QStringLiteral("Team trail check failed: ")), qPrintable(statusLine()));
    QVERIFY2(statusLine().contains(QStringLiteral("team record #%1").arg(target)), qPrintable(statusLine()));
    QVERIFY2(statusLine().contains(QStringLiteral("altered")), qPrintable(statusLine()));
    QVERIFY(line->styleSheet().contains(QStringLiteral("#b00020")));
}

QTEST_MAIN(TestGuiTeam)
#include "tst_gui_team.moc"
