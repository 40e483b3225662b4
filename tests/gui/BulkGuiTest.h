#pragma once

// What the Bulk tab's suites share: the steps an officer repeats on the tab (paste a list, start a run
// with the count typed, wait for it to end) over the ConsoleTest fixture.
#include "bulk/BulkPanel.h"
#include "bulk/BulkRun.h"
#include "support/ConsoleTest.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>

namespace GuiTest {

class BulkGuiTest : public ConsoleTest
{
    Q_OBJECT

protected:
    // Clicks `name` with the count typed (pre-answered) and waits for a new run to exist.
    bool startRun(const char *name = "bulkStartButton")
    {
        const BulkRun *before = panel()->run();
        m_console->prompts.setNextAnswer(true);
        QTest::mouseClick(button(name), Qt::LeftButton);
        return QTest::qWaitFor([this, before] { return panel()->run() && panel()->run() != before; }, 10000);
    }
    BulkPanel *panel() const { return find<BulkPanel>(window(), "bulkPanel"); }
    QPushButton *button(const char *name) const { return window()->findChild<QPushButton *>(QLatin1String(name)); }
    QTableView *table() const { return find<QTableView>(window(), "bulkTable"); }
    QComboBox *runsCombo() const { return find<QComboBox>(window(), "bulkRunsCombo"); }
    bool finished() const
    {
        const BulkRun *run = panel()->run();
        return run && !run->isActive() && run->record().state != BulkRecord::State::Running;
    }
    bool paused() const
    {
        const BulkRun *run = panel()->run();
        return run && !run->isActive() && run->record().state == BulkRecord::State::Paused;
    }
    QStringList registered(const QString &prefix, int n) const
    {
        QStringList users;
        for (int i = 0; i < n; ++i) {
            users.append(QStringLiteral("%1-%2").arg(prefix).arg(i));
            sandbox()->registry().add(users.last());
        }
        return users;
    }
    void paste(const QStringList &lines, ActionKind action = ActionKind::Deactivate, int rate = 0)
    {
        auto *tabs = find<QTabWidget>(window(), "mainTabs");
        tabs->setCurrentWidget(panel());
        find<QPlainTextEdit>(window(), "bulkInputEdit")->setPlainText(lines.join(QLatin1Char('\n')));
        auto *combo = find<QComboBox>(window(), "bulkActionCombo");
        combo->setCurrentIndex(combo->findData(int(action)));
        find<QSpinBox>(window(), "bulkRateSpin")->setValue(rate);
    }
    // The README's pictures of the Bulk and History tabs at 1100x700: a finished run of 40 rows, two of
    // them unknown to the server, then the History tab with one of its entries selected. Saved in `dir`
    // as bulk-tab<suffix>.png and history-tab<suffix>.png; false (and a warning) when a step fails.
    bool shootBulkAndHistory(const QString &dir, const QString &suffix)
    {
        window()->resize(1100, 700);
        QStringList lines = registered(QStringLiteral("erasure-2026-%1").arg(suffix.isEmpty() ? 1 : 2), 38);
        lines.insert(7, QStringLiteral("unknown-user-a"));
        lines.insert(21, QStringLiteral("unknown-user-b"));
        paste(lines, ActionKind::Deactivate, 0);
        find<QLineEdit>(window(), "bulkReasonEdit")->setText(QStringLiteral("CASE-2107: account closure batch"));
        QTest::mouseClick(button("bulkCheckButton"), Qt::LeftButton);
        if (!QTest::qWaitFor([this] { return button("bulkStartButton")->isEnabled(); }, 10000) || !startRun()
            || !QTest::qWaitFor([this] { return finished(); }, 30000)) {
            qWarning("the run did not finish");
            return false;
        }
        if (table()->model()->rowCount() != 40 || panel()->run()->counts().failed != 2) {
            qWarning("the table shows %d rows, %d failed", table()->model()->rowCount(),
                     panel()->run()->counts().failed);
            return false;
        }
        table()->scrollTo(table()->model()->index(7, 0));
        QTest::qWait(100);
        if (!window()->grab().save(dir + QStringLiteral("/bulk-tab%1.png").arg(suffix)))
            return false;
        auto *tabs = find<QTabWidget>(window(), "mainTabs");
        QWidget *history = window()->findChild<QWidget *>(QStringLiteral("historyPanel"));
        tabs->setCurrentWidget(history);
        auto *view = find<QTableView>(history, "historyTable");
        if (!QTest::qWaitFor([view] { return view->model()->rowCount() >= 40; }, 10000)) {
            qWarning("the History tab lists %d entries", view->model()->rowCount());
            return false;
        }
        view->setCurrentIndex(view->model()->index(2, 0));
        // The check after the run ("Checking…" while it runs, in either language), then the detail pane.
        auto *check = find<QLabel>(history, "historyVerification");
        if (!QTest::qWaitFor([check] { return !check->text().endsWith(QChar(0x2026)); }, 20000)) {
            qWarning("the check still runs: %s", qPrintable(check->text()));
            return false;
        }
        QTest::qWait(300);
        return window()->grab().save(dir + QStringLiteral("/history-tab%1.png").arg(suffix));
    }
    // What the table shows in `column` of each row, in order.
    QStringList column(int column) const
    {
        QStringList texts;
        const QAbstractItemModel *model = table()->model();
        for (int i = 0; i < model->rowCount(); ++i)
            texts.append(model->index(i, column).data().toString());
        return texts;
    }
    // Closes the window and opens another over the same home, as an officer restarting the console: the
    // new one has a new sandbox (on another port) and reads the runs and the history from disk.
    bool restart()
    {
        // What the keychain still owes is written first: its answers must not reach a context gone.
        bool settled = false;
        m_console->context->core()->whenSettled(this, [&settled] { settled = true; });
        if (!QTest::qWaitFor([&settled] { return settled; }, 10000))
            return false;
        QTest::qWait(300);
        CoreConfig config = m_console->context->core()->config();
        m_console.reset();
        m_console = std::make_unique<Console>(std::move(config));
        if (!m_console->start())
            return false;
        m_console->prompts.setOpensUrls(false);
        return QTest::qWaitFor([this] { return panel() != nullptr; }, 10000);
    }
    // Chooses run `id` in the list as the officer does (the combo's activated signal).
    bool choose(const QString &id)
    {
        if (!QTest::qWaitFor([this, id] { return runsCombo()->findData(id) >= 0; }, 10000))
            return false;
        const int index = runsCombo()->findData(id);
        runsCombo()->setCurrentIndex(index);
        emit runsCombo()->activated(index);
        return true;
    }
};

} // namespace GuiTest
