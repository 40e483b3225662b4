// Deciding a colleague's four-eyes request in the window, against a real PostgreSQL with two officers
// (A is this window, B the built enrollee-cli): the History tab tells officers apart by their database
// role and machine and shows who approved an approved action, when and why; the Approve dialog shows the request in
// full (requester, their reason, the action as the buttons name it, user ID, environment and host), an approval needs a
// reason, and Enter never approves; the Approvals table names the host. A colleague's recent act is
// warned of with the action's human name and a true age. PostgreSQL must start: no skip.
#include "HelpMenu.h"
#include "history/HistoryDetailView.h"
#include "history/HistoryFilter.h"
#include "history/HistoryPanel.h"
#include "history/HistoryTableModel.h"
#include "support/ConsoleTest.h"
#include "support/TeamTestSupport.h"
#include "team/ApprovalsModel.h"
#include "team/ApprovalsPanel.h"

#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>

using namespace GuiTest;

class TestGuiApprovals : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void approveDialogShowsTheRequest();
    void approvalNeedsAReason();
    void tableNamesTheHost();
    void colleaguesActNamedAndAged();
    void approvalsTabHasAShortcut();
    void historyNamesOfficerAndApproval();
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
    qint64 colleagueRequests(const QString &action, const QString &userId, const QString &reason);
    bool selectRequest(qint64 id);
    void click(const char *name) { QTest::mouseClick(find<QAbstractButton>(m_window.get(), name), Qt::LeftButton); }

    PgTestServer m_pg;
    SandboxServer *m_sandbox = nullptr;
    QByteArray m_key;
    Officer m_a;
    Officer m_b;
    std::unique_ptr<AppContext> m_context;
    PromptService m_prompts;
    std::unique_ptr<MainWindow> m_window;
    ApprovalsPanel *m_panel = nullptr;
    QPointer<QDialog> m_opened;
};

void TestGuiApprovals::initTestCase()
{
    isolate("tst_gui_approvals");
    m_key = "gui-approvals-key-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    SandboxConfig config;
    config.apiKey = m_key;
    for (const char *user : {"approve-doomed", "approve-spared", "demo-user-003", "approved-history"})
        config.enrollees.append(QString::fromLatin1(user));
    m_sandbox = new SandboxServer(config, this);
    QVERIFY(m_sandbox->listen(QHostAddress::LocalHost, 0).ok());
    QString why;
    QVERIFY2(startTeamDatabase(m_pg, &why), qPrintable(why));
    QVERIFY2(addOfficer(m_pg, QStringLiteral("officer_a"), m_key, &m_a, &why), qPrintable(why));
    QVERIFY2(addOfficer(m_pg, QStringLiteral("officer_b"), m_key, &m_b, &why), qPrintable(why));
    QVERIFY2(m_pg.superExec({QStringLiteral("INSERT INTO enrollee.policy VALUES ('sandbox', 'delete')")}, &why),
             qPrintable(why));
    qputenv("PGPASSWORD", m_a.password.toUtf8());
    m_context = std::make_unique<AppContext>(officerCore(m_a));
    QVERIFY(m_context->core()->hasTeam());
    m_window = std::make_unique<MainWindow>(m_context.get(), &m_prompts);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(QTest::qWaitFor([this] { return m_context->isReady() && m_context->sandbox() != nullptr; }, 15000));
    m_panel = find<ApprovalsPanel>(m_window.get(), "approvalsPanel");
    QVERIFY(m_panel);
    connect(&m_prompts, &PromptService::promptOpened, this, [this](QDialog *d) { m_opened = d; });
}

void TestGuiApprovals::cleanup()
{
    if (m_opened)
        m_opened->reject();
    m_prompts.clearNextAnswers();
    QString why;
    if (!m_pg.running())
        QVERIFY2(m_pg.start(&why), qPrintable(why));
}

void TestGuiApprovals::cleanupTestCase()
{
    m_window.reset();
    m_context.reset();
}

// Officer B asks for `action` on `userId` in the sandbox; returns the request's id.
qint64 TestGuiApprovals::colleagueRequests(const QString &action, const QString &userId, const QString &reason)
{
    const CliRun asked = m_b.cli->run({action, userId, QStringLiteral("--environment"), QStringLiteral("sandbox"),
                                       QStringLiteral("--base-url"), m_sandbox->origin().toString(),
                                       QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
                                       QStringLiteral("b@example.org"), QStringLiteral("--reason"), reason,
                                       QStringLiteral("--yes")});
    if (asked.exitCode != 7) {
        qWarning("%s", asked.err.constData());
        return -1;
    }
    return count(QStringLiteral("SELECT max(id) FROM enrollee.requests"));
}

