// MainWindow's language: the View → Language menu, and handing the officer's unsent work to the window
// WindowHost builds in the new language.
#include "AppContext.h"
#include "LanguageMenu.h"
#include "MainWindow.h"
#include "action/ActionRunner.h"
#include "actions/ActionController.h"
#include "actions/ActionPanel.h"
#include "actions/FollowUpBar.h"
#include "actions/ResultView.h"
#include "bulk/BulkPanel.h"
#include "lookup/LookupPanel.h"

#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMetaMethod>

void MainWindow::buildLanguageMenu(QMenu *view)
{
    auto *language = new LanguageMenu(m_context->settings(), view);
    view->addMenu(language);
    connect(language, &LanguageMenu::languageChosen, this, [this](const QString &code, const QString &nextStart) {
        if (!isSignalConnected(QMetaMethod::fromSignal(&MainWindow::languageSwitchRequested))) {
            // No host to rebuild this window: the choice applies at the next start. Say so where it
            // stays until then, not for ten seconds.
            m_languageNotice->setText(nextStart);
            m_languageNotice->show();
            return;
        }
        m_pendingLanguage = code;
        applyPendingLanguage();
    });
    // A choice made while something was in flight applies as soon as it lands.
    connect(m_actions, &ActionController::busyChanged, this, [this](bool busy) {
        if (!busy)
            applyPendingLanguage();
    });
}

void MainWindow::applyPendingLanguage()
{
    if (!m_pendingLanguage)
        return;
    if (m_actions->isBusy() || (m_bulk && m_bulk->isRunning())) {
        // Rebuilding now would drop the answer's place on screen (and pause nothing): wait for it.
        m_languageNotice->setText(tr("The language changes once the action or bulk run in flight has finished."));
        m_languageNotice->show();
        return;
    }
    const QString code = *m_pendingLanguage;
    m_pendingLanguage.reset();
    m_languageNotice->hide();
    emit languageSwitchRequested(code);
}

MainWindow::Handover MainWindow::handOver()
{
    saveLayout(); // geometry, splitter, tab and the history view's columns: the new window reads them
    Handover state{m_lookup->userIdEdit()->text(), m_actionPanel->reason(), m_carriedBulk, m_lastOutcome};
    if (m_bulk && !m_bulk->isRunning())
        state.bulkDraft = m_bulk->draft();
    return state;
}

void MainWindow::takeOver(const Handover &state)
{
    m_lookup->userIdEdit()->setText(state.userId);
    m_actionPanel->setReason(state.reason);
    if (state.lastOutcome) {
        // Said again in this window's language.
        ActionOutcome outcome = *state.lastOutcome;
        ActionRunner::describe(outcome);
        m_lastOutcome = std::make_shared<const ActionOutcome>(outcome);
        m_actionPanel->resultView()->showOutcome(outcome);
        m_followUp->showFor(outcome);
    }
    m_carriedBulk = state.bulkDraft;
    if (m_bulk) {
        m_bulk->restoreDraft(m_carriedBulk);
        m_carriedBulk.clear();
    }
}
