#pragma once

#include <QDateTime>
#include <QObject>

class AppContext;
class HistoryFeed;
class HistoryPanel;
class PromptService;
class QTabWidget;
class QWidget;
struct ChainReport;

// The window's side of the history: the History tab (a placeholder until the first frame, then the panel,
// which reads the trail once its chain key is known), and the tab's title, which says when the last check
// found the trail altered, so nobody needs to open the tab to know. Part of the window rather than of the
// history view's library: it reads the window's context and asks through the window's prompts.
class HistoryTab : public QObject
{
    Q_OBJECT
public:
    // Adds the tab, holding a placeholder, to `tabs`; the panel will show `feed`.
    HistoryTab(AppContext *context, HistoryFeed *feed, PromptService *prompts, QTabWidget *tabs, QWidget *window);

    // Puts the panel, with its columns as last saved, in the placeholder's place. Once only; later calls
    // return the same panel.
    HistoryPanel *build();
    HistoryPanel *panel() const { return m_panel; }
    // Reads the trail into the panel now if the context is ready, else as soon as it is.
    void loadWhenReady();
    // The panel's columns, for the next window (nothing before the panel is built).
    void saveState();

private:
    void load();
    void updateTitle(const ChainReport &report);

    AppContext *m_context;
    HistoryFeed *m_feed;
    PromptService *m_prompts;
    QTabWidget *m_tabs;
    QWidget *m_window;
    QDateTime m_sessionStart;
    int m_index = -1;
    HistoryPanel *m_panel = nullptr;
};
