#pragma once

#include <QDialog>
#include <QUrl>

class QTextBrowser;

// Help → User guide: the guide shipped inside the program (the README's tour of the console, a Qt
// resource), shown offline in a text browser, so it opens without a web browser or a network. Links to
// the web still open in the desktop's browser when there is one.
class UserGuideDialog : public QDialog
{
    Q_OBJECT
public:
    explicit UserGuideDialog(QWidget *parent = nullptr);

    // Where the guide is kept: qrc:/guide/user-guide.md
    static QUrl source();
    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};
