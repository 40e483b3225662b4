#pragma once

#include <QMenu>
#include <QPointer>
#include <QUrl>

class UserGuideDialog;

// The Help menu: the user guide (the README's tour, shipped inside the program and shown offline), the
// keyboard shortcuts, the data folder, About Qt and About. Each entry has an objectName; the URLs it
// would open are readable so tests need not open them.
class HelpMenu : public QMenu
{
    Q_OBJECT
public:
    HelpMenu(const QString &dataFolder, QWidget *parent);

    // The guide inside the program, at the console's tour.
    static QUrl userGuideUrl();
    QUrl dataFolderUrl() const { return m_dataFolder; }
    // The shortcuts as shown by "Keyboard shortcuts", one "keys — what" per line.
    static QString shortcutsText();

signals:
    void aboutRequested();

private:
    void showShortcuts();
    void showGuide();

    QUrl m_dataFolder;
    QPointer<UserGuideDialog> m_guide;
};
