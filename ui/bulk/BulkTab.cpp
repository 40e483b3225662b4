#include "BulkTab.h"

#include "PromptService.h"
#include "bulk/BulkPanel.h"
#include "bulk/BulkRun.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMainWindow>
#include <QPointer>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTimer>

namespace {
constexpr int kCloseWaitMs = 5000; // for the answers to rows in flight before the window goes
} // namespace

BulkTab::BulkTab(AppContext *context, ProfileController *profiles, PromptService *prompts, QTabWidget *tabs,
                 QMainWindow *window)
    : QObject(window), m_context(context), m_profiles(profiles), m_prompts(prompts), m_tabs(tabs), m_window(window)
{
    // Like the history view, the Bulk tab is built right after the first frame (it reads the stored
    // runs from disk); until then its tab holds a placeholder.
    auto *placeholder = new QLabel(tr("Opening bulk runs…"), window);
    placeholder->setObjectName(QStringLiteral("bulkPlaceholder"));
    placeholder->setAlignment(Qt::AlignCenter);
    m_index = m_tabs->addTab(placeholder, tr("&Bulk"));
}

QWidget *BulkTab::page() const
{
    return m_tabs->widget(m_index);
}

BulkPanel *BulkTab::build(const QVariantMap &draft)
{
    if (m_panel)
        return m_panel;
    m_panel = new BulkPanel(m_context, m_profiles, m_prompts, m_window);
    m_panel->setObjectName(QStringLiteral("bulkPanel"));
    const int current = m_tabs->currentIndex();
    QWidget *placeholder = m_tabs->widget(m_index);
    m_tabs->removeTab(m_index);
    placeholder->deleteLater();
    m_tabs->insertTab(m_index, m_panel, tr("&Bulk"));
    m_tabs->setCurrentIndex(current);
    connect(m_panel, &BulkPanel::notify, this, &BulkTab::notifyDesktop);
    m_panel->restoreDraft(draft);
    return m_panel;
}

void BulkTab::notifyDesktop(const QString &title, const QString &text)
{
    QApplication::alert(m_window);
    m_window->statusBar()->showMessage(text, 30000);
    if (m_window->isActiveWindow() || !QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray)
        m_tray = new QSystemTrayIcon(m_window->windowIcon(), this);
    m_tray->show();
    m_tray->showMessage(title, text);
}

bool BulkTab::allowClose(QCloseEvent *event)
{
    if (!m_panel || !m_panel->isRunning() || m_closeConfirmed)
        return true;
    event->ignore();
    BulkRun *run = m_panel->run();
    const QString id = run->record().id;
    const int left = run->remaining() + run->inFlight();
    // Nothing new is sent while the question is open: the answer may be "close", and rows sent meanwhile
    // would be rows the officer did not expect to go.
    m_panel->pauseForQuestion();
    QPointer<BulkTab> self(this);
    m_prompts->confirm(m_window, tr("Close during a bulk run?"),
                       tr("Bulk run %1 is paused while you decide (%n row(s) to go). Closing keeps it paused: it "
                          "can be resumed from the Bulk tab or with \"enrollee-cli bulk resume %1\", and no row "
                          "already sent is sent again. Keeping the window resumes it.",
                          nullptr, left)
                           .arg(id),
                       tr("Pause and close"), [self](bool close) {
                           if (!self)
                               return;
                           if (!close)
                               return self->m_panel->resumeAfterQuestion();
                           self->m_closeConfirmed = true;
                           QMainWindow *window = self->m_window;
                           BulkRun *running = self->m_panel->run();
                           if (!running || !running->isActive())
                               return void(window->close());
                           // The answers to rows in flight and the paused run file are written first, so
                           // rows do not end as unknown and the run reads "paused", not "interrupted".
                           connect(running, &BulkRun::paused, window, [window] { window->close(); });
                           connect(running, &BulkRun::failed, window, [window] { window->close(); });
                           QTimer::singleShot(kCloseWaitMs, window, [window] { window->close(); });
                       });
    return false;
}
