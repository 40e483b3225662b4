#pragma once

#include "history/HistoryChain.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

class HistoryService;
class QLabel;
class QWidget;

// The History tab's integrity line and the chain checks behind it. A check walks the whole history on
// the history thread, where pages and lookups wait behind it: at a million entries it takes seconds,
// so after new records the next check waits four times as long as the last one took (at least a
// second, at most five minutes), keeping that thread free most of the time. The line says a check is
// coming while new entries await one, amber when the check cannot be made now (a database out of
// reach), red when it found breaks.
class HistoryCheck : public QObject
{
    Q_OBJECT
public:
    HistoryCheck(HistoryService *service, QWidget *parent);

    QLabel *label() const { return m_label; }
    bool isChecking() const { return m_checking; }
    // The last finished check (ok() is meaningless until finished() was emitted once).
    ChainReport lastReport() const { return m_lastReport; }
    // Without a keychain the chain key lives beside the history: the line then says what a check can prove.
    void setChainKeyInKeychain(bool inKeychain) { m_keyInKeychain = inKeychain; }
    // How many entries the history holds now: the line names the number a check covered, and a number
    // that moved since means records arrived.
    void setEntryCount(qint64 entries);

    // Whether `report` found the history broken. A team database out of reach found nothing: the check
    // could not be made now (shown in amber), which is not a failure unless this console's own trail broke.
    static bool failed(const ChainReport &report) { return !report.ok && !cannotCheckNow(report); }
    static bool cannotCheckNow(const ChainReport &report) { return report.unreachable && report.breaks.isEmpty(); }

public slots:
    // Checks now.
    void check();
    // New records came in: a check follows, spaced by the cost of the last one.
    void recordsArrived();

signals:
    void finished(const ChainReport &report);
    // The entries the check found altered, removed around or reordered (id -> problem, translated).
    void alteredEntries(const QHash<qint64, QString> &problems);

private:
    void schedule();
    void onChecked(int generation, const ChainReport &report);
    void showReport(const ChainReport &report);

    HistoryService *m_service;
    QLabel *m_label;
    ChainReport m_lastReport;
    QElapsedTimer m_clock;
    QTimer m_again;
    qint64 m_entries = 0;
    qint64 m_checkedEntries = -1; // entries when the last check answered
    qint64 m_lastCheckMs = 0;
    int m_generation = 0;
    bool m_checking = false;
    bool m_checkAgain = false; // records came in during a check
    bool m_keyInKeychain = true;
};
