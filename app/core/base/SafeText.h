#pragma once

#include <QString>

// Text that came from a server (or any other stranger) made safe to show on one line of a terminal or a
// label: escape sequences are dropped whole, so "\x1b]0;pwned\x07" cannot retitle the window and
// "\x1b[2J" cannot clear the screen; C0/C1 controls and invisible formatting characters (bidi overrides
// that make text read backwards, zero-width characters) are removed; line breaks and tabs become
// spaces; lone surrogates become U+FFFD. The raw bytes stay in ApiResult::body for the details view.
namespace SafeText {
QString line(const QString &text);
// Whether `c` must never reach a terminal raw (a control, a format character or a line separator).
bool isUnsafe(QChar c);
} // namespace SafeText
