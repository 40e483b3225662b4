#pragma once

#include "AppContext.h"
#include "MainWindow.h"
#include "PromptService.h"
#include "support/GuiTestSupport.h"

#include <QTest>

#include <memory>

namespace GuiTest {

// The real window over a real context, shown and started, with the embedded sandbox listening.
struct Console {
    explicit Console(const QString &home) : context(std::make_unique<AppContext>(configFor(home))) {}
    // The same files and keychain entries as an earlier console's: a restart.
    explicit Console(CoreConfig config) : context(std::make_unique<AppContext>(std::move(config))) {}
    std::unique_ptr<AppContext> context;
    PromptService prompts;
    std::unique_ptr<MainWindow> window = std::make_unique<MainWindow>(context.get(), &prompts);

    bool start()
    {
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            return false;
        return QTest::qWaitFor([this] { return context->isReady() && context->sandbox() != nullptr; }, 10000);
    }
};

} // namespace GuiTest
