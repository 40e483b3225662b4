#pragma once

#include "history/HistoryChain.h"
#include "history/HistoryEntry.h"
#include "history/HistoryExportFlow.h"
#include "history/HistoryExporter.h"
#include "history/HistoryQuery.h"

#include <QTimer>
#include <QWidget>

#include <functional>

class FourEyes;
class HistoryApprovalLookup;
class HistoryCheck;
class HistoryCountLine;
class HistoryDetailView;
class HistoryExportNotice;
class HistoryTableMenu;
class HistoryFeed;
class HistoryService;
class HistoryFilterBar;
class HistoryFilter;
class HistoryTableModel;
class QHBoxLayout;
class QLabel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;

// The history view of the console: the whole audit trail as a sortable, filterable table with a
// detail pane, the chain check result, and CSV/JSON export of exactly the rows shown. It shows the
// feed's model; checking and exporting are requests to the history service, which runs them on its
// own thread, so the window never waits on disk. Call reload() once the history's chain key is set.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    using SaveFileNameProvider = HistoryExportFlow::SaveFileNameProvider;

    explicit HistoryPanel(HistoryFeed *feed, QWidget *parent = nullptr);
    ~HistoryPanel() override;

    HistoryTableModel *model() const { return m_model; }
    HistoryFilter *filter() const { return m_filter; }
    QTableView *view() const { return m_table; }

    void setSessionStart(const QDateTime &start);
    void setSaveFileNameProvider(SaveFileNameProvider provider);

    bool isLoading() const;
    bool isVerifying() const;
    // The last finished chain check (ok() is meaningless until verificationFinished was emitted once).
    ChainReport lastVerification() const;
    // See HistoryCheck::failed.
    static bool checkFailed(const ChainReport &report);
    // Without a keychain the chain key lives beside the history: the check then says what it can prove.
    void setChainKeyInKeychain(bool inKeychain);
    // The core's four-eyes service: the detail pane asks it who approved an approved action.
    void setFourEyes(FourEyes *fourEyes);

    // Splitter sizes and column layout, for the window to keep between runs.
    QByteArray saveState() const;
    bool restoreState(const QByteArray &state);

public slots:
    // Reads the whole trail again, then checks the chain.
    void reload();
    // Checks the chain (on the history thread).
    void verify();
    // Asks for a file name through the provider and exports the filtered rows in view order.
    void exportCsv();
    void exportJson();
    // Exports the filtered rows in view order to `path` without asking.
    void exportTo(const QString &path, HistoryExporter::Format format);
    // Asks for a CSV file and exports the selected rows, in view order.
    void exportSelection();

signals:
    void entryActivated(const HistoryEntry &entry);
    // Double-click or the context menu: show this user in the Lookup tab.
    void openUserRequested(const QString &userId);
    void verificationFinished(const ChainReport &report);
    void loadFinished();
    // `error` is empty on success.
    void exportFinished(const QString &path, const QString &error);

private:
    void buildUi();
    QHBoxLayout *buildToolbar(); // the filters, Reload and Export
    void buildTable();           // the table and its empty-state stand-in
    void onLoaded();
    void showProblems(const QStringList &problems);
    void connectExports();
    void updateEmptyState();
    void showCurrentDetail();
    void showOfficerColumns(bool shown);

    HistoryFeed *m_feed;
    HistoryService *m_service;
    HistoryTableModel *m_model;
    HistoryFilter *m_filter;
    HistoryFilterBar *m_filters = nullptr;
    QTableView *m_table = nullptr;
    HistoryDetailView *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    QToolButton *m_exportButton = nullptr;
    QToolButton *m_reloadButton = nullptr;
    QLabel *m_problemsLabel = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QStackedWidget *m_tableStack = nullptr;
    HistoryExportNotice *m_notice = nullptr;
    HistoryTableMenu *m_tableMenu = nullptr;
    HistoryExportFlow *m_export;
    HistoryApprovalLookup *m_approvals;
    HistoryCheck *m_check;
    HistoryCountLine *m_counts;

    HistoryEntry m_whole;        // the selected entry as last read whole
    qint64 m_reading = 0;        // the entry being read whole, 0 for none
    bool m_verifyOnLoad = false; // the first page on its way is a reload's: check the chain once it is shown
    QTimer m_requery;            // one question for several filter changes
};
