#pragma once

#include <QHash>
#include <QLabel>

// A word-wrapped label that remembers its height for each width it was asked about.
//
// Qt's layouts ask a wrapping label for its height at the same width many times while they settle
// (134 calls for the window's eight wrapped labels before its first frame, measured with callgrind),
// and QLabel lays out and shapes its text anew for every call. The answers depend only on the width,
// the text and the font (and the contents margins), so they are kept until one of those changes. Not
// for labels whose margin() or indent() change after they are shown: those change no event to watch.
class WrapLabel : public QLabel
{
    Q_OBJECT
public:
    explicit WrapLabel(QWidget *parent = nullptr);
    explicit WrapLabel(const QString &text, QWidget *parent = nullptr);

    int heightForWidth(int width) const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    mutable QHash<int, int> m_heights;
    mutable QString m_measured; // the text m_heights belong to
};