bool TestGuiApprovals::selectRequest(qint64 id)
{
    find<QTabWidget>(m_window.get(), "mainTabs")->setCurrentWidget(m_panel);
    QMetaObject::invokeMethod(m_panel, "refresh");
    if (!QTest::qWaitFor([this, id] { return m_panel->rowOf(id) >= 0; }, 10000))
        return false;
    find<QTableView>(m_panel, "approvalsTable")->selectRow(m_panel->rowOf(id));
    return true;
}

void TestGuiApprovals::approveDialogShowsTheRequest()
{
    const qint64 id = colleagueRequests(QStringLiteral("delete"), QStringLiteral("approve-doomed"),
                                        QStringLiteral("CASE-21 duplicate enrollment"));
    QVERIFY(id > 0);
    QVERIFY(selectRequest(id));
    m_opened.clear();
    click("approveButton");
    QTRY_VERIFY(m_opened);
    QCOMPARE(m_opened->objectName(), QStringLiteral("approvalDecisionDialog"));
    QCOMPARE(m_opened->windowTitle(), QStringLiteral("Approve request #%1").arg(id));
    auto text = [this](const char *name) { return find<QLabel>(m_opened.data(), name)->text(); };
    QCOMPARE(text("approvalRequester"), QStringLiteral("officer_b"));
    QCOMPARE(text("approvalTheirReason"), QStringLiteral("CASE-21 duplicate enrollment"));
    QCOMPARE(text("approvalAction"), ActionInfo::displayName(ActionKind::Delete));
    QCOMPARE(text("approvalUserId"), QStringLiteral("approve-doomed"));
    QCOMPARE(text("approvalEnvironment"), environmentDisplayName(Environment::Sandbox));
    QCOMPARE(text("approvalHost"), m_sandbox->origin().host());

    const QString shot = QDir(QStringLiteral(ENROLLEE_SHOT_DIR)).filePath(QStringLiteral("approve-dialog.png"));
    QVERIFY(m_opened->grab().save(shot));

    // Without a reason the Approve button cannot be pressed, and Enter does not approve.
    auto *decide = find<QPushButton>(m_opened.data(), "approvalDecideButton");
    auto *reason = find<QLineEdit>(m_opened.data(), "approvalReasonEdit");
    QVERIFY(!decide->isEnabled());
    QVERIFY(!decide->isDefault());
    QTest::keyClick(reason, Qt::Key_Return);
    QTRY_VERIFY(!m_opened || !m_opened->isVisible());
    QTest::qWait(300);
    QCOMPARE(requestsWith(id, "pending"), qint64(1));

    // With a reason, Enter still does not approve: only a deliberate click does.
    m_opened.clear();
    click("approveButton");
    QTRY_VERIFY(m_opened);
    decide = find<QPushButton>(m_opened.data(), "approvalDecideButton");
    reason = find<QLineEdit>(m_opened.data(), "approvalReasonEdit");
    QTest::keyClicks(reason, QStringLiteral("checked with the case owner"));
    QVERIFY(decide->isEnabled());
    QVERIFY(!decide->isDefault());
    QTest::keyClick(reason, Qt::Key_Return);
    QTest::qWait(300);
    QCOMPARE(requestsWith(id, "pending"), qint64(1));
    if (m_opened && !m_opened->isVisible())
        m_opened.clear();
    if (!m_opened) {
        click("approveButton");
        QTRY_VERIFY(m_opened);
        decide = find<QPushButton>(m_opened.data(), "approvalDecideButton");
        QTest::keyClicks(find<QLineEdit>(m_opened.data(), "approvalReasonEdit"),
                         QStringLiteral("checked with the case owner"));
    }
    QTest::mouseClick(decide, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(requestsWith(id, "approved"), qint64(1), 10000);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM enrollee.requests WHERE id = %1 AND decision_reason = "
                                  "'checked with the case owner'")
                       .arg(id)),
             qint64(1));
}

// An empty approval reason decides nothing, and the panel says why.
void TestGuiApprovals::approvalNeedsAReason()
{
    const qint64 id = colleagueRequests(QStringLiteral("delete"), QStringLiteral("approve-spared"),
                                        QStringLiteral("CASE-22"));
    QVERIFY(id > 0);
    QVERIFY(selectRequest(id));
    m_prompts.setNextText(QStringLiteral("  "));
    click("approveButton");
    QTRY_VERIFY(m_panel->message().contains(QStringLiteral("An approval needs a reason")));
    QTest::qWait(200);
    QCOMPARE(requestsWith(id, "pending"), qint64(1));
}

