#pragma once

#include <QIcon>

// The window's few status icons, drawn as vectors at whatever size and device pixel ratio is asked:
// info, warning, success, dismiss (close) and the irreversible-action mark (trash).
//
// Why not the icon theme: the first themed lookup (QIcon::fromTheme, which QStyle::standardIcon
// uses on Linux) loads the whole theme index, about 29 M instructions measured with callgrind under
// bench_startup, and the first frame needs four of these icons. Drawn here, they cost nothing at
// start, look the same on every desktop, scale cleanly on high-DPI screens, and follow the palette
// (close and trash take the text colour; every glyph greys out when disabled).
enum class Glyph { Info, Warning, Success, Close, Trash, More };

namespace Glyphs {
QIcon icon(Glyph glyph);
// Makes the application's style (whatever the desktop chose: Fusion, Breeze…) answer with these glyphs
// for the standard icons the window shows in its first frame or uses everywhere: the menu bar's
// overflow chevron (otherwise three PNGs decoded at start, 4.7 M instructions), a line edit's clear
// button (otherwise the icon theme, 29 M), and the information, warning and trash icons, so that
// message boxes and the window's own bars look alike. Call once, after QApplication, before any widget.
void installInStyle();
} // namespace Glyphs
