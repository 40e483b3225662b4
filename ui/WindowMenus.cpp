#include "WindowMenus.h"

#include "HelpMenu.h"
#include "LanguageMenu.h"
#include "action/Action.h"
#include "action/ActionPolicy.h"
#include "actions/ActionPanel.h"

#include <QAction>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

WindowMenus::WindowMenus(QMainWindow *window, const ActionPolicy &policy, ActionPanel *actions, AppSettings *settings,
                         const QString &dataFolder)
    : QObject(window)
{
    buildStatusBar(window);
    buildMenus(window, policy, actions, settings, dataFolder);
}

void WindowMenus::buildMenus(QMainWindow *window, const ActionPolicy &policy, ActionPanel *actionPanel,
                             AppSettings *settings, const QString &dataFolder)
{
    QMenuBar *bar = window->menuBar();
    QMenu *file = bar->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    m_manageProfiles = file->addAction(tr("&Profiles…"), this, &WindowMenus::profilesRequested);
    m_manageProfiles->setObjectName(QStringLiteral("manageProfilesAction"));
    m_manageProfiles->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), window, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);

    QMenu *actions = bar->addMenu(tr("&Actions"));
    actions->setObjectName(QStringLiteral("actionsMenu"));
    for (ActionKind kind : ActionInfo::all()) {
        if (policy.rule(kind, Environment::Production).irreversible)
            actions->addSeparator(); // keep the irreversible ones apart
        actions->addAction(actionPanel->action(kind));
    }

    QMenu *view = bar->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction *focus = view->addAction(tr("Go to &user ID"), this, &WindowMenus::userIdFocusRequested);
    focus->setObjectName(QStringLiteral("focusUserIdAction"));
    focus->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *history = view->addAction(tr("&History"), this, [this] { emit tabRequested(1); });
    history->setObjectName(QStringLiteral("showHistoryAction"));
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    QAction *bulk = view->addAction(tr("&Bulk runs"), this, [this] { emit tabRequested(2); });
    bulk->setObjectName(QStringLiteral("showBulkAction"));
    bulk->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    // Shift, because Ctrl+A selects all in a field. Shown once the window has an Approvals tab (a team).
    m_showApprovals = view->addAction(tr("A&pprovals"), this, &WindowMenus::approvalsRequested);
    m_showApprovals->setObjectName(QStringLiteral("showApprovalsAction"));
    m_showApprovals->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_showApprovals->setVisible(false);

    view->addSeparator();
    auto *language = new LanguageMenu(settings, view);
    view->addMenu(language);
    connect(language, &LanguageMenu::languageChosen, this, &WindowMenus::languageChosen);

    auto *help = new HelpMenu(dataFolder, window);
    bar->addMenu(help);
    connect(help, &HelpMenu::aboutRequested, this, &WindowMenus::aboutRequested);
}

void WindowMenus::buildStatusBar(QMainWindow *window)
{
    QStatusBar *status = window->statusBar();
    status->setObjectName(QStringLiteral("statusBar"));
    m_sandboxStatus = new QLabel(window);
    m_sandboxStatus->setObjectName(QStringLiteral("sandboxStatus"));
    m_sandboxStatus->hide();
    m_languageNotice = new QLabel(window);
    m_languageNotice->setObjectName(QStringLiteral("languageNotice"));
    m_languageNotice->hide();
    status->addPermanentWidget(m_languageNotice);
    status->addPermanentWidget(m_sandboxStatus);
}