void TestGuiApprovals::tableNamesTheHost()
{
    const qint64 id = count(QStringLiteral("SELECT max(id) FROM enrollee.requests WHERE status = 'pending'"));
    QVERIFY(id > 0);
    QVERIFY(selectRequest(id));
    ApprovalsModel *model = m_panel->model();
    int hostColumn = -1;
    for (int c = 0; c < model->columnCount(); ++c) {
        if (model->headerData(c, Qt::Horizontal).toString() == QStringLiteral("Host"))
            hostColumn = c;
    }
    QVERIFY(hostColumn >= 0);
    QCOMPARE(model->index(m_panel->rowOf(id), hostColumn).data().toString(), m_sandbox->origin().host());
}

// B flagged a user six minutes ago; A's window warns with the action as the buttons name it and the
// true age, in words without "(s)".
void TestGuiApprovals::colleaguesActNamedAndAged()
{
    const CliRun acted = m_b.cli->run({QStringLiteral("flag-fraud"), QStringLiteral("demo-user-003"),
                                       QStringLiteral("--environment"), QStringLiteral("sandbox"),
                                       QStringLiteral("--base-url"), m_sandbox->origin().toString(),
                                       QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
                                       QStringLiteral("b@example.org"), QStringLiteral("--reason"),
                                       QStringLiteral("CASE-23"), QStringLiteral("--yes")});
    QVERIFY2(acted.exitCode == 0, acted.err.constData());
    // The record as if it reached the trail six and a half minutes ago (the time is outside the chain's hash).
    QString why;
    QVERIFY2(m_pg.superExec({QStringLiteral("SET session_replication_role = replica"),
                             QStringLiteral("UPDATE enrollee.trail SET recorded_at = recorded_at - interval '390 "
                                            "seconds' WHERE body LIKE '%demo-user-003%'"),
                             QStringLiteral("SET session_replication_role = origin")},
                            &why),
             qPrintable(why));
    find<QTabWidget>(m_window.get(), "mainTabs")->setCurrentIndex(0);
    auto *user = find<QLineEdit>(m_window.get(), "userIdEdit");
    auto *reason = find<QLineEdit>(m_window.get(), "reasonEdit");
    user->clear();
    QTest::keyClicks(user, QStringLiteral("demo-user-003"));
    reason->clear();
    QTest::keyClicks(reason, QStringLiteral("CASE-23"));
    m_opened.clear();
    click("deactivateButton");
    QTRY_VERIFY_WITH_TIMEOUT(m_opened, 10000);
    auto *box = qobject_cast<QMessageBox *>(m_opened.data());
    QVERIFY(box);
    const QString warning = box->text();
    QVERIFY2(warning.contains(QStringLiteral("officer_b did \"%1\" on this user 6 minutes ago")
                                  .arg(ActionInfo::displayName(ActionKind::FlagFraud))),
             qPrintable(warning));
    QVERIFY2(!warning.contains(QStringLiteral("flag-fraud")), qPrintable(warning));
    QVERIFY2(!warning.contains(QStringLiteral("(s)")), qPrintable(warning));
    box->reject();
    QTRY_VERIFY(!m_window->actions()->isBusy());
}

