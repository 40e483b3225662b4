#include "LanguageMenu.h"

#include "base/Translations.h"
#include "settings/AppSettings.h"

#include <QActionGroup>
#include <QLocale>

LanguageMenu::LanguageMenu(AppSettings *settings, QWidget *parent)
    : QMenu(tr("&Language"), parent), m_settings(settings)
{
    setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(this);
    group->setExclusive(true);
    auto add = [this, group](const QString &code, const QString &label) {
        QAction *action = addAction(label);
        action->setObjectName(QStringLiteral("language_") + (code.isEmpty() ? QStringLiteral("system") : code));
        action->setCheckable(true);
        action->setChecked(m_settings->language() == code);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] {
            m_settings->setLanguage(code);
            m_settings->sync();
            emit languageChosen(code, tr("The language applies the next time Enrollee Console starts."));
        });
    };
    add(QString(), tr("Follow the system"));
    addSeparator();
    for (const QString &code : Translations::available()) {
        const QLocale locale(code);
        // Each language is named in itself, so a person who cannot read the current one still finds theirs.
        QString name = locale.nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper();
        add(code, name.isEmpty() ? code : name);
    }
}
