// The window's drawn icons (Glyphs) and its caching word-wrapped label (WrapLabel): both exist to keep
// the first frame cheap (bench_startup), so these tests hold them to looking and measuring like what
// they replace.
#include "widgets/Glyphs.h"
#include "widgets/WrapLabel.h"

#include <QApplication>
#include <QImage>
#include <QLineEdit>
#include <QPixmap>
#include <QProxyStyle>
#include <QStyle>
#include <QTest>

namespace {
// Pixels with any opacity.
int inked(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            count += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
    return count;
}

QImage render(const QIcon &icon, int side, QIcon::Mode mode = QIcon::Normal)
{
    return icon.pixmap(QSize(side, side), 1.0, mode).toImage().convertToFormat(QImage::Format_ARGB32);
}

const QList<Glyph> kAll{Glyph::Info, Glyph::Warning, Glyph::Success, Glyph::Close, Glyph::Trash, Glyph::More};
} // namespace

class TestGlyphs : public QObject
{
    Q_OBJECT

private slots:
    void everyGlyphDrawsAtEverySize()
    {
        for (Glyph glyph : kAll) {
            const QIcon icon = Glyphs::icon(glyph);
            QVERIFY(!icon.isNull());
            for (int side : {16, 20, 32, 48}) {
                const QImage image = render(icon, side);
                QCOMPARE(image.size(), QSize(side, side));
                const int ink = inked(image);
                // Something is drawn, and it is a mark, not a filled square.
                QVERIFY2(ink > side * side / 20,
                         qPrintable(QStringLiteral("glyph %1 at %2").arg(int(glyph)).arg(side)));
                QVERIFY(ink < side * side);
            }
        }
    }

    void glyphsDifferAndDisabledIsGreyer()
    {
        QList<QImage> seen;
        for (Glyph glyph : kAll) {
            const QImage image = render(Glyphs::icon(glyph), 32);
            for (const QImage &other : seen)
                QVERIFY(image != other);
            seen.append(image);
        }
        // The warning triangle is amber when enabled, grey and fainter when disabled.
        const QImage normal = render(Glyphs::icon(Glyph::Warning), 32);
        const QImage disabled = render(Glyphs::icon(Glyph::Warning), 32, QIcon::Disabled);
        const QRgb centreNormal = normal.pixel(16, 22);
        const QRgb centreDisabled = disabled.pixel(16, 22);
        QVERIFY(qRed(centreNormal) > qBlue(centreNormal) + 100); // amber
        QCOMPARE(qRed(centreDisabled), qBlue(centreDisabled));   // grey
        QVERIFY(qAlpha(centreDisabled) < qAlpha(centreNormal));
    }

    void highDpiPixmapsAreSharp()
    {
        const QPixmap pixmap = Glyphs::icon(Glyph::Info).pixmap(QSize(16, 16), 2.0);
        QCOMPARE(pixmap.size(), QSize(32, 32)); // device pixels: drawn at 32, not 16 scaled up
        QCOMPARE(pixmap.devicePixelRatio(), 2.0);
    }

    void theStyleAnswersWithTheGlyphs()
    {
        Glyphs::installInStyle();
        QStyle *style = QApplication::style();
        const QList<QPair<QStyle::StandardPixmap, Glyph>> replaced{
            {QStyle::SP_MessageBoxInformation, Glyph::Info},
            {QStyle::SP_MessageBoxWarning, Glyph::Warning},
            {QStyle::SP_TrashIcon, Glyph::Trash},
            {QStyle::SP_LineEditClearButton, Glyph::Close},
            {QStyle::SP_ToolBarHorizontalExtensionButton, Glyph::More}};
        for (const auto &[pixmap, glyph] : replaced)
            QCOMPARE(render(style->standardIcon(pixmap), 24), render(Glyphs::icon(glyph), 24));
        // Everything else is still the desktop's style.
        auto *proxy = qobject_cast<QProxyStyle *>(style);
        QVERIFY(proxy);
        QVERIFY(proxy->baseStyle());
        for (QStyle::StandardPixmap other : {QStyle::SP_DialogOkButton, QStyle::SP_ArrowUp, QStyle::SP_FileIcon})
            QCOMPARE(render(style->standardIcon(other), 24), render(proxy->baseStyle()->standardIcon(other), 24));
        Glyphs::installInStyle(); // twice is harmless: no proxy of a proxy
        QCOMPARE(QApplication::style(), style);
        // A line edit's clear button takes the drawn cross, without loading the icon theme.
        QLineEdit edit;
        edit.setClearButtonEnabled(true);
        edit.setText(QStringLiteral("x"));
        QVERIFY(edit.isClearButtonEnabled());
    }

    void wrapLabelMeasuresLikeQLabel()
    {
        const QString text = QStringLiteral("Smile ID's API cannot read a user's live state: this is only what this "
                                            "console's history recorded.");
        WrapLabel cached(text);
        QLabel plain(text);
        plain.setWordWrap(true);
        QVERIFY(cached.wordWrap());
        for (int width : {40, 120, 200, 120, 600, 40})
            QCOMPARE(cached.heightForWidth(width), plain.heightForWidth(width));
        // A new text is measured anew, not answered from the old one's cache.
        const QString longer = text
            + QStringLiteral(" Changes made elsewhere (the portal, other tools) are not shown.");
        cached.setText(longer);
        plain.setText(longer);
        QCOMPARE(cached.heightForWidth(120), plain.heightForWidth(120));
        QVERIFY(cached.heightForWidth(120) > WrapLabel(text).heightForWidth(120));
        // So is a new font.
        QFont big = cached.font();
        big.setPointSizeF(big.pointSizeF() * 2);
        cached.setFont(big);
        plain.setFont(big);
        QCOMPARE(cached.heightForWidth(120), plain.heightForWidth(120));
    }
};

QTEST_MAIN(TestGlyphs)
#include "tst_gui_glyphs.moc"