// With a team the Approvals tab has its own shortcut, listed with the other tabs'.
void TestGuiApprovals::approvalsTabHasAShortcut()
{
    auto *tabs = find<QTabWidget>(m_window.get(), "mainTabs");
    tabs->setCurrentIndex(0);
    QAction *show = find<QAction>(m_window.get(), "showApprovalsAction");
    QVERIFY(show->isVisible());
    const QKeySequence keys(Qt::CTRL | Qt::SHIFT | Qt::Key_A);
    QCOMPARE(show->shortcut(), keys);
    QVERIFY(HelpMenu::shortcutsText().contains(keys.toString(QKeySequence::NativeText)));
    m_window->activateWindow();
    QTRY_VERIFY(QApplication::activeWindow() == m_window.get());
    QTest::keyClick(m_window.get(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(tabs->currentWidget(), static_cast<QWidget *>(m_panel));
    tabs->setCurrentIndex(0);
}

// A's delete, approved by B, as A's History tab shows it: the officer and machine columns (officers who
// share an e-mail are told apart) and, in the detail pane, the request, its approver, when and why.
void TestGuiApprovals::historyNamesOfficerAndApproval()
{
    const CliRun asked = m_a.cli->run({QStringLiteral("delete"), QStringLiteral("approved-history"),
                                       QStringLiteral("--environment"), QStringLiteral("sandbox"),
                                       QStringLiteral("--base-url"), m_sandbox->origin().toString(),
                                       QStringLiteral("--partner-id"), QStringLiteral("001"), QStringLiteral("--email"),
                                       QStringLiteral("shared@example.org"), QStringLiteral("--reason"),
                                       QStringLiteral("CASE-24"), QStringLiteral("--yes")});
    QVERIFY2(asked.exitCode == 7, asked.err.constData());
    const qint64 id = count(QStringLiteral("SELECT max(id) FROM enrollee.requests"));
    const QString idText = QString::number(id);
    const CliRun approved = m_b.cli->run({QStringLiteral("approvals"), QStringLiteral("approve"), idText,
                                          QStringLiteral("--reason"), QStringLiteral("second pair of eyes")});
    QVERIFY2(approved.exitCode == 0, approved.err.constData());
    const CliRun ran = m_a.cli->run({QStringLiteral("approvals"), QStringLiteral("run"), idText});
    QVERIFY2(ran.exitCode == 0, ran.err.constData());

    auto *tabs = find<QTabWidget>(m_window.get(), "mainTabs");
    HistoryPanel *panel = nullptr;
    QTRY_VERIFY((panel = m_window->findChild<HistoryPanel *>(QStringLiteral("historyPanel"))) != nullptr);
    tabs->setCurrentWidget(panel);
    panel->reload();
    HistoryTableModel *model = panel->model();
    int source = -1;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 for (int r = 0; r < model->rowCount(); ++r) {
                                     const HistoryEntry &e = model->entryRef(r);
                                     if (e.userId == QLatin1String("approved-history")
                                         && e.outcome == HistoryEntry::Outcome::Success && !e.dbRole.isEmpty())
                                         source = r;
                                 }
                                 return source >= 0;
                             }()),
                             30000);

    // With a team the officer and machine columns are shown, and name A and A's machine.
    QTableView *table = panel->view();
    QTRY_VERIFY(!table->isColumnHidden(HistoryTableModel::OfficerColumn));
    QVERIFY(!table->isColumnHidden(HistoryTableModel::MachineColumn));
    QCOMPARE(model->headerData(HistoryTableModel::OfficerColumn, Qt::Horizontal).toString(), QStringLiteral("Officer"));
    QCOMPARE(model->headerData(HistoryTableModel::MachineColumn, Qt::Horizontal).toString(), QStringLiteral("Machine"));
    QCOMPARE(model->index(source, HistoryTableModel::OfficerColumn).data().toString(), QStringLiteral("officer_a"));
    const QString machine = model->index(source, HistoryTableModel::MachineColumn).data().toString();
    QVERIFY(!machine.isEmpty());

    // Selected, the entry names its officer and machine and, once read from the team, its approval (the
    // read waits its turn on the history thread behind the reload's check). The team trail may grow and
    // the table refresh meanwhile, moving the entry: it is found and selected again until the pane says so.
    auto *detail = find<HistoryDetailView>(panel, "historyDetail");
    const auto selectApproved = [&] {
        for (int r = 0; r < model->rowCount(); ++r) {
            const HistoryEntry &e = model->entryRef(r);
            if (e.userId == QLatin1String("approved-history") && e.outcome == HistoryEntry::Outcome::Success
                && !e.dbRole.isEmpty()) {
                const QModelIndex shown = model->index(r, HistoryTableModel::UserColumn);
                if (shown.isValid() && table->currentIndex().row() != shown.row())
                    table->setCurrentIndex(shown);
                return true;
            }
        }
        return false;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(selectApproved() && detail->toPlainText().contains(QStringLiteral("officer_b")),
                              qPrintable(detail->toPlainText()), 30000);
    const QString text = detail->toPlainText();
    const auto line = [&text](const QString &label) {
        for (const QString &l : text.split(QLatin1Char('\n'))) {
            if (l.startsWith(label + QLatin1Char(' ')))
                return l.mid(label.size()).trimmed();
        }
        return QString();
    };
    QCOMPARE(line(QStringLiteral("Officer")), QStringLiteral("officer_a"));
    QCOMPARE(line(QStringLiteral("Machine")), machine);
    QCOMPARE(line(QStringLiteral("Approval")), QStringLiteral("request #%1").arg(id));
    QCOMPARE(line(QStringLiteral("Approved by")), QStringLiteral("officer_b"));
    QCOMPARE(line(QStringLiteral("Approval note")), QStringLiteral("second pair of eyes"));
    QVERIFY2(!line(QStringLiteral("Approved at")).isEmpty(), qPrintable(text));

    const QString shot = QDir(QStringLiteral(ENROLLEE_SHOT_DIR)).filePath(QStringLiteral("history-approval.png"));
    QVERIFY(panel->grab().save(shot));
}

QTEST_MAIN(TestGuiApprovals)
#include "tst_gui_approvals.moc"
