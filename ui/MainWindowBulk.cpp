// MainWindow's Bulk tab: the panel, its lock on profile switching, closing during a run, notifications.
#include "MainWindow.h"
#include "PromptService.h"
#include "actions/ActionController.h"
#include "bulk/BulkPanel.h"
#include "bulk/BulkRun.h"
#include "profiles/ProfileController.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTimer>

namespace {
constexpr int kCloseWaitMs = 5000; // for the answers to rows in flight before the window goes
} // namespace

void MainWindow::buildBulk()
{
    // Like the history view, the Bulk tab is built right after the first frame (it reads the stored
    // runs from disk); until then its tab holds a placeholder.
    auto *placeholder = new QLabel(tr("Opening bulk runs…"), this);
    placeholder->setObjectName(QStringLiteral("bulkPlaceholder"));
    placeholder->setAlignment(Qt::AlignCenter);
    m_tabs->addTab(placeholder, tr("&Bulk"));
}

void MainWindow::finishBulk()
{
    if (m_bulk)
        return;
    m_bulk = new BulkPanel(m_context, m_profiles, m_prompts, this);
    m_bulk->setObjectName(QStringLiteral("bulkPanel"));
    const int current = m_tabs->currentIndex();
    QWidget *placeholder = m_tabs->widget(2);
    m_tabs->removeTab(2);
    placeholder->deleteLater();
    m_tabs->insertTab(2, m_bulk, tr("&Bulk"));
    m_tabs->setCurrentIndex(current);
    connect(m_bulk, &BulkPanel::runningChanged, this, [this](bool running) {
        updateSwitching(m_actions->isBusy());
        if (!running)
            applyPendingLanguage();
    });
    connect(m_bulk, &BulkPanel::notify, this, &MainWindow::notifyDesktop);
    // A list carried over from the window this one replaced (another language).
    m_bulk->restoreDraft(m_carriedBulk);
    m_carriedBulk.clear();
}

void MainWindow::updateSwitching(bool actionBusy)
{
    const bool locked = actionBusy || (m_bulk && m_bulk->isRunning());
    m_profiles->setSwitchingLocked(locked);
    if (m_manageProfiles)
        m_manageProfiles->setEnabled(!locked);
}

void MainWindow::notifyDesktop(const QString &title, const QString &text)
{
    QApplication::alert(this);
    statusBar()->showMessage(text, 30000);
    if (isActiveWindow() || !QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray)
        m_tray = new QSystemTrayIcon(windowIcon(), this);
    m_tray->show();
    m_tray->showMessage(title, text);
}

bool MainWindow::confirmCloseDuringBulk(QCloseEvent *event)
{
    if (!m_bulk || !m_bulk->isRunning() || m_closeConfirmed)
        return true;
    event->ignore();
    BulkRun *run = m_bulk->run();
    const QString id = run->record().id;
    QPointer<MainWindow> self(this);
    m_prompts->confirm(this, tr("Close during a bulk run?"),
                       tr("Bulk run %1 is still sending (%n row(s) to go). Closing pauses it: it can be resumed "
                          "from the Bulk tab or with \"enrollee-cli bulk resume %1\", and no row already sent is "
                          "sent again.",
                          nullptr, run->remaining() + run->inFlight())
                           .arg(id),
                       tr("Pause and close"), [self](bool close) {
                           if (!self || !close)
                               return;
                           self->m_closeConfirmed = true;
                           BulkRun *running = self->m_bulk->run();
                           if (!running || !running->isActive())
                               return void(self->close());
                           // The answers to rows in flight and the paused run file are written first, so
                           // rows do not end as unknown and the run reads "paused", not "interrupted".
                           connect(running, &BulkRun::paused, self, [self] { self->close(); });
                           connect(running, &BulkRun::failed, self, [self] { self->close(); });
                           self->m_bulk->pauseForClose();
                           QTimer::singleShot(kCloseWaitMs, self, [self] { self->close(); });
                       });
    return false;
}
