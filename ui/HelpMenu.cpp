#include "HelpMenu.h"

#include "UserGuideDialog.h"
#include "action/Action.h"
#include "actions/ActionPanel.h"

#include <QApplication>
#include <QDesktopServices>
#include <QMessageBox>

HelpMenu::HelpMenu(const QString &dataFolder, QWidget *parent)
    : QMenu(tr("&Help"), parent), m_dataFolder(QUrl::fromLocalFile(dataFolder))
{
    setObjectName(QStringLiteral("helpMenu"));
    QAction *guide = addAction(tr("&User guide"), this, &HelpMenu::showGuide);
    guide->setObjectName(QStringLiteral("userGuideAction"));
    guide->setShortcut(QKeySequence::HelpContents);
    QAction *keys = addAction(tr("&Keyboard shortcuts"), this, &HelpMenu::showShortcuts);
    keys->setObjectName(QStringLiteral("shortcutsAction"));
    QAction *data = addAction(tr("Open &data folder"), this, [this] { QDesktopServices::openUrl(m_dataFolder); });
    data->setObjectName(QStringLiteral("openDataFolderAction"));
    data->setToolTip(tr("The folder holding the history and the sandbox's state."));
    addSeparator();
    QAction *qt = addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    qt->setObjectName(QStringLiteral("aboutQtAction"));
    QAction *about = addAction(tr("&About Enrollee Console"), this, &HelpMenu::aboutRequested);
    about->setObjectName(QStringLiteral("aboutAction"));
}

QUrl HelpMenu::userGuideUrl()
{
    QUrl url = UserGuideDialog::source();
    url.setFragment(QStringLiteral("the-console"));
    return url;
}

void HelpMenu::showGuide()
{
    // One guide window, raised again rather than opened twice; it needs no browser and no network.
    if (!m_guide) {
        m_guide = new UserGuideDialog(parentWidget());
        m_guide->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_guide->show();
    m_guide->raise();
    m_guide->activateWindow();
}

QString HelpMenu::shortcutsText()
{
    QStringList lines;
    auto add = [&lines](const QKeySequence &keys, const QString &what) {
        lines.append(keys.toString(QKeySequence::NativeText) + QStringLiteral(" — ") + what);
    };
    for (ActionKind kind : ActionInfo::all())
        add(ActionPanel::shortcut(kind), ActionInfo::displayName(kind));
    add(QKeySequence(Qt::CTRL | Qt::Key_L), tr("Go to the user ID"));
    add(QKeySequence(Qt::CTRL | Qt::Key_H), tr("Show the history"));
    add(QKeySequence(Qt::CTRL | Qt::Key_B), tr("Show the bulk runs"));
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), tr("Show the approvals (with a team)"));
    add(QKeySequence(Qt::CTRL | Qt::Key_P), tr("Profiles"));
    add(QKeySequence::HelpContents, tr("User guide"));
    add(QKeySequence::Quit, tr("Quit"));
    return lines.join(QLatin1Char('\n'));
}

void HelpMenu::showShortcuts()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("Keyboard shortcuts"), shortcutsText(), QMessageBox::Close,
                                parentWidget());
    box->setObjectName(QStringLiteral("shortcutsDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
