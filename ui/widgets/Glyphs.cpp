#include "Glyphs.h"

#include <QApplication>
#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmapCache>
#include <QProxyStyle>

namespace {

// Colours that read on light and dark palettes (the same hues as the history's outcome column).
QColor tint(Glyph glyph)
{
    switch (glyph) {
    case Glyph::Info:
        return {0x1a, 0x73, 0xe8};
    case Glyph::Warning:
        return {0xe3, 0x9e, 0x00};
    case Glyph::Success:
        return {0x2e, 0x7d, 0x32};
    case Glyph::Close:
    case Glyph::Trash:
    case Glyph::More:
        break;
    }
    return QGuiApplication::palette().color(QPalette::WindowText);
}

// Draws on a 16 × 16 grid; the painter is scaled to the requested rectangle.
void drawInfo(QPainter &p, const QColor &fill, const QColor &mark)
{
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawEllipse(QRectF(1, 1, 14, 14));
    p.setBrush(mark);
    p.drawEllipse(QRectF(7, 3.6, 2, 2));
    p.drawRoundedRect(QRectF(7, 6.8, 2, 5.8), 0.8, 0.8);
}

void drawWarning(QPainter &p, const QColor &fill, const QColor &mark)
{
    QPainterPath triangle;
    triangle.moveTo(8, 1.2);
    triangle.lineTo(15.2, 14.4);
    triangle.lineTo(0.8, 14.4);
    triangle.closeSubpath();
    p.setPen(QPen(fill, 1.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(fill);
    p.drawPath(triangle);
    p.setPen(Qt::NoPen);
    p.setBrush(mark);
    p.drawRoundedRect(QRectF(7.05, 5.2, 1.9, 5.2), 0.8, 0.8);
    p.drawEllipse(QRectF(7.05, 11.2, 1.9, 1.9));
}

void drawSuccess(QPainter &p, const QColor &fill, const QColor &mark)
{
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawEllipse(QRectF(1, 1, 14, 14));
    QPainterPath check;
    check.moveTo(4.6, 8.3);
    check.lineTo(7, 10.7);
    check.lineTo(11.6, 5.6);
    p.setPen(QPen(mark, 1.9, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPath(check);
}

void drawClose(QPainter &p, const QColor &ink)
{
    p.setPen(QPen(ink, 1.6, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(QPointF(4.5, 4.5), QPointF(11.5, 11.5));
    p.drawLine(QPointF(11.5, 4.5), QPointF(4.5, 11.5));
}

void drawTrash(QPainter &p, const QColor &ink)
{
    p.setPen(QPen(ink, 1.3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawLine(QPointF(2.5, 4), QPointF(13.5, 4));                  // the lid
    p.drawPolyline(QPolygonF{{6, 4}, {6.5, 2}, {9.5, 2}, {10, 4}}); // its handle
    QPainterPath can;
    can.moveTo(4, 4);
    can.lineTo(4.8, 14);
    can.lineTo(11.2, 14);
    can.lineTo(12, 4);
    p.drawPath(can);
    p.drawLine(QPointF(6.8, 6.5), QPointF(7, 11.5));
    p.drawLine(QPointF(9.2, 6.5), QPointF(9, 11.5));
}

void drawMore(QPainter &p, const QColor &ink)
{
    p.setPen(QPen(ink, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPolyline(QPolygonF{{4, 4.5}, {7.5, 8}, {4, 11.5}});
    p.drawPolyline(QPolygonF{{8.5, 4.5}, {12, 8}, {8.5, 11.5}});
}

class GlyphEngine : public QIconEngine
{
public:
    explicit GlyphEngine(Glyph glyph) : m_glyph(glyph) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal side = qMin(rect.width(), rect.height());
        if (side <= 0)
            return;
        QColor fill = tint(m_glyph);
        QColor mark(Qt::white);
        if (m_glyph == Glyph::Warning)
            mark = QColor(0x20, 0x20, 0x20);
        if (mode == QIcon::Disabled) {
            const int grey = qGray(fill.rgb());
            fill = QColor(grey, grey, grey, 110);
            mark.setAlpha(160);
        }
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->translate(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2);
        painter->scale(side / 16.0, side / 16.0);
        switch (m_glyph) {
        case Glyph::Info:
            drawInfo(*painter, fill, mark);
            break;
        case Glyph::Warning:
            drawWarning(*painter, fill, mark);
            break;
        case Glyph::Success:
            drawSuccess(*painter, fill, mark);
            break;
        case Glyph::Close:
            drawClose(*painter, fill);
            break;
        case Glyph::Trash:
            drawTrash(*painter, fill);
            break;
        case Glyph::More:
            drawMore(*painter, fill);
            break;
        }
        painter->restore();
    }

    // Painted once per size, mode and colour; buttons ask again at every repaint.
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        const QString key = QStringLiteral("enrollee-glyph-%1-%2x%3-%4-%5")
                                .arg(int(m_glyph))
                                .arg(size.width())
                                .arg(size.height())
                                .arg(int(mode))
                                .arg(tint(m_glyph).rgba());
        QPixmap pm;
        if (QPixmapCache::find(key, &pm))
            return pm;
        pm = QPixmap(size);
        pm.fill(Qt::transparent);
        {
            QPainter painter(&pm);
            paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        }
        QPixmapCache::insert(key, pm);
        return pm;
    }

    QIconEngine *clone() const override { return new GlyphEngine(m_glyph); }
    QString key() const override { return QStringLiteral("EnrolleeGlyph"); }

private:
    Glyph m_glyph;
};

// The desktop's style, with the glyphs above for the standard icons they replace.
class GlyphStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    QIcon standardIcon(StandardPixmap pixmap, const QStyleOption *option, const QWidget *widget) const override
    {
        switch (pixmap) {
        case SP_ToolBarHorizontalExtensionButton:
            return Glyphs::icon(Glyph::More);
        case SP_LineEditClearButton:
            return Glyphs::icon(Glyph::Close);
        case SP_MessageBoxInformation:
            return Glyphs::icon(Glyph::Info);
        case SP_MessageBoxWarning:
            return Glyphs::icon(Glyph::Warning);
        case SP_TrashIcon:
            return Glyphs::icon(Glyph::Trash);
        default:
            return QProxyStyle::standardIcon(pixmap, option, widget);
        }
    }
};

} // namespace

QIcon Glyphs::icon(Glyph glyph)
{
    return QIcon(new GlyphEngine(glyph));
}

void Glyphs::installInStyle()
{
    if (dynamic_cast<GlyphStyle *>(QApplication::style()))
        return;
    // The proxy takes the current style over (and deletes it with itself); the palette stays the
    // desktop's, as QApplication takes it from the platform theme first.
    QApplication::setStyle(new GlyphStyle(QApplication::style()));
}
