#include "WindowHost.h"

#include "LanguageSwitch.h"
#include "MainWindow.h"
#include "base/Translations.h"

WindowHost::WindowHost(AppContext *context, PromptService *prompts, QObject *parent)
    : QObject(parent), m_context(context), m_prompts(prompts)
{
    adopt(new MainWindow(m_context, m_prompts));
}

WindowHost::~WindowHost()
{
    delete m_window;
}

void WindowHost::show()
{
    m_window->show();
}

void WindowHost::adopt(MainWindow *window)
{
    m_window = window;
    // Queued: the request comes from inside the old window's menu, which must outlive the call.
    connect(window->languageSwitch(), &LanguageSwitch::switchRequested, this, &WindowHost::switchLanguage,
            Qt::QueuedConnection);
}

void WindowHost::switchLanguage(const QString &language)
{
    MainWindow *old = m_window;
    const MainWindow::Handover state = old->handOver();
    Translations::install(language);
    auto *fresh = new MainWindow(m_context, m_prompts);
    fresh->takeOver(state);
    adopt(fresh);
    // In the old window's place: same geometry (restored from the layout it saved), shown before the old
    // one goes, so the desktop never shows no window.
    fresh->setWindowState(old->windowState());
    fresh->show();
    fresh->raise();
    fresh->activateWindow();
    old->hide();
    old->deleteLater();
    emit windowReplaced(fresh);
}
