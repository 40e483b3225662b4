#include "WrapLabel.h"

#include <QEvent>

WrapLabel::WrapLabel(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
}

WrapLabel::WrapLabel(const QString &text, QWidget *parent) : QLabel(text, parent)
{
    setWordWrap(true);
}

int WrapLabel::heightForWidth(int width) const
{
    const QString shown = text();
    if (shown != m_measured) {
        m_heights.clear();
        m_measured = shown;
    }
    const auto known = m_heights.constFind(width);
    if (known != m_heights.cend())
        return *known;
    const int height = QLabel::heightForWidth(width);
    if (m_heights.size() >= 32) // a window being resized asks at every width: keep the cache small
        m_heights.clear();
    m_heights.insert(width, height);
    return height;
}

void WrapLabel::changeEvent(QEvent *event)
{
    // Anything that changes how the text is laid out (font, style, the margins a style sets).
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange
        || event->type() == QEvent::ContentsRectChange || event->type() == QEvent::LayoutDirectionChange)
        m_heights.clear();
    QLabel::changeEvent(event);
}
