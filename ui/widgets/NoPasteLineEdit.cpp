#include "NoPasteLineEdit.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMouseEvent>

namespace {
bool isPaste(const QKeyEvent *key)
{
    return key->matches(QKeySequence::Paste)
        || (key->key() == Qt::Key_Insert && (key->modifiers() & Qt::ShiftModifier));
}
} // namespace

NoPasteLineEdit::NoPasteLineEdit(QWidget *parent) : QLineEdit(parent)
{
    setAcceptDrops(false);
    setContextMenuPolicy(Qt::NoContextMenu);
}

bool NoPasteLineEdit::event(QEvent *event)
{
    // QLineEdit claims the paste shortcut before the key press arrives; swallow it here so that
    // neither the line edit nor a window shortcut acts on it.
    if (event->type() == QEvent::ShortcutOverride && isPaste(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QLineEdit::event(event);
}

void NoPasteLineEdit::keyPressEvent(QKeyEvent *event)
{
    if (isPaste(event)) {
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void NoPasteLineEdit::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton) {
        event->accept();
        return;
    }
    QLineEdit::mousePressEvent(event);
}

void NoPasteLineEdit::mouseReleaseEvent(QMouseEvent *event)
{
    // X11 pastes the primary selection on a middle-button release.
    if (event->button() == Qt::MiddleButton) {
        event->accept();
        return;
    }
    QLineEdit::mouseReleaseEvent(event);
}

void NoPasteLineEdit::contextMenuEvent(QContextMenuEvent *event)
{
    event->accept();
}

void NoPasteLineEdit::dragEnterEvent(QDragEnterEvent *event)
{
    event->ignore();
}

void NoPasteLineEdit::dropEvent(QDropEvent *event)
{
    event->ignore();
}
