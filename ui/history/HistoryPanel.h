#pragma once

#include "HistoryEntry.h"
#include "HistoryExporter.h"
#include "HistoryStore.h"

#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include <functional>

class HistoryDetailView;
class HistoryFilterBar;
class HistoryFilterProxy;
class HistoryTableModel;
class QLabel;
class QSplitter;
class QTableView;
class QToolButton;

// The history view of the console: the whole audit trail as a sortable, filterable table with a
// detail pane, the chain check result, and CSV/JSON export of exactly the rows shown. Loading,
// verifying and exporting run on the panel's own worker pool, so the window never waits on disk;
// the pool is joined when the panel is destroyed, so a worker never outlives it. `store` must
// outlive the panel. Call reload() once the store's chain key is set.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    // Asks for a file to save to; returns an empty string when the officer cancels. Tests pre-answer it.
    using SaveFileNameProvider = std::function<QString(const QString &title, const QString &filter)>;

    explicit HistoryPanel(HistoryStore *store, QWidget *parent = nullptr);
    ~HistoryPanel() override;

    HistoryTableModel *model() const { return m_model; }
    HistoryFilterProxy *proxy() const { return m_proxy; }
    QTableView *view() const { return m_table; }

    void setSessionStart(const QDateTime &start);
    void setSaveFileNameProvider(SaveFileNameProvider provider);

    bool isLoading() const { return m_loading; }
    bool isVerifying() const { return m_verifying; }
    // The last finished chain check (ok() is meaningless until verificationFinished was emitted once).
    ChainReport lastVerification() const { return m_lastReport; }

    // Splitter sizes and column layout, for the window to keep between runs.
    QByteArray saveState() const;
    bool restoreState(const QByteArray &state);

public slots:
    // Reads the whole store on a worker thread, then checks the chain.
    void reload();
    // Checks the chain on a worker thread.
    void verify();
    // Asks for a file name through the provider and exports the filtered rows in view order.
    void exportCsv();
    void exportJson();
    // Exports the filtered rows in view order to `path` without asking.
    void exportTo(const QString &path, HistoryExporter::Format format);

signals:
    void entryActivated(const HistoryEntry &entry);
    void verificationFinished(const ChainReport &report);
    void loadFinished();
    // `error` is empty on success.
    void exportFinished(const QString &path, const QString &error);

private:
    void buildUi();
    void onLiveEntry(const HistoryEntry &entry);
    void onLoaded(int generation, const HistoryLoad &load);
    void onVerified(int generation, const ChainReport &report);
    void askAndExport(HistoryExporter::Format format);
    void showCurrentDetail();
    void updateCounts();
    void showMessage(const QString &text, bool problem);

    HistoryStore *m_store;
    HistoryTableModel *m_model;
    HistoryFilterProxy *m_proxy;
    HistoryFilterBar *m_filters = nullptr;
    QTableView *m_table = nullptr;
    HistoryDetailView *m_detail = nullptr;
    QSplitter *m_splitter = nullptr;
    QToolButton *m_exportButton = nullptr;
    QToolButton *m_reloadButton = nullptr;
    QLabel *m_verifyLabel = nullptr;
    QLabel *m_problemsLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    SaveFileNameProvider m_saveFileName;

    bool m_loading = false;
    bool m_verifying = false;
    int m_loadGeneration = 0;
    int m_verifyGeneration = 0;
    // Entries that arrived by signal while a load was running; re-applied over its (older) snapshot.
    QList<HistoryEntry> m_liveDuringLoad;
    ChainReport m_lastReport;
    // Declared last so it is destroyed first: its destructor joins the workers before anything they
    // report to goes away.
    QThreadPool m_pool;
    QTimer m_reverify; // re-checks the chain shortly after new records, so the status line never goes stale
};
