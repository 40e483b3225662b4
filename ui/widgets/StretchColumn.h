#pragma once

#include <QObject>

class QTableView;

// Gives one column of a table the width the other columns leave, as QHeaderView::Stretch does, but never
// less than `minimum`: with more columns than room, a stretched column would shrink to a few pixels and
// show only "…", while this one keeps its text readable and the table scrolls sideways instead.
class StretchColumn : public QObject
{
    Q_OBJECT
public:
    StretchColumn(QTableView *view, int column, int minimum);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fit();

    QTableView *m_view;
    int m_column;
    int m_minimum;
    bool m_fitting = false;
};
