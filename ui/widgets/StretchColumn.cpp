#include "StretchColumn.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

StretchColumn::StretchColumn(QTableView *view, int column, int minimum)
    : QObject(view), m_view(view), m_column(column), m_minimum(minimum)
{
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(column, QHeaderView::Interactive);
    // Another column resized, shown or hidden changes what is left; the officer's own drag of this one
    // is left alone until the table's width changes.
    connect(header, &QHeaderView::sectionResized, this, [this](int logical) {
        if (logical != m_column)
            fit();
    });
    connect(header, &QHeaderView::sectionCountChanged, this, &StretchColumn::fit);
    view->viewport()->installEventFilter(this);
}

bool StretchColumn::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

void StretchColumn::fit()
{
    if (m_fitting)
        return;
    m_fitting = true;
    QHeaderView *header = m_view->horizontalHeader();
    int others = 0;
    for (int i = 0; i < header->count(); ++i) {
        if (i != m_column && !header->isSectionHidden(i))
            others += header->sectionSize(i);
    }
    header->resizeSection(m_column, qMax(m_minimum, m_view->viewport()->width() - others));
    m_fitting = false;
}
