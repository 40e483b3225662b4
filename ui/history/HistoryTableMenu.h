#pragma once

#include "history/HistoryEntry.h"

#include <QObject>

class QAction;
class QMenu;
class QTableView;

// The history table's right-click menu and double-click: copy the user ID, open the user in Lookup,
// export the selected entries. It only reads the view's selection and reports requests as signals;
// the panel exports, the window switches tabs.
class HistoryTableMenu : public QObject
{
    Q_OBJECT
public:
    explicit HistoryTableMenu(QTableView *table);

    QMenu *menu() const { return m_menu; }
    // The selected entries, in view order (the current one when nothing is selected).
    QList<HistoryEntry> selectedEntries() const;

signals:
    void openUserRequested(const QString &userId);
    void exportSelectionRequested();

private:
    void showMenu(const QPoint &pos);
    void copyUserId();
    QString currentUserId() const;

    QTableView *m_table;
    QMenu *m_menu;
    QAction *m_copy;
    QAction *m_open;
    QAction *m_export;
};
