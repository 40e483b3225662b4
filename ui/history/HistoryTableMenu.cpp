#include "HistoryTableMenu.h"

#include "history/HistoryTableModel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>
#include <QTableView>

#include <algorithm>

HistoryTableMenu::HistoryTableMenu(QTableView *table) : QObject(table), m_table(table), m_menu(new QMenu(table))
{
    m_menu->setObjectName(QStringLiteral("historyContextMenu"));
    m_copy = m_menu->addAction(tr("&Copy user ID"), this, &HistoryTableMenu::copyUserId);
    m_copy->setObjectName(QStringLiteral("historyCopyUserId"));
    m_open = m_menu->addAction(tr("&Open user in Lookup"), this, [this] {
        const QString userId = currentUserId();
        if (!userId.isEmpty())
            emit openUserRequested(userId);
    });
    m_open->setObjectName(QStringLiteral("historyOpenInLookup"));
    m_menu->addSeparator();
    m_export = m_menu->addAction(tr("&Export selected entries as CSV…"), this,
                                 &HistoryTableMenu::exportSelectionRequested);
    m_export->setObjectName(QStringLiteral("historyExportSelection"));
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &HistoryTableMenu::showMenu);
    connect(m_table, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString userId = index.data(HistoryTableModel::EntryRole).value<HistoryEntry>().userId;
        if (!userId.isEmpty())
            emit openUserRequested(userId);
    });
}

QList<HistoryEntry> HistoryTableMenu::selectedEntries() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_table->currentIndex().isValid())
        rows.append(m_table->currentIndex());
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<HistoryEntry> entries;
    entries.reserve(rows.size());
    for (const QModelIndex &index : std::as_const(rows))
        entries.append(index.data(HistoryTableModel::EntryRole).value<HistoryEntry>());
    return entries;
}

QString HistoryTableMenu::currentUserId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? current.data(HistoryTableModel::EntryRole).value<HistoryEntry>().userId : QString();
}

void HistoryTableMenu::showMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (index.isValid() && !m_table->selectionModel()->isRowSelected(index.row(), index.parent()))
        m_table->setCurrentIndex(index);
    const bool any = m_table->currentIndex().isValid();
    m_copy->setEnabled(any);
    m_open->setEnabled(any);
    m_export->setEnabled(any);
    m_menu->popup(m_table->viewport()->mapToGlobal(pos));
}

void HistoryTableMenu::copyUserId()
{
    const QString userId = currentUserId();
    if (!userId.isEmpty())
        QGuiApplication::clipboard()->setText(userId);
}
