#pragma once

#include "history/HistoryChain.h"
#include "history/HistoryEntry.h"
#include "history/HistoryExportFlow.h"
#include "history/HistoryExporter.h"
#include "history/HistoryQuery.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <functional>

class FourEyes;
class HistoryApprovalLookup;
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
    bool isVerifying() const { return m_verifying; }
    // The last finished chain check (ok() is meaningless until verificationFinished was emitted once).
    ChainReport lastVerification() const { return m_lastReport; }
    // Whether `report` found the history broken. A team database out of reach found nothing: the check
    // could not be made now (shown in amber), which is not a failure unless this console's own trail broke.
    static bool checkFailed(const ChainReport &report) { return !report.ok && !cannotCheckNow(report); }
    static bool cannotCheckNow(const ChainReport &report) { return report.unreachable && report.breaks.isEmpty(); }
    // Without a keychain the chain key lives beside the history: the check then says what it can prove.
    void setChainKeyInKeychain(bool inKeychain) { m_keyInKeychain = inKeychain; }
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
    void onVerified(int generation, const ChainReport &report);
    void connectExports();
    void markAltered(const ChainReport &report);
    void updateEmptyState();
    void showCurrentDetail();
    void showOfficerColumns(bool shown);
    void count();
    void showCounts(const Result<HistoryCounts> &shown, const Result<HistoryCounts> &all);
    void scheduleVerify();
    void recordsArrived();
    void showMessage(const QString &text, bool problem);

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
    QLabel *m_verifyLabel = nullptr;
    QLabel *m_problemsLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QStackedWidget *m_tableStack = nullptr;
    HistoryExportNotice *m_notice = nullptr;
    HistoryTableMenu *m_tableMenu = nullptr;
    HistoryExportFlow *m_export;
    HistoryApprovalLookup *m_approvals;

    bool m_verifying = false;
    bool m_keyInKeychain = true;
    int m_verifyGeneration = 0;
    ChainReport m_lastReport;
    qint64 m_totalEntries = 0;    // every entry in the history, as last counted
    qint64 m_checkedEntries = -1; // ... when the last check answered
    int m_countGeneration = 0;
    bool m_verifyAgain = false;  // records came in during a check
    bool m_verifyOnLoad = false; // the first page on its way is a reload's: check the chain once it is shown
    QElapsedTimer m_checkClock;
    qint64 m_lastCheckMs = 0;
    QTimer m_reverify; // re-checks the chain after new records, so the status line never goes stale
    QTimer m_requery;  // one question for several filter changes
    QTimer m_recount;
};
