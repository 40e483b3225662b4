#pragma once

#include <QLineEdit>

// A line edit that only accepts typed text. The delete confirmation asks the officer to type the
// user ID so that they read it; pasting it back would defeat the point. Blocks the paste shortcuts
// (Ctrl+V, Shift+Insert), the context menu, middle-click selection paste and drag-and-drop.
class NoPasteLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit NoPasteLineEdit(QWidget *parent = nullptr);

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
};
