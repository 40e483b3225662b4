#include "HistoryTab.h"

#include "AppContext.h"
#include "CoreContext.h"
#include "PromptService.h"
#include "history/HistoryPanel.h"
#include "settings/AppSettings.h"
#include "widgets/Glyphs.h"

#include <QLabel>
#include <QTabWidget>

HistoryTab::HistoryTab(AppContext *context, HistoryFeed *feed, PromptService *prompts, QTabWidget *tabs,
                       QWidget *window)
    : QObject(window), m_context(context), m_feed(feed), m_prompts(prompts), m_tabs(tabs), m_window(window),
      m_sessionStart(QDateTime::currentDateTimeUtc())
{
    // The history view is built right after the first frame (it is the costliest part of the
    // window and not visible at start); until then its tab holds a placeholder.
    auto *placeholder = new QLabel(tr("Opening history…"), window);
    placeholder->setObjectName(QStringLiteral("historyPlaceholder"));
    placeholder->setAlignment(Qt::AlignCenter);
    m_index = m_tabs->addTab(placeholder, tr("&History"));
}

HistoryPanel *HistoryTab::build()
{
    if (m_panel)
        return m_panel;
    m_panel = new HistoryPanel(m_feed, m_window);
    m_panel->setObjectName(QStringLiteral("historyPanel"));
    m_panel->setAccessibleName(tr("History"));
    m_panel->setSessionStart(m_sessionStart);
    // Export asks for a file through the same seam as every other prompt.
    m_panel->setSaveFileNameProvider([this](const QString &title, const QString &filter, const QString &suggested) {
        return m_prompts->saveFileName(m_window, title, filter, suggested);
    });
    m_panel->setFourEyes(m_context->core()->fourEyes());
    m_panel->restoreState(m_context->settings()->uiValue(QStringLiteral("history_panel")).toByteArray());
    const int current = m_tabs->currentIndex();
    QWidget *placeholder = m_tabs->widget(m_index);
    m_tabs->removeTab(m_index);
    placeholder->deleteLater();
    m_tabs->insertTab(m_index, m_panel, tr("&History"));
    m_tabs->setCurrentIndex(current);
    connect(m_panel, &HistoryPanel::verificationFinished, this, &HistoryTab::updateTitle);
    return m_panel;
}

void HistoryTab::loadWhenReady()
{
    // The history is read once its chain key is known, so the panel can verify what it loads.
    if (m_context->isReady())
        load();
    else
        connect(m_context, &AppContext::ready, this, &HistoryTab::load, Qt::SingleShotConnection);
}

void HistoryTab::load()
{
    m_panel->setChainKeyInKeychain(m_context->core()->chainKeyInKeychain());
    m_panel->reload();
}

void HistoryTab::saveState()
{
    if (m_panel)
        m_context->settings()->setUiValue(QStringLiteral("history_panel"), m_panel->saveState());
}

void HistoryTab::updateTitle(const ChainReport &report)
{
    const int index = m_tabs->indexOf(m_panel);
    if (index < 0)
        return;
    // An outage is not a failed check: the panel says "cannot check now" in amber, the title stays.
    const bool failed = HistoryPanel::checkFailed(report);
    m_tabs->setTabText(index, failed ? tr("&History — check failed") : tr("&History"));
    m_tabs->setTabIcon(index, report.ok ? QIcon() : Glyphs::icon(Glyph::Warning));
    m_tabs->setTabToolTip(index, report.ok ? QString() : report.problem);
}
