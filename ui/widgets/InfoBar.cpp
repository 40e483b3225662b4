#include "InfoBar.h"

#include "widgets/Glyphs.h"
#include "widgets/WrapLabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

InfoBar::InfoBar(const QString &objectName, QWidget *parent)
    : QFrame(parent), m_label(new WrapLabel(this)), m_action(new QPushButton(this)), m_close(new QToolButton(this))
{
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    // Follows the palette: a tooltip-coloured strip is visible but calm in light and dark themes.
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    m_label->setObjectName(objectName + QStringLiteral("Text"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_action->setObjectName(objectName + QStringLiteral("Action"));
    m_action->setAccessibleName(tr("Notice action"));
    m_action->hide();
    m_close->setObjectName(objectName + QStringLiteral("Close"));
    m_close->setAutoRaise(true);
    m_close->setIcon(Glyphs::icon(Glyph::Close));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss notice"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    auto *icon = new QLabel(this);
    icon->setPixmap(Glyphs::icon(Glyph::Info).pixmap(16, 16));
    icon->setAccessibleName(tr("Information"));
    layout->addWidget(icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_close);

    connect(m_action, &QPushButton::clicked, this, &InfoBar::actionTriggered);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        emit dismissed();
    });
}

void InfoBar::setText(const QString &text)
{
    m_label->setText(text);
    m_label->setAccessibleName(text);
    setAccessibleName(text);
}

QString InfoBar::text() const
{
    return m_label->text();
}

void InfoBar::setActionText(const QString &label)
{
    m_action->setText(label);
    if (!label.isEmpty())
        m_action->setAccessibleName(label);
    m_action->setVisible(!label.isEmpty());
}
